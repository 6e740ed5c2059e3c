// One command-line value of a modelled parameter → a PyValue, as the AWS CLI's awscli/argprocess.py
// unpacks it: ParamShorthandParser (shorthand syntax plus the BackCompatVisitor conversions) for
// complex shapes whose value does not look like JSON, otherwise unpack_cli_arg (JSON via
// json.loads, scalars via int()/float()/bool rules). Loading file:// values of the whole option is
// done before this (paramfile); `@=` values inside shorthand load through opts.readFile.
import { getShape, MODEL } from '../model';
import { PyException, type PyExceptionType } from '../py/exceptions';
import { pyFloat, pyInt } from '../py/numbers';
import { pyTypeShortName } from '../py/repr';
import { pyLStrip, pyStrip } from '../py/str';
import type { ServiceModel, Shape, ShapeRef } from '../model/types';
import { PyBytes, PyFloat, type PyDict, type PyValue } from '../py/values';
import { parseShorthand, ShorthandParseError, type ShorthandOptions } from '../shorthand/parser';
import { jsonLoads } from '../py/json-loads';

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
    return jsonLoads(value, { orderedDict: true, tooDeep: 'decode' });
  } catch (e) {
    if (e instanceof PyException && e.pyType === 'ValueError') throw new ParamSyntaxError(cliName, `Invalid JSON: ${e.message}\nJSON received: ${value}`);
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
