// REST-JSON request serialisation from the model, as botocore's RestJSONSerializer does it:
// URI labels percent-encoded into the path, querystring members into the query, the remaining
// members as a JSON body (Python json.dumps bytes: ", "/": " separators, ASCII-only escapes),
// `{}` when the input has body members but none was given, no body otherwise.
import { getShape, inputShape, memberRef } from '../model';
import type { Operation, Shape, ShapeRef } from '../model/types';
import { PyBytes, PyFloat, type PyDict, type PyValue } from '../py/values';
import { pyFloatRepr } from '../py/repr';
import { CliError, RC } from '../errors';
import { b64encode } from '../py/base64';
import { checkUtf8Encodable } from '../py/codec';
import { jsonDumps } from '../py/json-dumps';
import { parseToAwareDatetime } from './timestamp';
import { epochFromFields, fieldsFromEpoch, zeroPad as pad } from '../py/calendar';

export interface SerializedRequest {
  method: string;
  /** Percent-encoded path. */
  path: string;
  /** Query parameters in order (values unencoded). */
  query: [string, string][];
  headers: Record<string, string>;
  body: string;
  /** Whether botocore parses (so decodes) a successful response's body: the operation has an output shape. */
  parsesOutput?: boolean;
}

/**
 * Python's urllib quote with safe='-_.~' (botocore's percent_encode): everything else as UTF-8 %XX. A
 * lone surrogate cannot be encoded: Python's UnicodeEncodeError, exit 255 (before any request).
 */
export function percentEncode(s: string, safe = '-_.~'): string {
  try {
    checkUtf8Encodable(s);
  } catch (e) {
    throw new CliError((e as Error).message, RC.GENERAL);
  }
  let out = '';
  for (const ch of s) {
    if (/[A-Za-z0-9]/.test(ch) || safe.includes(ch)) { out += ch; continue; }
    for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function serializeRequest(op: Operation, params: PyDict): SerializedRequest {
  const input = inputShape(op);
  const members = input.members ?? {};
  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  const labels = new Map<string, string>();
  const body = new Map<string, PyValue>();
  for (const [name, value] of params) {
    // botocore serializes no parameter whose value is None (a null inside one goes as JSON null).
    if (value === null) continue;
    const ref = memberRef(input, name);
    if (!ref) throw unserializable(name, 'is not a member of the input');
    const wire = ref.locationName ?? name;
    switch (ref.location) {
      case 'uri': labels.set(wire, scalarText(value, getShape(ref))); break;
      case 'querystring': addQuery(query, wire, value, getShape(ref)); break;
      case 'header': headers[wire] = scalarText(timestampIn(value, getShape(ref), 'rfc822'), getShape(ref)); break;
      default: body.set(name, value);
    }
  }
  const [uriPath, uriQuery] = op.http.requestUri.split('?');
  const path = uriPath.replace(/\{([^}]+)\}/g, (_m, label: string) => {
    const greedy = label.endsWith('+');
    const key = greedy ? label.slice(0, -1) : label;
    const text = labels.get(key);
    if (text === undefined) throw unserializable(key, 'is required in the URI and has no value');
    return percentEncode(text, greedy ? '/~-_.' : '-_.~');
  });
  if (uriQuery) for (const part of uriQuery.split('&')) {
    const [k, v = ''] = part.split('=');
    query.unshift([k, v]);
  }
  // botocore's prepare_request_dict percent-encodes the query (keys, then values) before anything is sent.
  for (const [k, v] of query) {
    percentEncode(k);
    percentEncode(v);
  }
  let bodyText = '';
  // Python's json.dumps defaults: ASCII-only escapes, ', ' and ': ' separators.
  if (body.size) bodyText = jsonDumps(serializeValue(body, input, ''), { ensureAscii: true });
  else if (Object.values(members).some((m) => !m.location)) bodyText = '{}';
  if (bodyText) headers['Content-Type'] = 'application/json';
  return { method: op.http.method, path, query, headers, body: bodyText, parsesOutput: !!op.output };
}

/**
 * A value in the path or the query string: botocore's _get_uri_and_query_string_value lower-cases
 * str() of a boolean member's value only; any other value goes as str() (a boolean for an integer,
 * which validation accepts as Python accepts a bool as an int, goes as `True`).
 */
function scalarText(v: PyValue, shape?: Shape): string {
  if (typeof v === 'boolean') return shape?.type === 'boolean' ? (v ? 'true' : 'false') : v ? 'True' : 'False';
  if (v instanceof PyFloat && !Number.isFinite(v.value)) return handleFloat(v) as string;
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v === null) return '';
  return String(v);
}

