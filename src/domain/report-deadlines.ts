import { dayOf, partsOf, type Day } from '../calendar/day';
import { monthDeadlines, monthFeedbackDeadline } from './month-deadlines';
import { isBlank } from './text';
import { timeLimits } from './time-limits';
import type { FeedbackEntry, RuleContext, TaskFacts, TaskRecord, TaskVerdict } from './types';

/** How one task met the reports whose deadline fell in a range of days (SPEC §4.3, §4.7; seed 003 §四(三)). */
export interface ReportTally {
  /** Reports whose deadline fell in the range (and has passed by `ctx.today`). */
  due: number;
  /** Of those, not made by `ctx.today`. */
  missed: number;
  /** Of those, made after their deadline. */
  late: number;
}

/**
 * The reports a task owed between `from` and `to` (inclusive) and how they went, on both tabs:
 * the 挂图作战表's month reports (due on the month's feedback deadline when the month plans a milestone), the
 * 督办台账's first report by source, and a 长期 ledger item's monthly report.
 *
 * @example
 * const t = reportTally(task, facts, verdict, ctx, toDay('2026-01-01'), toDay('2026-10-31'));
 * t.missed + t.late; // the times this task's unit counts towards the 3 / 5 thresholds
 */
export function reportTally(
  task: TaskRecord,
  facts: TaskFacts,
  verdict: TaskVerdict,
  ctx: RuleContext,
  from: Day,
  to: Day,
): ReportTally {
  const tally: ReportTally = { due: 0, missed: 0, late: 0 };
  const last = Math.min(to, ctx.today);
  if (task.kind === 'battle') {
    const deadlines = monthDeadlines(ctx, ctx.year ?? partsOf(ctx.today).year);
    for (const m of task.months) {
      const deadline = deadlines[m.month - 1]!;
      if (deadline < from || deadline > last || isBlank(m.planned)) continue;
      tally.due++;
      if (verdict.missedMonths.includes(m.month)) tally.missed++;
      else if (verdict.lateMonths.includes(m.month)) tally.late++;
    }
    return tally;
  }
  if (verdict.status === '已调出') return tally;
  const limits = timeLimits(task, facts, ctx);
  if (
    limits.feedbackDue !== null &&
    inRange(limits.feedbackDue, from, last) &&
    ctx.today > limits.feedbackDue
  )
    count(tally, firstReport(facts.feedback, 0), limits.feedbackDue);
  if (limits.ongoing) ongoingReports(task, facts, ctx, from, last, tally);
  return tally;
}

function inRange(day: Day, from: Day, to: Day): boolean {
  return day >= from && day <= to;
}

function count(tally: ReportTally, reported: Day | null, due: Day): void {
  tally.due++;
  if (reported === null) tally.missed++;
  else if (reported > due) tally.late++;
}

/** The first report on or after `since`, or null. */
function firstReport(feedback: FeedbackEntry[], since: Day, month: number | null = null): Day | null {
  let first: Day | null = null;
  for (const f of feedback) {
    const about = month === null ? f.day >= since : f.month === month || f.day >= since;
    if (about && (first === null || f.day < first)) first = f.day;
  }
  return first;
}

/** 长期 ledger items report every month, by that month's feedback deadline, from the month after 交办. */
function ongoingReports(
  task: TaskRecord,
  facts: TaskFacts,
  ctx: RuleContext,
  from: Day,
  to: Day,
  tally: ReportTally,
): void {
  if (task.assigned === null) return;
  const start = partsOf(task.assigned);
  for (let y = start.year, m = start.month; ; y += m === 12 ? 1 : 0, m = (m % 12) + 1) {
    const due = monthFeedbackDeadline(ctx, y, m);
    if (due > to || due >= ctx.today) return;
    if (due < from || due <= task.assigned) continue;
    count(tally, firstReport(facts.feedback, dayOf(y, m, 1)!, m), due);
  }
}
