/**
 * December's own reports (SPEC §4.7). A month's 通报 scores the reports due in that month, so each month's reports
 * are scored by the next month's 通报 — but December's are due in January (次年1月第N个工作日, 规则配置
 * 反馈截止工作日), after the year and its workbook have ended, and no 通报 of the year would ever score them. So the
 * December 通报 — made after that deadline, like every month's — also scores December's own reports, judged as of the
 * day it is made; the quarter and the year sum it. The next year's January leaves out the reports due up to that
 * deadline: December's 通报 scored them.
 */
import { cnFullDate, lastDayOfMonth, type Day } from '../calendar/day';
import type { BulletinPeriod } from './bulletin-period';
import { evaluateTask } from './evaluate-task';
import { factsAsOf } from './facts-as-of';
import { monthFeedbackDeadline } from './month-deadlines';
import { reportTally, type ReportTally } from './report-deadlines';
import type { RuleContext, TaskFacts, TaskRecord } from './types';

/** The year's last report deadline: December's 完成情况, due on the Nth working day of next January. */
export function yearEndDeadline(ctx: Omit<RuleContext, 'today'>, year: number): Day {
  return monthFeedbackDeadline({ ...ctx, today: lastDayOfMonth(year, 12) }, year, 12);
}

/**
 * The last day a period's 通报 waits for: its last day, or for a period ending with December, December's report
 * deadline in January — a formal 通报 is issued (numbered) only after it.
 *
 * @example periodSettles(ctx, yearPeriod(2026)); // toDay('2027-01-08'): the 5th working day of January 2027
 */
export function periodSettles(ctx: Omit<RuleContext, 'today'>, period: BulletinPeriod): Day {
  const last = period.months.at(-1)!;
  return last === 12 ? yearEndDeadline(ctx, period.year) : lastDayOfMonth(period.year, last);
}

/**
 * How a task met its reports due after 31 December up to December's deadline, as of `ctx.today` (the day the
 * December 通报 is made): null before that deadline has passed, when they are not yet due.
 *
 * @example decemberReports(task, facts, { ...ctx, today: toDay('2027-01-11') }, 2026); // { due: 1, missed: 0, late: 0 }
 */
export function decemberReports(
  task: TaskRecord,
  facts: TaskFacts,
  ctx: RuleContext,
  year: number,
): ReportTally | null {
  const deadline = yearEndDeadline(ctx, year);
  if (ctx.today <= deadline) return null;
  const asOf = factsAsOf(facts, ctx.today);
  const ctxYear = { ...ctx, year };
  return reportTally(task, asOf, evaluateTask(task, asOf, ctxYear), ctxYear, lastDayOfMonth(year, 12) + 1, deadline);
}

/**
 * The first day whose report deadlines a January counts: the day after last December's deadline (those before it
 * were scored by last year's December 通报).
 */
export function januaryReportsFrom(ctx: Omit<RuleContext, 'today'>, year: number): Day {
  return yearEndDeadline(ctx, year - 1) + 1;
}

/**
 * What the December, fourth-quarter and year 通报 say about December's own reports.
 *
 * @example decemberReportsNote({ deadline: toDay('2027-01-08'), countedTo: toDay('2027-01-11') });
 * // '12月完成情况于2027年1月8日截止报送，统计至2027年1月11日'
 */
export function decemberReportsNote(d: { deadline: Day; countedTo: Day | null }): string {
  const head = `12月完成情况于${cnFullDate(d.deadline)}截止报送，`;
  return d.countedTo === null ? `${head}尚未计入` : `${head}统计至${cnFullDate(d.countedTo)}`;
}

/** `，12月完成情况于…截止报送，统计至…` after a 通报's 统计截至 date, or nothing for a period without December. */
export function yearEndNote(b: { decemberReports?: { deadline: Day; countedTo: Day | null } }): string {
  return b.decemberReports ? `，${decemberReportsNote(b.decemberReports)}` : '';
}
