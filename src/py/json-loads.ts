// Python's json.loads, as CPython 3.11's C scanner (Modules/_json.c) and json.decoder decode (the
// Python the AWS CLI v2.36.7 runs on): the same accepted documents (NaN/Infinity included, only
// ' \t\n\r' as whitespace, strict strings), the same values (dicts keep document order, a repeated
// key keeps its first place and its last value; 5.0 stays a float, big ints exact) and the same error
// texts and positions (counted in code points; a trailing comma is reported as 3.11 does, the next
// token missing, not with 3.13's "Illegal trailing comma"). Every JSON document the AWS CLI reads goes
// through it: option values and --cli-input-json, responses, starting tokens, credential_process
// output, JMESPath literals.
import { markOrderedDict } from './repr';
import { PyException } from './exceptions';
import { MAX_INT_DIGITS, tooManyDigits } from './numbers';
import { codePointLength } from './str';
import { PyFloat, type PyDict, type PyValue } from './values';

/**
 * json.JSONDecodeError (a ValueError): `message` is str() of it, `<msg>: line L column C (char P)`,
 * positions in Python code points.
 */
export class JSONDecodeError extends PyException {
  override name = 'JSONDecodeError';
  /** Position in code points; line and column as Python reports them. */
  readonly pos: number;
  readonly lineno: number;
  readonly colno: number;
  /** `at` is a UTF-16 index into `doc`. */
  constructor(readonly msg: string, doc: string, at: number) {
    let lineno = 1;
    let last = -1;
    for (let i = doc.indexOf('\n'); i !== -1 && i < at; i = doc.indexOf('\n', i + 1)) {
      lineno++;
      last = i;
    }
    const pos = codePointLength(doc, at);
    const colno = last < 0 ? pos + 1 : pos - codePointLength(doc, last);
    super('ValueError', `${msg}: line ${lineno} column ${colno} (char ${pos})`);
    this.pos = pos;
    this.lineno = lineno;
    this.colno = colno;
  }
}

/** The deepest nesting of arrays and objects decoded (Python's recursive scanner runs out of recursion near it). */
export const MAX_JSON_DEPTH = 1000;

/** Python's RecursionError on a document nested deeper than MAX_JSON_DEPTH levels (`tooDeep: 'recursion'`). */
export class JsonNestingError extends Error {
  constructor(readonly container: 'array' | 'object') {
    super(`maximum recursion depth exceeded while decoding a JSON ${container} from a unicode string`);
    this.name = 'JsonNestingError';
  }
}

export interface LoadsOptions {
  /** object_pairs_hook=OrderedDict (as the AWS CLI decodes option values): dicts are marked OrderedDict (their repr and type). */
  orderedDict?: boolean;
  /**
   * What a document nested deeper than MAX_JSON_DEPTH levels raises: Python's RecursionError text
   * ('recursion', JsonNestingError: what the AWS CLI itself ends with), or a JSONDecodeError of this
   * CLI's own at the bracket ('decode': `Nesting deeper than 1000 levels is not supported`), which
   * callers report as a bad value where the AWS CLI would crash.
   */
  tooDeep?: 'recursion' | 'decode';
}

const C_QUOTE = 0x22;
const C_BACKSLASH = 0x5c;
/** What a string's characters must be scanned one by one for: an escape, or a control character (an error). */
// eslint-disable-next-line no-control-regex
const NEEDS_SCAN = /[\x00-\x1f\\]/;

/**
 * Object keys seen so far, each held once (a page of a list repeats the same few keys thousands of
 * times; and a key cut out of the document would keep the whole document alive).
 */
const KEYS = new Map<string, string>();

function knownKey(key: string): string {
  const known = KEYS.get(key);
  if (known !== undefined) return known;
  // A copy of its own (not a slice of the document).
  const own = key.length < 13 ? key : (' ' + key).slice(1);
  if (KEYS.size < 4096) KEYS.set(own, own);
  return own;
}

/**
 * json.loads(text): objects become Maps in document order, integers numbers (bigint when unsafe),
 * numbers with a fraction or an exponent PyFloat; NaN, Infinity and -Infinity accepted. Throws
 * JSONDecodeError; for more than 4300 digits, int()'s ValueError (a PyException); past
 * MAX_JSON_DEPTH levels, as `opts.tooDeep` says.
 */
