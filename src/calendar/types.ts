import type { Day } from './day';

/** One entry of the `节假日` tab (or of the built-in data): a day off or a make-up working day. */
export interface HolidayOverride {
  day: Day;
  kind: '放假' | '调休上班';
  name: string;
}

/**
 * The working-day calendar. Every query is O(1) against a precomputed index.
 *
 * @example
 * const cal = buildCalendar();
 * cal.addWorkdays(toDay('2026-02-13'), 1); // the first working day after the Spring Festival break
 */
export interface WorkCalendar {
  /** First and last year the index covers; queries outside throw a RangeError naming the range. */
  readonly firstYear: number;
  readonly lastYear: number;
  isWorkday(day: Day): boolean;
  /** Name of the holiday (春节, 国庆节…) or of the make-up day (春节调休) on that day; null for ordinary days. */
  holidayName(day: Day): string | null;
  /** True for years with no published State Council schedule (fallback rules were used). */
  isProvisional(year: number): boolean;
  /**
   * The date n working days after `day` (n < 0: before). n = 0 returns `day` itself when it is a
   * working day, otherwise the next working day.
   */
  addWorkdays(day: Day, n: number): Day;
  /** Working days in (from, to]; negative when `to` is before `from`. */
  workdaysBetween(from: Day, to: Day): number;
  /** The first working day strictly after `day`. */
  nextWorkday(day: Day): Day;
  /** The nth (1-based) working day of a month. */
  nthWorkdayOfMonth(year: number, month: number, n: number): Day;
}
