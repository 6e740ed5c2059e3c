// One command-line value of a modelled parameter → a PyValue, as the AWS CLI's awscli/argprocess.py
// unpacks it: ParamShorthandParser (shorthand syntax plus the BackCompatVisitor conversions) for
// complex shapes whose value does not look like JSON, otherwise unpack_cli_arg (JSON via
// json.loads, scalars via int()/float()/bool rules). Loading file:// values of the whole option is
// done before this (paramfile); `@=` values inside shorthand load through opts.readFile.
import { getShape, MODEL } from '../model';
import { pyBytesRepr, pyIsSpace, pyLStrip, pyStrRepr, pyStrip, pyTypeShortName } from '../py/repr';
import type { ServiceModel, Shape, ShapeRef } from '../model/types';
import { PyBytes, PyFloat, type PyDict, type PyValue } from '../py/values';
import { parseShorthand, ShorthandParseError, type ShorthandOptions } from '../shorthand/parser';
import { parsePyJson, PyJsonError } from './pyjson';

export type PyExceptionType = 'ValueError' | 'TypeError' | 'AttributeError' | 'IndexError' | 'OverflowError';

/** A Python built-in exception the AWS CLI would let escape (int('x'), ''.lstrip()[0], …). */
export class PyException extends Error {
  override name = 'PyException';
  constructor(readonly pyType: PyExceptionType, message: string) {
    super(message);
  }
}

/**
 * The AWS CLI's ParamError: `message` is the text printed after
 * `aws: [ERROR]: An error occurred (ParamValidation): `, i.e. `Error parsing parameter '<cli>': <detail>`.
 * `pythonError` is set where the AWS CLI itself would crash with that raw Python exception (its
 * text is then the detail); the clone reports it as a parameter error instead.
 */
export class ParamSyntaxError extends Error {
  override name = 'ParamSyntaxError';
  constructor(readonly cliName: string, readonly detail: string, readonly pythonError?: PyExceptionType) {
    super(`Error parsing parameter '${cliName}': ${detail}`);
  }
}

export interface UnpackOptions extends ShorthandOptions {
  /** The service model the shapes belong to (defaults to the cleanroomsml model). */
  model?: ServiceModel;
}

// ---------------------------------------------------------------------------------------------------
// Python's int() and float() of a value.

const isNd = (() => {
  let re: RegExp | undefined; // made on first use: building it costs 0.2 ms of every command's start
  return (cp: number) => (re ??= /\p{Nd}/u).test(String.fromCodePoint(cp));
})();

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits → ASCII, Unicode spaces → ' '. */
function toAsciiNumber(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 127) out += ch;
    else if (pyIsSpace(cp)) out += ' ';
    else if (isNd(cp)) {
      let zero = cp;
      while (zero > 0 && isNd(zero - 1)) zero--;
      out += String((cp - zero) % 10);
    } else out += '?';
  }
  return out;
}

const ASCII_SPACE = '[ \\t\\n\\v\\f\\r]*';
const INT_TEXT = new RegExp(`^${ASCII_SPACE}([+-]?)([0-9](?:_?[0-9])*)${ASCII_SPACE}$`);
const DIGITPART = '[0-9](?:_?[0-9])*';
const FLOAT_TEXT = new RegExp(
  `^[+-]?(?:${DIGITPART}(?:\\.(?:${DIGITPART})?)?|\\.${DIGITPART})(?:[eE][+-]?${DIGITPART})?$`);
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
const MAX_INT_DIGITS = 4300;

const toPyInt = (b: bigint): number | bigint =>
  b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;

