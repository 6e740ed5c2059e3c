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
