// What botocore's REST-JSON parser and the AWS CLI do to a response body before any output formatter
// sees it (botocore parsers.py BaseJSONParser/BaseRestParser/RestJSONParser, with the CLI's timestamp
// parser from awscli/customizations/timestampformat.py):
//  - structures: the model's members in the model's order, unknown keys dropped, null members dropped,
//    a null structure stays null; tagged unions checked (one member set; an unknown tag becomes
//    {"SDK_UNKNOWN_MEMBER": {"name": tag}});
//  - maps keep the response's order (and null values); lists recurse item by item;
//  - integer/long: Python int(value) (2.9 -> 2, "7" -> 7); double/float: float(value) (5 -> 5.0);
//    boolean: botocore's ensure_boolean; strings and blobs as they are;
//  - timestamps, with cli_timestamp_format iso8601 (the default): parse_timestamp(value).isoformat()
//    (./timestamp.ts); with 'wire' (or 'none') the raw value.
// Errors carry the text Python prints (the CLI shows `aws: [ERROR]: <text>`).
import { getShape, MODEL } from '../model/index';
import type { ServiceModel, Shape, ShapeRef } from '../model/types';
import { PyException } from '../py/exceptions';
import { isoformat, localZone, type LocalZone } from '../py/datetime';
import { pyFloat as pythonFloat, pyInt as pythonInt } from '../py/numbers';
import { pyStr, pyTypeShortName } from '../py/repr';
import { PyFloat, type PyDict, type PyValue } from '../py/values';
import { fastIsoString, parseTimestampIn } from './timestamp';

// ---------------------------------------------------------------------------------------------
// Python's int(), float() and botocore's ensure_boolean on response values

/** An error Python raises while parsing a response (TypeError, ValueError, AttributeError, …). */
export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
}

/** Python's int() and float() (py/numbers.ts), with their errors as response errors. */
function asResponseError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyException) throw new ResponseShapeError(e.message);
    throw e;
  }
}

/** Python's int(value). */
export const pyInt = (value: PyValue): number | bigint => asResponseError(() => pythonInt(value));

/** Python's float(value). */
export const pyFloat = (value: PyValue): PyFloat =>
  value instanceof PyFloat ? value : new PyFloat(asResponseError(() => pythonFloat(value)));

/** botocore's ensure_boolean. */
export const ensureBoolean = (value: PyValue): boolean =>
  typeof value === 'boolean' ? value : typeof value === 'string' ? value.toLowerCase() === 'true' : false;

// ---------------------------------------------------------------------------------------------
// The parse walk

export type TimestampFormat = 'iso8601' | 'wire' | 'none';

export interface ShapeOptions {
  /** cli_timestamp_format: 'iso8601' (the AWS CLI v2 default) or the raw wire value ('wire'; 'none' alike). */
  timestampFormat: TimestampFormat;
  /** The TZ environment variable (local time for epoch timestamps); UTC when unset or empty. */
  tz?: string;
  /** The service model the shape refers into (default: this CLI's model). */
  model?: ServiceModel;
  /** The clock (the local zone's offsets of this year, and the default date of dateutil's parser); now when unset. */
  now?: Date;
  /**
   * The body is this call's own (just parsed, not shared): its dicts and lists may become the result's,
   * their values replaced in place, where the result has the same keys in the same order (a page of a
   * list is thousands of them: half as many made).
   */
  consume?: boolean;
}

interface Walk {
  iso: boolean;
  consume: boolean;
  zone: LocalZone;
  now: Date;
  shape: (ref: ShapeRef) => Shape;
  members: (shape: Shape) => MemberPlan[];
}

/** A structure member resolved once: output name, JSON key, shape, shape name. */
interface MemberPlan {
  member: string;
  key: string;
  shape: Shape;
  shapeName: string;
}

const plansByModel = new WeakMap<object, WeakMap<Shape, MemberPlan[]>>();

function memberPlans(shapeOf: (ref: ShapeRef) => Shape, cache: WeakMap<Shape, MemberPlan[]>) {
  return (shape: Shape): MemberPlan[] => {
    let plan = cache.get(shape);
    if (!plan) {
      plan = Object.entries(shape.members ?? {}).map(([m, ref]) => ({ member: m, key: ref.locationName ?? m, shape: shapeOf(ref), shapeName: ref.shape }));
      cache.set(shape, plan);
    }
    return plan;
  };
}

function walk(w: Walk, shape: Shape, name: string, value: PyValue): PyValue {
  switch (shape.type) {
    case 'structure': return structure(w, shape, name, value);
    case 'list': return list(w, shape, value);
    case 'map': return map(w, shape, value);
    case 'integer':
    case 'long': return pyInt(value);
    case 'double':
    case 'float': return pyFloat(value);
    case 'boolean': return ensureBoolean(value);
    case 'timestamp':
      if (!w.iso) return value;
      return (typeof value === 'string' && fastIsoString(value)) || isoformat(parseTimestampIn(value, w.zone, w.now));
    default: return value; // string, blob (the CLI's blob parser leaves the base64 text)
  }
}