function intFromText(ascii: string, reprForError: string): number | bigint {
  const m = INT_TEXT.exec(ascii);
  if (!m) {
    const shown = Array.from(reprForError).slice(0, 200).join('');
    throw new PyException('ValueError', `invalid literal for int() with base 10: ${shown}`);
  }
  const digits = m[2].replace(/_/g, '');
  if (digits.length > MAX_INT_DIGITS) {
    throw new PyException('ValueError', `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string ` +
      `conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return toPyInt(BigInt(m[1] === '-' ? `-${digits}` : digits));
}

/** Python's int(v) (base 10 for text): surrounding whitespace, a sign, `_` between digits. */
export function pyInt(v: PyValue): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v + 0 : pyInt(new PyFloat(v));
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.value)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v.value)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    const t = Math.trunc(v.value);
    return Number.isSafeInteger(t) ? t + 0 : toPyInt(BigInt(t));
  }
  if (typeof v === 'string') return intFromText(toAsciiNumber(v), pyStrRepr(v));
  if (v instanceof PyBytes) {
    const ascii = Array.from(v.bytes, (c) => (c < 0x80 ? String.fromCharCode(c) : '?')).join('');
    return intFromText(ascii, pyBytesRepr(v.bytes));
  }
  throw new PyException('TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeShortName(v)}'`);
}

function floatFromText(ascii: string, reprForError: string): number {
  const t = ascii.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  const special = FLOAT_SPECIAL.exec(t);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) throw new PyException('ValueError', `could not convert string to float: ${reprForError}`);
  return Number(t.replace(/_/g, ''));
}

/** Python's float(v): decimal text with optional exponent and `_`, inf/infinity/nan, whitespace. */
export function pyFloat(v: PyValue): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new PyException('OverflowError', 'int too large to convert to float');
    return n;
  }
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'string') return floatFromText(toAsciiNumber(v), pyStrRepr(v));
  if (v instanceof PyBytes) {
    const ascii = Array.from(v.bytes, (c) => (c < 0x80 ? String.fromCharCode(c) : '?')).join('');
    return floatFromText(ascii, pyBytesRepr(v.bytes));
  }
  throw new PyException('TypeError', `float() argument must be a string or a real number, not '${pyTypeShortName(v)}'`);
}

// ---------------------------------------------------------------------------------------------------
// Shape classification.

const SCALAR_TYPES = new Set(['string', 'float', 'integer', 'long', 'boolean', 'double', 'blob', 'timestamp']);
const COMPLEX_TYPES = new Set(['structure', 'map', 'list']);

const isDocumentType = (shape: Shape) =>
  shape.type === 'structure' && (shape as { document?: boolean }).document === true;

/** awscli.utils.is_document_type_container: a document, or lists/maps that only wrap documents. */
function isDocumentTypeContainer(shape: Shape, model: ServiceModel): boolean {
  let s = shape;
  while (s.type === 'list' || s.type === 'map') {
    const next = s.type === 'list' ? s.member : s.value;
    if (!next) return false;
    s = getShape(next, model);
  }
  return isDocumentType(s);
}

/** _is_complex_shape: a structure, a map, or a list of structures/lists/maps. */
function isComplexShape(shape: Shape, model: ServiceModel): boolean {
  if (shape.type === 'list') return COMPLEX_TYPES.has(getShape(shape.member!, model).type);
  return shape.type === 'structure' || shape.type === 'map';
}

/** _supports_shorthand_syntax: a structure, map or list of complex shapes, not a document container. */
export const supportsShorthandSyntax = (shape: Shape, model: ServiceModel = MODEL) =>
  !isDocumentTypeContainer(shape, model) && isComplexShape(shape, model);

const isJsonValueHeader = (ref: ShapeRef | undefined, shape: Shape) =>
  !!ref && (ref as { jsonvalue?: boolean }).jsonvalue === true && ref.location === 'header' && shape.type === 'string';

// ---------------------------------------------------------------------------------------------------
// The BackCompatVisitor: model-driven fixes applied to what the shorthand parser produced.

class DocumentTypesNotSupported extends Error {}

type Parent = PyDict | PyValue[];

