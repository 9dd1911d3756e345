import { isoOf, weekdayOf, type Day } from '../calendar/day';
import type { WorkCalendar } from '../calendar/types';

/** The Monday of the week (Monday–Sunday) that holds `day`. */
export function mondayOf(day: Day): Day {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** The week a brief belongs to, as its Monday: `2026-05-04`. What makes the brief once per leader per week. */
export const weekKeyOf = (day: Day): string => isoOf(mondayOf(day));

/**
 * The day of this week the 分管领导's weekly brief goes out (seed 004 §二.1: before the 周一例会): the configured
 * weekday (规则配置 周报星期, 1 = Monday), or — when that day is a holiday — the first working day after it in the same
 * week, so a holiday Monday moves the brief, never doubles it. null when no day of the rest of the week is a working day.
 *
 * @example
 * briefDayOfWeek(toDay('2026-05-07'), calendar, 1); // 2026-05-06: 劳动节 runs to Tuesday 5 May
 */
export function briefDayOfWeek(today: Day, cal: WorkCalendar, weekday: number): Day | null {
  const sunday = mondayOf(today) + 6;
  for (let day = mondayOf(today) + weekday - 1; day <= sunday; day++) if (cal.isWorkday(day)) return day;
  return null;
}
