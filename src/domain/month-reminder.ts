import { cnDate } from '../calendar/day';
import { monthDeadlines } from './month-deadlines';
import { isBlank } from './text';
import type { NoticeDue, RuleContext, TaskFacts, TaskRecord } from './types';

/** The period of a month's report reminder: `月报@2026-11` (one per task and month). */
const MONTH_REPORT = '月报@';

/** Whether a notice's period is a month's report reminder (its digest item reads as the reminder itself). */
export const isMonthReportPeriod = (period: string): boolean => period.startsWith(MONTH_REPORT);

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
  const { cal, today, config } = ctx;
  const window = config.monthReminderWorkdays;
  if (window === 0 || task.kind !== 'battle' || !cal.isWorkday(today)) return null;
  const deadlines = monthDeadlines(ctx, year);
  for (const cell of task.months) {
    const deadline = deadlines[cell.month - 1]!;
    if (today > deadline || cal.workdaysBetween(today, deadline) > window) continue;
    if (isBlank(cell.planned) || !isBlank(cell.done)) continue;
    if (facts.feedback.some((f) => f.month === cell.month)) continue;
    const period = `${MONTH_REPORT}${year}-${String(cell.month).padStart(2, '0')}`;
    if (facts.notices.some((n) => n.type === '临期提醒' && n.period === period)) continue;
    return {
      type: '临期提醒',
      level: '1',
      period,
      reasons: [`${cell.month}月完成情况请于${cnDate(deadline, today)}前报送`],
      replyBy: deadline,
      rectifyBy: null,
    };
  }
  return null;
}
