import type { Cell } from '../port';

/**
 * The text a person sees in a cell, used to match 编号, ledger keys, id fingerprints and header text.
 * @example cellText({ date: '2026-03-31' }) // '2026-03-31'
 * @example cellText({ date: '2026-12-03', time: '14:05:09' }) // '2026-12-03 14:05:09', as the system's stamps read
 * @example cellText({ formula: 'A1&"x"', result: 'ZD-1x' }) // 'ZD-1x'
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if ('date' in cell) return cell.time ? `${cell.date} ${cell.time}` : cell.date;
  if ('formula' in cell) return cell.result === null ? '' : String(cell.result);
  return cell.error;
}

/** True when the cell holds nothing a person would call content (whitespace-only text counts as empty). */
export function isBlank(cell: Cell): boolean {
  return cellText(cell).trim() === '';
}

/**
 * True when the cell holds something a person typed: not blank and not a formula. A row of only formulas
 * (序号 = ROW()-2 filled down a template) is an empty row to the store: it is skipped on read and appended over.
 */
export function isTyped(cell: Cell): boolean {
  return !isBlank(cell) && !(typeof cell === 'object' && cell !== null && 'formula' in cell);
}

/**
 * A number shown with a percent format, as the clerk typed and sees it: `60%` is stored as 0.6 by Excel, WPS and
 * Google Sheets alike, and read as the number it would be 进度 0.6%.
 * @example percentText(0.6) // '60%'
 */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}
