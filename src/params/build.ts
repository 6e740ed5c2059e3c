// From parsed options to the operation's call parameters, as the AWS CLI's `_build_call_parameters`
// does it: per argument, in argument-table order, file:// loading, then shorthand/JSON/scalar
// unpacking by the member's shape; then --cli-input-json/--cli-input-yaml values for the members the
// command line did not set; pagination options aside.
import type { CliArgument } from '../commands/arguments';
import type { GlobalArgs } from '../commands/globals';
import { GeneralError, ParamValidationError } from '../errors';
import type { IO } from '../io';
import { getShape, paginatorFor, xformName } from '../model';
import type { Operation } from '../model/types';
import { PyBytes, type PyDict, type PyValue } from '../model/values';
import { unpackCliArg, ParamSyntaxError } from './argprocess';
import { loadParamFile, ParamFileError } from './paramfile';
import { parsePyJson } from './pyjson';
import { pyTypeName } from '../model/pyrepr';

export interface CallContext {
  io: IO;
  op: Operation;
  args: CliArgument[];
  parsed: Map<string, string | boolean | string[]>;
  globals: GlobalArgs;
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

const decode = (b: PyBytes) => new TextDecoder('utf-8').decode(b.bytes);

export async function buildCallParameters(ctx: CallContext): Promise<CallParameters> {
  const { args, parsed, io, op } = ctx;
  const fenv = { env: io.env, cwd: io.cwd };
  let paginate = ctx.globals.paginate;

  // Pagination switched off by the paging members themselves; then the CLI's paging options conflict.
  const pag = paginatorFor(op);
  if (pag) {
    const tokens = [...(Array.isArray(pag.input_token) ? pag.input_token : [pag.input_token])];
    if (pag.limit_key) tokens.push(pag.limit_key);
    if (tokens.some((t) => parsed.has(xformName(t, '-')))) paginate = false;
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
  if (parsed.has('cli-input-json') && parsed.has('cli-input-yaml')) {
    throw new ParamValidationError('Only one --cli-input- parameter may be specified.');
  }
  for (const a of args) {
    if (!parsed.has(a.name)) continue;
    const raw = parsed.get(a.name)!;
    const cliName = `--${a.name}`;
    try {
      if (a.kind === 'member') {
        params.set(a.member!, unpackMember(a, raw, fenv));
      } else if (a.kind === 'page') {
        const v = raw as string;
        if (a.pageKey === 'StartingToken') pagination.StartingToken = v;
        else {
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
  if (inputDoc) {
    const doc = await loadInputDocument(inputDoc.kind, inputDoc.value);
    for (const [k, v] of doc) if (!params.has(k)) params.set(k, v);
    if (pag) {
      const tokens = [...(Array.isArray(pag.input_token) ? pag.input_token : [pag.input_token])];
      if (pag.limit_key) tokens.push(pag.limit_key);
      if (tokens.some((t) => doc.has(t))) paginate = false;
    }
  }
  return { params, pagination, paginate };
}

function unpackMember(a: CliArgument, raw: string | boolean | string[], fenv: { env: Record<string, string | undefined>; cwd: string }): PyValue {
  const cliName = `--${a.name}`;
  if (typeof raw === 'boolean') return raw;
  // `key@=file://…` in shorthand reads a file, as a parameter value does.
  const readFile = (uri: string) => loadParamFile(uri, fenv)!;
  if (Array.isArray(raw)) {
    // nargs='*' list options: a single file:// item is loaded; the unpacker decides JSON or
    // shorthand from the first item, as the AWS CLI does.
    const single = raw.length === 1 ? loadParamFile(raw[0], fenv) : undefined;
    if (single !== undefined) return unpackCliArg(cliName, a.ref!, typeof single === 'string' ? single : decode(single), { readFile });
    return unpackCliArg(cliName, a.ref!, raw, { readFile });
  }
  const loaded = loadParamFile(raw, fenv);
  if (loaded instanceof PyBytes) {
    const shape = getShape(a.ref!);
    if (shape.type === 'blob' || shape.type === 'string') return loaded;
    return unpackCliArg(cliName, a.ref!, decode(loaded), { readFile });
  }
  return unpackCliArg(cliName, a.ref!, loaded ?? raw, { readFile });
}

function parseIntArg(cliName: string, v: string): number | bigint {
  const t = v.trim().replace(/_/g, '');
  if (!/^[+-]?\d+$/.test(t) || /^_|_$|__/.test(v.trim())) {
    throw new ParamValidationError(`argument ${cliName}: invalid int value: '${v}'`, true);
  }
  const b = BigInt(t);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

async function loadInputDocument(kind: 'json' | 'yaml', value: string | PyBytes): Promise<PyDict> {
  const text = typeof value === 'string' ? value : decode(value);
  let doc: PyValue;
  if (kind === 'json') {
    try {
      doc = parsePyJson(text, { orderedDict: false });
    } catch {
      throw new ParamValidationError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
    }
  } else {
    const { loadYamlInput } = await import('./yaml-input');
    try {
      doc = loadYamlInput(text);
    } catch (e) {
      // ruamel's own YAML errors become "Invalid YAML received."; a plain Python exception raised
      // while constructing a value (`!!int 1.5`) escapes as a general error.
      if ((e as { pythonError?: boolean }).pythonError) throw new GeneralError((e as Error).message);
      throw new ParamValidationError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
    }
  }
  if (!(doc instanceof Map)) {
    throw new ParamValidationError(`Error parsing parameter '--cli-input-${kind}': Invalid type: expecting map, received ${pyTypeName(doc)}`);
  }
  return doc;
}
