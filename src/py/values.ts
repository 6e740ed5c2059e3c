// Values as the AWS CLI (Python) holds them, so that every input path and every output format can
// reproduce Python's behaviour byte for byte:
//  - dicts are Maps (insertion order kept for every key, including integer-like ones, which JS objects reorder);
//  - ints are JS numbers when safe, bigint beyond that; floats are PyFloat (so 5.0 stays a float);
//  - bytes (YAML !!binary, fileb://) are PyBytes; YAML timestamps are PyDateTime (date or naive datetime).

export class PyFloat {
  constructor(public readonly value: number) {}
}

export class PyBytes {
  constructor(public readonly bytes: Uint8Array) {}
}

/**
 * A datetime.date (`hasTime` false) or a naive datetime.datetime: what a YAML timestamp becomes
 * (`--cli-input-yaml`, as ruamel constructs it).
 */
export class PyDateTime {
  constructor(
    public readonly hasTime: boolean,
    public readonly year: number,
    public readonly month: number,
    public readonly day: number,
    public readonly hour = 0,
    public readonly minute = 0,
    public readonly second = 0,
    public readonly microsecond = 0,
  ) {}
}

export type PyDict = Map<string, PyValue>;

/**
 * Another Python object that a value may hold where the clone computes with Python's rules (jmespath's
 * _Expression): known only by its type's name and its repr().
 */
export interface PyObject {
  readonly pyTypeName: string;
  pyRepr(): string;
}

export const isPyObject = (v: unknown): v is PyObject =>
  typeof v === 'object' && v !== null && typeof (v as PyObject).pyRepr === 'function';
export type PyValue = null | boolean | string | number | bigint | PyFloat | PyBytes | PyDateTime | PyValue[] | PyDict;

// A dict's keys are strings here; Python's can be other values (a YAML `1:`, `true:` or date key).
// Such a dict keeps its original keys on the side, by their str(), for what tells them apart from
// strings: validation (a map's keys must be str) and repr().
const nonStrKeys = new WeakMap<PyDict, Map<string, PyValue>>();

/** Records that `key` of `d` stands for the Python key `original` (not a str). */
export function setNonStrKey(d: PyDict, key: string, original: PyValue): void {
  let keys = nonStrKeys.get(d);
  if (!keys) nonStrKeys.set(d, (keys = new Map()));
  keys.set(key, original);
}

/** The Python key behind `key` in `d`: itself, unless it stands for a non-str key. */
export function pyKey(d: PyDict, key: string): PyValue {
  const original = nonStrKeys.get(d)?.get(key);
  return original === undefined ? key : original;
}

/** Builds a PyDict from entries or a plain object (convenience for tests and fixed data). */
export function dict(entries: Record<string, PyValue> | [string, PyValue][] = []): PyDict {
  return new Map(Array.isArray(entries) ? entries : Object.entries(entries));
}

/** Deep conversion of plain JSON-ish JS data (objects, arrays, numbers) into PyValues. */
export function fromJS(v: unknown): PyValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(fromJS);
  if (v instanceof Map || v instanceof PyFloat || v instanceof PyBytes || v instanceof PyDateTime) return v as PyValue;
  if (v instanceof Date) {
    return new PyDateTime(true, v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.getUTCHours(),
      v.getUTCMinutes(), v.getUTCSeconds(), v.getUTCMilliseconds() * 1000);
  }
  if (typeof v === 'object') return new Map(Object.entries(v as object).map(([k, x]) => [k, fromJS(x)]));
  if (typeof v === 'number') return Number.isInteger(v) ? v : new PyFloat(v);
  return v as PyValue;
}

/** Deep conversion of PyValues into plain JS data (for callers that want ordinary objects). */
export function toJS(v: PyValue): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    // Defined, not assigned: a key such as `__proto__` is an ordinary property of the result.
    for (const [k, x] of v) Object.defineProperty(o, k, { value: toJS(x), enumerable: true, writable: true, configurable: true });
    return o;
  }
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof PyFloat) return v.value;
  if (v instanceof PyBytes) return Buffer.from(v.bytes);
  if (v instanceof PyDateTime) {
    const d = new Date(0);
    d.setUTCFullYear(v.year, v.month - 1, v.day);
    d.setUTCHours(v.hour, v.minute, v.second, Math.floor(v.microsecond / 1000));
    return d;
  }
  return v;
}
