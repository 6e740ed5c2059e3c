// JSON as the AWS CLI (Python) writes and reads it:
//  - formatJson: the bytes of `--output json` for one response (json.dump with indent=4, ensure_ascii=False,
//    followed by a newline; an empty dict prints nothing);
//  - pyJsonDumps: the general json.dumps (also used by JMESPath's to_string(), compact and ASCII-only);
//  - parseResponseJson: a lossless json.loads (dicts keep document order, 5.0 stays a float, big ints exact).

import { PyBytes, PyFloat, type PyValue } from '../py/values';
import { pyFloatRepr } from '../py/repr';

export interface DumpsOptions {
  /** Spaces per level; undefined writes everything on one line. */
  indent?: number;
  /** Escape every non-ASCII character as \uXXXX (Python's default). */
  ensureAscii?: boolean;
  /** Item and key separators; Python's defaults are `, `/`: ` (`,` at line ends when indenting). */
  itemSeparator?: string;
  keySeparator?: string;
  /** What json.dumps's `default=` hook makes of a value JSON cannot hold (PyBytes, foreign objects). */
  fallback?: (v: unknown) => PyValue;
  /** The nesting level the value sits at (its inner lines are indented from there). */
  level?: number;
}

/** The text `aws ... --output json` prints for one (queried) response. */
export function formatJson(value: PyValue): string {
  // The CLI skips exactly an empty dict: other falsy values (null, [], "", 0, false) are printed.
  if (value instanceof Map && value.size === 0) return '';
  return pyJsonDumps(value, { indent: 4, ensureAscii: false }) + '\n';
}

/** The CLI's default= encoder: bytes become their base64 text. */
function cliFallback(v: unknown): PyValue {
  if (v instanceof PyBytes) return Buffer.from(v.bytes.buffer, v.bytes.byteOffset, v.bytes.byteLength).toString('base64');
  throw new TypeError(`Object of type ${typeName(v)} is not JSON serializable`);
}

