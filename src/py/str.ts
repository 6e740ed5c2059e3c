// Python's str methods and str ordering, where they differ from JavaScript's: whitespace is what
// str.isspace() says (not String.prototype.trim's set), strings are sequences of code points (not
// UTF-16 units), and sort by code point.

/** Python's str.isspace() for one code point (also what `\s` matches in a str regex). */
export function pyIsSpace(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20);
  return cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** pyIsSpace for a one-character string. */
export const pyIsSpaceChar = (c: string): boolean => pyIsSpace(c.charCodeAt(0));

/** The ASCII classes of a UTF-16 unit that regular expressions write [0-9], [A-Z] and [a-z] (in Python's as in JavaScript's). */
export const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isAsciiUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** Python's str.lstrip() with no argument. */
export function pyLStrip(s: string): string {
  let i = 0;
  while (i < s.length && pyIsSpace(s.charCodeAt(i))) i++;
  return i ? s.slice(i) : s;
}

/** Python's str.rstrip() with no argument. */
export function pyRStrip(s: string): string {
  let j = s.length;
  while (j > 0 && pyIsSpace(s.charCodeAt(j - 1))) j--;
  return j < s.length ? s.slice(0, j) : s;
}

/** Python's str.strip() with no argument. */
export function pyStrip(s: string): string {
  return pyLStrip(pyRStrip(s));
}

/** Python's str.split() with no argument: the words between runs of whitespace. */
export function pySplit(s: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || pyIsSpace(s.charCodeAt(i))) {
      if (start >= 0) words.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return words;
}

/** Python's str.splitlines() (line ends not kept). */
export function pySplitlines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** len() of s[0, end): code points, a surrogate pair counting once. */
export function codePointLength(s: string, end = s.length): number {
  let n = end;
  for (let i = 0; i < end - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Orders strings as Python orders str: by code point (JS's `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
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

const RE_HIGH_UNITS = /[\ud800-\uffff]/;

/** Python's sorted() of str keys. */
export function sortedKeys(keys: Iterable<string>): string[] {
  const out = Array.from(keys);
  if (out.length < 2) return out;
  // Code-unit order (the default sort) equals code-point order unless a key holds U+D800..U+FFFF units.
  let high = false;
  for (let i = 0; i < out.length && !high; i++) high = RE_HIGH_UNITS.test(out[i]);
  if (out.length > 16) return high ? out.sort(compareCodePoints) : out.sort();
  // A few keys (a dict's): an insertion sort, which allocates nothing (every output line sorts some).
  for (let i = 1; i < out.length; i++) {
    const x = out[i];
    let j = i - 1;
    while (j >= 0 && (high ? compareCodePoints(out[j], x) > 0 : out[j] > x)) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}
