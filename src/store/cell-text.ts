import type { Cell } from './port';

/**
 * The text a person sees in a cell, used to match 编号, ledger keys, id fingerprints and header text.
 * @example cellText({ date: '2026-03-31' }) // '2026-03-31'
 * @example cellText({ formula: 'A1&"x"', result: 'ZD-1x' }) // 'ZD-1x'
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if ('date' in cell) return cell.date;
  if ('formula' in cell) return cell.result === null ? '' : String(cell.result);
  return cell.error;
}

/** True when the cell holds nothing a person would call content (whitespace-only text counts as empty). */
export function isBlank(cell: Cell): boolean {
  return cellText(cell).trim() === '';
}
