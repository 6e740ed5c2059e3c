// From parsed options to the operation's call parameters, as the AWS CLI's `_build_call_parameters`
// does it: per argument, in argument-table order, file:// loading, then shorthand/JSON/scalar
// unpacking by the member's shape; then --cli-input-json/--cli-input-yaml values for the members the
// command line did not set; pagination options aside.
import type { CliArgument } from './arguments';
import { GeneralError, ParamValidationError } from '../errors';
import type { IO } from '../io';
import { getShape, paginatorFor, xformName } from '../model';
import type { Operation, Paginator } from '../model/types';
import { PyBytes, type PyDict, type PyValue } from '../py/values';
import { supportsShorthandSyntax, unpackCliArg, ParamSyntaxError } from './argprocess';
import { pyInt } from '../py/numbers';
import { loadParamFile, ParamFileError } from './paramfile';
import { jsonLoads } from '../py/json-loads';
import { pyStrRepr, pyTypeName } from '../py/repr';
import { pyLStrip } from '../py/str';

const COMPLEX = new Set(['structure', 'list', 'map']);

export interface CallContext {
  io: IO;
  op: Operation;
  args: CliArgument[];
  parsed: Map<string, string | boolean | string[]>;
  /** The global options the parameters depend on (--no-paginate). */
  globals: { readonly paginate: boolean };
}

export interface PaginationConfig {
  StartingToken?: string;
  PageSize?: number | bigint;
  MaxItems?: number | bigint;
}

export interface CallParameters {
  params: PyDict;
  pagination: PaginationConfig;
  /** False when pagination was turned off (--no-paginate, or the paging members given directly). */
  paginate: boolean;
}

/** The paginator's input tokens and its limit key (API names). */
function inputTokens(pag: Paginator): string[] {
  const tokens = [...(Array.isArray(pag.input_token) ? pag.input_token : [pag.input_token])];
  if (pag.limit_key) tokens.push(pag.limit_key);
  return tokens;
}

const decode = (b: PyBytes) => new TextDecoder('utf-8').decode(b.bytes);

export async function buildCallParameters(ctx: CallContext): Promise<CallParameters> {
  const { args, parsed, io, op } = ctx;
  const fenv = { env: io.env, cwd: io.cwd };
  let paginate = ctx.globals.paginate;

  // Pagination switched off by the paging members themselves; then the CLI's paging options conflict.
  const pag = paginatorFor(op);
  if (pag) {
    if (inputTokens(pag).some((t) => parsed.has(xformName(t, '-')))) paginate = false;
    if (!paginate) {
      // The AWS CLI counts the paging options whose (argparse-typed) value is truthy: `--max-items 0`
      // and `--starting-token ''` do not conflict; a bad int is argparse's error, reported first.
      const used = ['starting-token', 'page-size', 'max-items'].filter((n) => {
        const v = parsed.get(n);
        if (typeof v !== 'string') return false;
        return n === 'starting-token' ? v !== '' : parseIntArg(`--${n}`, v) !== 0;
      });
      if (used.length) {
        throw new ParamValidationError(
          `Cannot specify --no-paginate along with pagination arguments: ${used.map((n) => `--${n}`).join(', ')}`);
      }
    }
  }

  const params: PyDict = new Map();
  const pagination: PaginationConfig = {};
  let inputDoc: { kind: 'json' | 'yaml'; value: string | PyBytes } | undefined;
  for (const a of args) {
    if (!parsed.has(a.name)) continue;
    const raw = parsed.get(a.name)!;
    const cliName = `--${a.name}`;
    try {
      if (a.kind === 'member') {
        params.set(a.member!, unpackMember(a, raw, fenv));
      } else if (a.kind === 'page') {
        const v = raw as string;
        if (a.pageKey === 'StartingToken') {
          // A string option like any other: file:// and fileb:// are read (the int options never are).
          const loaded = loadParamFile(v, fenv);
          pagination.StartingToken = loaded === undefined ? v : typeof loaded === 'string' ? loaded : decode(loaded);
        } else {
          const n = parseIntArg(cliName, v);
          if (a.pageKey === 'MaxItems') {
            pagination.MaxItems = n;
            if (n <= 0) io.stderr.write('warning: Non-positive values for --max-items may result in undefined behavior.\n');
          } else pagination.PageSize = n;
        }
      } else if (a.kind === 'cli-input-json' || a.kind === 'cli-input-yaml') {
        const v = raw as string;
        inputDoc = { kind: a.kind === 'cli-input-json' ? 'json' : 'yaml', value: loadParamFile(v, fenv) ?? v };
      }
    } catch (e) {
      if (e instanceof ParamFileError) throw new ParamValidationError(`Error parsing parameter '${cliName}': ${e.message}`);
      if (e instanceof ParamSyntaxError) throw new ParamValidationError(e.message);
      throw e;
    }
  }
  // The --cli-input-* handlers run once every argument is unpacked (files read, shorthand parsed).
  if (parsed.has('cli-input-json') && parsed.has('cli-input-yaml')) {
    throw new ParamValidationError('Only one --cli-input- parameter may be specified.');
  }
  // The input document fills in what the command line did not set. Then (calling-command, after the
  // --cli-input-* handlers) AWS CLI v2 turns pagination off when the call has a paging member
  // (nextToken, maxResults), however it got there.
  const doc = inputDoc ? await loadInputDocument(inputDoc.kind, inputDoc.value) : undefined;
  if (pag && doc && inputTokens(pag).some((t) => doc.has(t))) paginate = false;
  // Paging options given for a call that is not paginated (or stubbed, for an output skeleton) stay
  // in it as PaginationConfig, which parameter validation then refuses; in the AWS CLI's order: after
  // the command line's members, before the document's.
  const direct = !paginate || parsed.get('generate-cli-skeleton') === 'output';
  if (pag && direct && Object.keys(pagination).length) {
    const config: PyDict = new Map();
    for (const k of ['StartingToken', 'PageSize', 'MaxItems'] as const) {
      if (pagination[k] !== undefined) config.set(k, pagination[k]!);
    }
    params.set('PaginationConfig', config);
  }
  if (doc) for (const [k, v] of doc) if (!params.has(k)) params.set(k, v);
  return { params, pagination, paginate };
}

