// `--output text`: the AWS CLI's tab-separated rendering of one response (or one page of one).
//
// The rules (from awscli/text.py):
//  - a dict prints its scalar values on one line, in key order sorted by code point, prefixed by the
//    upper-cased key it was found under (when there is one); its non-scalar values follow, each
//    rendered under its own key;
//  - a list of dicts prints one line per dict, all of them with the same columns: the sorted union of
//    the scalar keys of every dict ('' where a dict lacks one);
//  - a list of scalars prints one `IDENT\tvalue` line per element, or, at the top, the values
//    tab-joined on one line; empty lists and dicts print nothing;
//  - a bare scalar prints as Python's str() prints it (None, True, False, 1.0).
// Where the AWS CLI crashes (a list that holds dicts and also scalars, e.g. a null in a list of
// structures), the dicts keep their columns and each scalar prints as a scalar-list element would.

import { PyBytes, PyFloat, type PyDict, type PyValue } from '../model/values';
import { pyFloatRepr } from '../model/pyrepr';

const isDictV = (v: PyValue): v is PyDict => v instanceof Map;
const isNonScalar = (v: PyValue): v is PyDict | PyValue[] => v instanceof Map || Array.isArray(v);

/** Orders strings as Python orders str: by code point (JS's `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after the rest of the BMP.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
      y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

export function sortedKeys(keys: Iterable<string>): string[] {
  return Array.from(keys).sort(compareCodePoints);
}

// Python's str.isprintable(): everything but the categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Python's repr() of a str. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      out += cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
    } else out += ch;
  }
  return out + quote;
}

/** Python's repr() of bytes. */
function pyBytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

function intStr(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** Python's repr() of a value (strings quoted; containers as Python prints them). */
export function pyRepr(v: PyValue): string {
  if (typeof v === 'string') return pyStrRepr(v);
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const [k, x] of v) parts.push(`${pyStrRepr(k)}: ${pyRepr(x)}`);
    return `{${parts.join(', ')}}`;
  }
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return pyStr(v);
}

/** Python's str() of a value, as `str(value)` / `'%s' % value` print it in the AWS CLI's output. */
export function pyStr(v: PyValue): string {
  if (typeof v === 'string') return v;
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? intStr(v) : pyFloatRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v instanceof PyBytes) return pyBytesRepr(v.bytes);
  return pyRepr(v);
}

/** Python's truthiness of a value. */
export function pyTruthy(v: PyValue): boolean {
  if (v === null || v === false || v === '' || v === 0 || v === 0n) return false;
  if (v instanceof Map) return v.size > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyFloat) return v.value !== 0; // NaN is truthy, as in Python
  if (v instanceof PyBytes) return v.bytes.length > 0;
  return true;
}

/** The whole `--output text` rendering of one response (or page), as awscli/text.py writes it. */
export function formatText(value: PyValue): string {
  const out: string[] = [];
  formatItem(value, out, null, null);
  return out.join('');
}

/** The columns shared by the dicts of one list: the sorted union of their scalar keys. */
interface ScalarKeys {
  keys: string[];
  set: Set<string>;
}

function formatItem(item: PyValue, out: string[], identifier: string | null, scalarKeys: ScalarKeys | null): void {
  if (isDictV(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(pyStr(item), '\n');
}

function formatList(item: PyValue[], out: string[], identifier: string | null): void {
  if (item.length === 0) return;
  let hasDict = false;
  let hasList = false;
  for (const el of item) {
    if (isDictV(el)) hasDict = true;
    else if (Array.isArray(el)) hasList = true;
  }
  if (hasDict) {
    const allKeys = allScalarKeys(item);
    for (const el of item) {
      if (isDictV(el)) formatDict(el, out, identifier, allKeys);
      else if (Array.isArray(el)) formatList(el, out, identifier);
      // The AWS CLI crashes here (a scalar among dicts): print it as a scalar-list element.
      else formatScalarList([el], out, identifier);
    }
  } else if (hasList) {
    const scalars: PyValue[] = [];
    const nonScalars: PyValue[][] = [];
    for (const el of item) {
      if (Array.isArray(el)) nonScalars.push(el);
      else scalars.push(el);
    }
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const ns of nonScalars) formatList(ns, out, identifier);
  } else {
    formatScalarList(item, out, identifier);
  }
}

function formatScalarList(elements: PyValue[], out: string[], identifier: string | null): void {
  if (identifier !== null) {
    const ident = identifier.toUpperCase();
    for (const el of elements) out.push(ident, '\t', pyStr(el), '\n');
  } else {
    out.push(elements.map(pyStr).join('\t'), '\n');
  }
}

function formatDict(item: PyDict, out: string[], identifier: string | null, scalarKeys: ScalarKeys | null): void {
  const scalars: string[] = [];
  const nonScalars: [string, PyValue][] = [];
  if (scalarKeys === null) {
    for (const key of sortedKeys(item.keys())) {
      const value = item.get(key)!;
      if (isNonScalar(value)) nonScalars.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys.keys) {
      const value = item.get(key);
      scalars.push(value === undefined ? '' : pyStr(value));
    }
    const remaining: string[] = [];
    for (const key of item.keys()) if (!scalarKeys.set.has(key)) remaining.push(key);
    for (const key of sortedKeys(remaining)) nonScalars.push([key, item.get(key)!]);
  }
  if (scalars.length > 0) {
    if (identifier !== null) out.push(identifier.toUpperCase(), '\t');
    out.push(scalars.join('\t'), '\n');
  }
  for (const [key, value] of nonScalars) formatItem(value, out, key, null);
}

function allScalarKeys(list: PyValue[]): ScalarKeys {
  const set = new Set<string>();
  for (const el of list) {
    if (!isDictV(el)) continue;
    for (const [k, v] of el) if (!isNonScalar(v)) set.add(k);
  }
  return { keys: sortedKeys(set), set };
}
