import chineseDays from 'chinese-days';
import { dayOf, type Day } from './day';

/** Lunar 1900-01-01 (正月初一) fell on 1900-01-31; chinese-days' tables start there and end with lunar 2100. */
const LUNAR_EPOCH: Day = dayOf(1900, 1, 31)!;
const FIRST_LUNAR_YEAR = 1900;
const LAST_LUNAR_YEAR = 2100;

/** Memoised day of 正月初一 for each lunar year, filled on first use (about 200 additions). */
let newYearDays: Int32Array | null = null;

function lunarYearLength(year: number): number {
  let days = chineseDays.getYearLeapMonth(year).days;
  for (let month = 1; month <= 12; month++) days += chineseDays.monthDays(year, month);
  return days;
}

function lunarNewYearDays(): Int32Array {
  if (newYearDays) return newYearDays;
  const table = new Int32Array(LAST_LUNAR_YEAR - FIRST_LUNAR_YEAR + 2);
  table[0] = LUNAR_EPOCH;
  for (let i = 1; i < table.length; i++) table[i] = table[i - 1]! + lunarYearLength(FIRST_LUNAR_YEAR + i - 1);
  newYearDays = table;
  return table;
}

/**
 * The solar Day of a (non-leap) lunar date, from chinese-days' month tables.
 * Computed here as integer arithmetic instead of calling `getSolarDateFromLunar`, which reads its input
 * with local-time getters and so shifts by a day in timezones west of UTC.
 *
 * @example
 * lunarToDay(2026, 1, 1); // toDay('2026-02-17'), 春节 (正月初一) 2026
 */
export function lunarToDay(lunarYear: number, month: number, date: number): Day {
  if (lunarYear < FIRST_LUNAR_YEAR || lunarYear > LAST_LUNAR_YEAR) {
    throw new RangeError(`lunar year ${lunarYear} outside ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
  }
  const leapMonth = chineseDays.getYearLeapMonth(lunarYear);
  let day = lunarNewYearDays()[lunarYear - FIRST_LUNAR_YEAR]!;
  for (let m = 1; m < month; m++) {
    day += chineseDays.monthDays(lunarYear, m);
    if (m === leapMonth.leapMonth) day += leapMonth.days;
  }
  return day + date - 1;
}

/**
 * 除夕: the last day of the lunar year that ends in solar `year` (the eve of 正月初一).
 *
 * @example
 * lunarNewYearsEve(2027); // toDay('2027-02-05')
 */
export function lunarNewYearsEve(year: number): Day {
  return lunarToDay(year, 1, 1) - 1;
}
