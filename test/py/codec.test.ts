import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pyUtf8Decode, PyUnicodeDecodeError } from '../../src/py/codec';

describe('pyUtf8Decode (bytes.decode("utf-8"))', () => {
  // Byte strings and what CPython 3.11 (the oracle's Python) makes of them (fixtures/gen-utf8-cases.py).
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'utf8-cases.json'), 'utf8')) as { cases: [string, string][] };
  it.each(fixture.cases)('%s', (hex, outcome) => {
    const bytes = Buffer.from(hex, 'hex');
    let got = 'ok';
    try {
      expect(pyUtf8Decode(bytes)).toBe(bytes.toString('utf8'));
    } catch (e) {
      expect(e).toBeInstanceOf(PyUnicodeDecodeError);
      got = (e as Error).message;
    }
    expect(got).toBe(outcome);
  });

  it('keeps a byte order mark', () => {
    expect(pyUtf8Decode(Buffer.from('\ufeffx'))).toBe('\ufeffx');
  });
});
