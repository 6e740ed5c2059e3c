// datetime.strptime(text, '%a, %d %b %Y %H:%M:%S %Z') on the Date headers of fixtures/date-header-cases.json
// (recorded from CPython by fixtures/gen-date-header-cases.py): which ones it reads, and as what time.
import { describe, expect, it } from 'vitest';
import { strptimeHttpDate } from '../../src/py/strptime';
import fixture from './fixtures/date-header-cases.json';

const cases = fixture.cases as [string, string | null, string | null, string | null, string | null][];

describe('strptimeHttpDate', () => {
  it('reads the Date headers CPython reads, as the same times', () => {
    expect(cases.length).toBeGreaterThan(1000);
    // The 1-second column: a ttl where strptime succeeded, one second later (none past 9999).
    const wrong = cases.filter(([text, , inOneSecond]) => {
      const epoch = strptimeHttpDate(text);
      if (epoch === undefined) return inOneSecond !== null;
      const d = new Date((epoch + 1) * 1000);
      if (d.getUTCFullYear() > 9999) return inOneSecond !== null;
      const fmt = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}T` +
        `${String(d.getUTCHours()).padStart(2, '0')}${String(d.getUTCMinutes()).padStart(2, '0')}${String(d.getUTCSeconds()).padStart(2, '0')}Z`;
      return inOneSecond !== fmt;
    });
    expect(wrong).toEqual([]);
  });

  it('reads an RFC 7231 date in any case and spacing, and nothing else', () => {
    expect(strptimeHttpDate('Tue, 08 Dec 2026 04:10:00 GMT')).toBe(Date.UTC(2026, 11, 8, 4, 10, 0) / 1000);
    expect(strptimeHttpDate('sun,  8 DEC 2026 4:1:0 utc')).toBe(Date.UTC(2026, 11, 8, 4, 1, 0) / 1000);
    for (const bad of ['Tue, 08 Dec 2026 04:10:00 GMT ', 'Tue, 31 Feb 2026 04:10:00 GMT', 'Tue, 08 Dec 2026 04:10:60 GMT', 'Tue, 08 Dec 2026 04:10:00 EST']) {
      expect(strptimeHttpDate(bad)).toBeUndefined();
    }
  });
});