function typeName(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

// Characters json.dumps escapes whatever ensure_ascii says: '"', '\\' and the C0 controls.
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const NEEDS_ESCAPE_ASCII = /["\\\u0000-\u001f\u007f-\uffff]/;
const ESCAPE_ALL = /["\\\u0000-\u001f]/g;
const ESCAPE_ALL_ASCII = /["\\\u0000-\u001f\u007f-\uffff]/g;

function escapeChar(c: string): string {
  switch (c) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    default: {
      const code = c.charCodeAt(0);
      return '\\u' + code.toString(16).padStart(4, '0');
    }
  }
}

/** A JSON string literal as Python's json module writes it. */
export function pyJsonString(s: string, ensureAscii = false): string {
  if (ensureAscii) {
    if (!NEEDS_ESCAPE_ASCII.test(s)) return '"' + s + '"';
    // Non-BMP characters are already surrogate pairs in JS strings: each half is escaped, as Python does.
    return '"' + s.replace(ESCAPE_ALL_ASCII, escapeChar) + '"';
  }
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  return '"' + s.replace(ESCAPE_ALL, escapeChar) + '"';
}

/** Python's json float text: repr() digits, NaN/Infinity/-Infinity for the non-finite ones. */
export function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    // Here JS and Python agree on the shortest digits and both use positional notation.
    const s = String(x);
    return s.includes('.') ? s : s + '.0';
  }
  return pyFloatRepr(x);
}

function intText(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** json.dumps(value, indent=…, ensure_ascii=…, separators=…, default=…) */
export function pyJsonDumps(value: PyValue, opts: DumpsOptions = {}): string {
  const indent = opts.indent;
  const w = new Writer(
    indent,
    opts.ensureAscii ?? true,
    opts.itemSeparator ?? (indent === undefined ? ', ' : ','),
    opts.keySeparator ?? ': ',
    opts.fallback ?? cliFallback,
  );
  w.write(value, opts.level ?? 0);
  return w.out;
}

class Writer {
  out = '';
  private readonly newlines: string[] = [];
  private readonly active = new Set<object>();

  constructor(
    private readonly indent: number | undefined,
    private readonly ensureAscii: boolean,
    private readonly itemSep: string,
    private readonly keySep: string,
    private readonly fallback: (v: unknown) => PyValue,
  ) {}

  private newlineAt(level: number): string {
    let s = this.newlines[level];
    if (s === undefined) {
      s = this.indent === undefined ? '' : '\n' + ' '.repeat(this.indent * level);
      this.newlines[level] = s;
    }
    return s;
  }

  write(v: unknown, level: number): void {
    if (typeof v === 'string') {
      this.out += pyJsonString(v, this.ensureAscii);
    } else if (v === null) {
      this.out += 'null';
    } else if (typeof v === 'number') {
      this.out += Number.isInteger(v) ? intText(v) : pyJsonFloat(v);
    } else if (typeof v === 'boolean') {
      this.out += v ? 'true' : 'false';
    } else if (v instanceof PyFloat) {
      this.out += pyJsonFloat(v.value);
    } else if (v instanceof Map) {
      if (v.size === 0) {
        this.out += '{}';
        return;
      }
      this.enter(v);
      const inner = this.newlineAt(level + 1);
      const sep = this.itemSep + inner;
      this.out += '{' + inner;
      let first = true;
      for (const [k, x] of v) {
        if (first) first = false;
        else this.out += sep;
        this.out += pyJsonString(String(k), this.ensureAscii) + this.keySep;
        this.write(x, level + 1);
      }
      this.out += this.newlineAt(level) + '}';
      this.active.delete(v);
    } else if (Array.isArray(v)) {
      if (v.length === 0) {
        this.out += '[]';
        return;
      }
      this.enter(v);
      const inner = this.newlineAt(level + 1);
      const sep = this.itemSep + inner;
      this.out += '[' + inner;
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.out += sep;
        this.write(v[i], level + 1);
      }
      this.out += this.newlineAt(level) + ']';
      this.active.delete(v);
    } else if (typeof v === 'bigint') {
      this.out += v.toString();
    } else {
      this.write(this.fallback(v), level);
    }
  }

  private enter(v: object): void {
    if (this.active.has(v)) throw new ValueError('Circular reference detected');
    this.active.add(v);
  }
}

class ValueError extends Error {}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * A JSON syntax error (Python's JSONDecodeError text: "<msg>: line L column C (char N)"), positions
 * counted in code points as Python counts them (`at` is a UTF-16 index into the text).
 */
export class JsonDecodeError extends Error {
  public readonly pos: number;
  constructor(
    public readonly msg: string,
    public readonly doc: string,
    at: number,
  ) {
    const cp = (end: number) => {
      let n = end;
      for (let i = 0; i < end - 1; i++) {
        const c = doc.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = doc.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
        }
      }
      return n;
    };
    let lineno = 1;
    let last = -1;
    for (let i = doc.indexOf('\n'); i !== -1 && i < at; i = doc.indexOf('\n', i + 1)) {
      lineno++;
      last = i;
    }
    const pos = cp(at);
    super(`${msg}: line ${lineno} column ${last < 0 ? pos + 1 : pos - cp(last)} (char ${pos})`);
    this.pos = pos;
    this.name = 'JSONDecodeError';
  }
}

/** A document nested more than MAX_DEPTH levels (Python's json runs out of recursion instead). */
export class JsonNestingError extends Error {
  constructor(readonly container: 'array' | 'object') {
    super(`maximum recursion depth exceeded while decoding a JSON ${container} from a unicode string`);
    this.name = 'JsonNestingError';
  }
}

const C_QUOTE = 0x22;
const C_BACKSLASH = 0x5c;
/** What a string's characters must be scanned one by one for: an escape, or a control character (an error). */
// eslint-disable-next-line no-control-regex
const NEEDS_SCAN = /[\x00-\x1f\\]/;

/**
 * Python's json.loads(text) with lossless numbers: objects become Maps in document order (a repeated key keeps
 * its first place and its last value), integers numbers (bigint when unsafe), numbers with a fraction or
 * an exponent PyFloat; NaN, Infinity and -Infinity are accepted as Python does. Throws JsonDecodeError
 * (JsonNestingError past MAX_DEPTH levels; for more than 4300 digits, the int() ValueError).
 */
export function parseResponseJson(text: string): PyValue {
  let pos = 0;
  const len = text.length;

  const fail = (msg: string, at: number): never => {
    throw new JsonDecodeError(msg, text, at);
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
    if (digits > 4300) {
      // int()'s limit, a ValueError (not a JSONDecodeError) in Python.
      throw new Error(`Exceeds the limit (4300 digits) for integer string conversion: value has ${digits} digits; ` +
        'use sys.set_int_max_str_digits() to increase the limit');
    }
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
        if (depth >= MAX_DEPTH) throw new JsonNestingError('object');
        pos++;
        const obj = new Map<string, PyValue>();
        let d = skipWs();
        if (d === 0x7d) {
          pos++;
          return obj;
        }
        for (;;) {
          if (d !== C_QUOTE) fail('Expecting property name enclosed in double quotes', pos);
          pos++;
          const key = parseString();
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
        if (depth >= MAX_DEPTH) throw new JsonNestingError('array');
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

/** Deeper documents than this are refused with JsonNestingError (Python's own parser stops near 1000 levels too). */
const MAX_DEPTH = 1000;
