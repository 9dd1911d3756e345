import chineseDays from 'chinese-days';
import { dayOf, type Day } from './day';
import { lunarNewYearsEve, lunarToDay } from './lunar';
import type { HolidayOverride } from './types';

function run(first: Day, length: number, name: string): HolidayOverride[] {
  return Array.from({ length }, (_, i) => ({ day: first + i, kind: '放假' as const, name }));
}

/**
 * The statutory days off of a year with no published State Council schedule, by 《全国年节及纪念日放假办法》
 * (2024 revision): 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆节 3. No 调休: a holiday on a
 * weekend is simply a weekend, and no Saturday becomes a working day.
 *
 * @example
 * fallbackHolidays(2027).find((h) => h.name === '春节')?.day; // toDay('2027-02-05'), 除夕 2027
 */
export function fallbackHolidays(year: number): HolidayOverride[] {
  const qingming = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  return [
    ...run(dayOf(year, 1, 1)!, 1, '元旦'),
    ...run(lunarNewYearsEve(year), 4, '春节'),
    ...run(dayOf(year, 4, Number(qingming.slice(8, 10)))!, 1, '清明'),
    ...run(dayOf(year, 5, 1)!, 2, '劳动节'),
    ...run(lunarToDay(year, 5, 5), 1, '端午'),
    ...run(lunarToDay(year, 8, 15), 1, '中秋'),
    ...run(dayOf(year, 10, 1)!, 3, '国庆节'),
  ];
}
