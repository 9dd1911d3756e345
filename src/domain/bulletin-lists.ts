import type { RedCardTask } from './bulletin-month';
import type { UnitScore } from './scoring';

/** A unit on the 红榜 or 黑榜, with why. */
export interface BoardEntry {
  unit: string;
  rank: number;
  score: number;
  reason: string;
}

/** A unit at the overdue thresholds of seed 003 §四(三). */
export interface ThresholdEntry {
  unit: string;
  times: number;
  action: '全县通报' | '移交纪委监委';
}

/** Seed 003 §四(三): 逾期3次由县政府督查室进行全县通报，逾期5次移交县纪委监委处理. */
export const NOTIFY_TIMES = 3;
export const REFER_TIMES = 5;

/** How many units the 红榜 and the bottom of the 黑榜 hold. */
export const BOARD_SIZE = 3;

/**
 * 红榜: units in the top three ranks that scored above the base (they closed tasks on time) and have no card or
 * overdue task. 黑榜: units in the bottom three ranks that scored below the base, and every unit with a 红牌.
 * `base` is the base score times the months counted.
 *
 * @example
 * boards(units, redCards, 100).blackList[0]; // { unit: '县交通运输局', rank: 19, score: 77, reason: '…' }
 */
export function boards(
  units: UnitScore[],
  redCards: RedCardTask[],
  base: number,
  months = 1,
): { redList: BoardEntry[]; blackList: BoardEntry[] } {
  // A quarter or year sums its months: a task overdue in three months is 3 项次, not 3 items.
  const unit = months > 1 ? '项次' : '项';
  const redList = units
    .filter((u) => u.rank <= BOARD_SIZE && u.score > base && clean(u))
    .map((u) => entry(u, `按期办结${u.closedOnTime}项，无预警、无逾期`));
  const bottom = new Set(bottomOf(units, BOARD_SIZE));
  const redUnits = new Set(redCards.map((r) => r.unit));
  const blackList = units
    .filter((u) => (bottom.has(u.unit) && u.score < base) || redUnits.has(u.unit))
    .sort((a, b) => b.rank - a.rank)
    .map((u) => entry(u, deductions(u, redCards, unit)));
  return { redList, blackList };
}

function clean(u: UnitScore): boolean {
  return u.overdue === 0 && u.cards.红牌 + u.cards.黄牌 + u.cards.蓝牌 === 0;
}

function entry(u: UnitScore, reason: string): BoardEntry {
  return { unit: u.unit, rank: u.rank, score: u.score, reason };
}

/**
 * `逾期2项、督办单1份、红牌1张（DB-2026-002 推进高铁站前广场停车场建设）`; over several months `逾期4项次…红牌事项1项（…）`
 * (the figures summed over the months, the 红牌 tasks each named once).
 */
function deductions(u: UnitScore, redCards: RedCardTask[], unit: '项' | '项次'): string {
  const parts: string[] = [];
  if (u.overdue) parts.push(`逾期${u.overdue}${unit}`);
  if (u.lagging) parts.push(`滞后${u.lagging}${unit}`);
  if (u.missed) parts.push(`缺报${u.missed}次`);
  if (u.late) parts.push(`迟报${u.late}次`);
  if (u.supervisions) parts.push(`督办单${u.supervisions}份`);
  const reds = redCards.filter((r) => r.unit === u.unit);
  const named = reds.map((r) => `${r.id} ${r.title}`.trim()).join('；');
  if (reds.length)
    parts.push(unit === '项' ? `红牌${reds.length}张（${named}）` : `红牌事项${reds.length}项（${named}）`);
  return parts.join('、') || '得分低于基础分';
}

/**
 * Units in the last `n` positions of the ranking; a tie at the boundary takes every unit sharing that rank.
 *
 * @example
 * bottomOf(units, 3); // ['县交通运输局', '城关镇', '县农业农村局']
 */
export function bottomOf(units: UnitScore[], n: number): string[] {
  if (units.length <= n) return units.map((u) => u.unit);
  const boundary = units[units.length - n]!.rank;
  return units.filter((u) => u.rank >= boundary).map((u) => u.unit);
}

/** Units whose missed or late reports this year reach 3 or 5, most first. */
export function overdueThresholds(units: UnitScore[]): ThresholdEntry[] {
  return units
    .filter((u) => u.overdueTimesYtd >= NOTIFY_TIMES)
    .sort((a, b) => b.overdueTimesYtd - a.overdueTimesYtd || a.unit.localeCompare(b.unit, 'zh-CN'))
    .map((u) => ({
      unit: u.unit,
      times: u.overdueTimesYtd,
      action: u.overdueTimesYtd >= REFER_TIMES ? '移交纪委监委' : '全县通报',
    }));
}
