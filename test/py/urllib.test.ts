// urllib.parse.unquote / unquote_plus, each expectation as CPython 3.11 answers.
import { describe, expect, it } from 'vitest';
import { unquote, unquotePlus } from '../../src/py/urllib';

describe('unquote', () => {
  it('decodes %XX runs as UTF-8, replacing what does not decode, and keeps bad escapes', () => {
    expect(unquote('p%3Ass')).toBe('p:ss');
    expect(unquote('%E2%82%AC%FF')).toBe('€\ufffd');
    expect(unquote('a%zz%')).toBe('a%zz%');
    expect(unquote('%C3x%BC')).toBe('\ufffdx\ufffd');
    expect(unquote('plain+plus')).toBe('plain+plus');
    expect(unquotePlus('a+b%2Bc')).toBe('a b+c');
  });
});
