// Reading an operation's input from a REST-JSON request, and validating it against the model the way the
// service does: members with `location: 'uri' | 'querystring' | 'header' | 'headers'` come from the URI,
// the query string and the headers, the rest from the JSON body. Wrong JSON types are
// SerializationException; constraint failures (required, length, pattern, enum, range, sizes) are one
// ValidationException listing every failure (`1 validation error detected: Value '…' at 'name' failed
// to satisfy constraint: …`).
import { MODEL } from '../model';
import type { Operation, ServiceModel, Shape, ShapeRef } from '../model/types';
import { codePointLength } from '../py/str';
import { serviceError, validationError } from './errors';
import { javaFullMatchRegExp } from './javaregex';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface WireInput {
  labels: Record<string, string>;
  query: Map<string, string[]>;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const INT_RANGE: Record<string, [number, number]> = {
  integer: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function serialization(msg: string): never {
  throw serviceError('SerializationException', msg);
}

function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/**
 * A timestamp as epoch milliseconds, from epoch seconds (a JSON number or numeric text) or ISO 8601 text
 * (the shape's iso8601 format, what SDKs send for this model).
 */
function timestampMs(v: number | string, where: string): number {
  if (typeof v === 'number') return Math.round(v * 1000);
  const t = v.trim();
  const ms = /^-?\d+(\.\d+)?$/.test(t) ? Math.round(Number(t) * 1000)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t) ? Date.parse(t) : NaN;
  if (!Number.isFinite(ms)) serialization(`Value '${v}' at '${where}' is not a valid timestamp`);
  return ms;
}

/** A value from the URI, query string or a header, converted to the member's type. */
function fromText(text: string, shape: Shape, where: string): Json {
  switch (shape.type) {
    case 'timestamp': return timestampMs(text, where);
    case 'string': case 'blob': return text;
    case 'integer': case 'long': {
      if (!/^[-+]?\d+$/.test(text.trim())) serialization(`Value '${text}' at '${where}' is not a valid integer`);
      const n = Number(text.trim());
      const [lo, hi] = INT_RANGE[shape.type];
      if (n < lo || n > hi) serialization(`Value '${text}' at '${where}' is out of range`);
      return n;
    }
    case 'float': case 'double': {
      const n = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(n)) serialization(`Value '${text}' at '${where}' is not a valid number`);
      return n;
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      return serialization(`Value '${text}' at '${where}' is not a valid boolean`);
    default:
      return serialization(`Cannot bind '${where}' from text`);
  }
}

/** Checks a body value's JSON type against its shape; drops nulls (absent members). */
function fromJson(v: Json, ref: ShapeRef, where: string, model: ServiceModel): Json | undefined {
  if (v === null) return undefined;
  const shape = model.shapes[ref.shape];
  const bad = (want: string): never => serialization(`Expected ${want} at '${where}', found ${describeJson(v)}`);
  switch (shape.type) {
    case 'structure': {
      if (typeof v !== 'object' || Array.isArray(v)) return bad('an object');
      const out: [string, Json][] = [];
      for (const [name, mref] of Object.entries(shape.members ?? {})) {
        if (!Object.prototype.hasOwnProperty.call(v, name) || mref.location) continue;
        const x = fromJson(v[name], mref, where ? `${where}.${name}` : name, model);
        if (x !== undefined) out.push([name, x]);
      }
      return Object.fromEntries(out);
    }
    case 'list': {
      if (!Array.isArray(v)) return bad('an array');
      const out: Json[] = [];
      v.forEach((x, i) => {
        const y = fromJson(x, shape.member!, `${where}.${i + 1}.member`, model);
        if (y !== undefined) out.push(y);
      });
      return out;
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return bad('an object');
      const out: [string, Json][] = [];
      for (const [k, x] of Object.entries(v)) {
        const y = fromJson(x, shape.value!, `${where}.${k}`, model);
        if (y !== undefined) out.push([k, y]);
      }
      return Object.fromEntries(out);
    }
    case 'string': case 'blob':
      return typeof v === 'string' ? v : bad('a string');
    case 'boolean':
      return typeof v === 'boolean' ? v : bad('a boolean');
    case 'integer': case 'long': {
      if (typeof v !== 'number' || !Number.isInteger(v)) return bad('an integer');
      const [lo, hi] = INT_RANGE[shape.type];
      if (v < lo || v > hi) serialization(`Numeric value (${v}) at '${where}' is out of range`);
      return v;
    }
    case 'float': case 'double':
      return typeof v === 'number' ? v : bad('a number');
    case 'timestamp':
      return typeof v === 'number' || typeof v === 'string' ? timestampMs(v, where) : bad('a timestamp');
    default:
      return bad('a value');
  }
}

/** The operation's input as JSON data (members with no value are absent). */
export function readInput(op: Operation, wire: WireInput, model: ServiceModel = MODEL): JsonObject {
  const shape: Shape = op.input ? model.shapes[op.input.shape] : { type: 'structure', members: {} };
  const members = shape.members ?? {};
  let body: JsonObject = {};
  const hasBodyMembers = Object.values(members).some((m) => !m.location);
  if (hasBodyMembers && wire.body.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(wire.body.toString('utf8'));
    } catch {
      serialization('Could not parse the request body as JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      serialization('The request body must be a JSON object');
    }
    body = fromJson(parsed as JsonObject, { shape: op.input!.shape }, '', model) as JsonObject;
  }
  const out: [string, Json][] = [];
  const claimedQuery = new Set(Object.values(members)
    .filter((m) => m.location === 'querystring' && model.shapes[m.shape].type !== 'map')
    .map((m) => m.locationName ?? ''));
  for (const [name, ref] of Object.entries(members)) {
    const mshape = model.shapes[ref.shape];
    const key = ref.locationName ?? name;
    let value: Json | undefined;
    switch (ref.location) {
      case 'uri':
        if (wire.labels[key] !== undefined) value = fromText(wire.labels[key], mshape, name);
        break;
      case 'querystring':
        if (mshape.type === 'map') {
          const entries: [string, Json][] = [];
          for (const [k, vs] of wire.query) {
            if (claimedQuery.has(k)) continue;
            const vshape = model.shapes[mshape.value!.shape];
            entries.push([k, vshape.type === 'list'
              ? vs.map((x) => fromText(x, model.shapes[vshape.member!.shape], name)) : vs[0]]);
          }
          if (entries.length) value = Object.fromEntries(entries);
        } else if (wire.query.has(key)) {
          const vs = wire.query.get(key)!;
          value = mshape.type === 'list'
            ? vs.map((x) => fromText(x, model.shapes[mshape.member!.shape], name))
            : fromText(vs[0], mshape, name);
        }
        break;
      case 'header': {
        const h = wire.headers[key.toLowerCase()];
        if (h !== undefined) {
          const text = Array.isArray(h) ? h.join(',') : h;
          value = mshape.type === 'list'
            ? text.split(',').map((x) => fromText(x.trim(), model.shapes[mshape.member!.shape], name))
            : fromText(text, mshape, name);
        }
        break;
      }
      case 'headers': {
        const prefix = key.toLowerCase();
        const entries = Object.entries(wire.headers)
          .filter(([h, v]) => h.startsWith(prefix) && v !== undefined)
          .map(([h, v]): [string, Json] => [h.slice(prefix.length), Array.isArray(v) ? v.join(',') : v!]);
        if (entries.length) value = Object.fromEntries(entries);
        break;
      }
      case 'statusCode':
        break;
      default:
        if (Object.prototype.hasOwnProperty.call(body, name)) value = body[name];
    }
    if (value !== undefined) out.push([name, value]);
  }
  return Object.fromEntries(out);
}

// ---- validation ----

/** A value as the service's messages print it (Java's toString: `[a, b]`, `{k=v}`). */
export function javaText(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(javaText).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}=${javaText(x)}`).join(', ')}}`;
  return String(v);
}

