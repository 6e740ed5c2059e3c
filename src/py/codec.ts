// Python's strict UTF-8 decoding (bytes.decode('utf-8')), with the UnicodeDecodeError text CPython
// gives for the first bad sequence (Objects/stringlib/codecs.h, utf8_decode): "invalid start byte",
// "invalid continuation byte" or "unexpected end of data", for one byte or a range of them.
import { isUtf8 } from 'node:buffer';

/** CPython's UnicodeDecodeError for UTF-8; `message` is str() of it. */
export class PyUnicodeDecodeError extends Error {
  override name = 'UnicodeDecodeError';
  constructor(readonly start: number, readonly end: number, readonly reason: string, bytes: Uint8Array) {
    super(end - start === 1
      ? `'utf-8' codec can't decode byte 0x${bytes[start].toString(16).padStart(2, '0')} in position ${start}: ${reason}`
      : `'utf-8' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`);
  }
}

const isCont = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Where and why CPython's decoder stops on `bytes` (undefined when they are valid UTF-8). */
export function utf8Error(bytes: Uint8Array): { start: number; end: number; reason: string } | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i];
    if (c < 0x80) { i++; continue; }
    // The number of the bad byte within the sequence (1 = the start byte), or 0 for "too short".
    let bad = -1;
    let len = 0;
    if (c < 0xc2) bad = 1;
    else if (c < 0xe0) {
      len = 2;
      if (n - i < 2) bad = 0;
      else if (!isCont(bytes[i + 1])) bad = 2;
    } else if (c < 0xf0) {
      len = 3;
      const c2 = bytes[i + 1];
      const c2bad = !isCont(c2) || (c2 < 0xa0 ? c === 0xe0 : c === 0xed);
      if (n - i < 3) bad = n - i < 2 ? 0 : c2bad ? 2 : 0;
      else if (c2bad) bad = 2;
      else if (!isCont(bytes[i + 2])) bad = 3;
    } else if (c < 0xf5) {
      len = 4;
      const c2 = bytes[i + 1];
      const c2bad = !isCont(c2) || (c2 < 0x90 ? c === 0xf0 : c === 0xf4);
      if (n - i < 4) {
        if (n - i < 2) bad = 0;
        else if (c2bad) bad = 2;
        else if (n - i < 3) bad = 0;
        else bad = isCont(bytes[i + 2]) ? 0 : 3;
      } else if (c2bad) bad = 2;
      else if (!isCont(bytes[i + 2])) bad = 3;
      else if (!isCont(bytes[i + 3])) bad = 4;
    } else bad = 1;
    if (bad === 1) return { start: i, end: i + 1, reason: 'invalid start byte' };
    if (bad === 0) return { start: i, end: n, reason: 'unexpected end of data' };
    if (bad > 1) return { start: i, end: i + bad - 1, reason: 'invalid continuation byte' };
    i += len;
  }
  return undefined;
}

/** bytes.decode('utf-8'): the text (a BOM kept, as Python keeps it), or PyUnicodeDecodeError with CPython's message. */
export function pyUtf8Decode(bytes: Uint8Array): string {
  // (Node's strict validator; its TextDecoder would load the WHATWG encoding module for the same answer.)
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const e = utf8Error(bytes);
  // (The two validators agree on what is valid; this is only reached with an error found.)
  if (!e) throw new Error('invalid UTF-8');
  throw new PyUnicodeDecodeError(e.start, e.end, e.reason, bytes);
}

/** CPython's UnicodeEncodeError for UTF-8 (str.encode('utf-8') of lone surrogates); `message` is str() of it. */
export class PyUnicodeEncodeError extends Error {
  override name = 'UnicodeEncodeError';
  /** `start`/`end`: code point positions of the run of lone surrogates; `first`: the first one. */
  constructor(readonly start: number, readonly end: number, first: number) {
    super(end - start === 1
      ? `'utf-8' codec can't encode character '\\u${first.toString(16).padStart(4, '0')}' in position ${start}: surrogates not allowed`
      : `'utf-8' codec can't encode characters in position ${start}-${end - 1}: surrogates not allowed`);
  }
}

/**
 * str(UnicodeEncodeError) of str.encode('ascii'), or undefined when the text encodes: the encoder
 * reports the first run of characters past U+007F (positions in code points, as Python counts them).
 */
export function asciiEncodeError(s: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(s)) return undefined;
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const start = cps.findIndex((c) => c > 0x7f);
  let end = start;
  while (end < cps.length && cps[end] > 0x7f) end++;
  if (end - start > 1) return `'ascii' codec can't encode characters in position ${start}-${end - 1}: ordinal not in range(128)`;
  const c = cps[start];
  const escaped = c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`;
  return `'ascii' codec can't encode character '${escaped}' in position ${start}: ordinal not in range(128)`;
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * str.encode('utf-8') with strict errors, as far as it can fail: on the first run of lone surrogates
 * (code points a Python str can hold and UTF-8 cannot; positions in code points, as Python counts
 * them: a surrogate pair of a JS string is one), PyUnicodeEncodeError; else nothing.
 */
export function checkUtf8Encodable(s: string): void {
  if (!/[\ud800-\udfff]/.test(s)) return;
  let cp = 0;
  for (let i = 0; i < s.length; i++, cp++) {
    const u = s.charCodeAt(i);
    if (isHigh(u) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) { i++; continue; }
    if (!isHigh(u) && !isLow(u)) continue;
    // The encoder reports the whole run of lone surrogates that starts here.
    const start = cp;
    let j = i;
    while (j < s.length) {
      const v = s.charCodeAt(j);
      const paired = isHigh(v) && j + 1 < s.length && isLow(s.charCodeAt(j + 1));
      if (paired || (!isHigh(v) && !isLow(v))) break;
      j++;
      cp++;
    }
    throw new PyUnicodeEncodeError(start, cp, u);
  }
}