function setIn(parent: Parent, key: string | number, v: PyValue): void {
  if (Array.isArray(parent)) parent[key as number] = v;
  else parent.set(key as string, v);
}

class BackCompatVisitor {
  constructor(private readonly model: ServiceModel) {}

  visit(params: PyValue, shape: Shape): void {
    this.visitNode(new Map(), shape, '', params);
  }

  private visitNode(parent: Parent, shape: Shape, name: string | number, value: PyValue | undefined): void {
    if (shape.type === 'structure') this.visitStructure(shape, value);
    else if (shape.type === 'list') this.visitList(parent, shape, name, value);
    else if (shape.type === 'map') this.visitMap(shape, value);
    else this.visitScalar(parent, shape, name, value);
  }

  private visitStructure(shape: Shape, value: PyValue | undefined): void {
    if (value !== undefined && value !== null && isDocumentType(shape)) throw new DocumentTypesNotSupported();
    if (!(value instanceof Map)) return;
    for (const [memberName, memberRef] of Object.entries(shape.members ?? {})) {
      try {
        this.visitNode(value, getShape(memberRef, this.model), memberName, value.get(memberName));
      } catch (e) {
        if (!(e instanceof DocumentTypesNotSupported)) throw e;
        throw new ShorthandParseError('Shorthand syntax does not support document types. Use JSON input for ' +
          `top-level argument to specify nested parameter: ${memberName}`);
      }
    }
  }

  private visitList(parent: Parent, shape: Shape, name: string | number, value: PyValue | undefined): void {
    if (!Array.isArray(value)) {
      // "foo=bar" where a list is expected becomes ["bar"] (its element is not visited again).
      if (value !== undefined && value !== null) setIn(parent, name, [value]);
      return;
    }
    const member = getShape(shape.member!, this.model);
    value.forEach((el, i) => this.visitNode(value, member, i, el));
  }

  private visitMap(shape: Shape, value: PyValue | undefined): void {
    if (!(value instanceof Map)) return;
    const valueShape = getShape(shape.value!, this.model);
    for (const [k, v] of value) this.visitNode(value, valueShape, k, v);
  }

