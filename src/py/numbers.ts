// Python's int() and float() of a value, and round(): as CPython converts text (any Unicode decimal
// digits, surrounding whitespace, `_` between digits, inf/infinity/nan), with its error texts.
import { PyException } from './exceptions';
import { pyBytesRepr, pyStrRepr, pyTypeShortName } from './repr';
import { pyIsSpace } from './str';
import { PyBytes, PyFloat, type PyValue } from './values';

const isNd = (() => {
  let re: RegExp | undefined; // made on first use: building it costs 0.2 ms of every command's start
  return (cp: number) => (re ??= /\p{Nd}/u).test(String.fromCodePoint(cp));
})();

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits → ASCII, Unicode spaces → ' '. */
function toAsciiNumber(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 127) out += ch;
    else if (pyIsSpace(cp)) out += ' ';
    else if (isNd(cp)) {
      let zero = cp;
      while (zero > 0 && isNd(zero - 1)) zero--;
      out += String((cp - zero) % 10);
    } else out += '?';
  }
  return out;
}

const ASCII_SPACE = '[ \\t\\n\\v\\f\\r]*';
const DIGIT = { 2: '[01]', 8: '[0-7]', 10: '[0-9]', 16: '[0-9a-fA-F]' } as const;
const PREFIX = { 2: '0[bB]_?', 8: '0[oO]_?', 10: '', 16: '0[xX]_?' } as const;
export type IntBase = keyof typeof DIGIT;
const INT_TEXT: Partial<Record<IntBase, RegExp>> = {};
/** An int literal in `base`: whitespace, a sign, the base's prefix (optional), `_` between digits. */
const intText = (base: IntBase) => (INT_TEXT[base] ??= new RegExp(
  `^${ASCII_SPACE}([+-]?)(?:${PREFIX[base] || '(?!)'})?(${DIGIT[base]}(?:_?${DIGIT[base]})*)${ASCII_SPACE}$`));
const DIGITPART = '[0-9](?:_?[0-9])*';
const FLOAT_TEXT = new RegExp(
  `^[+-]?(?:${DIGITPART}(?:\\.(?:${DIGITPART})?)?|\\.${DIGITPART})(?:[eE][+-]?${DIGITPART})?$`);
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
/** sys.get_int_max_str_digits(): int() of a longer decimal text is a ValueError. */
export const MAX_INT_DIGITS = 4300;

/** int()'s ValueError for a decimal text of `digits` digits beyond MAX_INT_DIGITS. */
export const tooManyDigits = (digits: number) => new PyException('ValueError', `Exceeds the limit (${MAX_INT_DIGITS} digits) ` +
  `for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`);

const toPyInt = (b: bigint): number | bigint =>
  b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;

function intFromText(ascii: string, reprForError: string, base: IntBase): number | bigint {
  const m = intText(base).exec(ascii);
  if (!m) {
    // (%.200R: the repr cut to 200 characters)
    const shown = Array.from(reprForError).slice(0, 200).join('');
    throw new PyException('ValueError', `invalid literal for int() with base ${base}: ${shown}`);
  }
  const digits = m[2].replace(/_/g, '');
  if (base !== 10) {
    const b = BigInt(`${base === 2 ? '0b' : base === 8 ? '0o' : '0x'}${digits}`);
    return toPyInt(m[1] === '-' ? -b : b);
  }
  if (digits.length > MAX_INT_DIGITS) throw tooManyDigits(digits.length);
  return toPyInt(BigInt(m[1] === '-' ? `-${digits}` : digits));
}

/**
 * Python's int(v), or int(v, base) for text: surrounding whitespace, a sign, `_` between digits (and
 * the base's prefix, 0b/0o/0x, for those bases).
 */
export function pyInt(v: PyValue, base: IntBase = 10): number | bigint {
  if (base !== 10 && typeof v !== 'string' && !(v instanceof PyBytes)) {
    throw new PyException('TypeError', "int() can't convert non-string with explicit base");
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v + 0 : pyInt(new PyFloat(v));
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.value)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v.value)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    const t = Math.trunc(v.value);
    return Number.isSafeInteger(t) ? t + 0 : toPyInt(BigInt(t));
  }
  if (typeof v === 'string') return intFromText(toAsciiNumber(v), pyStrRepr(v), base);
  if (v instanceof PyBytes) {
    const ascii = Array.from(v.bytes, (c) => (c < 0x80 ? String.fromCharCode(c) : '?')).join('');
    return intFromText(ascii, pyBytesRepr(v.bytes), base);
  }
  throw new PyException('TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeShortName(v)}'`);
}

function floatFromText(ascii: string, reprForError: string): number {
  const t = ascii.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  const special = FLOAT_SPECIAL.exec(t);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) throw new PyException('ValueError', `could not convert string to float: ${reprForError}`);
  return Number(t.replace(/_/g, ''));
}

/** Python's float(v): decimal text with optional exponent and `_`, inf/infinity/nan, whitespace. */
export function pyFloat(v: PyValue): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new PyException('OverflowError', 'int too large to convert to float');
    return n;
  }
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'string') return floatFromText(toAsciiNumber(v), pyStrRepr(v));
  if (v instanceof PyBytes) {
    const ascii = Array.from(v.bytes, (c) => (c < 0x80 ? String.fromCharCode(c) : '?')).join('');
    return floatFromText(ascii, pyBytesRepr(v.bytes));
  }
  throw new PyException('TypeError', `float() argument must be a string or a real number, not '${pyTypeShortName(v)}'`);
}

/** Python 3's round() of a float to an int: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
