// Python's shlex.split (POSIX mode, no comments) on the strings of fixtures/shlex-cases.json, against
// what CPython 3.11 (the oracle's Python) makes of them (fixtures/gen-shlex-cases.py): the words or
// the error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShlexError, shlexSplit } from '../../src/py/shlex';

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'shlex-cases.json'), 'utf8')) as { cases: [string, string[] | string][] };

describe('shlexSplit (shlex.split)', () => {
  it.each(fixture.cases)('%j', (text, want) => {
    let got: string[] | string;
    try {
      got = shlexSplit(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ShlexError);
      got = (e as Error).message;
    }
    expect(got).toEqual(want);
  });
});
