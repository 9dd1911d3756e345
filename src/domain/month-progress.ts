import { cnDate, type Day } from '../calendar/day';
import { percentIn, readCompletionText, type TextReading } from './completion-text';
import { monthDeadlines } from './month-deadlines';
import { clip, isBlank } from './text';
import type { FeedbackEntry, MonthCell, MonthFill, RuleContext, TaskFacts, TaskRecord } from './types';

export interface MonthReading {
  fills: MonthFill[];
  missed: number[];
  /** The missed months with no report at all (the others were reported 未完成). */
  unreported: number[];
  /** Missed months with their explanation, for 系统提示 and notices. */
  missedReasons: string[];
  /** Months that were reported after their deadline (from 反馈记录 dates). */
  lateReports: number[];
  /** The percentage written in the latest 完成情况 that has one (not in 反馈记录 texts), or null. */
  writtenPercent: number | null;
}

/**
 * Month cells of the battle map as of today: fills per SPEC §4.1 and the months whose planned milestone had no
 * (or a 未完成) report by the feedback deadline. A 反馈记录 row for the month counts as a report.
 */
export function readMonths(task: TaskRecord, facts: TaskFacts, ctx: RuleContext, year: number): MonthReading {
  const fills: MonthFill[] = [];
  const missed: number[] = [];
  const unreported: number[] = [];
  const missedReasons: string[] = [];
  const lateReports: number[] = [];
  const deadlines = monthDeadlines(ctx, year);
  const reportsOf = facts.feedback.length ? groupByMonth(facts.feedback) : null;
  let writtenPercent: number | null = null;
  for (const cell of task.months) {
    const deadline = deadlines[cell.month - 1]!;
    const reports = reportsOf?.[cell.month];
    let text = cell.done;
    if (reports) {
      if (!text) text = reports.length === 1 ? reports[0]!.text : reports.map((f) => f.text).join('\n');
      if (reportedAfter(reports, deadline)) lateReports.push(cell.month);
    }
    const reading = text ? readCompletionText(text) : UNWRITTEN;
    if (cell.done && reading.percent !== null) writtenPercent = reading.percent;
    const { completion } = reading;
    if (completion === 'done' || completion === 'partial') fills.push(completion);
    else if (ctx.today > deadline && (completion === 'not-done' || !isBlank(cell.planned))) {
      fills.push('missing');
      missed.push(cell.month);
      if (completion !== 'not-done') unreported.push(cell.month);
      missedReasons.push(missedReason(cell, completion === 'not-done', deadlines));
    } else fills.push(null);
  }
  return { fills, missed, unreported, missedReasons, lateReports, writtenPercent };
}

const UNWRITTEN: TextReading = { completion: 'empty', percent: null };

function groupByMonth(feedback: FeedbackEntry[]): FeedbackEntry[][] {
  const out: FeedbackEntry[][] = [];
  for (const f of feedback) if (f.month !== null) (out[f.month] ??= []).push(f);
  return out;
}

function reportedAfter(reports: FeedbackEntry[], deadline: Day): boolean {
  for (const f of reports) if (f.day > deadline) return true;
  return false;
}

/** `3月应完成“完成土地征收”未反馈，已超过反馈截止日 4月8日`: Chinese quotation marks, as the 催办单 prints it. */
function missedReason(cell: MonthCell, notDone: boolean, deadlines: readonly Day[]): string {
  const texts = missedTextsOf(deadlines)[cell.month - 1]!;
  if (isBlank(cell.planned)) return notDone ? texts.noPlanNotDone : texts.noPlanUnreported;
  return `${texts.head}${clip(cell.planned)}${notDone ? texts.notDone : texts.unreported}`;
}

interface MissedTexts {
  head: string;
  unreported: string;
  notDone: string;
  noPlanUnreported: string;
  noPlanNotDone: string;
}

/** The fixed parts of each month's missed-report reason, written once per year's deadlines. */
function missedTextsOf(deadlines: readonly Day[]): MissedTexts[] {
  let texts = missedTexts.get(deadlines);
  if (!texts) {
    texts = deadlines.map((deadline, i) => {
      const after = `，已超过反馈截止日 ${cnDate(deadline)}`;
      return {
        head: `${i + 1}月应完成“`,
        unreported: `”未反馈${after}`,
        notDone: `”反馈为未完成${after}`,
        noPlanUnreported: `${i + 1}月工作任务未反馈${after}`,
        noPlanNotDone: `${i + 1}月工作任务反馈为未完成${after}`,
      };
    });
    missedTexts.set(deadlines, texts);
  }
  return texts;
}

/** Keyed by monthDeadlines' cached array: one set of texts per calendar, year and 规则配置 setting. */
const missedTexts = new WeakMap<readonly Day[], MissedTexts[]>();

/**
 * The months of the first longest run of consecutive missed months (`missed` ascending, as readMonths gives it).
 *
 * @example longestRunOf([2, 4, 5, 6, 9]); // [4, 5, 6]
 */
export function longestRunOf(missed: number[]): number[] {
  let best: number[] = [];
  let run: number[] = [];
  for (const m of missed) {
    run = run.length && m === run.at(-1)! + 1 ? [...run, m] : [m];
    if (run.length > best.length) best = run;
  }
  return best;
}

/**
 * The latest progress % reported: 反馈记录 进度 first, then a percentage in the latest 完成情况 (read by
 * readMonths when the task has been through it).
 */
export function latestProgress(
  task: TaskRecord,
  facts: TaskFacts,
  months: MonthReading | null,
): number | null {
  let latest: number | null = null;
  let latestDay = 0;
  for (const f of facts.feedback) {
    if (f.progress !== null && (latest === null || f.day >= latestDay)) {
      latest = f.progress;
      latestDay = f.day;
    }
  }
  if (latest !== null) return latest;
  if (months) return months.writtenPercent;
  for (let i = task.months.length - 1; i >= 0; i--) {
    const done = task.months[i]!.done;
    if (!done.includes('%') && !done.includes('％')) continue;
    const pct = percentIn(done);
    if (pct !== null) return pct;
  }
  return null;
}

/**
 * Any sign of life: a 反馈记录 row, any 完成情况 text, a 办理状态 of 已落实 / 已完成 (the unit says it is done) or an
 * application to close.
 */
export function hasAnyFeedback(task: TaskRecord, facts: TaskFacts): boolean {
  if (facts.feedback.length > 0) return true;
  if (task.handling === '已完成' || task.handling === '已落实') return true;
  if (facts.completion?.submitted != null) return true;
  for (const m of task.months) if (!isBlank(m.done)) return true;
  return false;
}
