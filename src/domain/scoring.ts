import { dayOf, lastDayOfMonth, type Day } from '../calendar/day';
import type { RulesConfig } from './config';
import type { Card, Status } from './glossary';
import { monthDeadlines } from './month-progress';
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
  let range = ranges.get(key);
  if (!range) ranges.set(key, (range = { first: dayOf(year, month, 1)!, last: lastDayOfMonth(year, month) }));
  return range;
}

const ranges = new Map<number, { first: Day; last: Day }>();

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
    if (deadline < first || deadline > last || !m.planned.trim()) continue;
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
  const byUnit = new Map<string, TaskMonthLine[]>();
  for (const line of lines) {
    if (line.status === '已调出' || !line.unit) continue;
    const list = byUnit.get(line.unit);
    if (list) list.push(line);
    else byUnit.set(line.unit, [line]);
  }
  const scores: UnitScore[] = [...byUnit].map(([unit, ls]) => {
    const sum = (f: (l: TaskMonthLine) => number) => ls.reduce((acc, l) => acc + f(l), 0);
    const count = (p: (l: TaskMonthLine) => boolean) => ls.filter(p).length;
    const due = sum((l) => l.reportsDue);
    const missed = sum((l) => l.missed);
    const late = sum((l) => l.late);
    const closedOnTime = count((l) => l.closedOnTime);
    const overdue = count((l) => l.status === '逾期');
    const supervisions = sum((l) => l.supervisions);
    const cards = {
      红牌: count((l) => l.card === '红牌'),
      黄牌: count((l) => l.card === '黄牌'),
      蓝牌: count((l) => l.card === '蓝牌'),
    };
    const score =
      config.scoreBase +
      config.scoreClosedOnTime * closedOnTime -
      config.scoreMissedMonth * missed -
      config.scoreOverdue * overdue -
      config.scoreLateFeedback * late -
      config.scoreSupervision * supervisions -
      config.scoreRedCard * cards.红牌;
    return {
      unit,
      tasks: ls.length,
      closedOnTime,
      lagging: count((l) => l.status === '滞后'),
      overdue,
      onTimeFeedbackPercent: due === 0 ? null : Math.round(((due - missed - late) / due) * 100),
      notices: sum((l) => l.notices),
      cards,
      missed,
      late,
      supervisions,
      overdueTimesYtd: sum((l) => l.overdueTimesYtd),
      score,
      rank: 0,
    };
  });
  scores.sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit, 'zh-CN'));
  scores.forEach(
    (s, i) => (s.rank = i > 0 && s.score === scores[i - 1]!.score ? scores[i - 1]!.rank : i + 1),
  );
  return scores;
}
