// Python's json.loads(text, object_pairs_hook=OrderedDict), as the AWS CLI decodes JSON option
// values: CPython 3.11's C scanner (Modules/_json.c) and json.decoder, the Python the AWS CLI v2.36.7
// runs on here. Same accepted documents (NaN/Infinity included, only ' \t\n\r' as whitespace,
// strict strings) and the same error texts and positions; a trailing comma is reported as 3.11 does
// (the next token is missing), not with 3.13's "Illegal trailing comma". All of Python's json error
// texts are in this file.
import { markOrderedDict } from '../py/repr';
import { PyFloat, type PyDict, type PyValue } from '../py/values';

/**
 * A decoding failure. `message` is exactly Python's str() of the exception: for a
 * json.JSONDecodeError `<msg>: line L column C (char P)` (positions in Python code points); for the
 * one plain ValueError json.loads can raise (an integer of more than 4300 digits) Python's text.
 */
export class PyJsonError extends Error {
  override name = 'PyJsonError';
  constructor(
    message: string,
    /** The bare message (`Expecting value`); equals `message` for the digit-limit ValueError. */
    readonly msg: string,
    /** Position in code points (-1 for the digit-limit ValueError); lineno/colno as Python reports them. */
    readonly pos = -1,
    readonly lineno = 0,
    readonly colno = 0,
  ) {
    super(message);
  }
}

const MAX_INT_DIGITS = 4300;

/**
 * The deepest nesting of arrays and objects decoded. Python's recursive scanner hits its recursion
 * limit at about 975 levels inside the AWS CLI (a RecursionError, which the AWS CLI reports as
 * "maximum recursion depth exceeded…", exit 255); this decoder stops at a fixed depth with a
 * decoding error of its own instead.
 */
export const MAX_JSON_DEPTH = 1000;

