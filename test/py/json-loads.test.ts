import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrderedDict, pyRepr } from '../../src/py/repr';
import { PyFloat, toJS, type PyValue } from '../../src/py/values';
import { JSONDecodeError, jsonLoads } from '../../src/py/json-loads';
import { PyException } from '../../src/py/exceptions';

/** json.loads as the AWS CLI decodes option values: OrderedDicts; nesting past 1000 levels a decode error of our own. */
const parsePyJson = (text: string) => jsonLoads(text, { orderedDict: true, tooDeep: 'decode' });

function errorOf(text: string): PyException & Partial<JSONDecodeError> {
  try {
    parsePyJson(text);
  } catch (e) {
    if (e instanceof PyException) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

describe('jsonLoads values (as option values are decoded)', () => {
  it('keeps object order; a duplicate key keeps its first position and takes the last value', () => {
    const v = parsePyJson('{"b": 1, "a": 2, "b": 3, "10": 4, "2": 5}');
    expect(v).toBeInstanceOf(Map);
    expect([...(v as Map<string, unknown>).entries()]).toEqual([['b', 3], ['a', 2], ['10', 4], ['2', 5]]);
  });

  it('marks every object as an OrderedDict (repr and type follow)', () => {
    const v = parsePyJson('{"a": {"b": []}, "c": [{}]}');
    expect(isOrderedDict(v)).toBe(true);
    expect(pyRepr(v)).toBe("OrderedDict([('a', OrderedDict([('b', [])])), ('c', [OrderedDict()])])");
  });

  it('gives ints as numbers, big ints as bigint, fractions/exponents as PyFloat', () => {
    expect(parsePyJson('[0, -0, 7, -12, 9007199254740991, 9007199254740992, -123456789012345678901]')).toEqual(
      [0, 0, 7, -12, 9007199254740991, 9007199254740992n, -123456789012345678901n]);
    expect(Object.is((parsePyJson('-0') as number), 0)).toBe(true);
    const floats = parsePyJson('[1.0, 2.5e3, 1E-7, -0.0, 1e400]') as PyFloat[];
    expect(floats.map((f) => f instanceof PyFloat)).toEqual([true, true, true, true, true]);
    expect(pyRepr(floats)).toBe('[1.0, 2500.0, 1e-07, -0.0, inf]');
  });

  it('accepts NaN, Infinity and -Infinity as Python does', () => {
    expect(pyRepr(parsePyJson('[NaN, Infinity, -Infinity]'))).toBe('[nan, inf, -inf]');
  });

  it('parses literals, strings and escapes', () => {
    expect(parsePyJson('[true, false, null]')).toEqual([true, false, null]);
    expect(parsePyJson('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00fc\\u20AC"')).toBe('"\\/\b\f\n\r\tü€');
    expect(parsePyJson('"\\ud83d\\ude00 😀"')).toBe('😀 😀');
    // a lone surrogate escape stays a lone surrogate; a high one followed by a non-low escape too
    expect(parsePyJson('"\\ud800"')).toBe('\ud800');
    expect(parsePyJson('"\\ud800\\u0041"')).toBe('\ud800A');
  });

  it("allows only ' \\t\\n\\r' around and between tokens", () => {
    expect(parsePyJson(' \t\n\r{ "a" :\n[ 1 ,2 ] }\r\n ')).toEqual(new Map([['a', [1, 2]]]));
    expect(errorOf('\u00a0[]').message).toBe('Expecting value: line 1 column 1 (char 0)');
    expect(errorOf('[]\u000b').message).toBe('Extra data: line 1 column 3 (char 2)');
  });
});

describe('jsonLoads errors (str(json.JSONDecodeError))', () => {
  // Expected texts produced by CPython's json.loads.
  const cases: [string, string][] = [
  ["", "Expecting value: line 1 column 1 (char 0)"],
  ["   ", "Expecting value: line 1 column 4 (char 3)"],
  ["{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"],
  ["[", "Expecting value: line 1 column 2 (char 1)"],
  ["{\"a\"", "Expecting ':' delimiter: line 1 column 5 (char 4)"],
  ["{\"a\":", "Expecting value: line 1 column 6 (char 5)"],
  ["{\"a\":1", "Expecting ',' delimiter: line 1 column 7 (char 6)"],
  ["{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"],
  ["{\"a\":1 \"b\":2}", "Expecting ',' delimiter: line 1 column 8 (char 7)"],
  ["[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"],
  ["[1,", "Expecting value: line 1 column 4 (char 3)"],
  ["[,1]", "Expecting value: line 1 column 2 (char 1)"],
  ["{,}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"],
  ["{1:2}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"],
  ["{'a':1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"],
  ["\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"],
  ["\"a\\", "Unterminated string starting at: line 1 column 1 (char 0)"],
  ["\"\\x\"", "Invalid \\escape: line 1 column 2 (char 1)"],
  ["\"\\u12\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"],
  ["\"\\u12G4\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"],
  ["\"\\ud800\\uZZZZ\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"],
  ["\"a\tb\"", "Invalid control character at: line 1 column 3 (char 2)"],
  ["\"a\nb\"", "Invalid control character at: line 1 column 3 (char 2)"],
  ["\"\u0000\"", "Invalid control character at: line 1 column 2 (char 1)"],
  ["1 2", "Extra data: line 1 column 3 (char 2)"],
  ["[1] [2]", "Extra data: line 1 column 5 (char 4)"],
  ["{}x", "Extra data: line 1 column 3 (char 2)"],
  ["nul", "Expecting value: line 1 column 1 (char 0)"],
  ["tru", "Expecting value: line 1 column 1 (char 0)"],
  ["NaNa", "Extra data: line 1 column 4 (char 3)"],
  ["-", "Expecting value: line 1 column 1 (char 0)"],
  ["-x", "Expecting value: line 1 column 1 (char 0)"],
  ["01", "Extra data: line 1 column 2 (char 1)"],
  ["1.", "Extra data: line 1 column 2 (char 1)"],
  ["1.e5", "Extra data: line 1 column 2 (char 1)"],
  [".5", "Expecting value: line 1 column 1 (char 0)"],
  ["1e", "Extra data: line 1 column 2 (char 1)"],
  ["1e+", "Extra data: line 1 column 2 (char 1)"],
  ["+1", "Expecting value: line 1 column 1 (char 0)"],
  ["0x10", "Extra data: line 1 column 2 (char 1)"],
  ["\n\n  [1,\n   2 3]", "Expecting ',' delimiter: line 4 column 6 (char 13)"],
  ["{\"k\":\n\n\"v\" x}", "Expecting ',' delimiter: line 3 column 5 (char 11)"],
  ["﻿[]", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"],
  ["[\"😀\", 1 2]", "Expecting ',' delimiter: line 1 column 9 (char 8)"],
  ["\"😀😀\" x", "Extra data: line 1 column 6 (char 5)"],
  ["{\"😀\":\"😀\"\n,\"x\" \"y\"}", "Expecting ':' delimiter: line 2 column 6 (char 14)"],
  ["\"\\ud83d\\ude00\" 1", "Extra data: line 1 column 16 (char 15)"],
  ["Infinityx", "Extra data: line 1 column 9 (char 8)"],
  ["-Infinity-", "Extra data: line 1 column 10 (char 9)"],
  ["true false", "Extra data: line 1 column 6 (char 5)"],
  [" []", "Expecting value: line 1 column 1 (char 0)"],
  ["[ ]", "Expecting value: line 1 column 2 (char 1)"],
  ];
  it.each(cases)('%j', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  it('reports a trailing comma as Python 3.11 does (the next token is missing)', () => {
    expect(errorOf('[123,]').message).toBe('Expecting value: line 1 column 6 (char 5)');
    expect(errorOf('{"a":123,}').message).toBe('Expecting property name enclosed in double quotes: line 1 column 10 (char 9)');
    expect(errorOf('{"instanceType": "ml.m5.xlarge", "instanceCount": 1,}').message)
      .toBe('Expecting property name enclosed in double quotes: line 1 column 53 (char 52)');
  });

  // Malformed texts and what CPython 3.11's json.loads (the oracle's Python) reports for them.
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'json-loads-cases.json'), 'utf8')) as { cases: [string, string][] };
  it.each(fixture.cases)('as json.loads: %j', (text, outcome) => {
    if (outcome === 'ok') expect(() => parsePyJson(text)).not.toThrow();
    else expect(errorOf(text).message).toBe(outcome);
  });

  it('stops at a fixed depth with an error of its own (Python runs out of recursion)', () => {
    expect(pyRepr(parsePyJson('['.repeat(1000) + ']'.repeat(1000))).length).toBe(2000);
    expect(errorOf('['.repeat(1001) + ']'.repeat(1001)).message)
      .toBe('Nesting deeper than 1000 levels is not supported: line 1 column 1001 (char 1000)');
    expect(errorOf('{"a":'.repeat(8000) + '1' + '}'.repeat(8000)).message)
      .toBe('Nesting deeper than 1000 levels is not supported: line 1 column 5001 (char 5000)');
  });

  it('matches the conformance case json-env-truncated', () => {
    expect(errorOf('{"A":"x"').message).toBe("Expecting ',' delimiter: line 1 column 9 (char 8)");
  });

  it('exposes msg, pos, lineno and colno', () => {
    const e = errorOf('[1,\n 2\n x]');
    expect(e).toBeInstanceOf(Error);
    expect([e.msg, e.pos, e.lineno, e.colno]).toEqual(["Expecting ',' delimiter", 8, 3, 2]);
  });

  it('counts positions in code points, not UTF-16 units', () => {
    expect(errorOf('["😀😀😀", x]').message).toBe('Expecting value: line 1 column 9 (char 8)');
    expect(errorOf('{"😀": 1}\n😀').message).toBe('Extra data: line 2 column 1 (char 9)');
    expect(errorOf('"😀\n"').message).toBe('Invalid control character at: line 1 column 3 (char 2)');
  });

  it('raises the 4300-digit ValueError for huge integers', () => {
    const m = 'Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; ' +
      'use sys.set_int_max_str_digits() to increase the limit';
    expect(errorOf('1'.repeat(5000)).message).toBe(m);
    expect(errorOf(`[-${'1'.repeat(5000)}]`).message).toBe(m);
    expect(parsePyJson('1'.repeat(4300))).toBe(BigInt('1'.repeat(4300)));
  });
});

describe('jsonLoads (as responses are decoded: plain dicts, RecursionError past 1000 levels)', () => {
  it('keeps document order, ints, floats and big ints', () => {
    const v = jsonLoads('{"z": 1, "10": 2.0, "a": -0, "b": 1e2, "c": 12345678901234567890, "d": -0.0}') as Map<string, PyValue>;
    expect([...v.keys()]).toEqual(['z', '10', 'a', 'b', 'c', 'd']);
    expect(v.get('z')).toBe(1);
    expect(v.get('10')).toEqual(new PyFloat(2));
    expect(Object.is(v.get('a'), 0)).toBe(true);
    expect(v.get('b')).toEqual(new PyFloat(100));
    expect(v.get('c')).toBe(12345678901234567890n);
    expect(Object.is((v.get('d') as PyFloat).value, -0)).toBe(true);
  });

  it('keeps the first place and the last value of a repeated key, as a Python dict does', () => {
    const v = jsonLoads('{"a": 1, "b": 2, "a": 3}') as Map<string, PyValue>;
    expect([...v.entries()]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('decodes escapes and accepts NaN and Infinity as Python does', () => {
    expect(jsonLoads('"\\u00e9\\n\\/\\"\\ud83d\\ude00"')).toBe('é\n/"😀');
    expect(jsonLoads(' [NaN, Infinity, -Infinity] ')).toEqual([new PyFloat(NaN), new PyFloat(Infinity), new PyFloat(-Infinity)]);
    expect(jsonLoads('9007199254740993')).toBe(9007199254740993n);
    expect(jsonLoads('9007199254740991')).toBe(9007199254740991);
  });

  // Python 3.11's json.loads error texts for the same inputs (the oracle's Python).
  it.each([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{1:2}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['01', 'Extra data: line 1 column 2 (char 1)'],
    ['"\u0001"', 'Invalid control character at: line 1 column 2 (char 1)'],
    ['"\\x"', 'Invalid \\escape: line 1 column 2 (char 1)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['\ufeff1', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
    ['{\n"a":\n}', 'Expecting value: line 3 column 1 (char 7)'],
  ])('rejects %j', (input, message) => {
    expect(() => jsonLoads(input)).toThrow(JSONDecodeError);
    expect(() => jsonLoads(input)).toThrow(message);
  });

  it('parses a multi-megabyte body to the same data as JSON.parse', () => {
    const items = Array.from({ length: 20000 }, (_, i) => ({
      name: `job-${i}`,
      arn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/tm-${i}`,
      n: i,
      score: i + 0.5,
      tags: { a: 'b', 'ü': 'q"\\n' },
      list: [1, 2, true, null],
    }));
    const text = JSON.stringify({ items });
    // Speed is measured by `npm run bench`; here, the result must equal the native parse.
    expect(toJS(jsonLoads(text))).toEqual(JSON.parse(text));
  });
});

describe('jsonLoads against Python 3.11 (plain dicts)', () => {
  // The malformed texts of test/py/fixtures/json-loads-cases.json (made with the oracle's Python).
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'json-loads-cases.json'), 'utf8')) as { cases: [string, string][] };
  it.each(fixture.cases)('as json.loads: %j', (text, outcome) => {
    let got = 'ok';
    try {
      jsonLoads(text);
    } catch (e) {
      got = (e as Error).message;
    }
    expect(got).toBe(outcome);
  });
});
