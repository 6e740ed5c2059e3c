// Client-side parameter validation as botocore's ParamValidator does it: required members, unknown
// members, types, and the minimums (string/list length, number value). Maximums, patterns and enums
// are left to the service, as botocore leaves them. All errors are reported together, in the order
// botocore finds them.
import { getShape, memberRef } from '../model';
import type { Shape } from '../model/types';
import { pyKey, PyBytes, PyDateTime, PyFloat, type PyValue } from '../py/values';
import { pyStr, pyTypeName } from '../py/repr';

const T = {
  str: "<class 'str'>", int: "<class 'int'>", float: "<class 'float'>", decimal: "<class 'decimal.Decimal'>",
  dict: "<class 'dict'>", list: "<class 'list'>", tuple: "<class 'tuple'>", bool: "<class 'bool'>",
  bytes: "<class 'bytes'>", bytearray: "<class 'bytearray'>", datetime: "<class 'datetime.datetime'>",
};


const isPyInt = (v: PyValue) => typeof v === 'bigint' || (typeof v === 'number') || typeof v === 'boolean';

export function validateParams(params: PyValue, shape: Shape): string[] {
  const errors: string[] = [];
  const name = (n: string) => (n === '' ? 'input' : n.startsWith('.') ? n.slice(1) : n);
  const invalidType = (v: PyValue, n: string, valid: string[]): void => {
    errors.push(`Invalid type for parameter ${name(n)}, value: ${pyStr(v)}, type: ${pyTypeName(v)}, valid types: ${valid.join(', ')}`);
  };
  // `shown` is the value as Python's %s prints it (5.0 stays 5.0, a bool is False/True).
  const rangeCheck = (n: string, value: number | bigint, s: Shape, kind: 'length' | 'value', shown: string = String(value)) => {
    if (s.min === undefined) return;
    if (value < s.min) {
      const min = String(s.min);
      errors.push(kind === 'length'
        ? `Invalid length for parameter ${name(n)}, value: ${shown}, valid min length: ${min}`
        : `Invalid value for parameter ${name(n)}, value: ${shown}, valid min value: ${min}`);
    }
  };

  const visit = (v: PyValue, s: Shape, n: string): void => {
    switch (s.type) {
      case 'structure': {
        if (!(v instanceof Map)) return invalidType(v, n, [T.dict]);
        if (s.union) {
          // botocore counts every key given (unknown ones and None values too), before anything else.
          const names = Object.keys(s.members ?? {}).join(', ');
          if (v.size === 0) errors.push(`Must set one of the following keys for tagged unionstructure ${name(n)}: ${names}.`);
          else if (v.size > 1) {
            errors.push(`Invalid number of parameters set for tagged union structure ${name(n)}. Can only set one of the following keys: ${names}.`);
          }
        }
        for (const req of s.required ?? []) {
          if (!v.has(req)) errors.push(`Missing required parameter in ${name(n)}: "${req}"`);
        }
        const known: [string, Shape][] = [];
        for (const k of v.keys()) {
          const ref = memberRef(s, k);
          if (!ref) {
            errors.push(`Unknown parameter in ${name(n)}: "${k}", must be one of: ${Object.keys(s.members ?? {}).join(', ')}`);
          } else known.push([k, getShape(ref)]);
        }
        for (const [k, ms] of known) visit(v.get(k)!, ms, `${n}.${k}`);
        return;
      }
      case 'list': {
        if (!Array.isArray(v)) return invalidType(v, n, [T.list, T.tuple]);
        rangeCheck(n, v.length, s, 'length');
        const ms = getShape(s.member!);
        v.forEach((item, i) => visit(item, ms, `${n}[${i}]`));
        return;
      }
      case 'map': {
        if (!(v instanceof Map)) return invalidType(v, n, [T.dict]);
        const ks = getShape(s.key!);
        const vs = getShape(s.value!);
        for (const [k, x] of v) {
          visit(pyKey(v, k), ks, `${n} (key: ${k})`);
          visit(x, vs, `${n}.${k}`);
        }
        return;
      }
      case 'string': {
        if (typeof v !== 'string') return invalidType(v, n, [T.str]);
        rangeCheck(n, [...v].length, s, 'length');
        return;
      }
      case 'integer':
      case 'long': {
        if (!isPyInt(v)) return invalidType(v, n, [T.int]);
        rangeCheck(n, typeof v === 'boolean' ? Number(v) : (v as number | bigint), s, 'value', pyStr(v));
        return;
      }
      case 'float':
      case 'double': {
        if (!(v instanceof PyFloat) && !isPyInt(v)) return invalidType(v, n, [T.float, T.decimal, T.int]);
        const num = v instanceof PyFloat ? v.value : typeof v === 'boolean' ? Number(v) : (v as number | bigint);
        rangeCheck(n, num, s, 'value', pyStr(v));
        return;
      }
      case 'boolean':
        if (typeof v !== 'boolean') invalidType(v, n, [T.bool]);
        return;
      case 'blob':
        if (!(v instanceof PyBytes) && typeof v !== 'string') invalidType(v, n, [T.bytes, T.bytearray, 'file-like object']);
        return;
      case 'timestamp':
        if (!isTimestamp(v)) invalidType(v, n, [T.datetime, 'timestamp-string']);
        return;
      default:
        return;
    }
  };
  visit(params, shape, '');
  return errors;
}

