// Python's operators and builtins on values, where JavaScript's differ: == (True == 1, 1 == 1.0, dicts
// regardless of order), the ordering operators (str by code point; str against a number a TypeError),
// bool(), + and sum() (exact ints, then plain float additions: Python 3.11's sum()), true division, sorted() (stable,
// using only <) and slicing. Errors are Python's, as PyExceptions.
import { PyException } from './exceptions';
import { pyFloat } from './numbers';
import { pyTypeShortName } from './repr';
import { compareCodePoints } from './str';
import { PyBytes, PyFloat, type PyValue } from './values';

export type PyOrdering = 'lt' | 'gt' | 'lte' | 'gte';
const SYMBOL: Record<PyOrdering, string> = { lt: '<', gt: '>', lte: '<=', gte: '>=' };

/** An int or a float (not a bool). */
export const isNumber = (v: unknown): v is number | bigint | PyFloat =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;

/** A float: a PyFloat, or a JS number that is not integral. */
export const isFloat = (v: unknown): boolean => v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));

const numValue = (v: PyValue): number | bigint => (v instanceof PyFloat ? v.value : (v as number | bigint));

/** a < b, a > b, a <= b, a >= b for two strs or two numbers; a TypeError for a str against a number. */
export function pyCompare(op: PyOrdering, left: PyValue, right: PyValue): boolean {
  const ls = typeof left === 'string';
  const rs = typeof right === 'string';
  if (ls !== rs) {
    throw new PyException('TypeError',
      `'${SYMBOL[op]}' not supported between instances of '${pyTypeShortName(left)}' and '${pyTypeShortName(right)}'`);
  }
  let a: number | bigint;
  let b: number | bigint;
  if (ls) {
    a = compareCodePoints(left as string, right as string);
    b = 0;
  } else {
    a = numValue(left);
    b = numValue(right);
  }
  switch (op) {
    case 'lt': return a < b;
    case 'gt': return a > b;
    case 'lte': return a <= b;
    default: return a >= b;
  }
}

/** Python's == (True == 1, 1 == 1.0, nan != nan, dicts regardless of order). */
export function pyEquals(x: unknown, y: unknown): boolean {
  if (x === y) return !(x instanceof PyFloat && Number.isNaN(x.value));
  if (x === null || y === null) return false;
  const xn = isNumber(x) || typeof x === 'boolean';
  const yn = isNumber(y) || typeof y === 'boolean';
  if (xn || yn) {
    if (!(xn && yn)) return false;
    const a = typeof x === 'boolean' ? Number(x) : numValue(x as PyValue);
    const b = typeof y === 'boolean' ? Number(y) : numValue(y as PyValue);
    // eslint-disable-next-line eqeqeq
    return a == b;
  }
  if (typeof x === 'string' || typeof y === 'string') return false; // x !== y already
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i] && !pyEquals(x[i], y[i])) return false;
    }
    return true;
  }
  if (x instanceof Map) {
    if (!(y instanceof Map) || x.size !== y.size) return false;
    for (const [k, v] of x) {
      if (!y.has(k)) return false;
      const w = y.get(k);
      if (v !== w && !pyEquals(v, w)) return false;
    }
    return true;
  }
  if (x instanceof PyBytes) {
    if (!(y instanceof PyBytes) || x.bytes.length !== y.bytes.length) return false;
    return x.bytes.every((b, i) => b === y.bytes[i]);
  }
  return false;
}

/** Python's truthiness of a value (bool()). */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === false || v === '' || v === 0 || v === 0n) return false;
  if (v instanceof Map) return v.size > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyFloat) return v.value !== 0; // NaN is truthy, as in Python
  if (v instanceof PyBytes) return v.bytes.length > 0;
  return true;
}

function toPyInt(x: number | bigint): number | bigint {
  if (typeof x === 'bigint') return Number.isSafeInteger(Number(x)) && BigInt(Number(x)) === x ? Number(x) : x;
  return Number.isSafeInteger(x) ? (x === 0 ? 0 : x) : BigInt(x);
}

/** float(v) of a number: an int beyond the double range is an OverflowError. */
const toFloat = (v: PyValue): number => (typeof v === 'number' ? v : pyFloat(v));

