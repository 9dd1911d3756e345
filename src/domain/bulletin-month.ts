import { dayOf, lastDayOfMonth, type Day } from '../calendar/day';
import type { WorkCalendar } from '../calendar/types';
import type { RulesConfig } from './config';
import { evaluateTask } from './evaluate-task';
import { factsAsOf, taskAsOf } from './facts-as-of';
import { CARDS, STATUSES, type Card, type Status } from './glossary';
import { byLateness, lateTaskOf, type LateTask } from './late-tasks';
import { scoreUnits, taskMonthLine, type UnitScore } from './scoring';
import type { TaskFacts, TaskRecord } from './types';
import { decemberReports, januaryReportsFrom, yearEndDeadline } from './year-end-reports';

/** A task as the bulletin reads it: the record and what the ledgers say about it. */
export interface BulletinTask {
  task: TaskRecord;
  facts: TaskFacts;
}

/** Everything a 通报 is computed from: the workbook's tasks, calendar and 规则配置, and the day it is asked on. */
export interface BulletinInput {
  tasks: BulletinTask[];
  cal: WorkCalendar;
  config: RulesConfig;
  /** The workbook's year (its 1月…12月). */
  year: number;
  /** The day the bulletin is made: a month still running is counted up to this day, later months not at all. */
  today: Day;
}

/** Status and card counts of one 分管领导's tasks. */
export interface LeaderCounts {
  leader: string;
  total: number;
  byStatus: Record<Status, number>;
  byCard: Record<Card, number>;
}

/** A task showing a 红牌 (黑榜 lists every one). */
export interface RedCardTask {
  unit: string;
  id: string;
  title: string;
  reason: string;
}

/** One month evaluated as of its last day (or `today` for the running month). */
export interface MonthResult {
  month: number;
  asOf: Day;
  units: UnitScore[];
  leaders: LeaderCounts[];
  redCards: RedCardTask[];
  /** The tasks 逾期 or 滞后 at `asOf`, the longest overdue first. */
  lateTasks: LateTask[];
  byStatus: Record<Status, number>;
  byCard: Record<Card, number>;
  /**
   * December only: its own reports, due on `deadline` next January, counted as of `countedTo` (the day the 通报 is
   * made), or not yet (null) before that deadline has passed (src/domain/year-end-reports.ts).
   */
  decemberReports?: { deadline: Day; countedTo: Day | null };
}

/**
 * Evaluate every task held by then as of the end of `month` (facts dated later left out, items assigned later too)
 * and score its lead unit for the month. December also scores December's own reports, due next January, once their
 * deadline has passed by `input.today`; January leaves out the reports last December's 通报 scored.
 * Returns null for a month that has not begun by `input.today`.
 *
 * @example
 * const october = monthResult(input, 10);
 * october?.units[0]; // { unit: '县发改局', score: 102, rank: 1, … }
 */
export function monthResult(input: BulletinInput, month: number): MonthResult | null {
  const first = dayOf(input.year, month, 1)!;
  if (first > input.today) return null;
  const asOf = Math.min(lastDayOfMonth(input.year, month), input.today);
  const ctx = { today: asOf, cal: input.cal, config: input.config, year: input.year };
  const leaders = new Map<string, LeaderCounts>();
  const byStatus = statusCounts();
  const byCard = cardCounts();
  const redCards: RedCardTask[] = [];
  const lateTasks: LateTask[] = [];
  const yearFrom = januaryReportsFrom(ctx, input.year);
  const yearEnd = month === 12 ? { ...ctx, today: input.today } : null;
  // A unit holds an item from its 交办日期 (seed 003 "交办建台账"): one assigned later is not yet in this month.
  const held = input.tasks.filter(({ task }) => task.assigned === null || task.assigned <= asOf);
  const lines = held.map(function lineOf({ task: row, facts: all }) {
    const task = taskAsOf(row, all, asOf, input.today);
    const facts = factsAsOf(all, asOf);
    const verdict = evaluateTask(task, facts, ctx);
    byStatus[verdict.status]++;
    if (verdict.card) byCard[verdict.card]++;
    const leader = task.leader || '（未填分管领导）';
    let counts = leaders.get(leader);
    if (!counts) leaders.set(leader, (counts = emptyLeader(leader)));
    counts.total++;
    counts.byStatus[verdict.status]++;
    if (verdict.card) counts.byCard[verdict.card]++;
    if (verdict.card === '红牌' && task.leadUnit) {
      redCards.push({ unit: task.leadUnit, id: task.id, title: task.title, reason: verdict.cardReason });
    }
    const late = lateTaskOf(task, facts, verdict);
    if (late) lateTasks.push(late);
    const line = taskMonthLine(task, facts, verdict, ctx, input.year, month, yearFrom);
    const own = yearEnd && decemberReports(task, all, yearEnd, input.year);
    if (own) {
      line.reportsDue += own.due;
      line.missed += own.missed;
      line.late += own.late;
      line.overdueTimesYtd += own.missed + own.late;
    }
    return line;
  });
  const deadline = month === 12 ? yearEndDeadline(ctx, input.year) : null;
  return {
    month,
    asOf,
    units: scoreUnits(lines, input.config),
    leaders: [...leaders.values()].sort((a, b) => a.leader.localeCompare(b.leader, 'zh-CN')),
    redCards,
    lateTasks: lateTasks.sort(byLateness),
    byStatus,
    byCard,
    ...(deadline === null
      ? {}
      : { decemberReports: { deadline, countedTo: input.today > deadline ? input.today : null } }),
  };
}

function emptyLeader(leader: string): LeaderCounts {
  return { leader, total: 0, byStatus: statusCounts(), byCard: cardCounts() };
}

/** Every status at 0, in the order of SPEC §4.1. */
export function statusCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

/** Every card at 0: 红牌, 黄牌, 蓝牌. */
export function cardCounts(): Record<Card, number> {
  return Object.fromEntries(CARDS.map((c) => [c, 0])) as Record<Card, number>;
}
