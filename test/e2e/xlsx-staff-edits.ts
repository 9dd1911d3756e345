/**
 * What staff do to a workbook in Excel or WPS, done with exceljs on the file itself: values and styles move with
 * their cells, merges move with their columns.
 */
import type ExcelJS from 'exceljs';

type Merge = { top: number; left: number; bottom: number; right: number };

function merges(ws: ExcelJS.Worksheet): Merge[] {
  const list = Object.values((ws as unknown as { _merges: Record<string, { model: Merge }> })._merges);
  return list.map((m) => ({ ...m.model }));
}

function copy(from: ExcelJS.Cell, to: ExcelJS.Cell): void {
  to.value = from.value;
  to.style = JSON.parse(JSON.stringify(from.style ?? {}));
  to.note = from.note as string;
}

function snapshot(cell: ExcelJS.Cell) {
  return { value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: cell.note };
}

function restore(cell: ExcelJS.Cell, s: ReturnType<typeof snapshot>): void {
  cell.value = s.value;
  cell.style = s.style;
  cell.note = s.note as string;
}

/** Swap two whole columns (e.g. staff drag 年度目标 behind 完成时限); both must be merged alike. */
export function swapColumns(ws: ExcelJS.Worksheet, a: number, b: number): void {
  for (let r = 1; r <= ws.rowCount; r++) {
    const ca = snapshot(ws.getCell(r, a));
    restore(ws.getCell(r, a), snapshot(ws.getCell(r, b)));
    restore(ws.getCell(r, b), ca);
  }
  const wa = ws.getColumn(a).width;
  ws.getColumn(a).width = ws.getColumn(b).width;
  ws.getColumn(b).width = wa;
}

/** Insert a column of the office's own before column `at`, header merged over the header rows. */
export function insertColumn(
  ws: ExcelJS.Worksheet,
  at: number,
  headerRows: number,
  header: string,
  values: string[],
): void {
  const before = merges(ws);
  // Unmerge first: exceljs routes writes into a merged cell to its master.
  for (const m of before) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  const last = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = last; c >= at; c--) copy(ws.getCell(r, c), ws.getCell(r, c + 1));
    ws.getCell(r, at).value = null;
    ws.getCell(r, at).style = {};
  }
  const shifted = before.map((m) =>
    m.left >= at
      ? { ...m, left: m.left + 1, right: m.right + 1 }
      : m.right >= at
        ? { ...m, right: m.right + 1 }
        : m,
  );
  for (const m of shifted) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  if (headerRows > 1) ws.mergeCells(1, at, headerRows, at);
  ws.getCell(1, at).value = header;
  values.forEach((v, i) => (ws.getCell(headerRows + 1 + i, at).value = v));
}

/** Reverse the data rows (a sort), values and styles with them. */
export function reverseRows(ws: ExcelJS.Worksheet, firstRow: number): void {
  const last = ws.actualRowCount;
  const width = ws.columnCount;
  const rows = [];
  for (let r = firstRow; r <= last; r++)
    rows.push(Array.from({ length: width }, (_, c) => snapshot(ws.getCell(r, c + 1))));
  rows.reverse().forEach((cells, i) => cells.forEach((s, c) => restore(ws.getCell(firstRow + i, c + 1), s)));
}

/** Merge a column's cells over several rows (one leader for several items), as staff often do in ledgers. */
export function mergeDown(ws: ExcelJS.Worksheet, column: number, top: number, bottom: number): void {
  for (let r = top + 1; r <= bottom; r++) ws.getCell(r, column).value = null;
  ws.mergeCells(top, column, bottom, column);
}

export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, c) => {
    // The first match: cells under a merge repeat their master's value.
    if (!found && String(cell.value).trim() === header) found = c;
  });
  if (!found) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}