function unpackMember(a: CliArgument, raw: string | boolean | string[], fenv: { env: Record<string, string | undefined>; cwd: string }): PyValue {
  const cliName = `--${a.name}`;
  if (typeof raw === 'boolean') return raw;
  // `key@=file://…` in shorthand reads a file, as a parameter value does; but the AWS CLI's shorthand
  // parser lets its ResourceLoadingError escape, not wrapped as the parameter's error: the plain text,
  // exit 255.
  const readFile = (uri: string) => {
    try {
      return loadParamFile(uri, fenv)!;
    } catch (e) {
      if (e instanceof ParamFileError) throw new GeneralError(e.message);
      throw e;
    }
  };
  if (Array.isArray(raw)) {
    // nargs='*' list options: a single file:// item is loaded; the unpacker decides JSON or
    // shorthand from the first item, as the AWS CLI does.
    const single = raw.length === 1 ? loadParamFile(raw[0], fenv) : undefined;
    if (single === undefined) return unpackCliArg(cliName, a.ref!, raw, { readFile });
    if (single instanceof PyBytes) {
      refuseBytes(a, cliName);
      // A list of scalars: the AWS CLI iterates the bytes, one int per byte (validation judges them).
      return Array.from(single.bytes);
    }
    const text = single;
    const member = getShape(getShape(a.ref!).member!);
    if (!COMPLEX.has(member.type)) {
      // The file's text replaces the list, and a list of scalars unpacks a string that is not JSON
      // by iterating it: one item per character, as Python iterates a str.
      const head = pyLStrip(text);
      if (head === '') {
        // (The AWS CLI fails here on an index error of its own.)
        throw new ParamValidationError(`Error parsing parameter '${cliName}': expected a list of values, received an empty string`);
      }
      if (head[0] !== '[') return unpackCliArg(cliName, a.ref!, Array.from(text), { readFile });
    }
    return unpackCliArg(cliName, a.ref!, text, { readFile });
  }
  const loaded = loadParamFile(raw, fenv);
  if (loaded instanceof PyBytes) {
    const shape = getShape(a.ref!);
    if (shape.type === 'blob' || shape.type === 'string') return loaded;
    refuseBytes(a, cliName);
    return unpackCliArg(cliName, a.ref!, decode(loaded), { readFile });
  }
  return unpackCliArg(cliName, a.ref!, loaded ?? raw, { readFile });
}

