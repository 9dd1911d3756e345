/**
 * Convert between the plain workbook description (`MemoryWorkbook`) and .xlsx files: used by the contract suite to
 * build and inspect xlsx fixtures and to simulate a staff member saving the file from WPS.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { addressOf, columnLetter, parseRange, rangeText } from '../../src/store/grid/a1';
import type { Cell } from '../../src/store/port';
import type { FixtureTab, MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import { fillStyle, mergesOf, xlsxGrid } from '../../src/store/drivers/xlsx/xlsx-grid';
import { loadWorkbook } from '../../src/store/drivers/xlsx/xlsx';

/**
 * Write a described workbook to an .xlsx file (real date cells for `{ date }`, formulas with cached results).
 * @example await writeFixtureXlsx('/tmp/t.xlsx', { tabs: [{ name: '通讯录', rows: [['姓名', '邮箱']] }] })
 */
export async function writeFixtureXlsx(file: string, workbook: MemoryWorkbook): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  for (const tab of workbook.tabs) fillWorksheet(wb.addWorksheet(tab.name), tab);
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Put a described tab into an exceljs worksheet. */
export function fillWorksheet(ws: ExcelJS.Worksheet, tab: FixtureTab): void {
  tab.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = excelValue(cell);
      if (typeof cell === 'object' && 'date' in cell)
        target.numFmt = cell.time ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
    }),
  );
  for (const [address, fill] of Object.entries(tab.fills ?? {})) {
    const cell = ws.getCell(address);
    cell.style = { ...cell.style, fill: fillStyle(fill) };
  }
  for (const range of tab.merges ?? []) {
    const { top, left, bottom, right } = parseRange(range);
    ws.mergeCells(top, left, bottom, right);
  }
  for (const letter of tab.hiddenColumns ?? []) ws.getColumn(letter).hidden = true;
}

/**
 * Read an .xlsx file back into the plain description, normalised like the memory driver's dump.
 * @example expect(await readFixtureXlsx(file)).toEqual(normalizeWorkbook(fixture))
 */
export async function readFixtureXlsx(file: string): Promise<MemoryWorkbook> {
  const wb = await loadWorkbook(file, await readFile(file));
  return { tabs: wb.worksheets.map(describeWorksheet) };
}

function describeWorksheet(ws: ExcelJS.Worksheet): Required<FixtureTab> {
  const grid = xlsxGrid(ws);
  const width = ws.columnCount;
  const rows: Cell[][] = [];
  const fills: Record<string, string> = {};
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      row.push(grid.value(r, c));
      const fill = grid.fill(r, c);
      if (fill) fills[addressOf(r, c)] = fill;
    }
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  const hiddenColumns: string[] = [];
  for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(columnLetter(c));
  return { name: ws.name, rows, fills, merges: mergesOf(ws).map(rangeText).sort(), hiddenColumns };
}

function excelValue(cell: Exclude<Cell, null>): ExcelJS.CellValue {
  if (typeof cell !== 'object') return cell;
  if ('date' in cell) return new Date(`${cell.date}T${cell.time ?? '00:00:00'}Z`);
  if ('formula' in cell)
    return { formula: cell.formula, result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
  return { error: cell.error } as ExcelJS.CellErrorValue;
}
