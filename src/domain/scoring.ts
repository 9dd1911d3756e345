import { dayOf, lastDayOfMonth, type Day } from '../calendar/day';
import type { RulesConfig } from './config';
import { finishedOnTime } from './evaluation';
import type { Card, Status } from './glossary';
import { reportTally } from './report-deadlines';
import type { RuleContext, TaskFacts, TaskRecord, TaskVerdict } from './types';

/** One task's contribution to its lead unit's month (SPEC §4.7). */
export interface TaskMonthLine {
  unit: string;
  status: Status;
  card: Card | null;
  closedOnTime: boolean;
  reportsDue: number; // month reports whose feedback deadline fell in the month
  missed: number; // of those, not reported
  late: number; // of those, reported after the deadline
  supervisions: number; // 督办单 issued in the month
  notices: number; // formal notices issued in the month
  overdueTimesYtd: number; // missed or late report deadlines this year (3 → 通报, 5 → 移交纪委监委)
}

export interface UnitScore {
  unit: string;
  tasks: number;
  closedOnTime: number;
  lagging: number;
  overdue: number;
  onTimeFeedbackPercent: number | null;
  notices: number;
  cards: Record<Card, number>;
  /** Reports due in the period (the base of onTimeFeedbackPercent). */
  reportsDue: number;
  missed: number;
  late: number;
  supervisions: number;
  /** Missed or late reports from 1 January to the end of the period (3 → 全县通报, 5 → 移交纪委监委). */
  overdueTimesYtd: number;
  score: number;
  rank: number;
}

/**
 * A unit's first eight ranking figures as every 通报 shows them (its tab, .docx and console): 排名, 牵头单位, 事项,
 * 按期办结, 滞后, 逾期, 按时反馈 (`95%`, `—` with no report due), 督办文书.
 */
export function rankingFigures(u: UnitScore): Array<string | number> {
  const feedback = u.onTimeFeedbackPercent === null ? '—' : `${u.onTimeFeedbackPercent}%`;
  return [u.rank, u.unit, u.tasks, u.closedOnTime, u.lagging, u.overdue, feedback, u.notices];
}

/** The cards of a ranking row as the .docx and console print them in one column: `红/黄/蓝`, e.g. `1/0/0`. */
export function cardFigures(u: UnitScore): string {
  return `${u.cards.红牌}/${u.cards.黄牌}/${u.cards.蓝牌}`;
}

/**
 * The deductions a unit's ranking row shows after its cards, in every 通报 (tab, .docx, console): 缺报, 迟报, 督办单 —
 * with 逾期 and 红牌 in the row already, what a unit needs to check its score against the weights.
 */
export function deductionFigures(u: UnitScore): number[] {
  return [u.missed, u.late, u.supervisions];
}

/** A month as a range of Days, so membership is two integer comparisons. */
function monthRange(year: number, month: number): { first: Day; last: Day } {
  const key = year * 13 + month;
  // Every task of a bulletin asks for the same month: answer it without the map lookup.
  if (key === lastRange.key) return lastRange.range;
  let range = ranges.get(key);
  if (!range) ranges.set(key, (range = { first: dayOf(year, month, 1)!, last: lastDayOfMonth(year, month) }));
  lastRange = { key, range };
  return range;
}

const ranges = new Map<number, { first: Day; last: Day }>();
let lastRange = { key: NaN, range: { first: NaN, last: NaN } };

/** A unit with nothing counted yet, its fields in the order the bulletin lists them. */
export function emptyScore(unit: string): UnitScore {
  return {
    unit,
    tasks: 0,
    closedOnTime: 0,
    lagging: 0,
    overdue: 0,
    onTimeFeedbackPercent: null,
    notices: 0,
    cards: { 红牌: 0, 黄牌: 0, 蓝牌: 0 },
    reportsDue: 0,
    missed: 0,
    late: 0,
    supervisions: 0,
    overdueTimesYtd: 0,
    score: 0,
    rank: 0,
  };
}

/**
 * Summarise a task for the bulletin of (year, month), as of `ctx.today` (the month's last day, or earlier on demand).
 * Report deadlines count on both tabs: the 挂图作战表's month reports and the 督办台账's first and monthly reports.
 * 按期办结 is an event of the month the task became 已办结 (`closingDay`), credited when the unit applied to close by
 * 完成时限 (`finishedOnTime`). The year's reports are counted from `yearFrom`: January leaves out those due before it
 * (last year's December 通报 scored them, src/domain/year-end-reports.ts).
 *
 * @example
 * const line = taskMonthLine(task, facts, evaluateTask(task, facts, ctx), ctx, 2026, 10);
 * line.missed; // reports due in October that were not made
 */
