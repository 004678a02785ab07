import { dayInWords, onDay, promise, untilDay } from './words';

describe("the respondent's page's words", () => {
  it('gives days in words in English and Welsh, with the soft mutation after "tan"', () => {
    expect(dayInWords('2027-01-30', 'en')).toBe('Saturday 30 January 2027');
    expect(untilDay('2027-01-30', 'en')).toBe('until Saturday 30 January 2027');
    expect(dayInWords('2027-01-30', 'cy')).toBe('dydd Sadwrn 30 Ionawr 2027');
    expect(untilDay('2027-01-30', 'cy')).toBe('tan ddydd Sadwrn 30 Ionawr 2027');
    expect(dayInWords('2026-12-06', 'cy')).toBe('dydd Sul 6 Rhagfyr 2026');
    expect(onDay('2026-12-06', 'en')).toBe('on Sunday 6 December 2026');
    expect(onDay('2026-12-06', 'cy')).toBe('ar ddydd Sul 6 Rhagfyr 2026');
    // A day that is not one stays as it came rather than "Invalid Date".
    expect(dayInWords('soon', 'en')).toBe('soon');
    expect(dayInWords('2027-02-30', 'en')).toBe('2027-02-30');
  });

  it('makes the promise in plain words: no "pseudonymous"', () => {
    for (const anonymity of ['ANONYMOUS', 'PSEUDONYMOUS', 'IDENTIFIED'] as const) {
      expect(promise(anonymity, 'en')).not.toMatch(/pseudonym/i);
      expect(promise(anonymity, 'cy')).not.toBe(promise(anonymity, 'en'));
    }
  });
});
