// file:// and fileb:// parameter values, as the AWS CLI's paramfile.py loads them: `~` and `$VAR`
// expanded, text decoded with the AWS CLI's file encoding (AWS_CLI_FILE_ENCODING, else the locale's:
// UTF-8 here) through Python's universal newlines, bytes read as they are.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { errnoOf } from '../py/errno';
import { expandUser, expandVars } from '../py/os-path';
import { pyStrRepr } from '../py/repr';
import { PyBytes } from '../py/values';
import { GeneralError } from '../errors';
import { own } from '../model/own';

export class ParamFileError extends Error {}

export interface FileEnv {
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Python's repr() of a path in an OSError message. */
const reprPath = pyStrRepr;

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
    if (filePath === '') throw Object.assign(new Error(''), { code: 'ENOENT' });
    data = readFileSync(isAbsolute(filePath) ? filePath : resolve(fenv.cwd, filePath));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const [errno, text] = errnoOf(code) ?? [5, (e as Error).message];
    throw new ParamFileError(`Unable to load paramfile ${value}: [Errno ${errno}] ${text}: ${reprPath(filePath)}`);
  }
  if (binary) return new PyBytes(new Uint8Array(data));
  // Python's open() opens the file, then looks the codec up (an unknown one is not a file error).
  const text = fileCodec(fenv.env)(data);
  if (text === undefined) {
    throw new ParamFileError(
      `Unable to load paramfile (${filePath}), text contents could not be decoded.  If this is a binary file, ` +
      'please use the fileb:// prefix instead of the file:// prefix.');
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

type Codec = (data: Uint8Array) => string | undefined;

/**
 * The text encoding of file:// values: AWS_CLI_FILE_ENCODING when set (a Python codec name), else the
 * locale's, which is UTF-8 for the C/POSIX and UTF-8 locales the CLI runs in.
 */
function fileCodec(env: Record<string, string | undefined>): Codec {
  const name = env.AWS_CLI_FILE_ENCODING;
  if (name === undefined) return utf8;
  const codec = pyCodec(normalizeCodecName(name));
  if (!codec) throw new GeneralError(`unknown encoding: ${name}`);
  return codec;
}

/** Python's encodings.normalize_encoding plus the alias lookup's lower-casing and separators. */
function normalizeCodecName(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
}

const decoder = (label: string): Codec => {
  let d: InstanceType<typeof TextDecoder> | undefined; // made on first use: a TextDecoder costs 0.1 ms of every command's start
  return (data) => {
    d ??= new TextDecoder(label, { fatal: true, ignoreBOM: true });
    try {
      return d.decode(data);
    } catch {
      return undefined;
    }
  };
};

const utf8 = decoder('utf-8');
const utf8sig: Codec = (data) => utf8(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data);
const latin1: Codec = (data) => {
  let out = '';
  for (let i = 0; i < data.length; i += 8192) out += String.fromCharCode(...data.subarray(i, i + 8192));
  return out;
};
const ascii: Codec = (data) => (data.every((b) => b < 0x80) ? latin1(data) : undefined);
const utf16le = decoder('utf-16le');
const utf16be = decoder('utf-16be');
// Python's utf-16: a byte order mark chooses the order and is dropped; without one, little-endian.
const utf16: Codec = (data) => {
  if (data[0] === 0xfe && data[1] === 0xff) return utf16be(data.subarray(2));
  if (data[0] === 0xff && data[1] === 0xfe) return utf16le(data.subarray(2));
  return utf16le(data);
};

/** Python's codec names (built when AWS_CLI_FILE_ENCODING names one: most commands never need it). */
let pyCodecs: Record<string, Codec> | undefined;
function pyCodec(name: string): Codec | undefined {
  if (!pyCodecs) {
    pyCodecs = {};
    for (const [codec, names] of [
      [utf8, 'utf_8 utf8 u8 utf cp65001 utf8_ucs2 utf8_ucs4'],
      [utf8sig, 'utf_8_sig'],
      [ascii, 'ascii us_ascii 646 ansi_x3.4_1968 ansi_x3_4_1968 ansi_x3.4_1986 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us'],
      [latin1, 'latin_1 latin1 latin l1 iso_8859_1 iso8859_1 8859 cp819 iso_ir_100 iso_8859_1_1987 ibm819 csisolatin1'],
      [utf16, 'utf_16 utf16 u16'],
      [utf16le, 'utf_16_le utf_16le unicodelittleunmarked'],
      [utf16be, 'utf_16_be utf_16be unicodebigunmarked'],
    ] as const) {
      for (const n of names.split(' ')) pyCodecs[n] = codec;
    }
  }
  return own(pyCodecs, name);
}
