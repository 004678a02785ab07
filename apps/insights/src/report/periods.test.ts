import { monthStart, periodsBetween, TREND_MAX_YEARS } from './periods';
import { TrendInterval } from './report.types';

describe('report periods', () => {
  it('takes months from 2000-01 to 2099-12 and names the argument of any other', () => {
    expect(monthStart('from', '2026-04')).toBe('2026-04-01');
    expect(monthStart('from', undefined)).toBeUndefined();
    for (const [value, message] of [
      ['0001-01', 'from: give a month from 2000-01 to 2099-12, not 0001-01'],
      ['9999-12', 'from: give a month from 2000-01 to 2099-12, not 9999-12'],
      ['2026-13', 'from: give a month as YYYY-MM, not "2026-13"'],
      ['2026-4', 'from: give a month as YYYY-MM, not "2026-4"'],
    ] as const) {
      expect(() => monthStart('from', value)).toThrow(message);
    }
    // A long value is quoted only in part.
    expect(() => monthStart('to', 'x'.repeat(10_000))).toThrow(`to: give a month as YYYY-MM, not "${'x'.repeat(20)}"`);
  });

  it('lists every month or quarter between two, across years, with four-digit years', () => {
    expect(periodsBetween('2025-11-01', '2026-02-01', TrendInterval.MONTH, true)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(periodsBetween('2025-11-01', '2026-04-01', TrendInterval.QUARTER, true)).toEqual(['2025-10-01', '2026-01-01', '2026-04-01']);
    expect(periodsBetween('2026-03-01', '2026-03-01', TrendInterval.QUARTER, true)).toEqual(['2026-01-01']);
  });

  it('refuses a trend over more than ten years that the filter asked for, and keeps the last ten years of one the data spans', () => {
    expect(periodsBetween('2016-01-01', '2025-12-01', TrendInterval.MONTH, true)).toHaveLength(TREND_MAX_YEARS * 12);
    expect(() => periodsBetween('2000-01-01', '2099-12-01', TrendInterval.MONTH, true)).toThrow('trend: a trend covers at most 10 years (120 months); narrow from and to');
    expect(() => periodsBetween('2000-01-01', '2099-12-01', TrendInterval.QUARTER, true)).toThrow('(40 quarters)');
    const kept = periodsBetween('2000-01-01', '2099-12-01', TrendInterval.QUARTER, false);
    expect(kept).toHaveLength(40);
    expect([kept[0], kept[39]]).toEqual(['2090-01-01', '2099-10-01']);
  });
});
