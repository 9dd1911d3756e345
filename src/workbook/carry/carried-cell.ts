/**
 * A cell of last year's workbook as it is written into the new year's: the same value, except a date typed without
 * its year (3月31日, 年底, 上半年), which the new workbook would read in its own year, is written in full.
 */
import { isoOf } from '../../calendar/day';
import type { Cell } from '../../store/port';
import { parseDateCell } from '../parse-date-cell';
import type { CellValue, ColumnDef } from '../schema/tabs';

/** Columns the rules read as dates: date cells, and the 完成时限 kind typed as text. */
const readsAsDate = (c: ColumnDef): boolean =>
  c.kind === 'date' || c.kind === 'datetime' || c.header.includes('时限');

/**
 * @example
 * carriedCell('12月31日', tabDef('督办台账').columns.find((c) => c.key === '完成时限')!, 2026); // '2026-12-31'
 * carriedCell({ date: '2026-11-02' }, column, 2026); // Date 2026-11-02
 */
export function carriedCell(cell: Cell | undefined, column: ColumnDef, fromYear: number): CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return String(cell);
  if (typeof cell === 'object') {
    if ('date' in cell) return new Date(`${cell.date}T${cell.time ?? '00:00:00'}Z`);
    if ('formula' in cell) return typeof cell.result === 'boolean' ? String(cell.result) : cell.result;
    return null;
  }
  if (!readsAsDate(column)) return cell;
  const read = (year: number) => parseDateCell(cell, { year, cellRef: column.key });
  const then = read(fromYear);
  const now = read(fromYear + 1);
  const moves = then.ok && then.kind === 'date' && now.ok && now.kind === 'date' && then.day !== now.day;
  return moves ? isoOf(then.day) : cell;
}