export function jsonLoads(text: string, opts: LoadsOptions = {}): PyValue {
  const ordered = opts.orderedDict ?? false;
  const decodeTooDeep = opts.tooDeep === 'decode';
  let pos = 0;
  const len = text.length;

  const fail = (msg: string, at: number): never => {
    throw new JSONDecodeError(msg, text, at);
  };

  const tooDeep = (container: 'array' | 'object'): never => {
    if (decodeTooDeep) fail(`Nesting deeper than ${MAX_JSON_DEPTH} levels is not supported`, pos);
    throw new JsonNestingError(container);
  };

  const skipWs = (): number => {
    let c = text.charCodeAt(pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++pos);
    return c;
  };

  const parseString = (): string => {
    // pos is just after the opening quote
    const begin = pos - 1;
    // Most strings have no escape and no control character: the next quote ends them.
    const quote = text.indexOf('"', pos);
    if (quote >= 0) {
      const chunk = text.slice(pos, quote);
      if (!NEEDS_SCAN.test(chunk)) {
        pos = quote + 1;
        return chunk;
      }
    }
    let start = pos;
    let parts: string | null = null;
    for (;;) {
      if (pos >= len) fail('Unterminated string starting at', begin);
      const c = text.charCodeAt(pos);
      if (c === C_QUOTE) {
        const chunk = text.slice(start, pos);
        pos++;
        return parts === null ? chunk : parts + chunk;
      }
      if (c === C_BACKSLASH) {
        parts = (parts ?? '') + text.slice(start, pos);
        pos++;
        if (pos >= len) fail('Unterminated string starting at', begin);
        const e = text.charCodeAt(pos);
        switch (e) {
          case 0x22:
            parts += '"';
            break;
          case 0x5c:
            parts += '\\';
            break;
          case 0x2f:
            parts += '/';
            break;
          case 0x62:
            parts += '\b';
            break;
          case 0x66:
            parts += '\f';
            break;
          case 0x6e:
            parts += '\n';
            break;
          case 0x72:
            parts += '\r';
            break;
          case 0x74:
            parts += '\t';
            break;
          case 0x75: {
            // As the C scanner: the four digits must be followed by something.
            if (pos + 5 >= len) fail('Invalid \\uXXXX escape', pos);
            const hex = text.slice(pos + 1, pos + 5);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', pos);
            parts += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail('Invalid \\escape', pos - 1);
        }
        pos++;
        start = pos;
        continue;
      }
      if (c < 0x20) fail('Invalid control character at', pos);
      pos++;
    }
  };

  const parseNumber = (): PyValue => {
    const begin = pos;
    let c = text.charCodeAt(pos);
    if (c === 0x2d) c = text.charCodeAt(++pos);
    if (c === 0x30) {
      c = text.charCodeAt(++pos);
    } else if (c >= 0x31 && c <= 0x39) {
      do c = text.charCodeAt(++pos);
      while (c >= 0x30 && c <= 0x39);
    } else {
      // a lone '-' (or '-Infinity', handled by the caller)
      fail('Expecting value', begin);
    }
    let isFloat = false;
    if (c === 0x2e) {
      const d = text.charCodeAt(pos + 1);
      if (d >= 0x30 && d <= 0x39) {
        isFloat = true;
        pos++;
        do c = text.charCodeAt(++pos);
        while (c >= 0x30 && c <= 0x39);
      }
    }
    if (c === 0x65 || c === 0x45) {
      let p = pos + 1;
      let d = text.charCodeAt(p);
      if (d === 0x2b || d === 0x2d) d = text.charCodeAt(++p);
      if (d >= 0x30 && d <= 0x39) {
        isFloat = true;
        do d = text.charCodeAt(++p);
        while (d >= 0x30 && d <= 0x39);
        pos = p;
      }
    }
    const s = text.slice(begin, pos);
    if (isFloat) return new PyFloat(Number(s));
    const digits = s.charCodeAt(0) === 0x2d ? s.length - 1 : s.length;
    // int()'s limit, a ValueError (not a JSONDecodeError) in Python.
    if (digits > MAX_INT_DIGITS) throw tooManyDigits(digits);
    if (s.length < 16) {
      const n = Number(s);
      return n === 0 ? 0 : n; // Python has no integer -0
    }
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : BigInt(s);
  };

  const parseValue = (depth: number): PyValue => {
    const c = skipWs();
    switch (c) {
      case 0x22: // "
        pos++;
        return parseString();
      case 0x7b: {
        // {
        if (depth >= MAX_JSON_DEPTH) tooDeep('object');
        pos++;
        const obj: PyDict = ordered ? markOrderedDict(new Map()) : new Map();
        let d = skipWs();
        if (d === 0x7d) {
          pos++;
          return obj;
        }
        for (;;) {
          if (d !== C_QUOTE) fail('Expecting property name enclosed in double quotes', pos);
          pos++;
          const key = knownKey(parseString());
          if (skipWs() !== 0x3a) fail("Expecting ':' delimiter", pos);
          pos++;
          obj.set(key, parseValue(depth + 1));
          d = skipWs();
          if (d === 0x2c) {
            pos++;
            d = skipWs();
            continue;
          }
          if (d === 0x7d) {
            pos++;
            return obj;
          }
          fail("Expecting ',' delimiter", pos);
        }
      }
      // falls through (unreachable)
      case 0x5b: {
        // [
        if (depth >= MAX_JSON_DEPTH) tooDeep('array');
        pos++;
        const arr: PyValue[] = [];
        if (skipWs() === 0x5d) {
          pos++;
          return arr;
        }
        for (;;) {
          arr.push(parseValue(depth + 1));
          const d = skipWs();
          if (d === 0x2c) {
            pos++;
            continue;
          }
          if (d === 0x5d) {
            pos++;
            return arr;
          }
          fail("Expecting ',' delimiter", pos);
        }
      }
      // falls through (unreachable)
      case 0x74: // t
        if (text.startsWith('true', pos)) {
          pos += 4;
          return true;
        }
        break;
      case 0x66: // f
        if (text.startsWith('false', pos)) {
          pos += 5;
          return false;
        }
        break;
      case 0x6e: // n
        if (text.startsWith('null', pos)) {
          pos += 4;
          return null;
        }
        break;
      case 0x4e: // N
        if (text.startsWith('NaN', pos)) {
          pos += 3;
          return new PyFloat(NaN);
        }
        break;
      case 0x49: // I
        if (text.startsWith('Infinity', pos)) {
          pos += 8;
          return new PyFloat(Infinity);
        }
        break;
      case 0x2d: // -
        if (text.startsWith('-Infinity', pos)) {
          pos += 9;
          return new PyFloat(-Infinity);
        }
        return parseNumber();
      default:
        if (c >= 0x30 && c <= 0x39) return parseNumber();
    }
    return fail('Expecting value', pos);
  };

  if (text.charCodeAt(0) === 0xfeff) fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
  const value = parseValue(0);
  skipWs();
  if (pos !== len) fail('Extra data', pos);
  return value;
}