/**
 * fileb:// gives bytes: for a parameter that takes shorthand (a structure, a map, a list of them) the
 * AWS CLI hands them to its shorthand parser and fails on a Python TypeError ("'in <string>' requires
 * string as left operand, not int"), before any request. Refused here with a clear error.
 */
function refuseBytes(a: CliArgument, cliName: string): void {
  const shape = getShape(a.ref!);
  if (!supportsShorthandSyntax(shape)) return;
  const kind = shape.type === 'list' ? 'a list' : shape.type === 'map' ? 'a map' : 'a structure';
  throw new ParamValidationError(`Error parsing parameter '${cliName}': fileb:// gives the file's raw bytes, ` +
    `but this parameter takes ${kind} (JSON or shorthand syntax): use file:// to read it from a file`);
}

/** A paging option's value as argparse's `type=int` made it (the parser has already checked it). */
function parseIntArg(cliName: string, v: string): number | bigint {
  try {
    return pyInt(v);
  } catch {
    throw new ParamValidationError(`argument ${cliName}: invalid int value: ${pyStrRepr(v)}`, true);
  }
}

/**
 * json.loads on bytes (fileb://): json.detect_encoding picks UTF-8 (a BOM dropped), UTF-16 or UTF-32
 * from a byte order mark or the zero bytes of the first characters. Undefined when they do not decode.
 */
export function decodeJsonBytes(b: Uint8Array): string | undefined {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  let enc: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' = 'utf-8';
  let skip = 0;
  if (starts(0x00, 0x00, 0xfe, 0xff)) [enc, skip] = ['utf-32be', 4];
  else if (starts(0xff, 0xfe, 0x00, 0x00)) [enc, skip] = ['utf-32le', 4];
  else if (starts(0xfe, 0xff)) [enc, skip] = ['utf-16be', 2];
  else if (starts(0xff, 0xfe)) [enc, skip] = ['utf-16le', 2];
  else if (starts(0xef, 0xbb, 0xbf)) skip = 3;
  else if (b.length >= 4) {
    if (!b[0]) enc = b[1] ? 'utf-16be' : 'utf-32be';
    else if (!b[1]) enc = b[2] || b[3] ? 'utf-16le' : 'utf-32le';
  } else if (b.length === 2) {
    if (!b[0]) enc = 'utf-16be';
    else if (!b[1]) enc = 'utf-16le';
  }
  const body = b.subarray(skip);
  if (enc === 'utf-32le' || enc === 'utf-32be') {
    if (body.length % 4) return undefined;
    let out = '';
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < body.length; i += 4) {
      const cp = view.getUint32(i, enc === 'utf-32le');
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
    }
    return out;
  }
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
}

async function loadInputDocument(kind: 'json' | 'yaml', value: string | PyBytes): Promise<PyDict> {
  const text = typeof value === 'string' ? value : kind === 'json' ? decodeJsonBytes(value.bytes) : decode(value);
  let doc: PyValue;
  if (kind === 'json') {
    try {
      if (text === undefined) throw new Error('undecodable');
      doc = jsonLoads(text, { tooDeep: 'decode' });
    } catch {
      throw new ParamValidationError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
    }
  } else {
    const { loadYamlInput } = await import('./yaml-input');
    try {
      doc = loadYamlInput(text!);
    } catch (e) {
      // ruamel's own YAML errors become "Invalid YAML received."; a plain Python exception raised
      // while constructing a value (`!!int 1.5`) escapes as a general error.
      if ((e as { pythonError?: boolean }).pythonError) throw new GeneralError((e as Error).message);
      if ((e as Error).name === 'YamlNestingError') {
        throw new ParamValidationError(`Error parsing parameter 'cli-input-yaml': ${(e as Error).message}`);
      }
      throw new ParamValidationError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
    }
  }
  if (!(doc instanceof Map)) {
    throw new ParamValidationError(`Error parsing parameter '--cli-input-${kind}': Invalid type: expecting map, received ${pyTypeName(doc)}`);
  }
  return doc;
}
