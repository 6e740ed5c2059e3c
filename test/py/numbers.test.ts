import { describe, expect, it } from 'vitest';
import { pyFloat, pyInt, roundHalfEven } from '../../src/py/numbers';
import { pyRepr } from '../../src/py/repr';
import { PyBytes, PyFloat } from '../../src/py/values';

describe('pyInt / pyFloat', () => {
  it('follow int() and float() on text', () => {
    expect([pyInt(' 1_0 '), pyInt('+5'), pyInt('-0'), pyInt('١٢'), pyInt('１２'), pyInt('\u00a012\u3000'), pyInt('\x0b1\x0c')])
      .toEqual([10, 5, 0, 12, 12, 12, 1]);
    expect(pyInt('123456789012345678901234567890')).toBe(123456789012345678901234567890n);
    for (const bad of ['x', '1__0', '_1', '1_', '', '  ', '0x10', '\x1c12\x1f', '+_1', '- 1', '1.5']) {
      expect(() => pyInt(bad)).toThrow(`invalid literal for int() with base 10: ${pyRepr(bad)}`);
    }
    // Python truncates the repr to 200 characters (%.200R)
    expect(() => pyInt('9'.repeat(300) + 'x')).toThrow(/^invalid literal for int\(\) with base 10: '9{199}$/);
    expect(() => pyInt('1'.repeat(4301))).toThrow('Exceeds the limit (4300 digits) for integer string conversion: ' +
      'value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit');
    expect(() => pyInt(new Map())).toThrow("int() argument must be a string, a bytes-like object or a real number, not 'dict'");
    expect(() => pyInt(null)).toThrow("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
    expect(pyInt(new PyBytes(new TextEncoder().encode('12')))).toBe(12);
    expect(() => pyInt(new PyBytes(new TextEncoder().encode('x')))).toThrow("invalid literal for int() with base 10: b'x'");
    expect([pyInt(true), pyInt(new PyFloat(-2.7))]).toEqual([1, -2]);
  });

  it('follow float() on text', () => {
    expect([pyFloat('1.5'), pyFloat(' 1_0.5 '), pyFloat('.5'), pyFloat('5.'), pyFloat('+.5e-3'), pyFloat('1e5_0'),
      pyFloat('１.５'), pyFloat('\x851')]).toEqual([1.5, 10.5, 0.5, 5, 0.0005, 1e50, 1.5, 1]);
    expect([pyFloat('inf'), pyFloat('-Infinity'), pyFloat('1e400')]).toEqual([Infinity, -Infinity, Infinity]);
    expect(Number.isNaN(pyFloat('nAn'))).toBe(true);
    for (const bad of ['1_e5', '1e_5', '0x10', '', 'x', '1.5f', 'infinit', '\x1c1.5', '1._5']) {
      expect(() => pyFloat(bad)).toThrow(`could not convert string to float: ${pyRepr(bad)}`);
    }
    expect(() => pyFloat([])).toThrow("float() argument must be a string or a real number, not 'list'");
  });
});

describe('roundHalfEven', () => {
  it('rounds halves to the even neighbour, as round() does', () => {
    expect([0.5, 1.5, 2.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -2, -2, 2, 3]);
  });
});

describe('pyInt with a base (int(text, base), as CPython 3.11)', () => {
  it('takes the prefix, underscores and whitespace Python takes', () => {
    expect([pyInt(' 0x_1F ', 16), pyInt('0_1', 8), pyInt('0777', 8), pyInt('-0b101', 2), pyInt('1_0', 2), pyInt('0X1f', 16), pyInt('0b', 16)])
      .toEqual([31, 1, 511, -5, 2, 31, 11]);
    expect(pyInt('f'.repeat(20), 16)).toBe(2n ** 80n - 1n);
  });
  it('refuses what Python refuses, with its text', () => {
    for (const [text, base] of [['0x', 16], ['_1', 16], ['09', 8], ['0b2', 2], ['x1f', 16], ['', 16]] as const) {
      expect(() => pyInt(text, base)).toThrow(`invalid literal for int() with base ${base}: ${pyRepr(text)}`);
    }
    expect(() => pyInt(5, 16)).toThrow("int() can't convert non-string with explicit base");
  });
});
