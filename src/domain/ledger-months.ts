import { dayOf, type Day, lastDayOfMonth, monthBefore, partsOf } from '../calendar/day';
import { monthFeedbackDeadline } from './month-deadlines';
import type { RuleContext, TaskFacts, TaskRecord } from './types';

/**
 * Whether a 长期 督办台账 item (SPEC §4.3: reports monthly) still owes month `month`'s report, due on `deadline` (that
 * month's 月度反馈截止工作日): it was assigned by the month's end and no report counts for the month yet — a 反馈记录 row
 * about that month, or any report dated from the month's first day to its deadline. The 缺报 of ledgerMissedReport
 * and the 临期提醒 before it (ledgerMonthReminder) both ask this.
 *
 * @example
 * ledgerMonthOwed(item, facts({ feedback: [] }), 2026, 11, toDay('2026-12-07')); // true
 */
export function ledgerMonthOwed(
  task: TaskRecord,
  facts: TaskFacts,
  year: number,
  month: number,
  deadline: Day,
): boolean {
  const monthStart = dayOf(year, month, 1)!;
  // A month that ended before 交办 is not owed (reportTally counts from 交办's month too).
  const monthEnd = lastDayOfMonth(year, month);
  if (task.assigned === null || task.assigned > monthEnd || task.assigned > deadline) return false;
  return !facts.feedback.some((f) => f.month === month || (f.day >= monthStart && f.day <= deadline));
}

/**
 * The month a 长期 item's report is due for now, and by when: last month while the item still owes it and its
 * deadline (月度反馈截止工作日) has not passed, else this month. What the 反馈 page records a report as and what
 * 当前节点 names: on 12月3日 an item owing 11月 is asked for 11月 by 12月7日, not 12月 by 1月8日.
 *
 * @example
 * ledgerReportMonth(item, facts(), ctxOn('2026-12-03')); // { year: 2026, month: 11, deadline: 12月7日 }
 */
export function ledgerReportMonth(
  task: TaskRecord,
  facts: TaskFacts,
  ctx: RuleContext,
): { year: number; month: number; deadline: Day } {
  const { year, month } = partsOf(ctx.today);
  const prev = monthBefore(ctx.today, 1);
  const prevDue = monthFeedbackDeadline(ctx, prev.year, prev.month);
  if (ctx.today <= prevDue && ledgerMonthOwed(task, facts, prev.year, prev.month, prevDue))
    return { ...prev, deadline: prevDue };
  return { year, month, deadline: monthFeedbackDeadline(ctx, year, month) };
}
