// The JMESPath interpreter, as jmespath.py's visitor.py (TreeInterpreter): the tree evaluated over
// PyValues with Python's rules (==, ordering, truthiness, slices: py/ops.ts), so that results (dict
// order, 1.0 vs 1) and errors are the AWS CLI's.
import { PyException } from '../../py/exceptions';
import { isNumber, pyCompare, pyEquals, pySlice, pyTruthy, type PyOrdering } from '../../py/ops';
import { PyFloat, type PyValue } from '../../py/values';
import { QueryRuntimeError } from './errors';
import { callFunction } from './functions';
import type { CompiledQuery, Node } from './parser';
import { ExprRef, exprRefsMade, type JValue } from './values';

/** Evaluates a compiled query against data, as Python's jmespath does. */
export function searchQuery(q: CompiledQuery, data: PyValue): PyValue {
  const before = exprRefsMade();
  let result: JValue;
  try {
    result = visit(q.ast as Node, data);
  } catch (e) {
    // The errors of Python's operators and builtins escape jmespath: the CLI prints their text.
    if (e instanceof PyException) throw new QueryRuntimeError(e.message);
    throw e;
  }
  // An &expr that ends up in the result cannot be written out (Python's json.dump fails on it).
  if (exprRefsMade() !== before && containsExprRef(result)) {
    throw new QueryRuntimeError('Object of type _Expression is not JSON serializable');
  }
  return result as PyValue;
}

function containsExprRef(v: JValue): boolean {
  if (v instanceof ExprRef) return true;
  if (Array.isArray(v)) return v.some(containsExprRef);
  if (v instanceof Map) {
    for (const x of v.values()) if (containsExprRef(x)) return true;
  }
  return false;
}

function visit(n: Node, value: JValue): JValue {
  switch (n.type) {
    case 'subexpression':
    case 'index_expression':
    case 'pipe': {
      let result = value;
      for (const child of n.children) result = visit(child, result);
      return result;
    }
    case 'field':
      return value instanceof Map ? (value.get(n.value as string) ?? null) : null;
    case 'comparator':
      return visitComparator(n, value);
    case 'current':
    case 'identity':
      return value;
    case 'expref':
      return new ExprRef(n.children[0], visit);
    case 'function_expression': {
      const args: JValue[] = [];
      for (const child of n.children) args.push(visit(child, value));
      return callFunction(n.value as string, args);
    }
    case 'filter_projection': {
      const base = visit(n.children[0], value);
      if (!Array.isArray(base)) return null;
      const condition = n.children[2];
      const collected: JValue[] = [];
      for (const element of base) {
        if (isTrue(visit(condition, element))) {
          const current = visit(n.children[1], element);
          if (current !== null) collected.push(current);
        }
      }
      return collected as PyValue[];
    }
    case 'flatten': {
      const base = visit(n.children[0], value);
      if (!Array.isArray(base)) return null;
      const merged: JValue[] = [];
      for (const element of base) {
        if (Array.isArray(element)) for (const x of element) merged.push(x);
        else merged.push(element);
      }
      return merged as PyValue[];
    }
    case 'index': {
      if (!Array.isArray(value)) return null;
      const raw = n.value as number | bigint;
      if (typeof raw === 'bigint') return null; // far beyond any list: IndexError
      const i = raw < 0 ? value.length + raw : raw;
      return i >= 0 && i < value.length ? value[i] : null;
    }
    case 'slice':
      if (!Array.isArray(value)) return null;
      return pySlice(value, n.value as (number | bigint | null)[]) as PyValue[];
    case 'key_val_pair':
      return visit(n.children[0], value);
    case 'literal':
      return n.value as PyValue;
    case 'multi_select_dict': {
      if (value === null) return null;
      const collected = new Map<string, PyValue>();
      for (const child of n.children) collected.set(child.value as string, visit(child, value) as PyValue);
      return collected;
    }
    case 'multi_select_list': {
      if (value === null) return null;
      const collected: JValue[] = [];
      for (const child of n.children) collected.push(visit(child, value));
      return collected as PyValue[];
    }
    case 'or_expression': {
      let matched = visit(n.children[0], value);
      if (isFalse(matched)) matched = visit(n.children[1], value);
      return matched;
    }
    case 'and_expression': {
      const matched = visit(n.children[0], value);
      if (isFalse(matched)) return matched;
      return visit(n.children[1], value);
    }
    case 'not_expression': {
      const original = visit(n.children[0], value);
      if (isNumber(original) && numEquals(original, 0)) return false;
      return !pyTruthy(original);
    }
    case 'projection': {
      const base = visit(n.children[0], value);
      if (!Array.isArray(base)) return null;
      const collected: JValue[] = [];
      for (const element of base) {
        const current = visit(n.children[1], element);
        if (current !== null) collected.push(current);
      }
      return collected as PyValue[];
    }
    case 'value_projection': {
      const base = visit(n.children[0], value);
      if (!(base instanceof Map)) return null;
      const collected: JValue[] = [];
      for (const element of base.values()) {
        const current = visit(n.children[1], element);
        if (current !== null) collected.push(current);
      }
      return collected as PyValue[];
    }
    default:
      throw new Error(`unknown node type ${n.type}`);
  }
}

function visitComparator(n: Node, value: JValue): JValue {
  const op = n.value as string;
  const left = visit(n.children[0], value);
  const right = visit(n.children[1], value);
  if (op === 'eq') return jmesEquals(left, right);
  if (op === 'ne') return !jmesEquals(left, right);
  // Ordering operators only apply to numbers and strings; anything else gives null.
  if (!isComparable(left) || !isComparable(right)) return null;
  return pyCompare(op as PyOrdering, left as PyValue, right as PyValue);
}

const isComparable = (v: JValue): boolean => isNumber(v) || typeof v === 'string';

// eslint-disable-next-line eqeqeq
const numEquals = (v: number | bigint | PyFloat, x: number): boolean => (v instanceof PyFloat ? v.value : v) == x;

/** The jmespath `==`: Python's ==, except that 0/1 never equal false/true at the top level. */
function jmesEquals(x: JValue, y: JValue): boolean {
  if (isNumber(x) && (numEquals(x, 0) || numEquals(x, 1))) {
    if (typeof y === 'boolean') return false;
  } else if (isNumber(y) && (numEquals(y, 0) || numEquals(y, 1))) {
    if (typeof x === 'boolean') return false;
  }
  return pyEquals(x, y);
}

/** JMESPath falsiness: '', [], {}, null and false (0 is true). */
function isFalse(v: JValue): boolean {
  return (
    v === null ||
    v === false ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (v instanceof Map && v.size === 0)
  );
}

function isTrue(v: JValue): boolean {
  return !isFalse(v);
}
