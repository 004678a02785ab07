import { ErrorCode, HarbourError } from '@harbour/graphql-kit';
import { quarterOf } from '../disclosure/cells';
import { TrendInterval } from './report.types';

/** The months a report filter may name: Harbour holds nothing from before the first or after the last. */
export const FIRST_MONTH = '2000-01';
export const LAST_MONTH = '2099-12';
/** The longest trend one request may ask for: ten years, 120 months or 40 quarters. */
export const TREND_MAX_YEARS = 10;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `argument`'s month (YYYY-MM) as the date its month starts, checked to lie between FIRST_MONTH and LAST_MONTH. */
export function monthStart(argument: string, value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!MONTH.test(value)) throw new HarbourError(ErrorCode.BAD_USER_INPUT, `${argument}: give a month as YYYY-MM, not "${value.slice(0, 20)}"`, { argument });
  if (value < FIRST_MONTH || value > LAST_MONTH) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `${argument}: give a month from ${FIRST_MONTH} to ${LAST_MONTH}, not ${value}`, { argument });
  }
  return `${value}-01`;
}

/** Months since year 0 of a YYYY-MM-DD date. */
const indexOf = (start: string) => Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
const startOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/** The first month of the period (month or quarter) a month falls in. */
export const periodOf = (month: string, interval: TrendInterval) => (interval === TrendInterval.MONTH ? month : quarterOf(month));

/**
 * Every period from the one `first` falls in to the one `last` does, at most TREND_MAX_YEARS
 * of them. With `explicit` (the filter named them) a longer span is refused; otherwise (the
 * span the data has) the last TREND_MAX_YEARS are kept.
 */
export function periodsBetween(first: string, last: string, interval: TrendInterval, explicit: boolean): string[] {
  const step = interval === TrendInterval.MONTH ? 1 : 3;
  const [from, to] = [indexOf(periodOf(first, interval)), indexOf(periodOf(last, interval))];
  const most = (TREND_MAX_YEARS * 12) / step;
  const count = Math.floor((to - from) / step) + 1;
  if (count > most && explicit) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `trend: a trend covers at most ${TREND_MAX_YEARS} years (${most} ${interval === TrendInterval.MONTH ? 'months' : 'quarters'}); narrow from and to`, {
      argument: 'trend',
    });
  }
  const kept = Math.min(count, most);
  return Array.from({ length: Math.max(0, kept) }, (_, i) => startOf(to - (kept - 1 - i) * step));
}
