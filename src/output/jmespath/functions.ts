// The JMESPath built-in functions, as jmespath.py's functions.py: each with its signature, checked
// with its type names and error texts, computed with Python's builtins (py/ops.ts, py/numbers.ts).
import { PyException } from '../../py/exceptions';
import { jsonDumps } from '../../py/json-dumps';
import { pyFloat, pyInt } from '../../py/numbers';
import { isNumber, pyCompare, pyEquals, pySorted, pySum, pyTrueDivide } from '../../py/ops';
import { pyRepr, pyStr, pyTypeShortName } from '../../py/repr';
import { codePointLength } from '../../py/str';
import { PyBytes, PyFloat, type PyDict, type PyValue } from '../../py/values';
import { QueryRuntimeError } from './errors';
import { ExprRef, type JValue } from './values';

// Python types -> JMESPath types, and back (jmespath.py's TYPES_MAP and REVERSE_TYPES_MAP).
const TYPES_MAP: Record<string, string> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  unicode: 'string',
  str: 'string',
  float: 'number',
  int: 'number',
  long: 'number',
  OrderedDict: 'object',
  _Projection: 'array',
  _Expression: 'expref',
};

const REVERSE_TYPES_MAP: Record<string, string[]> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};

const jmesType = (pyName: string): string => (Object.prototype.hasOwnProperty.call(TYPES_MAP, pyName) ? TYPES_MAP[pyName] : 'unknown');
const pyTypeName = (v: JValue): string => pyTypeShortName(v);

function typeError(fn: string, value: JValue, actual: string, expected: string[]): QueryRuntimeError {
  return new QueryRuntimeError(
    `In function ${fn}(), invalid type for value: ${pyStr(value)}, expected one of: ${pyRepr(expected)}, received: "${actual}"`,
  );
}

interface ArgSpec {
  types: string[];
  variadic?: boolean;
}

interface FunctionSpec {
  signature: ArgSpec[];
  fn: (args: JValue[]) => JValue;
}

