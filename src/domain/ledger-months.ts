import { dayOf, type Day } from '../calendar/day';
import type { TaskFacts, TaskRecord } from './types';

/**
 * Whether a 长期 督办台账 item (SPEC §4.3: reports monthly) still owes month `month`'s report, due on `deadline` (that
 * month's 月度反馈截止工作日): it was assigned by the deadline and no report counts for the month yet — a 反馈记录 row
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
  if (task.assigned === null || task.assigned > deadline) return false;
  const monthStart = dayOf(year, month, 1)!;
  return !facts.feedback.some((f) => f.month === month || (f.day >= monthStart && f.day <= deadline));
}
