/**
 * Date helpers for the demo: days relative to `asOf`, the deadline spellings staff really write (SPEC §3),
 * and which months' feedback is certainly due. Working days are not computed here on purpose: the demo keeps
 * calendar-day margins wide enough that any holiday schedule gives the intended status.
 */
import { dayOf, isoOf, partsOf, weekdayOf, type Day } from '../src/calendar/day';
import type { CellValue } from '../src/workbook/schema/tabs';

const MS_PER_DAY = 86_400_000;

/** A real date cell for a Day (UTC midnight, which exceljs stores as the same civil date). */
export function dateCell(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** A date-time cell: the Day at hh:mm (Beijing wall-clock time as staff would see it). */
export function dateTimeCell(day: Day, hour: number, minute: number): Date {
  return new Date(day * MS_PER_DAY + (hour * 60 + minute) * 60_000);
}

/** A deadline as written in the sheet and the Day it means (null = 长期: no deadline). */
export interface Deadline {
  value: CellValue;
  day: Day | null;
}

function must(day: Day | null): Day {
  if (day === null) throw new Error('impossible demo date');
  return day;
}

/**
 * Spellings with a fixed date in the year, as clerks write them: ISO, 年月日, slashes, dots, 月底, 季度末, 上半年, 年底, date cells.
 *
 * @example
 * fixedDeadlines(2026).find((d) => d.value === '三季度末')?.day; // toDay('2026-09-30')
 */
export function fixedDeadlines(year: number): Deadline[] {
  const d = (m: number, date: number): Day => must(dayOf(year, m, date));
  return [
    { value: '年底', day: d(12, 31) },
    { value: '年内', day: d(12, 31) },
    { value: '12月底', day: d(12, 31) },
    { value: `${year}-12-31`, day: d(12, 31) },
    { value: `${year}年12月31日`, day: d(12, 31) },
    { value: `${year}/12/20`, day: d(12, 20) },
    { value: dateCell(d(12, 15)), day: d(12, 15) },
    { value: '11月30日前', day: d(11, 30) },
    { value: `${year}.11.30`, day: d(11, 30) },
    { value: '10月底', day: d(10, 31) },
    { value: '三季度末', day: d(9, 30) },
    { value: `${year}年9月30日`, day: d(9, 30) },
    { value: '8月31日前', day: d(8, 31) },
    { value: '上半年', day: d(6, 30) },
    { value: '6月底', day: d(6, 30) },
    { value: `${year}-06-30`, day: d(6, 30) },
    { value: '5月底', day: d(5, 31) },
  ];
}

/** No deadline, monthly feedback still due. */
export const OPEN_ENDED: readonly Deadline[] = [
  { value: '长期', day: null },
  { value: '持续推进', day: null },
  { value: '常态化', day: null },
];

/**
 * A deadline written in one of the relative-date spellings: `YYYY-MM-DD`, `YYYY年M月D日`, `M月D日`, or a date cell.
 * A day outside the ledger year is always written with its year.
 */
export function writeDay(day: Day, year: number, style: 'iso' | 'cn' | 'md' | 'cell'): Deadline {
  const { year: y, month, date } = partsOf(day);
  if (style === 'cell') return { value: dateCell(day), day };
  if (style === 'iso' || (style === 'md' && y !== year)) return { value: isoOf(day), day };
  if (style === 'cn') return { value: `${y}年${month}月${date}日`, day };
  return { value: `${month}月${date}日`, day };
}

/**
 * Months whose feedback deadline (default: the 5th working day of the next month) has certainly passed on `asOf`:
 * the 20th of the next month is past any 5th working day, Spring Festival and National Day included.
 */
export function closedMonths(year: number, asOf: Day): number[] {
  const months: number[] = [];
  for (let m = 1; m <= 11; m++) if (must(dayOf(year, m + 1, 20)) < asOf) months.push(m);
  return months;
}

/** The second Friday of August: August has no statutory holiday, so a local 节假日 example there collides with none. */
export function secondFridayOfAugust(year: number): Day {
  let day = must(dayOf(year, 8, 1));
  while (weekdayOf(day) !== 5) day += 1;
  return day + 7;
}

/** First day of the year. */
export function yearStart(year: number): Day {
  return must(dayOf(year, 1, 1));
}

export function yearEnd(year: number): Day {
  return must(dayOf(year, 12, 31));
}

/** Month (1–12) of a Day within `year`: days before the year count as January, after it as December. */
export function monthIn(day: Day, year: number): number {
  const p = partsOf(day);
  if (p.year < year) return 1;
  if (p.year > year) return 12;
  return p.month;
}