// --- timestamps: botocore accepts what parse_to_aware_datetime can read ---------------------------
// An epoch number (a Python float() of the text, within datetime's years 1..9999), else what
// dateutil.parser.parse reads. This follows dateutil on the forms people write: words must be month
// or weekday names, its jump words, hour/minute/second units, AM/PM, or a zone name after a time;
// there must be a date or time in it; ISO dates and clock times must be in range.

const EPOCH_MIN = -62135596800; // 0001-01-01T00:00:00Z
const EPOCH_MAX = 253402300800; // 10000-01-01T00:00:00Z
const PY_FLOAT_TEXT = /^\s*[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?\s*$/;
const MONTHS = 'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december';
const WEEKDAYS = 'mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday';
const DATE_WORDS = new Set(`${MONTHS} ${WEEKDAYS}`.split(' '));
const OTHER_WORDS = new Set('at on and ad m t of st nd rd th h hour hours minute minutes s second seconds am a pm p'.split(' '));
const ZONE_WORDS = new Set(['utc', 'gmt', 'z']);

function isTimestamp(v: PyValue): boolean {
  // A datetime is taken as it is; a date is no datetime, and dateutil cannot parse it.
  if (v instanceof PyDateTime) return v.hasTime;
  if (typeof v === 'boolean') return true;
  if (typeof v === 'number' || typeof v === 'bigint') return v >= EPOCH_MIN && v < EPOCH_MAX;
  if (v instanceof PyFloat) return v.value >= EPOCH_MIN && v.value < EPOCH_MAX;
  if (v instanceof PyBytes) return isTimestampText(new TextDecoder().decode(v.bytes));
  if (typeof v === 'string') return isTimestampText(v);
  return false;
}

function isTimestampText(text: string): boolean {
  if (PY_FLOAT_TEXT.test(text)) {
    const n = Number(text.trim().replace(/_/g, ''));
    return n >= EPOCH_MIN && n < EPOCH_MAX;
  }
  if (/[^\p{L}\p{N}\s.,;\-/':+]/u.test(text)) return false;
  let hasDate = /\d/.test(text);
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const word = m[0].toLowerCase();
    if (DATE_WORDS.has(word)) hasDate = true;
    else if (OTHER_WORDS.has(word)) continue;
    // A zone name (UTC, Z, EST, …) only after a number.
    else if (!(/\d/.test(text.slice(0, m.index)) && (ZONE_WORDS.has(word) || (/^[A-Z]+$/.test(m[0]) && m[0].length <= 5)))) {
      return false;
    }
  }
  if (!hasDate) return false;
  const iso = /^\s*(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?/.exec(text);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), iso[3] === undefined ? 1 : Number(iso[3])];
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return false;
  }
  const dmy = /^\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b/.exec(text);
  if (dmy) {
    const [a, b, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (!((a >= 1 && a <= 12 && b >= 1 && b <= daysIn(y, a)) || (b >= 1 && b <= 12 && a >= 1 && a <= daysIn(y, b)))) return false;
  }
  const time = /(?:^|[T\s])(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || (time[3] !== undefined && Number(time[3]) > 59))) return false;
  return true;
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
