import type { Card, Status } from '../domain/glossary';
import type { MonthFill } from '../domain/types';

/** Fill colours the system paints (RGB hex). Explained on the template's 使用说明 tab. */
export const STATUS_FILL: Record<Status, string> = {
  已办结: 'C9D9C3', // grey-green
  已调出: 'D9D9D9', // grey
  逾期: 'FF7C80', // red
  临期: 'FFE066', // yellow
  滞后: 'FFB366', // orange
  未启动: 'FFF2CC', // light yellow
  正常推进: 'A9D08E', // green
  数据有误: 'CDB4DB', // purple
};

export const CARD_FILL: Record<Card, string> = { 红牌: 'FF5050', 黄牌: 'FFD966', 蓝牌: '9DC3E6' };

export const MONTH_FILL: Record<Exclude<MonthFill, null>, string> = {
  done: 'C6EFCE', // green
  partial: 'FFF2CC', // light yellow
  missing: 'FFC7CE', // red
};

const OURS = new Set([
  ...Object.values(STATUS_FILL),
  ...Object.values(CARD_FILL),
  ...Object.values(MONTH_FILL),
]);

/** True for a fill the system painted; staff's own fills on month cells are never cleared. */
export function isSystemFill(fill: string | null | undefined): boolean {
  return !!fill && OURS.has(fill.toUpperCase());
}
