import { cnDate, type Day, monthBefore } from '../calendar/day';
import { ledgerMonthOwed } from './ledger-months';
import { monthDeadlines } from './month-deadlines';
import { isBlank } from './text';
import type { TimeLimits } from './time-limits';
import type { NoticeDue, RuleContext, TaskFacts, TaskRecord } from './types';

/** The period of a month's report reminder: `月报@2026-11` (one per task and month). */
const MONTH_REPORT = '月报@';

/** Whether a notice's period is a month's report reminder (its digest item reads as the reminder itself). */
export const isMonthReportPeriod = (period: string): boolean => period.startsWith(MONTH_REPORT);

/** `月报@2026-11`: the period of month `month`'s report reminder, which the 缺报 催办单 of that month waits after. */
export function monthReportPeriod(year: number, month: number): string {
  return `${MONTH_REPORT}${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The 临期提醒 of a month's 完成情况 (SPEC §4.4's first rung before the 催办单 of a missed month): from 规则配置
 * 月度反馈提醒工作日 working days before that month's feedback deadline (月度反馈截止工作日) until the deadline, a
 * battle-map task whose month has an 应完成工作任务 and no report yet (neither 完成情况 nor a 反馈记录 row) is reminded
 * once, in its unit's daily digest with each recipient's 反馈 link. Never on a rest day; 0 turns it off. A month
 * planned with nothing (the task starts later) is not asked for, as readMonths never counts it missed.
 *
 * @example
 * monthReportReminder(task, facts, ctxOn('2026-12-03'), 2026)?.reasons; // ['11月完成情况请于12月7日前报送']
 */
export function monthReportReminder(
  task: TaskRecord,
  facts: TaskFacts,
  ctx: RuleContext,
  year: number,
): NoticeDue | null {
  if (task.kind !== 'battle' || !remindsToday(ctx)) return null;
  const deadlines = monthDeadlines(ctx, year);
  for (const cell of task.months) {
    const deadline = deadlines[cell.month - 1]!;
    if (!inWindow(deadline, ctx)) continue;
    if (isBlank(cell.planned) || !isBlank(cell.done)) continue;
    if (facts.feedback.some((f) => f.month === cell.month)) continue;
    const due = reminder(year, cell.month, deadline, '完成情况', facts, ctx);
    if (due) return due;
  }
  return null;
}

/**
 * The same 临期提醒 for a 长期 / 持续推进 / 常态化 督办台账 item (SPEC §4.3: 长期 items report monthly): the month whose
 * feedback deadline is in the window, owed as ledgerMissedReport will count it 缺报 the day after — the item was
 * assigned by then, its first report is not already overdue (that one is being chased) and no report counts for the
 * month yet (ledgerMonthReported).
 *
 * @example
 * ledgerMonthReminder(item, facts, limits, ctxOn('2026-12-03'))?.reasons; // ['11月办理情况请于12月7日前报送']
 */
export function ledgerMonthReminder(
  task: TaskRecord,
  facts: TaskFacts,
  limits: TimeLimits,
  ctx: RuleContext,
): NoticeDue | null {
  if (task.kind !== 'ledger' || !limits.ongoing || !remindsToday(ctx)) return null;
  const first = limits.feedbackDue;
  if (first === null) return null;
  if (ctx.today > first && !facts.feedback.some((f) => f.day <= ctx.today)) return null;
  // The months whose deadline can fall in the window: last month's, and this month's with a long window.
  const { today } = ctx;
  for (const back of [1, 0]) {
    const { year, month } = monthBefore(today, back);
    const deadline = monthDeadlines(ctx, year)[month - 1]!;
    if (!inWindow(deadline, ctx) || first > deadline) continue;
    if (!ledgerMonthOwed(task, facts, year, month, deadline)) continue;
    const due = reminder(year, month, deadline, '办理情况', facts, ctx);
    if (due) return due;
  }
  return null;
}

/** A working day with 月度反馈提醒工作日 not 0. */
function remindsToday(ctx: RuleContext): boolean {
  return ctx.config.monthReminderWorkdays > 0 && ctx.cal.isWorkday(ctx.today);
}

/** From 月度反馈提醒工作日 working days before `deadline` until that day. */
function inWindow(deadline: Day, ctx: RuleContext): boolean {
  const { cal, today, config } = ctx;
  return today <= deadline && cal.workdaysBetween(today, deadline) <= config.monthReminderWorkdays;
}

/** The routine 临期提醒 of one month, unless 文书登记 holds it. */
function reminder(
  year: number,
  month: number,
  deadline: Day,
  what: string,
  facts: TaskFacts,
  ctx: RuleContext,
): NoticeDue | null {
  const period = monthReportPeriod(year, month);
  if (facts.notices.some((n) => n.type === '临期提醒' && n.period === period)) return null;
  return {
    type: '临期提醒',
    level: '1',
    period,
    reasons: [`${month}月${what}请于${cnDate(deadline, ctx.today)}前报送`],
    replyBy: deadline,
    rectifyBy: null,
  };
}