function addQuery(query: [string, string][], key: string, value: PyValue, shape: Shape): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    const member = shape.member ? getShape(shape.member) : undefined;
    for (const v of value) query.push([key, scalarText(member ? timestampIn(v, member, 'iso8601') : v, member)]);
    return;
  }
  if (value instanceof Map) { for (const [k, v] of value) query.push([k, scalarText(v)]); return; }
  query.push([key, scalarText(timestampIn(value, shape, 'iso8601'), shape)]);
}

/** A timestamp member's value in its wire format (the member's timestampFormat, else the location's default). */
function timestampIn(value: PyValue, shape: Shape, locationDefault: string): PyValue {
  return shape.type === 'timestamp' && value !== null ? serializeTimestamp(value, shape.timestampFormat ?? locationDefault) : value;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * botocore's _convert_timestamp_to_str: parse_to_aware_datetime (a datetime as it is, else
 * parse_timestamp; no zone means UTC), moved to UTC, then unixtimestamp (whole seconds), iso8601
 * (microseconds when there are any) or rfc822.
 */
function serializeTimestamp(value: PyValue, format: string): PyValue {
  const dt = parseToAwareDatetime(value);
  const seconds = epochFromFields(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second);
  const [y, mo, d, h, mi, s] = fieldsFromEpoch(seconds);
  const time = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  switch (format.toLowerCase()) {
    case 'iso8601':
      return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${time}${dt.microsecond > 0 ? `.${pad(dt.microsecond, 6)}` : ''}Z`;
    case 'rfc822': {
      // 1970-01-01 was a Thursday.
      const weekday = WEEKDAYS[(((Math.floor(seconds / 86400) + 3) % 7) + 7) % 7];
      return `${weekday}, ${pad(d)} ${MONTHS[mo - 1]} ${pad(y, 4)} ${time} GMT`;
    }
    default:
      return seconds;
  }
}

/**
 * A parameter botocore's serializer cannot handle. Only reachable with the profile's
 * parameter_validation off (validation rejects these first): there the AWS CLI fails with a raw
 * Python KeyError, AttributeError or TypeError (exit 255) before anything is sent; so does the clone,
 * with a message that says which parameter.
 */
function unserializable(path: string, why: string): CliError {
  return new CliError(`Cannot serialize parameter ${path}: it ${why} (parameter validation is off)`, RC.GENERAL);
}

const KIND: Record<string, string> = { structure: 'a structure', map: 'a map', list: 'a list' };

/** Applies locationName renames inside the body and base64-encodes blobs, keeping the caller's order. */
function serializeValue(value: PyValue, shape: Shape, path: string): PyValue {
  const at = (k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  if (shape.type === 'structure' || shape.type === 'map' || shape.type === 'list') {
    if (shape.type === 'list' ? !Array.isArray(value) : !(value instanceof Map)) throw unserializable(path, `is not ${KIND[shape.type]}`);
  }
  if (value instanceof Map && shape.type === 'structure') {
    const out = new Map<string, PyValue>();
    for (const [k, v] of value) {
      const ref: ShapeRef | undefined = memberRef(shape, k);
      if (!ref) throw unserializable(at(k), 'is not a member of its structure');
      out.set(ref.locationName ?? k, serializeValue(v, getShape(ref), at(k)));
    }
    return out;
  }
  if (value instanceof Map && shape.type === 'map' && shape.value) {
    const vs = getShape(shape.value);
    return new Map([...value].map(([k, v]) => [k, serializeValue(v, vs, at(k))]));
  }
  if (Array.isArray(value) && shape.type === 'list' && shape.member) {
    const ms = getShape(shape.member);
    return value.map((v, i) => serializeValue(v, ms, at(i)));
  }
  if (shape.type === 'blob') {
    if (value instanceof PyBytes || typeof value === 'string') return b64encode(value instanceof PyBytes ? value.bytes : value);
  }
  // In a JSON body, timestamps default to epoch seconds.
  if (shape.type === 'timestamp') return timestampIn(value, shape, 'unixTimestamp');
  if (shape.type === 'double' || shape.type === 'float') return handleFloat(value);
  return value;
}

/**
 * botocore's _handle_float: infinities and NaN go as the strings "Infinity", "-Infinity", "NaN" (JSON
 * has no such numbers). It compares the value with float infinity and asks math.isnan: an int too
 * large for a float fails there, as Python's OverflowError (exit 255).
 */
function handleFloat(value: PyValue): PyValue {
  let x: number | undefined;
  if (value instanceof PyFloat) x = value.value;
  else if (typeof value === 'bigint') {
    if (!Number.isFinite(Number(value))) throw new CliError('int too large to convert to float', RC.GENERAL);
  }
  if (x === undefined) return value;
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Number.isNaN(x)) return 'NaN';
  return value;
}