export function taskMonthLine(
  task: TaskRecord,
  facts: TaskFacts,
  verdict: TaskVerdict,
  ctx: RuleContext,
  year: number,
  month: number,
  yearFrom: Day = monthRange(year, 1).first,
): TaskMonthLine {
  const { first, last } = monthRange(year, month);
  const inMonth = reportTally(task, facts, verdict, ctx, month === 1 ? yearFrom : first, last);
  const ytd = reportTally(task, facts, verdict, ctx, yearFrom, last);
  let notices = 0;
  let supervisions = 0;
  for (const n of facts.notices) {
    // Formal notices the unit received: not routine reminders, nor a 约谈建议 (addressed to the leaders about it).
    if (
      n.type === '约谈建议' ||
      n.type === '临期提醒' ||
      n.type === '审批提醒' ||
      n.type === '签收提醒' ||
      n.type === '交办单' ||
      n.day < first ||
      n.day > last
    )
      continue;
    notices++;
    if (n.type === '督办单') supervisions++;
  }
  const closed = closingDay(facts, verdict);
  return {
    unit: task.leadUnit,
    status: verdict.status,
    card: verdict.card,
    closedOnTime:
      closed !== null && closed >= first && closed <= last && finishedOnTime(facts, verdict.deadline),
    reportsDue: inMonth.due,
    missed: inMonth.missed,
    late: inMonth.late,
    supervisions,
    notices,
    overdueTimesYtd: ytd.missed + ytd.late,
  };
}

/**
 * The day a 已办结 task was closed (销号), or null when it is not 已办结 or the card carries no date: the last
 * signature of the 办结审批 card — for an item closed by 办理状态 = 已完成 confirmed by 督查室 (SPEC §4.1), the latest
 * date on its card, i.e. the 督查室核实 unless later signers have signed since. A task counts as closed in that
 * day's month.
 *
 * @example
 * closingDay(facts, verdict); // toDay('2026-11-02') — the card's last signature
 */
export function closingDay(facts: TaskFacts, verdict: Pick<TaskVerdict, 'status'>): Day | null {
  if (verdict.status !== '已办结') return null;
  return facts.completion?.closed ?? null;
}

/**
 * Score and rank units: base + per task closed on time − per missed month − per overdue task − per late report
 * − per 督办单 − per 红牌 (weights from 规则配置). Equal scores share a rank. 已调出 tasks do not count.
 *
 * @example
 * scoreUnits(lines, config)[0]; // { unit: '县发改局', score: 102, rank: 1, … }
 */
export function scoreUnits(lines: TaskMonthLine[], config: RulesConfig): UnitScore[] {
  const byUnit = new Map<string, UnitScore>();
  for (const line of lines) {
    if (line.status === '已调出' || !line.unit) continue;
    let s = byUnit.get(line.unit);
    if (!s) byUnit.set(line.unit, (s = emptyScore(line.unit)));
    s.tasks++;
    if (line.closedOnTime) s.closedOnTime++;
    if (line.status === '滞后') s.lagging++;
    if (line.status === '逾期') s.overdue++;
    s.notices += line.notices;
    if (line.card) s.cards[line.card]++;
    s.reportsDue += line.reportsDue;
    s.missed += line.missed;
    s.late += line.late;
    s.supervisions += line.supervisions;
    s.overdueTimesYtd += line.overdueTimesYtd;
  }
  for (const s of byUnit.values()) {
    s.onTimeFeedbackPercent = onTimePercent(s);
    s.score =
      config.scoreBase +
      config.scoreClosedOnTime * s.closedOnTime -
      config.scoreMissedMonth * s.missed -
      config.scoreOverdue * s.overdue -
      config.scoreLateFeedback * s.late -
      config.scoreSupervision * s.supervisions -
      config.scoreRedCard * s.cards.红牌;
  }
  return rankScores([...byUnit.values()]);
}

/** The weights of the score (规则配置), which the 通报 states so a unit can check its own. */
export type ScoreWeights = Pick<
  RulesConfig,
  | 'scoreBase'
  | 'scoreClosedOnTime'
  | 'scoreMissedMonth'
  | 'scoreOverdue'
  | 'scoreLateFeedback'
  | 'scoreSupervision'
  | 'scoreRedCard'
>;

/** The weights alone, so the 通报 (and its JSON) carries them without the rest of 规则配置. */
export function scoreWeights(c: ScoreWeights): ScoreWeights {
  return {
    scoreBase: c.scoreBase,
    scoreClosedOnTime: c.scoreClosedOnTime,
    scoreMissedMonth: c.scoreMissedMonth,
    scoreOverdue: c.scoreOverdue,
    scoreLateFeedback: c.scoreLateFeedback,
    scoreSupervision: c.scoreSupervision,
    scoreRedCard: c.scoreRedCard,
  };
}

/** Share of the reports due that came in on time, in whole percent; null when none was due. */
export function onTimePercent(s: Pick<UnitScore, 'reportsDue' | 'missed' | 'late'>): number | null {
  if (s.reportsDue === 0) return null;
  return Math.max(0, Math.round(((s.reportsDue - s.missed - s.late) / s.reportsDue) * 100));
}

/** Sort best first (ties by unit name in pinyin order) and give equal scores the same rank (1, 2, 2, 4). */
export function rankScores(scores: UnitScore[]): UnitScore[] {
  scores.sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit, 'zh-CN'));
  scores.forEach((s, i) => {
    s.rank = i > 0 && s.score === scores[i - 1]!.score ? scores[i - 1]!.rank : i + 1;
  });
  return scores;
}
