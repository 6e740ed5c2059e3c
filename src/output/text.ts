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

import { type PyDict, type PyValue } from '../py/values';
import { pyStr } from '../py/repr';
import { sortedKeys } from '../py/str';

const isDictV = (v: PyValue): v is PyDict => v instanceof Map;
const isNonScalar = (v: PyValue): v is PyDict | PyValue[] => v instanceof Map || Array.isArray(v);


/** The whole `--output text` rendering of one response (or page), as awscli/text.py writes it. */
export function formatText(value: PyValue): string {
  const out: string[] = [];
  formatItem(value, out, null, null);
  return out.join('');
}

/** The columns shared by the dicts of one list: the sorted union of their scalar keys (a set of them when many). */
interface ScalarKeys {
  keys: string[];
  set: Set<string> | undefined;
}

const MANY = 32;

const hasKey = (k: ScalarKeys, key: string) => (k.set ? k.set.has(key) : k.keys.includes(key));

// (Output is gathered as pieces in `out`, joined once: a page of a list is thousands of lines.
// Identifiers come upper-cased, once per key.)

function formatItem(item: PyValue, out: string[], ident: string | null, scalarKeys: ScalarKeys | null): void {
  if (isDictV(item)) formatDict(item, out, ident, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, ident);
  else out.push(pyStr(item), '\n');
}

function formatList(item: PyValue[], out: string[], ident: string | null): void {
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
      if (isDictV(el)) formatDict(el, out, ident, allKeys);
      else if (Array.isArray(el)) formatList(el, out, ident);
      // The AWS CLI crashes here (a scalar among dicts): print it as a scalar-list element.
      else formatScalarList([el], out, ident);
    }
  } else if (hasList) {
    const scalars: PyValue[] = [];
    const nonScalars: PyValue[][] = [];
    for (const el of item) {
      if (Array.isArray(el)) nonScalars.push(el);
      else scalars.push(el);
    }
    if (scalars.length > 0) formatScalarList(scalars, out, ident);
    for (const ns of nonScalars) formatList(ns, out, ident);
  } else {
    formatScalarList(item, out, ident);
  }
}

function formatScalarList(elements: PyValue[], out: string[], ident: string | null): void {
  if (ident !== null) {
    for (const el of elements) out.push(ident, '\t', pyStr(el), '\n');
  } else {
    for (let i = 0; i < elements.length; i++) out.push(i ? '\t' : '', pyStr(elements[i]));
    out.push('\n');
  }
}

function formatDict(item: PyDict, out: string[], ident: string | null, scalarKeys: ScalarKeys | null): void {
  // (Made only when there are any: a page of a list has thousands of dicts.)
  let nonScalars: string[] | undefined;
  let line = false;
  if (scalarKeys === null) {
    for (const key of sortedKeys(item.keys())) {
      const value = item.get(key)!;
      if (isNonScalar(value)) (nonScalars ??= []).push(key);
      else line = cell(out, line, ident, pyStr(value));
    }
  } else {
    for (const key of scalarKeys.keys) {
      const value = item.get(key);
      line = cell(out, line, ident, value === undefined ? '' : pyStr(value));
    }
    for (const key of item.keys()) if (!hasKey(scalarKeys, key)) (nonScalars ??= []).push(key);
    if (nonScalars && nonScalars.length > 1) nonScalars = sortedKeys(nonScalars);
  }
  if (line) out.push('\n');
  if (nonScalars) for (const key of nonScalars) formatItem(item.get(key)!, out, upper(key), null);
}

/** One scalar of a dict's line: the line starts with the identifier, cells are tab-separated. */
function cell(out: string[], started: boolean, ident: string | null, text: string): true {
  if (started) out.push('\t', text);
  else if (ident !== null) out.push(ident, '\t', text);
  else out.push(text);
  return true;
}

const UPPER = new Map<string, string>();

/** A key as an identifier: upper-cased as Python's str.upper() does ('straße' → 'STRASSE'). */
function upper(key: string): string {
  let u = UPPER.get(key);
  if (u === undefined) {
    u = key.toUpperCase();
    if (UPPER.size < 1000) UPPER.set(key, u);
  }
  return u;
}

function allScalarKeys(list: PyValue[]): ScalarKeys {
  // A few keys (the dicts of a list mostly have the same): an array; many: a set.
  const keys: string[] = [];
  let set: Set<string> | undefined;
  for (const el of list) {
    if (!isDictV(el)) continue;
    for (const k of el.keys()) {
      if (isNonScalar(el.get(k)!)) continue;
      if (set) set.add(k);
      else if (!keys.includes(k)) {
        keys.push(k);
        if (keys.length > MANY) set = new Set(keys);
      }
    }
  }
  const sorted = sortedKeys(set ?? keys);
  return { keys: sorted, set: sorted.length > MANY ? (set ?? new Set(sorted)) : undefined };
}
