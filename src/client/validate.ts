// Client-side parameter validation as botocore's ParamValidator does it: required members, unknown
// members, types, and the minimums (string/list length, number value). Maximums, patterns and enums
// are left to the service, as botocore leaves them. All errors are reported together, in the order
// botocore finds them.
import { getShape, memberRef } from '../model';
import type { Shape } from '../model/types';
import { pyKey, PyBytes, PyDateTime, PyFloat, type PyValue } from '../py/values';
import { PyUnicodeDecodeError, pyUtf8Decode } from '../py/codec';
import { TimestampError } from '../py/datetime';
import { PyException } from '../py/exceptions';
import { pyStr, pyTypeName } from '../py/repr';
import { parseToAwareDatetime, TimestampOverflowError } from './timestamp';

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

/**
 * ParamValidator._type_check_datetime: what parse_to_aware_datetime takes (./timestamp.ts): a datetime
 * (a date is none: dateutil cannot read it), an epoch number, or what dateutil's parser reads (bytes as
 * dateutil decodes them). Its ValueErrors and TypeErrors make the value invalid; its RuntimeError and
 * OverflowErrors escape, as they do from the AWS CLI.
 */
function isTimestamp(v: PyValue): boolean {
  if (v instanceof PyDateTime && !v.hasTime) return false;
  try {
    parseToAwareDatetime(v instanceof PyBytes ? pyUtf8Decode(v.bytes) : v);
    return true;
  } catch (e) {
    if (e instanceof TimestampOverflowError) throw e;
    if (e instanceof TimestampError || e instanceof PyException || e instanceof PyUnicodeDecodeError) return false;
    throw e;
  }
}