/** Values longer than this are cut in messages (a 10 MB value is not echoed back whole). */
export const MAX_ECHO = 4096;

function valueText(v: Json, shape: Shape): string {
  if (shape.sensitive) return 'Value';
  const text = javaText(v);
  return `Value '${text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text}'`;
}

/** The constraints a scalar value fails, as the service words them (max length before min, then pattern, enum). */
function scalarFailures(v: Json, shape: Shape): string[] {
  const out: string[] = [];
  if (typeof v === 'string' && shape.type === 'string') {
    const len = codePointLength(v); // as the service counts it: a surrogate pair is one
    if (shape.max !== undefined && len > shape.max) out.push(`Member must have length less than or equal to ${shape.max}`);
    if (shape.min !== undefined && len < shape.min) out.push(`Member must have length greater than or equal to ${shape.min}`);
    if (shape.pattern !== undefined && !javaFullMatchRegExp(shape.pattern).test(v)) {
      out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
    if (shape.enum && !shape.enum.includes(v)) out.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  } else if (typeof v === 'number') {
    if (shape.max !== undefined && v > shape.max) out.push(`Member must have value less than or equal to ${shape.max}`);
    if (shape.min !== undefined && v < shape.min) out.push(`Member must have value greater than or equal to ${shape.min}`);
  }
  return out;
}

function sizeFailures(n: number, shape: Shape): string[] {
  const out: string[] = [];
  if (shape.max !== undefined && n > shape.max) out.push(`Member must have length less than or equal to ${shape.max}`);
  if (shape.min !== undefined && n < shape.min) out.push(`Member must have length greater than or equal to ${shape.min}`);
  return out;
}

const isAggregate = (s: Shape) => s.type === 'structure' || s.type === 'list' || s.type === 'map';

function uniqueInOrder(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

function validateValue(v: Json, shape: Shape, path: string, errors: string[], model: ServiceModel): void {
  const fail = (c: string) => errors.push(`${valueText(v, shape)} at '${path}' failed to satisfy constraint: ${c}`);
  switch (shape.type) {
    case 'structure': {
      const obj = v as JsonObject;
      if (shape.union) {
        const set = Object.keys(shape.members ?? {}).filter((k) => Object.hasOwn(obj, k) && obj[k] !== null).length;
        if (set !== 1) fail('Member must have exactly one member set');
      }
      validateStructure(obj, shape, `${path}.`, errors, model);
      return;
    }
    case 'list': {
      const list = v as Json[];
      sizeFailures(list.length, shape).forEach(fail);
      const mshape = model.shapes[shape.member!.shape];
      if (isAggregate(mshape)) {
        list.forEach((x, i) => validateValue(x, mshape, `${path}.${i + 1}.member`, errors, model));
      } else {
        const failed = uniqueInOrder(list.map((x) => scalarFailures(x, mshape)));
        if (failed.length) fail(`Member must satisfy constraint: [${failed.join(', ')}]`);
      }
      return;
    }
    case 'map': {
      const map = v as JsonObject;
      const entries = Object.entries(map);
      sizeFailures(entries.length, shape).forEach(fail);
      const kshape = model.shapes[shape.key!.shape];
      const keyFailed = uniqueInOrder(entries.map(([k]) => scalarFailures(k, kshape)));
      if (keyFailed.length) fail(`Map keys must satisfy constraint: [${keyFailed.join(', ')}]`);
      const vshape = model.shapes[shape.value!.shape];
      if (isAggregate(vshape)) {
        for (const [k, x] of entries) validateValue(x, vshape, `${path}.${k}`, errors, model);
      } else {
        const valFailed = uniqueInOrder(entries.map(([, x]) => scalarFailures(x, vshape)));
        if (valFailed.length) fail(`Map value must satisfy constraint: [${valFailed.join(', ')}]`);
      }
      return;
    }
    default:
      scalarFailures(v, shape).forEach(fail);
  }
}

function validateStructure(v: JsonObject, shape: Shape, prefix: string, errors: string[], model: ServiceModel): void {
  const required = new Set(shape.required ?? []);
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const path = `${prefix}${name}`;
    const has = Object.prototype.hasOwnProperty.call(v, name) && v[name] !== null;
    if (!has) {
      if (required.has(name)) errors.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    validateValue(v[name], model.shapes[ref.shape], path, errors, model);
  }
}

/** Every constraint failure of an operation's input (empty when valid). */
export function validationFailures(op: Operation, input: JsonObject, model: ServiceModel = MODEL): string[] {
  if (!op.input) return [];
  const errors: string[] = [];
  validateStructure(input, model.shapes[op.input.shape], '', errors, model);
  return errors;
}

/** Throws the service's ValidationException when the input breaks the model's constraints. */
export function validateInput(op: Operation, input: JsonObject, model: ServiceModel = MODEL): void {
  const errors = validationFailures(op, input, model);
  if (errors.length) throw validationError(errors);
}
