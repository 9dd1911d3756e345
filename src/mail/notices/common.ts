import { cnFullDate, type Day } from '../../calendar/day';
import { provisionalNote as calendarNote } from '../../calendar/provisional-note';

/** Full-width space: official documents indent paragraphs by two of them. */
export const INDENT = '\u3000\u3000';

/**
 * The calendar's provisional-year note as a sentence of a notice.
 *
 * @example
 * provisionalNote([2027]); // '注：2027年国务院节假日安排尚未录入，工作日暂按法定节日推算。'
 */
export function provisionalNote(years: readonly number[] | undefined): string | null {
  const note = calendarNote(years);
  return note && `${note}。`;
}

/** A title fit for a subject line: one line, at most `max` characters (the body keeps the whole title). */
export function shortTitle(title: string, max = 40): string {
  const line = title.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`;
}

/** `2026年3月21日`, or the text staff wrote for a deadline without a date (`长期`). */
export function dateOrText(day: Day | undefined, text?: string): string | null {
  if (day !== undefined) return cnFullDate(day);
  return text?.trim() ? text.trim() : null;
}

/** `王五、李四` */
export function joinNames(names: readonly string[]): string {
  return names.filter((n) => n.trim() !== '').join('、');
}

/** 状态 in the order a reader needs them: the worst first (SPEC §4.1); unknown values sort last, as typed. */
export const STATUS_ORDER = [
  '逾期',
  '临期',
  '滞后',
  '未启动',
  '数据有误',
  '正常推进',
  '已办结',
  '已调出',
] as const;

export function statusRank(status: string): number {
  const i = (STATUS_ORDER as readonly string[]).indexOf(status);
  return i < 0 ? STATUS_ORDER.length : i;
}

export const CARD_ORDER = ['红牌', '黄牌', '蓝牌'] as const;

/** `逾期1项、临期2项` for the statuses present, worst first. */
export function countsLine(values: readonly string[], order: readonly string[], unit = '项'): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => rankIn(order, a) - rankIn(order, b));
  return keys.map((k) => `${k}${counts.get(k)}${unit}`).join('、');
}

function rankIn(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}
