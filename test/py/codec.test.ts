import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiEncodeError, checkUtf8Encodable, pyUtf8Decode, PyUnicodeDecodeError, PyUnicodeEncodeError } from '../../src/py/codec';

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

describe('checkUtf8Encodable (str.encode("utf-8") of lone surrogates)', () => {
  // What CPython 3.11 says for the same strings (positions in code points; a run reported at once).
  const error = (s: string) => {
    try {
      checkUtf8Encodable(s);
    } catch (e) {
      expect(e).toBeInstanceOf(PyUnicodeEncodeError);
      return (e as Error).message;
    }
    return 'ok';
  };
  it('reports the first run of lone surrogates as CPython does', () => {
    expect(error('ab\udc00\ud800c')).toBe("'utf-8' codec can't encode characters in position 2-3: surrogates not allowed");
    expect(error('\u{1F600}x\ud800')).toBe("'utf-8' codec can't encode character '\\ud800' in position 2: surrogates not allowed");
    expect(error('x\ud800\u{1F600}\udfff\udfffy')).toBe("'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
    expect(error('\udc80')).toBe("'utf-8' codec can't encode character '\\udc80' in position 0: surrogates not allowed");
  });
  it('accepts surrogate pairs and everything else', () => {
    expect(error('\u{1F600}\u00e9\uffff')).toBe('ok');
    expect(error('')).toBe('ok');
  });
});

describe('asciiEncodeError (str(UnicodeEncodeError) of str.encode("ascii"))', () => {
  it('names the first run of characters past U+007F as CPython 3.11 does', () => {
    expect(asciiEncodeError('user:pass')).toBeUndefined();
    expect(asciiEncodeError('us\xfcr:pw')).toBe("'ascii' codec can't encode character '\\xfc' in position 2: ordinal not in range(128)");
    expect(asciiEncodeError('\u20ac\ufffd:p\u{1f600}')).toBe("'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)");
    expect(asciiEncodeError('ab:\u0101')).toBe("'ascii' codec can't encode character '\\u0101' in position 3: ordinal not in range(128)");
    expect(asciiEncodeError('a\u{1f600}b')).toBe("'ascii' codec can't encode character '\\U0001f600' in position 1: ordinal not in range(128)");
    expect(asciiEncodeError('x:\xe9\xe8\xe7y\xff')).toBe("'ascii' codec can't encode characters in position 2-4: ordinal not in range(128)");
  });
});
