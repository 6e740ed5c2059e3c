// Python's sorted() of str keys: code-point order (UTF-16 units above U+D7FF are not in it), few keys
// or many.
import { describe, expect, it } from 'vitest';
import { sortedKeys } from '../../src/py/str';

const byCodePoint = (keys: string[]) =>
  [...keys].sort((a, b) => {
    const x = [...a].map((c) => c.codePointAt(0)!);
    const y = [...b].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  });

describe('sortedKeys', () => {
  it('orders by code point, whatever the number of keys', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const alphabet = ['a', 'B', 'z', '_', 'é', '\uff21', '\u{1F680}', '\ud7ff', '', 'aa'];
    for (let i = 0; i < 500; i++) {
      const keys = Array.from({ length: rnd(24) }, () => Array.from({ length: 1 + rnd(3) }, () => alphabet[rnd(alphabet.length)]).join(''));
      expect(sortedKeys(keys)).toEqual(byCodePoint(keys));
    }
  });

  it('returns a new array', () => {
    const keys = ['b', 'a'];
    expect(sortedKeys(keys)).toEqual(['a', 'b']);
    expect(keys).toEqual(['b', 'a']);
  });
});