/** Calls a built-in function with its arguments, checked against its signature as jmespath.py checks them. */
export function callFunction(name: string, args: JValue[]): JValue {
  const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (spec === undefined) throw new QueryRuntimeError(`Unknown function: ${name}()`);
  const sig = spec.signature;
  if (sig.length > 0 && sig[sig.length - 1].variadic) {
    if (args.length < sig.length) {
      throw new QueryRuntimeError(
        `Expected at least ${sig.length} ${plural(sig.length)} for function ${name}(), received ${args.length}`,
      );
    }
  } else if (args.length !== sig.length) {
    throw new QueryRuntimeError(`Expected ${sig.length} ${plural(sig.length)} for function ${name}(), received ${args.length}`);
  }
  for (let i = 0; i < sig.length; i++) {
    if (sig[i].types.length > 0) typeCheck(args[i], sig[i].types, name);
  }
  return spec.fn(args);
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');

function typeCheck(current: JValue, types: string[], fn: string): void {
  const allowedTypes: string[] = [];
  const allowedSubtypes: string[][] = [];
  for (const t of types) {
    const dash = t.indexOf('-');
    if (dash >= 0) {
      allowedSubtypes.push(REVERSE_TYPES_MAP[t.slice(dash + 1)]);
      allowedTypes.push(...REVERSE_TYPES_MAP[t.slice(0, dash)]);
    } else {
      allowedTypes.push(...REVERSE_TYPES_MAP[t]);
    }
  }
  const actual = pyTypeName(current);
  if (!allowedTypes.includes(actual)) throw typeError(fn, current, jmesType(actual), types);
  if (allowedSubtypes.length === 0) return;
  const list = current as JValue[];
  if (allowedSubtypes.length === 1) {
    for (const element of list) {
      const t = pyTypeName(element);
      if (!allowedSubtypes[0].includes(t)) throw typeError(fn, element, t, types);
    }
  } else if (list.length > 0) {
    const first = pyTypeName(list[0]);
    const allowed = allowedSubtypes.find((s) => s.includes(first));
    if (allowed === undefined) throw typeError(fn, list[0], first, types);
    for (const element of list) {
      const t = pyTypeName(element);
      if (!allowed.includes(t)) throw typeError(fn, element, t, types);
    }
  }
}

const evalRef = (ref: JValue, element: JValue): JValue => (ref as ExprRef).visit(element);

function keyFunc(ref: JValue, allowed: string[], fn: string): (x: JValue) => JValue {
  return (x) => {
    const result = evalRef(ref, x);
    const t = jmesType(pyTypeName(result));
    if (!allowed.includes(t)) throw typeError(fn, result, t, allowed);
    return result;
  };
}

/** Python's max()/min() with a key: the first best item wins. */
function pyBest(items: JValue[], key: (x: JValue) => JValue, op: 'gt' | 'lt'): JValue {
  let best = items[0];
  let bestKey = key(best);
  for (let i = 1; i < items.length; i++) {
    const k = key(items[i]);
    if (pyCompare(op, k as PyValue, bestKey as PyValue)) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

/** to_number() of a str or bytes: int(), else float(), else null (their ValueErrors caught). */
function toNumber(s: string | PyBytes): PyValue {
  for (const convert of [() => pyInt(s), () => new PyFloat(pyFloat(s))]) {
    try {
      return convert();
    } catch (e) {
      if (!(e instanceof PyException && e.pyType === 'ValueError')) throw e;
    }
  }
  return null;
}

/** merge(): dict.update() with each argument in turn. */
function pyMerge(args: JValue[]): PyDict {
  const merged = new Map<string, PyValue>();
  for (const arg of args) {
    if (arg instanceof Map) {
      for (const [k, v] of arg) merged.set(k, v);
      continue;
    }
    // dict.update() with something that is not a dict (only the first argument is type-checked).
    if (arg === null || typeof arg === 'number' || typeof arg === 'bigint' || typeof arg === 'boolean' || arg instanceof PyFloat || arg instanceof ExprRef) {
      throw new QueryRuntimeError(`'${pyTypeName(arg)}' object is not iterable`);
    }
    const seq: JValue[] = typeof arg === 'string' ? Array.from(arg) : Array.isArray(arg) ? arg : [];
    seq.forEach((el, idx) => {
      let pair: JValue[];
      if (typeof el === 'string') pair = Array.from(el);
      else if (Array.isArray(el)) pair = el;
      else if (el instanceof Map) pair = [...el.keys()];
      else throw new QueryRuntimeError(`cannot convert dictionary update sequence element #${idx} to a sequence`);
      if (pair.length !== 2) {
        throw new QueryRuntimeError(`dictionary update sequence element #${idx} has length ${pair.length}; 2 is required`);
      }
      const [k, v] = pair;
      if (Array.isArray(k) || k instanceof Map) throw new QueryRuntimeError(`unhashable type: '${pyTypeName(k)}'`);
      if (typeof k !== 'string') throw new QueryRuntimeError('merge() with non-string keys is not supported');
      merged.set(k, v as PyValue);
    });
  }
  return merged;
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  abs: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => {
      if (x instanceof PyFloat) return new PyFloat(Math.abs(x.value));
      if (typeof x === 'bigint') return x < 0n ? -x : x;
      return Math.abs(x as number);
    },
  },
  avg: {
    signature: [{ types: ['array-number'] }],
    fn: ([arr]) => {
      const list = arr as PyValue[];
      if (list.length === 0) return null;
      return pyTrueDivide(pySum(list), list.length);
    },
  },
  not_null: {
    signature: [{ types: [], variadic: true }],
    fn: (args) => {
      for (const a of args) if (a !== null) return a;
      return null;
    },
  },
  to_array: {
    signature: [{ types: [] }],
    fn: ([x]) => (Array.isArray(x) ? x : [x as PyValue]),
  },
  to_string: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      if (typeof x === 'string') return x;
      return jsonDumps(x as PyValue, {
        ensureAscii: true,
        itemSeparator: ',',
        keySeparator: ':',
        fallback: (v) => pyStr(v as JValue),
      });
    },
  },
  to_number: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      if (x === null || typeof x === 'boolean' || Array.isArray(x) || x instanceof Map) return null;
      if (isNumber(x)) return x;
      if (typeof x === 'string' || x instanceof PyBytes) return toNumber(x);
      throw new QueryRuntimeError(
        `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(x)}'`,
      );
    },
  },
  contains: {
    signature: [{ types: ['array', 'string'] }, { types: [] }],
    fn: ([subject, search]) => {
      if (typeof subject === 'string') {
        if (typeof search !== 'string') {
          throw new QueryRuntimeError(`'in <string>' requires string as left operand, not ${pyTypeName(search)}`);
        }
        return subject.includes(search);
      }
      return (subject as JValue[]).some((e) => e === search || pyEquals(e, search));
    },
  },
  length: {
    signature: [{ types: ['string', 'array', 'object'] }],
    fn: ([x]) => {
      if (typeof x === 'string') return codePointLength(x);
      if (x instanceof Map) return x.size;
      return (x as JValue[]).length;
    },
  },
  ends_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    fn: ([s, suffix]) => (s as string).endsWith(suffix as string),
  },
  starts_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    fn: ([s, prefix]) => (s as string).startsWith(prefix as string),
  },
  reverse: {
    signature: [{ types: ['array', 'string'] }],
    fn: ([x]) => (typeof x === 'string' ? Array.from(x).reverse().join('') : (x as PyValue[]).slice().reverse()),
  },
  ceil: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => (x instanceof PyFloat ? pyInt(new PyFloat(Math.ceil(x.value))) : (x as PyValue)),
  },
  floor: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => (x instanceof PyFloat ? pyInt(new PyFloat(Math.floor(x.value))) : (x as PyValue)),
  },
  join: {
    signature: [{ types: ['string'] }, { types: ['array-string'] }],
    fn: ([sep, arr]) => (arr as string[]).join(sep as string),
  },
  map: {
    signature: [{ types: ['expref'] }, { types: ['array'] }],
    fn: ([ref, arr]) => (arr as JValue[]).map((e) => evalRef(ref, e)) as PyValue[],
  },
  max: {
    signature: [{ types: ['array-number', 'array-string'] }],
    fn: ([arr]) => {
      const list = arr as PyValue[];
      return list.length === 0 ? null : (pyBest(list, (x) => x, 'gt') as PyValue);
    },
  },
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    fn: (args) => pyMerge(args),
  },
  min: {
    signature: [{ types: ['array-number', 'array-string'] }],
    fn: ([arr]) => {
      const list = arr as PyValue[];
      return list.length === 0 ? null : (pyBest(list, (x) => x, 'lt') as PyValue);
    },
  },
  sort: {
    signature: [{ types: ['array-string', 'array-number'] }],
    fn: ([arr]) => pySorted(arr as PyValue[], (a, b) => pyCompare('lt', a, b)),
  },
  sum: {
    signature: [{ types: ['array-number'] }],
    fn: ([arr]) => pySum(arr as PyValue[]),
  },
  keys: {
    signature: [{ types: ['object'] }],
    fn: ([obj]) => [...(obj as PyDict).keys()],
  },
  values: {
    signature: [{ types: ['object'] }],
    fn: ([obj]) => [...(obj as PyDict).values()],
  },
  type: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      const t = jmesType(pyTypeName(x));
      return t === 'unknown' || t === 'expref' ? null : t;
    },
  },
  sort_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([arr, ref]) => {
      const list = arr as JValue[];
      if (list.length === 0) return list as PyValue[];
      const requiredType = jmesType(pyTypeName(evalRef(ref, list[0])));
      if (requiredType !== 'number' && requiredType !== 'string') {
        throw typeError('sort_by', list[0], requiredType, ['string', 'number']);
      }
      const key = keyFunc(ref, [requiredType], 'sort_by');
      const decorated = list.map((item) => ({ item, key: key(item) }));
      return pySorted(decorated, (a, b) => pyCompare('lt', a.key as PyValue, b.key as PyValue)).map((d) => d.item) as PyValue[];
    },
  },
  min_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([arr, ref]) => {
      const list = arr as JValue[];
      return list.length === 0 ? null : pyBest(list, keyFunc(ref, ['number', 'string'], 'min_by'), 'lt');
    },
  },
  max_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([arr, ref]) => {
      const list = arr as JValue[];
      return list.length === 0 ? null : pyBest(list, keyFunc(ref, ['number', 'string'], 'max_by'), 'gt');
    },
  },
};
