import type { Day } from '../calendar/day';
import {
  monthResult,
  type BulletinInput,
  type LeaderCounts,
  type MonthResult,
  type RedCardTask,
} from './bulletin-month';
import type { BulletinPeriod } from './bulletin-period';
import { boards, bottomOf, overdueThresholds, type BoardEntry, type ThresholdEntry } from './bulletin-lists';
import type { Card, Status } from './glossary';
import type { LateTask } from './late-tasks';
import {
  emptyScore,
  onTimePercent,
  rankScores,
  scoreWeights,
  type ScoreWeights,
  type UnitScore,
} from './scoring';

export type { BulletinInput, BulletinTask, LeaderCounts, MonthResult, RedCardTask } from './bulletin-month';
export type { BoardEntry, ThresholdEntry } from './bulletin-lists';
export type { LateTask } from './late-tasks';

/** A month's status and card totals, for the trend chart. */
export interface TrendPoint {
  month: number;
  byStatus: Record<Status, number>;
  byCard: Record<Card, number>;
}

/** The monthly / quarterly / yearly 通报 of SPEC §4.7, as data: the tab, the .docx and the charts read it. */
export interface Bulletin {
  period: BulletinPeriod;
  /** The last day counted (the period's last day, or the day asked on while it runs). */
  asOf: Day;
  /** The months counted (a quarter asked in its second month has two). */
  months: number[];
  /** How the scores were counted (规则配置's weights), stated in the 通报. */
  scoring: ScoreWeights;
  /** Per unit, best first. A quarter or year sums its months' figures and scores (seed 002 §四(二)). */
  units: UnitScore[];
  /** 红榜: the best units that earned points and carry no card or overdue task. */
  redList: BoardEntry[];
  /** 黑榜: the bottom units that lost points, and every unit with a 红牌. */
  blackList: BoardEntry[];
  /** Every 红牌 in the period (a task listed once, with its latest reason). */
  redCards: RedCardTask[];
  /** Every task 逾期 or 滞后 at the end of the period with its 牵头单位 (seed 003 §六(三) 指名道姓), longest overdue first. */
  lateTasks: LateTask[];
  /** Units whose missed or late reports this year reach 3 (全县通报) or 5 (移交纪委监委), seed 003 §四(三). */
  thresholds: ThresholdEntry[];
  /** Status and card counts per 分管领导 at the end of the period. */
  leaders: LeaderCounts[];
  /** Totals at the end of each month from January to the last month counted (the 逐月预警走势). */
  trend: TrendPoint[];
  /**
   * A period ending with December: December's own reports, due on `deadline` next January, counted to `countedTo`,
   * or not yet counted (null) when the 通报 was made before that deadline (src/domain/year-end-reports.ts).
   */
  decemberReports?: { deadline: Day; countedTo: Day | null };
  /** Year only: the bottom three units (seed 001 §四(二): 约谈 and a 反思发言). */
  bottomThree?: string[];
  /**
   * Year only: units in the bottom three this year and last (seed 001 §四(二): 组织调整); null when last year's
   * bottom three is not known.
   */
  bottomTwoYears?: string[] | null;
}

export interface BulletinOptions {
  /** Last year's bottom three (from last year's workbook), for `bottomTwoYears`. */
  previousBottom?: string[] | null;
}

/**
 * The 通报 of a period: each month evaluated as of its end, scored, and summed.
 * Returns null when the period has not begun by `input.today`.
 *
 * @example
 * const b = buildBulletin(input, parsePeriod('2026-10')!);
 * b?.units.map((u) => `${u.rank} ${u.unit} ${u.score}`);
 */
export function buildBulletin(
  input: BulletinInput,
  period: BulletinPeriod,
  options: BulletinOptions = {},
): Bulletin | null {
  if (period.year !== input.year) return null;
  const months = period.months.map((m) => monthResult(input, m)).filter((m) => m !== null);
  const last = months.at(-1);
  if (!last) return null;
  const units = months.length === 1 ? last.units : sumUnits(months);
  const bulletin: Bulletin = {
    period,
    asOf: last.asOf,
    months: months.map((m) => m.month),
    scoring: scoreWeights(input.config),
    units,
    ...boards(units, redCardsOf(months), months.length * input.config.scoreBase, months.length),
    redCards: redCardsOf(months),
    lateTasks: last.lateTasks,
    thresholds: overdueThresholds(units),
    leaders: last.leaders,
    trend: trendOf(input, months),
    ...(last.decemberReports ? { decemberReports: last.decemberReports } : {}),
  };
  if (period.kind === 'year') {
    bulletin.bottomThree = bottomOf(units, 3);
    const before = options.previousBottom;
    bulletin.bottomTwoYears = before ? bulletin.bottomThree.filter((u) => before.includes(u)) : null;
  }
  return bulletin;
}

/**
 * The trend from January to the last month counted: status and card totals at each month's end (what the 逐月预警走势
 * chart draws), the period's own months reused.
 */
function trendOf(input: BulletinInput, counted: MonthResult[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let m = 1; m <= counted.at(-1)!.month; m++) {
    const r = counted.find((c) => c.month === m) ?? monthResult(input, m);
    if (r) points.push({ month: m, byStatus: r.byStatus, byCard: r.byCard });
  }
  return points;
}

/**
 * A quarter or year: every figure and the score are the sums of the months (tasks held and the year-to-date
 * overdue times are those at the end); the on-time % is recomputed from the summed reports.
 */
function sumUnits(months: MonthResult[]): UnitScore[] {
  const sums = new Map<string, UnitScore>();
  for (const month of months) {
    for (const u of month.units) {
      let s = sums.get(u.unit);
      if (!s) sums.set(u.unit, (s = emptyScore(u.unit)));
      s.tasks = u.tasks;
      s.closedOnTime += u.closedOnTime;
      s.lagging += u.lagging;
      s.overdue += u.overdue;
      s.notices += u.notices;
      for (const c of ['红牌', '黄牌', '蓝牌'] as const) s.cards[c] += u.cards[c];
      s.reportsDue += u.reportsDue;
      s.missed += u.missed;
      s.late += u.late;
      s.supervisions += u.supervisions;
      s.overdueTimesYtd = u.overdueTimesYtd;
      s.score += u.score;
    }
  }
  for (const s of sums.values()) s.onTimeFeedbackPercent = onTimePercent(s);
  return rankScores([...sums.values()]);
}

function redCardsOf(months: MonthResult[]): RedCardTask[] {
  const byTask = new Map<string, RedCardTask>();
  for (const m of months) for (const r of m.redCards) byTask.set(`${r.unit}|${r.id}|${r.title}`, r);
  return [...byTask.values()];
}
