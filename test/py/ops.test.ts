// Python's sum() as the AWS CLI's Python (3.11) computes it (what `python3.11 -c 'print(repr(sum(...)))'`
// prints): exact ints while the total fits a C long, then plain float additions (3.12+ compensates them).
import { describe, expect, it } from 'vitest';
import { pySum } from '../../src/py/ops';
import { pyRepr } from '../../src/py/repr';
import { PyFloat, type PyValue } from '../../src/py/values';

const f = (x: number) => new PyFloat(x);
const sum = (items: PyValue[]) => pyRepr(pySum(items));

describe('pySum (Python 3.11)', () => {
  it('adds floats plainly, one after the other', () => {
    expect(sum([f(0.1), f(0.2), f(0.3)])).toBe('0.6000000000000001');
    expect(sum([f(1e100), f(1), f(-1e100)])).toBe('0.0');
    expect(sum([f(1.01), f(1.9), f(-1.5)])).toBe('1.4100000000000001');
  });

  it('keeps ints exact, and leaves the fast paths for ints beyond a C long', () => {
    expect(sum([1, 2, 3])).toBe('6');
    expect(sum([2n ** 62n, 2n ** 62n])).toBe('9223372036854775808');
    expect(sum([1, 2n ** 63n, f(0.5)])).toBe('9.223372036854776e+18');
    expect(sum([f(0.5), 2n ** 70n, 1])).toBe('1.1805916207174113e+21');
    expect(sum([2n ** 62n, 2n ** 62n, f(1.5)])).toBe('9.223372036854776e+18');
    expect(sum([])).toBe('0');
  });
});