/** Counts Python code points in s[0, end) (a surrogate pair is one code point). */
function codePoints(s: string, end: number): number {
  let n = end;
  for (let i = 0; i < end - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function decodeError(msg: string, s: string, unitPos: number): PyJsonError {
  const pos = codePoints(s, unitPos);
  let lineno = 1;
  let lastNl = -1;
  for (let i = s.indexOf('\n'); i !== -1 && i < unitPos; i = s.indexOf('\n', i + 1)) {
    lineno++;
    lastNl = i;
  }
  const colno = lastNl < 0 ? pos + 1 : pos - codePoints(s, lastNl);
  return new PyJsonError(`${msg}: line ${lineno} column ${colno} (char ${pos})`, msg, pos, lineno, colno);
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
};

class Decoder {
  /** Mark dicts as OrderedDict (object_pairs_hook=OrderedDict), as the AWS CLI's argument parsing does. */
  ordered = true;
  private depth = 0;

  constructor(private readonly s: string) {}

  private fail(msg: string, pos: number): never {
    throw decodeError(msg, this.s, pos);
  }

  skipWs(i: number): number {
    const s = this.s;
    while (i < s.length && isWs(s.charCodeAt(i))) i++;
    return i;
  }

  scanOnce(idx: number): [PyValue, number] {
    const s = this.s;
    if (idx >= s.length) this.fail('Expecting value', idx);
    const c = s[idx];
    switch (c) {
      case '"': return this.scanString(idx + 1);
      case '{':
      case '[': {
        if (++this.depth > MAX_JSON_DEPTH) this.fail(`Nesting deeper than ${MAX_JSON_DEPTH} levels is not supported`, idx);
        const r = c === '{' ? this.parseObject(idx + 1) : this.parseArray(idx + 1);
        this.depth--;
        return r;
      }
      case 'n': if (s.startsWith('null', idx)) return [null, idx + 4]; break;
      case 't': if (s.startsWith('true', idx)) return [true, idx + 4]; break;
      case 'f': if (s.startsWith('false', idx)) return [false, idx + 5]; break;
      case 'N': if (s.startsWith('NaN', idx)) return [new PyFloat(NaN), idx + 3]; break;
      case 'I': if (s.startsWith('Infinity', idx)) return [new PyFloat(Infinity), idx + 8]; break;
      case '-': if (s.startsWith('-Infinity', idx)) return [new PyFloat(-Infinity), idx + 9]; break;
      default: break;
    }
    NUMBER.lastIndex = idx;
    const m = NUMBER.exec(s);
    if (!m) this.fail('Expecting value', idx);
    const text = m[0];
    const end = idx + text.length;
    if (m[1] !== undefined || m[2] !== undefined) return [new PyFloat(Number(text)), end];
    return [pyIntFromDigits(text), end];
  }

  scanString(end: number): [string, number] {
    const s = this.s;
    const len = s.length;
    const begin = end - 1;
    let out = '';
    for (;;) {
      let next = end;
      let c = 0;
      for (; next < len; next++) {
        c = s.charCodeAt(next);
        if (c === 0x22 || c === 0x5c) break;
        if (c <= 0x1f) this.fail('Invalid control character at', next);
      }
      if (next >= len) this.fail('Unterminated string starting at', begin);
      out += s.slice(end, next);
      next++;
      if (c === 0x22) return [out, next];
      if (next === len) this.fail('Unterminated string starting at', begin);
      const esc = s[next];
      if (esc !== 'u') {
        end = next + 1;
        const ch = ESCAPES[esc];
        if (ch === undefined) this.fail('Invalid \\escape', end - 2);
        out += ch;
        continue;
      }
      next++;
      end = next + 4;
      if (end >= len) this.fail('Invalid \\uXXXX escape', next - 1);
      let code = this.hex4(next, end - 5);
      if (code >= 0xd800 && code <= 0xdbff && end + 6 < len && s[end] === '\\' && s[end + 1] === 'u') {
        const low = this.hex4(end + 2, end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00));
          end += 6;
        }
      }
      out += String.fromCodePoint(code);
    }
  }

  /** Four hex digits at `at`; an invalid one reports "Invalid \uXXXX escape" at `errPos`. */
  private hex4(at: number, errPos: number): number {
    let v = 0;
    for (let i = at; i < at + 4; i++) {
      const c = this.s.charCodeAt(i);
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
      else this.fail('Invalid \\uXXXX escape', errPos);
      v = (v << 4) | d;
    }
    return v;
  }

  parseObject(idx: number): [PyDict, number] {
    const s = this.s;
    const obj: PyDict = this.ordered ? markOrderedDict(new Map()) : new Map();
    idx = this.skipWs(idx);
    if (idx >= s.length || s[idx] !== '}') {
      for (;;) {
        if (idx >= s.length || s[idx] !== '"') this.fail('Expecting property name enclosed in double quotes', idx);
        const [key, afterKey] = this.scanString(idx + 1);
        idx = this.skipWs(afterKey);
        if (idx >= s.length || s[idx] !== ':') this.fail("Expecting ':' delimiter", idx);
        idx = this.skipWs(idx + 1);
        const [val, afterVal] = this.scanOnce(idx);
        obj.set(key, val);
        idx = this.skipWs(afterVal);
        if (idx < s.length && s[idx] === '}') break;
        if (idx >= s.length || s[idx] !== ',') this.fail("Expecting ',' delimiter", idx);
        idx = this.skipWs(idx + 1);
      }
    }
    return [obj, idx + 1];
  }

  parseArray(idx: number): [PyValue[], number] {
    const s = this.s;
    const arr: PyValue[] = [];
    idx = this.skipWs(idx);
    if (idx >= s.length || s[idx] !== ']') {
      for (;;) {
        const [val, afterVal] = this.scanOnce(idx);
        arr.push(val);
        idx = this.skipWs(afterVal);
        if (idx < s.length && s[idx] === ']') break;
        if (idx >= s.length || s[idx] !== ',') this.fail("Expecting ',' delimiter", idx);
        idx = this.skipWs(idx + 1);
      }
    }
    return [arr, idx + 1];
  }
}

/** Python's int() of a JSON integer literal: number when safe, bigint beyond; the 4300-digit limit. */
function pyIntFromDigits(text: string): number | bigint {
  const digits = text.startsWith('-') ? text.length - 1 : text.length;
  if (digits > MAX_INT_DIGITS) {
    const m = `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits} digits; ` +
      'use sys.set_int_max_str_digits() to increase the limit';
    throw new PyJsonError(m, m);
  }
  if (digits <= 15) {
    const n = Number(text);
    return n === 0 ? 0 : n;
  }
  const b = BigInt(text);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

/**
 * json.loads(text, object_pairs_hook=OrderedDict) → PyValue; throws PyJsonError with Python's text.
 * With `{ orderedDict: false }`, plain json.loads (dicts print as `{…}` rather than `OrderedDict({…})`).
 */
export function parsePyJson(text: string, opts: { orderedDict?: boolean } = {}): PyValue {
  if (text.startsWith('\ufeff')) throw decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', text, 0);
  const d = new Decoder(text);
  d.ordered = opts.orderedDict ?? true;
  const [obj, after] = d.scanOnce(d.skipWs(0));
  const end = d.skipWs(after);
  if (end !== text.length) throw decodeError('Extra data', text, end);
  return obj;
}
