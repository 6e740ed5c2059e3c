// Python's json.dumps, as the AWS CLI writes JSON: `--output json` (indent=4, ensure_ascii=False),
// request bodies (botocore: the defaults, ensure_ascii and ', '/': '), JMESPath's to_string() (compact),
// pagination tokens.
import { b64encode } from './base64';
import { PyException } from './exceptions';
import { pyFloatRepr } from './repr';
import { PyBytes, PyFloat, type PyValue } from './values';

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

/**
 * The default `default=` hook: bytes become their base64 text (as the AWS CLI's JSON encoder and
 * botocore's serializer write blobs); anything else is Python's TypeError.
 */
function bytesAsBase64(v: unknown): PyValue {
  if (v instanceof PyBytes) return b64encode(v.bytes);
  throw new PyException('TypeError', `Object of type ${typeName(v)} is not JSON serializable`);
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
export function jsonDumps(value: PyValue, opts: DumpsOptions = {}): string {
  const w = writer(opts);
  w.write(value, opts.level ?? 0);
  return w.out;
}

function writer(opts: DumpsOptions): Writer {
  const indent = opts.indent;
  return new Writer(
    indent,
    opts.ensureAscii ?? true,
    opts.itemSeparator ?? (indent === undefined ? ', ' : ','),
    opts.keySeparator ?? ': ',
    opts.fallback ?? bytesAsBase64,
  );
}

/** '\n' and the indentation of each level, by indent (shared by every dump). */
const NEWLINES = new Map<number, string[]>();

class Writer {
  out = '';
  private readonly newlines: string[];
  private readonly active = new Set<object>();

  constructor(
    private readonly indent: number | undefined,
    private readonly ensureAscii: boolean,
    private readonly itemSep: string,
    private readonly keySep: string,
    private readonly fallback: (v: unknown) => PyValue,
  ) {
    let newlines = indent === undefined ? undefined : NEWLINES.get(indent);
    if (!newlines) {
      newlines = [];
      if (indent !== undefined) NEWLINES.set(indent, newlines);
    }
    this.newlines = newlines;
  }

  private put(s: string): void {
    this.out += s;
  }

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
      this.putString(v);
    } else if (v === null) {
      this.put('null');
    } else if (typeof v === 'number') {
      this.put(Number.isInteger(v) ? intText(v) : pyJsonFloat(v));
    } else if (typeof v === 'boolean') {
      this.put(v ? 'true' : 'false');
    } else if (v instanceof PyFloat) {
      this.put(pyJsonFloat(v.value));
    } else if (v instanceof Map) {
      if (v.size === 0) {
        this.put('{}');
        return;
      }
      this.enter(v);
      const inner = this.newlineAt(level + 1);
      this.put('{');
      this.put(inner);
      let first = true;
      for (const k of v.keys()) {
        if (first) {
          first = false;
        } else {
          this.put(this.itemSep);
          this.put(inner);
        }
        this.putString(String(k));
        this.put(this.keySep);
        this.write(v.get(k), level + 1);
      }
      this.put(this.newlineAt(level));
      this.put('}');
      this.active.delete(v);
    } else if (Array.isArray(v)) {
      if (v.length === 0) {
        this.put('[]');
        return;
      }
      this.enter(v);
      const inner = this.newlineAt(level + 1);
      this.put('[');
      this.put(inner);
      for (let i = 0; i < v.length; i++) {
        if (i > 0) {
          this.put(this.itemSep);
          this.put(inner);
        }
        this.write(v[i], level + 1);
      }
      this.put(this.newlineAt(level));
      this.put(']');
      this.active.delete(v);
    } else if (typeof v === 'bigint') {
      this.put(v.toString());
    } else {
      this.write(this.fallback(v), level);
    }
  }

  /** A JSON string literal: in three pieces when nothing in it is escaped. */
  private putString(s: string): void {
    if ((this.ensureAscii ? NEEDS_ESCAPE_ASCII : NEEDS_ESCAPE).test(s)) {
      this.put(pyJsonString(s, this.ensureAscii));
      return;
    }
    this.put('"');
    this.put(s);
    this.put('"');
  }

  private enter(v: object): void {
    if (this.active.has(v)) throw new PyException('ValueError', 'Circular reference detected');
    this.active.add(v);
  }
}

