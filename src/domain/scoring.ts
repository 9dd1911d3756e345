import { dayOf, lastDayOfMonth, type Day } from '../calendar/day';
import type { RulesConfig } from './config';
import type { Card, Status } from './glossary';
import { monthDeadlines } from './month-deadlines';
import { isBlank } from './text';
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
  missed: number;
  late: number;
  supervisions: number;
  overdueTimesYtd: number;
  score: number;
  rank: number;
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
function emptyScore(unit: string): UnitScore {
  return {
    unit,
    tasks: 0,
    closedOnTime: 0,
    lagging: 0,
    overdue: 0,
    onTimeFeedbackPercent: null,
    notices: 0,
    cards: { 红牌: 0, 黄牌: 0, 蓝牌: 0 },
    missed: 0,
    late: 0,
    supervisions: 0,
    overdueTimesYtd: 0,
    score: 0,
    rank: 0,
  };
}

/** Summarise a task for the bulletin of (year, month). */
export function taskMonthLine(
  task: TaskRecord,
  facts: TaskFacts,
  verdict: TaskVerdict,
  ctx: RuleContext,
  year: number,
  month: number,
): TaskMonthLine {
  const deadlines = monthDeadlines(ctx, year);
  const { first, last } = monthRange(year, month);
  let reportsDue = 0;
  let missed = 0;
  let late = 0;
  for (const m of task.months) {
    const deadline = deadlines[m.month - 1]!;
    if (deadline < first || deadline > last || isBlank(m.planned)) continue;
    reportsDue++;
    if (verdict.missedMonths.includes(m.month)) missed++;
    if (verdict.lateMonths.includes(m.month)) late++;
  }
  let notices = 0;
  let supervisions = 0;
  for (const n of facts.notices) {
    if (n.type === '临期提醒' || n.day < first || n.day > last) continue;
    notices++;
    if (n.type === '督办单') supervisions++;
  }
  const closed = facts.completion?.approved ? facts.completion.closed : null;
  return {
    unit: task.leadUnit,
    status: verdict.status,
    card: verdict.card,
    closedOnTime:
      closed !== null &&
      closed >= first &&
      closed <= last &&
      (verdict.deadline === null || closed <= verdict.deadline),
    reportsDue,
    missed,
    late,
    supervisions,
    notices,
    overdueTimesYtd: verdict.missedMonths.length + verdict.lateMonths.length,
  };
}

/**
 * Score and rank units: base + per task closed on time − per missed month − per overdue task − per late report
 * − per 督办单 − per 红牌 (weights from 规则配置). Equal scores share a rank. 已调出 tasks do not count.
 */
export function scoreUnits(lines: TaskMonthLine[], config: RulesConfig): UnitScore[] {
  const byUnit = new Map<string, { score: UnitScore; reportsDue: number }>();
  for (const line of lines) {
    if (line.status === '已调出' || !line.unit) continue;
    let unit = byUnit.get(line.unit);
    if (!unit) byUnit.set(line.unit, (unit = { score: emptyScore(line.unit), reportsDue: 0 }));
    const s = unit.score;
    unit.reportsDue += line.reportsDue;
    s.tasks++;
    if (line.closedOnTime) s.closedOnTime++;
    if (line.status === '滞后') s.lagging++;
    if (line.status === '逾期') s.overdue++;
    s.notices += line.notices;
    if (line.card === '红牌') s.cards.红牌++;
    else if (line.card === '黄牌') s.cards.黄牌++;
    else if (line.card === '蓝牌') s.cards.蓝牌++;
    s.missed += line.missed;
    s.late += line.late;
    s.supervisions += line.supervisions;
    s.overdueTimesYtd += line.overdueTimesYtd;
  }
  const scores: UnitScore[] = [];
  for (const { score: s, reportsDue: due } of byUnit.values()) {
    s.onTimeFeedbackPercent = due === 0 ? null : Math.round(((due - s.missed - s.late) / due) * 100);
    s.score =
      config.scoreBase +
      config.scoreClosedOnTime * s.closedOnTime -
      config.scoreMissedMonth * s.missed -
      config.scoreOverdue * s.overdue -
      config.scoreLateFeedback * s.late -
      config.scoreSupervision * s.supervisions -
      config.scoreRedCard * s.cards.红牌;
    scores.push(s);
  }
  scores.sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit, 'zh-CN'));
  scores.forEach((s, i) => {
    s.rank = i > 0 && s.score === scores[i - 1]!.score ? scores[i - 1]!.rank : i + 1;
  });
  return scores;
}
