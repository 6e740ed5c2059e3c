// Python's textual forms of values, for messages and output that the AWS CLI prints with repr()/str().
import { isPyObject, pyKey, PyBytes, PyDateTime, PyFloat, type PyObject, type PyValue } from './values';
import { zeroPad as pad } from './calendar';

/** Python's repr() of a float: shortest round-trip digits, scientific below 1e-4 and from 1e16 up. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // JS's exponential form gives the shortest round-trip digits.
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${neg ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  let s: string;
  if (exp < 0) s = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) s = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  else s = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return (neg ? '-' : '') + s;
}

// ---------------------------------------------------------------------------------------------------
// repr()/str()/type() of PyValues, as Python prints them in validation messages.

// json.loads(…, object_pairs_hook=OrderedDict) gives OrderedDicts, whose repr and type differ from a
// plain dict's. The dicts built from JSON are ordinary Maps, remembered here (a WeakSet keeps them
// collectable and leaves Map equality in tests untouched).
const orderedDicts = new WeakSet<Map<string, PyValue>>();

/** Marks a dict as a collections.OrderedDict (what the AWS CLI's JSON parsing produces). */
export function markOrderedDict<M extends Map<string, PyValue>>(m: M): M {
  orderedDicts.add(m);
  return m;
}

export function isOrderedDict(v: unknown): boolean {
  return v instanceof Map && orderedDicts.has(v);
}

// Characters Python's repr() escapes beyond ASCII: those str.isprintable() rejects
// (categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs; the ASCII space is printable).
// Compiled on first use: the Unicode property classes cost start-up time on every run otherwise.
let notPrintable: RegExp | undefined;
const NOT_PRINTABLE = { test: (ch: string) => (notPrintable ??= /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u).test(ch) };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Python's repr() of a str: quote choice, backslash escapes, non-printables as \x, \u, \U. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x7f) out += ch;
    else if (!NOT_PRINTABLE.test(ch)) out += ch;
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + quote;
}

/** Python's repr() of bytes: b'…' with \t \n \r, \xhh for the rest outside printable ASCII. */
export function pyBytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = `b${quote}`;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += `\\x${hex(c, 2)}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * Python's repr() of a value. Dicts from JSON print as OrderedDict([(k, v), ...]), as the AWS CLI's
 * Python 3.11 prints them (3.12 changed it to OrderedDict({k: v})).
 */
export function pyRepr(v: PyValue | PyObject): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return pyStrRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return pyFloatRepr(v);
    return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  }
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v instanceof PyBytes) return pyBytesRepr(v.bytes);
  if (v instanceof PyDateTime) return pyDateTimeRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isPyObject(v)) return v.pyRepr();
  const ordered = orderedDicts.has(v);
  const parts: string[] = [];
  for (const [k, x] of v) {
    const [key, value] = [pyRepr(pyKey(v, k)), pyRepr(x)];
    parts.push(ordered ? `(${key}, ${value})` : `${key}: ${value}`);
  }
  if (ordered) return parts.length ? `OrderedDict([${parts.join(', ')}])` : 'OrderedDict()';
  return `{${parts.join(', ')}}`;
}

/** Python's str() of a value: a str is itself, a date or datetime its isoformat(' '), everything else its repr. */
export function pyStr(v: PyValue | PyObject): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyDateTime) return pyDateTimeStr(v);
  return pyRepr(v);
}

/** str() of a date (`2026-01-01`) or a naive datetime (`2026-01-01 10:00:00`, `… 10:00:00.500000`). */
export function pyDateTimeStr(v: PyDateTime): string {
  const date = `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}`;
  if (!v.hasTime) return date;
  const time = `${pad(v.hour)}:${pad(v.minute)}:${pad(v.second)}`;
  return `${date} ${time}${v.microsecond ? `.${pad(v.microsecond, 6)}` : ''}`;
}

/** repr(): `datetime.date(2026, 1, 1)`, `datetime.datetime(2026, 1, 1, 10, 0)` (seconds and microseconds when set). */
function pyDateTimeRepr(v: PyDateTime): string {
  if (!v.hasTime) return `datetime.date(${v.year}, ${v.month}, ${v.day})`;
  const fields = [v.year, v.month, v.day, v.hour, v.minute];
  if (v.second || v.microsecond) fields.push(v.second);
  if (v.microsecond) fields.push(v.microsecond);
  return `datetime.datetime(${fields.join(', ')})`;
}

/** The bare Python type name (type(v).__name__), as used in TypeError/AttributeError messages. */
export function pyTypeShortName(v: PyValue | PyObject): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyBytes) return 'bytes';
  if (v instanceof PyDateTime) return v.hasTime ? 'datetime' : 'date';
  if (Array.isArray(v)) return 'list';
  if (isPyObject(v)) return v.pyTypeName;
  return orderedDicts.has(v) ? 'OrderedDict' : 'dict';
}

/** Python's str(type(v)): `<class 'str'>`, `<class 'dict'>`, `<class 'collections.OrderedDict'>`, … */
export function pyTypeName(v: PyValue | PyObject): string {
  const n = pyTypeShortName(v);
  const module = n === 'OrderedDict' ? 'collections.' : v instanceof PyDateTime ? 'datetime.' : '';
  return `<class '${module}${n}'>`;
}
