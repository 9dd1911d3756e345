import { dayOf, daysInMonth, partsOf, type Day } from './day';
import type { Duration } from './parse-duration';
import type { WorkCalendar } from './types';

export interface ApplyDurationOptions {
  /** Move a calendar-day or month deadline that lands on a non-working day to the next working day. Default true. */
  rollToWorkday?: boolean;
}

/**
 * The deadline `d` after `from`: working days via the calendar (5个工作日 from a Friday is the next Friday,
 * holidays skipped); days and months on the civil calendar (1个月 from 01-31 is 02-28), then rolled forward to a
 * working day unless `rollToWorkday` is false.
 *
 * @example
 * applyDuration(cal, toDay('2026-09-24'), { unit: 'days', n: 7 }); // 10-01 is 国庆节 → toDay('2026-10-08')
 */
export function applyDuration(
  cal: WorkCalendar,
  from: Day,
  d: Duration,
  opts: ApplyDurationOptions = {},
): Day {
  if (d.unit === 'workdays') return cal.addWorkdays(from, d.n);
  const landed = d.unit === 'days' ? from + d.n : addMonths(from, d.n);
  return (opts.rollToWorkday ?? true) && !cal.isWorkday(landed) ? cal.nextWorkday(landed) : landed;
}

/** Same day-of-month n months later, clamped to the month's last day. */
function addMonths(from: Day, n: number): Day {
  const { year, month, date } = partsOf(from);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayOf(y, m, Math.min(date, daysInMonth(y, m)))!;
}
