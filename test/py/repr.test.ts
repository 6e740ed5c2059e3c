import { describe, expect, it } from 'vitest';
import { isOrderedDict, markOrderedDict, pyBytesRepr, pyFloatRepr, pyRepr, pyStr, pyStrRepr, pyTypeName } from '../../src/py/repr';
import { pyIsSpace, pyLStrip, pyRStrip, pyStrip } from '../../src/py/str';
import { dict, PyBytes, PyFloat, type PyValue } from '../../src/py/values';

const bytes = (s: string) => new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));

describe('pyStrRepr (Python repr of str)', () => {
  // [value, Python repr(value)]
  const cases: [string, string][] = [
    ['', "''"],
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ['tab\there', "'tab\\there'"],
    ['nl\nx\r', "'nl\\nx\\r'"],
    ['back\\slash', "'back\\\\slash'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['\x80\x9f\xa0\xad\xff', "'\\x80\\x9f\\xa0\\xadÿ'"],
    ['üñí€', "'üñí€'"],
    ['\u200b\u2028\u2029\ufeff\ue000', "'\\u200b\\u2028\\u2029\\ufeff\\ue000'"],
    ['😀\u{1F9FF}', "'😀🧿'"],
    ['\u{E0001}\u{10FFFF}', "'\\U000e0001\\U0010ffff'"],
    ['\u0378', "'\\u0378'"],
    ['\ud800', "'\\ud800'"],
  ];
  it.each(cases)('%j', (s, repr) => {
    expect(pyStrRepr(s)).toBe(repr);
    expect(pyRepr(s)).toBe(repr);
  });
});

describe('pyBytesRepr', () => {
  it('matches Python', () => {
    expect(pyBytesRepr(bytes("a'b\x00\x7f\xff\t\n\r\\").bytes)).toBe(`b"a'b\\x00\\x7f\\xff\\t\\n\\r\\\\"`);
    expect(pyRepr(bytes(`'"`))).toBe(`b'\\'"'`);
    expect(pyRepr(bytes('"'))).toBe(`b'"'`);
    expect(pyRepr(bytes(''))).toBe("b''");
    expect(pyRepr(bytes('hello'))).toBe("b'hello'");
  });
});

describe('pyRepr', () => {
  it('prints scalars as Python does', () => {
    expect([null, true, false, 0, -7, 12345678901234567890n, new PyFloat(2), new PyFloat(1e16), new PyFloat(1e-5),
      new PyFloat(-0), new PyFloat(NaN)].map((v) => pyRepr(v as PyValue)))
      .toEqual(['None', 'True', 'False', '0', '-7', '12345678901234567890', '2.0', '1e+16', '1e-05', '-0.0', 'nan']);
  });

  it('prints containers, nested', () => {
    const v: PyValue = [1, new PyFloat(2.5), null, true, false, 'x', bytes('y'),
      dict({ a: [new PyFloat(1e16), new PyFloat(1e-5), new PyFloat(-0)] })];
    expect(pyRepr(v)).toBe("[1, 2.5, None, True, False, 'x', b'y', {'a': [1e+16, 1e-05, -0.0]}]");
    expect(pyRepr(dict({ a: 'b' }))).toBe("{'a': 'b'}");
    expect(pyRepr(['b', 'c', 'd'])).toBe("['b', 'c', 'd']");
    expect(pyRepr(dict())).toBe('{}');
    expect(pyRepr([])).toBe('[]');
    expect(pyRepr(dict({ "it's": "o'k" }))).toBe(`{"it's": "o'k"}`);
  });

  it("prints OrderedDicts (from JSON) as the AWS CLI's Python 3.11 does: a list of pairs", () => {
    expect(pyRepr(markOrderedDict(dict({ a: 'b' })))).toBe("OrderedDict([('a', 'b')])");
    expect(pyRepr(markOrderedDict(dict()))).toBe('OrderedDict()');
    expect(pyRepr([markOrderedDict(dict({ a: markOrderedDict(dict({ b: 1 })), c: dict({ d: null }) }))]))
      .toBe("[OrderedDict([('a', OrderedDict([('b', 1)])), ('c', {'d': None})])]");
    expect(pyRepr(markOrderedDict(dict({ "it's": [true, new PyFloat(1)] })))).toBe(`OrderedDict([("it's", [True, 1.0])])`);
    expect(isOrderedDict(dict())).toBe(false);
  });

  it('pyStr leaves strings bare', () => {
    expect(pyStr('2')).toBe('2');
    expect(pyStr(['2'])).toBe("['2']");
    expect(pyStr(null)).toBe('None');
  });
});

describe('pyTypeName', () => {
  it('gives str(type(v))', () => {
    const cases: [PyValue, string][] = [
      ['s', "<class 'str'>"], [1, "<class 'int'>"], [10n ** 30n, "<class 'int'>"], [new PyFloat(1), "<class 'float'>"],
      [dict(), "<class 'dict'>"], [markOrderedDict(dict()), "<class 'collections.OrderedDict'>"], [[], "<class 'list'>"],
      [bytes('x'), "<class 'bytes'>"], [true, "<class 'bool'>"], [null, "<class 'NoneType'>"],
    ];
    for (const [v, t] of cases) expect(pyTypeName(v)).toBe(t);
  });

  it('builds the validation message of the conformance cases', () => {
    const v = dict({ a: 'b' });
    expect(`value: ${pyStr(v)}, type: ${pyTypeName(v)}, valid types: ${pyTypeName('')}`)
      .toBe("value: {'a': 'b'}, type: <class 'dict'>, valid types: <class 'str'>");
    expect(`value: ${pyStr(['b', 'c', 'd'])}, type: ${pyTypeName(['b'])}`).toBe("value: ['b', 'c', 'd'], type: <class 'list'>");
    expect(`value: ${pyStr(bytes('hello'))}, type: ${pyTypeName(bytes(''))}`).toBe("value: b'hello', type: <class 'bytes'>");
  });
});

describe('Python whitespace helpers', () => {
  it('isspace, strip, lstrip, rstrip', () => {
    expect([0x09, 0x0d, 0x1c, 0x1f, 0x20, 0x85, 0xa0, 0x3000].every(pyIsSpace)).toBe(true);
    expect([0x08, 0x21, 0xfeff, 0x180e, 0x200b].some(pyIsSpace)).toBe(false);
    expect(pyStrip(' \x1c\u00a0x y\u3000\n')).toBe('x y');
    expect(pyLStrip('\t x ')).toBe('x ');
    expect(pyRStrip(' x \u2028')).toBe(' x');
    expect(pyStrip('\ufeffx')).toBe('\ufeffx');
  });
});

describe('pyFloatRepr (unchanged)', () => {
  it('still prints shortest round-trip digits', () => {
    expect([0.1, 1e16, 123456789.0, 5e-324].map(pyFloatRepr)).toEqual(['0.1', '1e+16', '123456789.0', '5e-324']);
  });
});