  private visitScalar(parent: Parent, shape: Shape, name: string | number, value: PyValue | undefined): void {
    if (value === undefined || value === null) return;
    switch (shape.type) {
      case 'integer':
      case 'long':
        setIn(parent, name, pyInt(value));
        break;
      case 'double':
      case 'float':
        setIn(parent, name, new PyFloat(pyFloat(value)));
        break;
      case 'boolean': {
        // Only "true"/"false" (any case) are converted; other text stays a string.
        if (value instanceof PyBytes) break;
        if (typeof value !== 'string') {
          throw new PyException('AttributeError', `'${pyTypeShortName(value)}' object has no attribute 'lower'`);
        }
        const lower = value.toLowerCase();
        if (lower === 'true') setIn(parent, name, true);
        else if (lower === 'false') setIn(parent, name, false);
        break;
      }
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// unpack_cli_arg and ParamShorthandParser.

function unpackJson(value: string, cliName: string): PyValue {
  try {
    return parsePyJson(value);
  } catch (e) {
    if (e instanceof PyJsonError) throw new ParamSyntaxError(cliName, `Invalid JSON: ${e.message}\nJSON received: ${value}`);
    throw e;
  }
}

function firstChar(s: string): string {
  if (s.length === 0) throw new PyException('IndexError', 'string index out of range');
  return s[0];
}

/** unpack_scalar_cli_arg. */
function unpackScalar(shape: Shape, value: string): PyValue {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return pyInt(value);
    case 'float':
    case 'double':
      return new PyFloat(pyFloat(value));
    case 'boolean':
      return value.toLowerCase() === 'false' ? false : value.length > 0;
    default:
      return value;
  }
}

/** _unpack_cli_arg: JSON documents, scalars, or complex values given as JSON. */
function unpackDefault(ref: ShapeRef | undefined, shape: Shape, value: string | string[], cliName: string,
  model: ServiceModel): PyValue {
  if (isJsonValueHeader(ref, shape) || isDocumentType(shape)) return unpackJson(asText(value), cliName);
  if (SCALAR_TYPES.has(shape.type)) return unpackScalar(shape, asText(value));
  if (shape.type === 'structure' || shape.type === 'map') {
    const text = asText(value);
    if (firstChar(pyLStrip(text)) === '{') return unpackJson(text, cliName);
    throw new ParamSyntaxError(cliName, `Invalid JSON:\n${text}`);
  }
  // A list: argparse gave one string per item (nargs='*').
  const items = Array.isArray(value) ? value : Array.from(value);
  if (typeof value === 'string') {
    if (firstChar(pyLStrip(value)) === '[') return unpackJson(value, cliName);
  } else if (items.length === 1) {
    const single = pyStrip(items[0]);
    if (single && single[0] === '[') return unpackJson(items[0], cliName);
  }
  const memberRef = shape.member!;
  const memberShape = getShape(memberRef, model);
  try {
    return items.map((v) => unpackDefault(memberRef, memberShape, v, cliName, model));
  } catch (e) {
    // The AWS CLI reports a ValueError/TypeError of any item with just the first item's text.
    if (e instanceof PyException && (e.pyType === 'ValueError' || e.pyType === 'TypeError')) {
      throw new ParamSyntaxError(cliName, items[0]);
    }
    throw e;
  }
}

function asText(value: string | string[]): string {
  if (typeof value === 'string') return value;
  throw new TypeError('a list of values was given for a parameter that takes one value');
}

function parseAsShorthand(shape: Shape, value: string | string[], cliName: string, opts: UnpackOptions,
  model: ServiceModel): PyValue {
  try {
    // A structure whose only member is a string "Value" takes the bare text: --foo shutdown.
    const members = shape.type === 'structure' ? Object.keys(shape.members ?? {}) : [];
    if (members.length === 1 && members[0] === 'Value' && typeof value === 'string' && !value.includes('=') &&
      getShape(shape.members!.Value, model).type === 'string') {
      return new Map([['Value', value]]);
    }
    const parsed: PyValue = Array.isArray(value)
      ? value.map((v) => parseShorthand(v, opts))
      : parseShorthand(value, opts);
    new BackCompatVisitor(model).visit(parsed, shape);
    return parsed;
  } catch (e) {
    if (e instanceof ShorthandParseError) throw new ParamSyntaxError(cliName, e.message);
    throw e;
  }
}

/**
 * Unpacks one option value for the member `ref` (its ShapeRef in the operation's input shape);
 * `paramName` is the option as typed (`--resource-config`), used in error messages. List-shaped
 * members take the argparse list (one string per item; a single string counts as one item).
 * Throws ParamSyntaxError (`Error parsing parameter '<paramName>': …`); errors thrown by
 * opts.readFile propagate unchanged.
 */
export function unpackCliArg(paramName: string, ref: ShapeRef, value: string | string[],
  opts: UnpackOptions = {}): PyValue {
  const model = opts.model ?? MODEL;
  const shape = getShape(ref, model);
  const v = shape.type === 'list' && typeof value === 'string' ? [value] : value;
  try {
    // ParamShorthandParser._should_parse_as_shorthand: not when the (first) value looks like JSON.
    const check = Array.isArray(v) && v.length ? v[0] : v;
    const looksLikeJson = typeof check === 'string' && /^[[{]/.test(pyStrip(check));
    if (!looksLikeJson && supportsShorthandSyntax(shape, model)) return parseAsShorthand(shape, v, paramName, opts, model);
    return unpackDefault(ref, shape, v, paramName, model);
  } catch (e) {
    if (e instanceof PyException) throw new ParamSyntaxError(paramName, e.message, e.pyType);
    throw e;
  }
}