/** a + b for numbers (int + int exact, anything with a float is a float). */
export function pyAdd(a: PyValue, b: PyValue): PyValue {
  if (isFloat(a) || isFloat(b)) return new PyFloat(toFloat(a) + toFloat(b));
  const x = a as number | bigint;
  const y = b as number | bigint;
  if (typeof x === 'number' && typeof y === 'number') {
    const s = x + y;
    if (Number.isSafeInteger(s)) return s;
  }
  return toPyInt(BigInt(x) + BigInt(y));
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/**
 * Python 3.11's sum() of numbers (the AWS CLI's Python): exact while all ints and the total fits a C
 * long, then plain float additions once a float comes in (3.12 made that part compensated).
 */
export function pySum(items: PyValue[]): PyValue {
  let i = 0;
  // Integer phase: exact, while the total fits a C long.
  let iResult = 0n;
  let result: PyValue | undefined;
  for (; i < items.length; i++) {
    const item = items[i];
    if (!isFloat(item)) {
      const b = BigInt(item as number | bigint);
      const s = iResult + b;
      if (b >= LONG_MIN && b <= LONG_MAX && s >= LONG_MIN && s <= LONG_MAX) {
        iResult = s;
        continue;
      }
    }
    result = pyAdd(toPyInt(iResult), item);
    i++;
    break;
  }
  if (result === undefined) return toPyInt(iResult);
  if (result instanceof PyFloat) {
    // Float phase: a C double, to which floats and ints that fit a C long are added.
    let f = result.value;
    result = undefined;
    for (; i < items.length; i++) {
      const item = items[i];
      if (isFloat(item)) {
        f += toFloat(item);
        continue;
      }
      const b = BigInt(item as number | bigint);
      if (b >= LONG_MIN && b <= LONG_MAX) {
        f += Number(b);
        continue;
      }
      result = pyAdd(new PyFloat(f), item);
      i++;
      break;
    }
    if (result === undefined) return new PyFloat(f);
  }
  for (; i < items.length; i++) result = pyAdd(result as PyValue, items[i]);
  return result as PyValue;
}

/** a / n (true division) for the numbers a sum gives: int / int is correctly rounded. */
export function pyTrueDivide(a: PyValue, n: number): PyFloat {
  if (typeof a !== 'bigint') return new PyFloat(toFloat(a) / n);
  const neg = a < 0n;
  const num = neg ? -a : a;
  const den = BigInt(n);
  // Scale so that the integer quotient carries at least 55 bits, fold the remainder into a sticky bit, and let
  // the (correctly rounding) bigint-to-double conversion round once.
  const shift = num.toString(2).length - den.toString(2).length - 55;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const d = den << BigInt(shift);
    q = num / d;
    r = num % d;
  } else {
    const m = num << BigInt(-shift);
    q = m / den;
    r = m % den;
  }
  if (r !== 0n) q |= 1n;
  const x = Number(q) * 2 ** shift;
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'integer division result too large for a float');
  return new PyFloat(neg ? -x : x);
}

/** sorted(): a stable sort using only `<`. */
export function pySorted<T>(items: T[], lt: (a: T, b: T) => boolean): T[] {
  const a = items.slice();
  const tmp = new Array<T>(a.length);
  const merge = (lo: number, mid: number, hi: number): void => {
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid && j < hi) tmp[k++] = lt(a[j], a[i]) ? a[j++] : a[i++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    for (let x = lo; x < hi; x++) a[x] = tmp[x];
  };
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length - width; lo += 2 * width) {
      merge(lo, lo + width, Math.min(lo + 2 * width, a.length));
    }
  }
  return a;
}

/** list[start:stop:step] (null for an omitted part; a bigint far beyond the list clamps). */
export function pySlice<T>(list: T[], parts: (number | bigint | null)[]): T[] {
  const length = list.length;
  const clamp = (x: number | bigint): number => {
    if (typeof x === 'bigint') return x < 0n ? -Infinity : Infinity;
    return x;
  };
  let step = parts[2] === null ? 1 : clamp(parts[2]);
  if (step === 0) throw new PyException('ValueError', 'slice step cannot be zero');
  if (!Number.isFinite(step)) step = step > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? length - 1 : length;
  const bound = (raw: number | bigint | null, dflt: number): number => {
    if (raw === null) return dflt;
    let x = clamp(raw);
    if (x < 0) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    return x;
  };
  const start = bound(parts[0], step < 0 ? upper : lower);
  const stop = bound(parts[1], step < 0 ? lower : upper);
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(list[i]);
  else for (let i = start; i > stop; i += step) out.push(list[i]);
  return out;
}
