import type { Day } from '../calendar/day';
import type { WorkCalendar } from '../calendar/types';
import type { RuleContext } from './types';

/** The day a month's 完成情况 is due: the Nth working day of the next month. */
export function monthFeedbackDeadline(ctx: RuleContext, year: number, month: number): Day {
  return monthDeadlines(ctx, year)[month - 1]!;
}

/** The twelve feedback deadlines of a year, computed once per calendar, year and 规则配置 setting. */
export function monthDeadlines(ctx: RuleContext, year: number): readonly Day[] {
  const key = year * 32 + ctx.config.feedbackWorkday;
  // Each task asks three times, always for the same year: answer the last question without the two lookups.
  if (ctx.cal === last.cal && key === last.key) return last.days;
  let cache = deadlineCache.get(ctx.cal);
  if (!cache) deadlineCache.set(ctx.cal, (cache = new Map()));
  let days = cache.get(key);
  if (!days) {
    const n = ctx.config.feedbackWorkday;
    days = Array.from({ length: 12 }, (_, i) =>
      i === 11 ? ctx.cal.nthWorkdayOfMonth(year + 1, 1, n) : ctx.cal.nthWorkdayOfMonth(year, i + 2, n),
    );
    cache.set(key, days);
  }
  last = { cal: ctx.cal, key, days };
  return days;
}

/** Every task asks for the same twelve deadlines on every scan. */
const deadlineCache = new WeakMap<WorkCalendar, Map<number, readonly Day[]>>();
let last: { cal: WorkCalendar | null; key: number; days: readonly Day[] } = { cal: null, key: -1, days: [] };