function structure(w: Walk, shape: Shape, name: string, value: PyValue): PyValue {
  if (value === null) return null;
  const members = shape.members ?? {};
  if (shape.union) {
    if (!(value instanceof Map)) {
      if (Array.isArray(value)) throw new ResponseShapeError('pop expected at most 1 argument, got 2');
      throw new ResponseShapeError(`'${pyTypeShortName(value)}' object has no attribute 'copy'`);
    }
    const set = [...value].filter(([k, v]) => k !== '__type' && v !== null);
    if (set.length !== 1) {
      throw new ResponseShapeError(`Invalid service response: ${name} must have one and only one member set.`);
    }
    const tag = set[0][0];
    if (!Object.entries(members).some(([m, ref]) => (ref.locationName ?? m) === tag)) {
      return new Map([['SDK_UNKNOWN_MEMBER', new Map([['name', tag]])]]);
    }
  }
  if (!(value instanceof Map)) throw new ResponseShapeError(`'${pyTypeShortName(value)}' object has no attribute 'get'`);
  const plans = w.members(shape);
  if (w.consume && inPlanOrder(value, plans)) {
    // The same keys in the same order, none null: the body's dict becomes the result.
    // (Keys iterated, values looked up: no entry or closure is made.)
    let i = 0;
    for (const key of value.keys()) {
      while (plans[i].key !== key) i++;
      const p = plans[i];
      value.set(key, walk(w, p.shape, p.shapeName, value.get(key)!));
    }
    return value;
  }
  const out: PyDict = new Map();
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i];
    const raw = value.get(p.key);
    if (raw !== undefined && raw !== null) out.set(p.member, walk(w, p.shape, p.shapeName, raw));
  }
  return out;
}

/** Whether a dict's keys are members' keys (their output names), in the model's order, and none of its values null. */
function inPlanOrder(value: PyDict, plans: MemberPlan[]): boolean {
  let i = 0;
  for (const key of value.keys()) {
    while (i < plans.length && plans[i].key !== key) i++;
    if (i === plans.length || plans[i].member !== key || value.get(key) === null) return false;
    i++;
  }
  return true;
}

function list(w: Walk, shape: Shape, value: PyValue): PyValue {
  const ref = shape.member!;
  const member = w.shape(ref);
  let items: PyValue[];
  if (Array.isArray(value)) items = value;
  else if (value instanceof Map) items = [...value.keys()];
  else if (typeof value === 'string') items = [...value];
  else throw new ResponseShapeError(`'${pyTypeShortName(value)}' object is not iterable`);
  const out: PyValue[] = w.consume && items === value ? items : new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = walk(w, member, ref.shape, items[i]);
  return out;
}

function map(w: Walk, shape: Shape, value: PyValue): PyValue {
  if (!(value instanceof Map)) throw new ResponseShapeError(`'${pyTypeShortName(value)}' object has no attribute 'items'`);
  const keyShape = w.shape(shape.key!);
  const valueShape = w.shape(shape.value!);
  const out: PyDict = new Map();
  for (const [k, v] of value) {
    const key = walk(w, keyShape, shape.key!.shape, k);
    out.set(typeof key === 'string' ? key : pyStr(key), walk(w, valueShape, shape.value!.shape, v));
  }
  return out;
}

/**
 * The response body as the AWS CLI holds it after botocore's REST-JSON parse (ResponseMetadata left
 * out). `body` is the lossless JSON parse of the response; `shape` the operation's output (or error)
 * structure; undefined for an operation without output (an empty dict).
 */
export function shapeResponse(body: PyValue, shape: Shape | undefined, opts: ShapeOptions): PyValue {
  if (!shape) return new Map();
  const model = opts.model ?? MODEL;
  const shapeOf = (ref: ShapeRef) => getShape(ref, model);
  let cache = plansByModel.get(model);
  if (!cache) plansByModel.set(model, (cache = new WeakMap()));
  const now = opts.now ?? new Date();
  const w: Walk = {
    iso: opts.timestampFormat === 'iso8601',
    consume: opts.consume ?? false,
    zone: localZone(opts.tz, now),
    now,
    shape: shapeOf,
    members: memberPlans(shapeOf, cache),
  };
  // The parsed body is merged into the result dict: a body that parses to None cannot be.
  if (body === null) throw new ResponseShapeError("'NoneType' object is not iterable");
  return structure(w, shape, '', body);
}
