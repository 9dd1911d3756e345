import type ExcelJS from 'exceljs';

/** Points per line of wrapped 10–11 pt text, and Excel's largest row height. */
const LINE_POINTS = 13.5;
const MAX_HEIGHT = 409;

/** Width of text in Excel column units: a CJK character takes about two. */
function unitsOf(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1.1;
  return units;
}

function wraps(cell: ExcelJS.Cell, ws: ExcelJS.Worksheet, column: number): boolean {
  return cell.alignment?.wrapText ?? ws.getColumn(column).alignment?.wrapText ?? false;
}

/** Lines a wrapped cell needs in its column. */
function linesOf(cell: ExcelJS.Cell, width: number): number {
  const text = typeof cell.value === 'string' ? cell.value : cell.text;
  if (!text) return 1;
  return text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(unitsOf(line) / Math.max(1, width - 1))), 0);
}

/**
 * Grow a row so the wrapped cell just written shows all its lines (a multi-line 系统提示 was cut at the template's
 * fixed height). Only grows: other cells of the row may need the height it has. O(1) per write.
 * @example fitRowHeight(ws, 7, 12);
 */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: number, column: number): void {
  const cell = ws.getCell(row, column);
  if (!wraps(cell, ws, column)) return;
  const lines = linesOf(cell, ws.getColumn(column).width ?? 9);
  if (lines <= 1) return;
  const r = ws.getRow(row);
  const needed = Math.min(MAX_HEIGHT, Math.ceil(lines * LINE_POINTS + 4));
  if (needed > (r.height ?? 15)) r.height = needed;
}
