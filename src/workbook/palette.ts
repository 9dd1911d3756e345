import type { Card, Status } from '../domain/glossary';
import type { MonthFill } from '../domain/types';

/**
 * Fill colours the system paints (RGB hex), explained on the template's 使用说明 tab. Chosen so every status, card
 * and month state differs from the others in its column also for people with protanopia or deuteranopia, and black
 * text stays readable on each (test/workbook/palette.test.ts checks both).
 */
export const STATUS_FILL: Record<Status, string> = {
  已办结: 'B4CFC0', // grey-green
  已调出: 'A6A6A6', // grey
  待办结审批: '8CA5BF', // blue-grey
  逾期: 'F0606A', // red
  临期: 'FFE34D', // yellow
  滞后: 'F4A259', // orange
  未启动: 'EFDDBE', // beige
  正常推进: '92D39E', // green
  数据有误: 'D5B8E8', // lilac
};

export const CARD_FILL: Record<Card, string> = { 红牌: 'FF5B5B', 黄牌: 'FFB000', 蓝牌: '6FA0DC' };

export const MONTH_FILL: Record<Exclude<MonthFill, null>, string> = {
  done: 'D8F2D0', // light green
  partial: 'FFF4B0', // pale yellow
  missing: 'F8B4BC', // pink
};

/** What each fill is called on the 使用说明 legend and in 审计日志 (a clerk reads 红色, not F0606A). */
export const FILL_NAMES: Record<string, string> = {
  [STATUS_FILL.已办结]: '灰绿（已办结）',
  [STATUS_FILL.已调出]: '灰色（已调出）',
  [STATUS_FILL.待办结审批]: '蓝灰（待办结审批）',
  [STATUS_FILL.逾期]: '红色（逾期）',
  [STATUS_FILL.临期]: '黄色（临期）',
  [STATUS_FILL.滞后]: '橙色（滞后）',
  [STATUS_FILL.未启动]: '米色（未启动）',
  [STATUS_FILL.正常推进]: '绿色（正常推进）',
  [STATUS_FILL.数据有误]: '淡紫（数据有误）',
  [CARD_FILL.红牌]: '红色（红牌）',
  [CARD_FILL.黄牌]: '琥珀色（黄牌）',
  [CARD_FILL.蓝牌]: '蓝色（蓝牌）',
  [MONTH_FILL.done]: '浅绿（当月已完成）',
  [MONTH_FILL.partial]: '浅黄（当月部分完成）',
  [MONTH_FILL.missing]: '粉红（当月未完成或未反馈）',
};

/** Fills earlier versions painted: still the system's, so a month cell painted by an older scan can be cleared. */
const LEGACY_FILLS = [
  'C9D9C3',
  'D9D9D9',
  'FF7C80',
  'FFE066',
  'FFB366',
  'FFF2CC',
  'A9D08E',
  'CDB4DB',
  'FF5050',
  'FFD966',
  '9DC3E6',
  'C6EFCE',
  'FFC7CE',
];

const OURS = new Set([
  ...Object.values(STATUS_FILL),
  ...Object.values(CARD_FILL),
  ...Object.values(MONTH_FILL),
  ...LEGACY_FILLS,
]);

/** True for a fill the system painted; staff's own fills on month cells are never cleared. */
export function isSystemFill(fill: string | null | undefined): boolean {
  return !!fill && OURS.has(fill.toUpperCase());
}

/**
 * A fill as a clerk reads it in 审计日志: its colour name, `无` for none, `其他颜色 #ABCDEF` for one staff chose.
 *
 * @example fillName('F0606A'); // '红色（逾期）'
 */
export function fillName(fill: string | null | undefined): string {
  if (!fill) return '无';
  const hex = fill.toUpperCase();
  return FILL_NAMES[hex] ?? (LEGACY_FILLS.includes(hex) ? `旧版底色 #${hex}` : `其他颜色 #${hex}`);
}
