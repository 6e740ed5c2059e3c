// file:// and fileb:// parameter values, as the AWS CLI's paramfile.py loads them: `~` and `$VAR`
// expanded, text read as UTF-8 with Python's universal newlines, bytes read as they are.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pyStrRepr } from '../model/pyrepr';
import { PyBytes } from '../model/values';

export class ParamFileError extends Error {}

export interface FileEnv {
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Python's os.path.expanduser for `~` and `~/…` (HOME from the environment). */
export function expandUser(p: string, env: Record<string, string | undefined>): string {
  if (p === '~' || p.startsWith('~/')) {
    const home = env.HOME;
    if (home !== undefined) return home.replace(/\/+$/, '') + p.slice(1) || '/';
  }
  return p;
}

/** Python's os.path.expandvars: `$NAME` and `${NAME}` replaced when NAME is set, left alone otherwise. */
export function expandVars(p: string, env: Record<string, string | undefined>): string {
  if (!p.includes('$')) return p;
  return p.replace(/\$(\w+|\{[^}]*\})/g, (m, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const v = env[key];
    return v === undefined ? m : v;
  });
}

/** Python's repr() of a path in an OSError message. */
const reprPath = pyStrRepr;

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
};

/**
 * Returns the loaded value when `value` is a file:// or fileb:// reference, undefined otherwise.
 * Throws ParamFileError with the AWS CLI's text when the file cannot be read.
 */
export function loadParamFile(value: string, fenv: FileEnv): string | PyBytes | undefined {
  const binary = value.startsWith('fileb://');
  if (!binary && !value.startsWith('file://')) return undefined;
  const raw = value.slice(binary ? 8 : 7);
  const filePath = expandVars(expandUser(raw, fenv.env), fenv.env);
  let data: Buffer;
  try {
    data = readFileSync(isAbsolute(filePath) ? filePath : resolve(fenv.cwd, filePath));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const [errno, text] = ERRNO[code] ?? [5, (e as Error).message];
    throw new ParamFileError(`Unable to load paramfile ${value}: [Errno ${errno}] ${text}: ${reprPath(filePath)}`);
  }
  if (binary) return new PyBytes(new Uint8Array(data));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new ParamFileError(
      `Unable to load paramfile (${filePath}), text contents could not be decoded.  If this is a binary file, ` +
      'please use the fileb:// prefix instead of the file:// prefix.');
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
