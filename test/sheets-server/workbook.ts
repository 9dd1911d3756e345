/**
 * Bridges between the store contract's plain workbook (MemoryWorkbook, StaffEdit) and the local Sheets server:
 * seed a spreadsheet from a fixture, replay staff edits, dump the spreadsheet back as plain data.
 */
import { addressOf } from '../../src/store/grid/a1';
import { cellText } from '../../src/store/grid/cell-text';
import type { Cell } from '../../src/store/port';
import type { StaffEdit } from '../store/staff-edits';
import { fixtureFromGrid, type GridTab, type MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import { parseAddress } from '../../src/store/grid/a1';
import { fillOfCell, type CellRec, type SpreadsheetRec } from './model';
import type { SeedCell, SeedSpreadsheet, SeedValue } from './seed';
import type { SheetsServer } from './server';

function seedValueOf(cell: Cell): SeedValue {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('date' in cell) return { date: cell.date };
  if ('formula' in cell) return { formula: `=${cell.formula}` };
  return cell.error;
}

/** A seed for the local server from a contract fixture. */
export function seedOfWorkbook(
  workbook: MemoryWorkbook,
  extra: Partial<SeedSpreadsheet> = {},
): SeedSpreadsheet {
  return {
    ...extra,
    sheets: workbook.tabs.map((tab) => {
      const rows: SeedCell[][] = tab.rows.map((row) => row.map(seedValueOf));
      for (const [address, fill] of Object.entries(tab.fills ?? {})) {
        const { row, column } = parseAddress(address);
        const r = (rows[row - 1] ??= []);
        while (r.length < column) r.push(null);
        r[column - 1] = { value: r[column - 1] as SeedValue, fill: fill.toUpperCase() };
      }
      return { title: tab.name, rows, merges: tab.merges ?? [], hiddenColumns: tab.hiddenColumns ?? [] };
    }),
  };
}

const EPOCH_1899 = Date.UTC(1899, 11, 30);

function cellOfRec(rec: CellRec | undefined): Cell {
  const v = rec?.userEnteredValue;
  if (!v) return null;
  if (typeof v.formulaValue === 'string') return { formula: v.formulaValue.replace(/^=/, ''), result: null };
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.numberValue === 'number') {
    const type = rec?.userEnteredFormat?.numberFormat?.type;
    if (type === 'DATE' || type === 'DATE_TIME')
      return {
        date: new Date(EPOCH_1899 + Math.floor(v.numberValue) * 86_400_000).toISOString().slice(0, 10),
      };
    return v.numberValue;
  }
  return null;
}

/** The spreadsheet as plain data, normalised like the memory driver's dump. */
export function dumpSpreadsheet(ss: SpreadsheetRec): MemoryWorkbook {
  return {
    tabs: ss.sheets.map((sheet) => {
      const grid: GridTab = {
        name: sheet.properties.title,
        cells: sheet.rows.map((row) => row.cells.map(cellOfRec)),
        fills: sheet.rows.map((row) => row.cells.map(fillOfCell)),
        merges: sheet.merges.map((m) => ({
          top: (m.startRowIndex ?? 0) + 1,
          left: (m.startColumnIndex ?? 0) + 1,
          bottom: m.endRowIndex ?? 0,
          right: m.endColumnIndex ?? 0,
        })),
        hidden: new Set(sheet.cols.flatMap((c, i) => (c.hiddenByUser ? [i + 1] : []))),
      };
      return fixtureFromGrid(grid);
    }),
  };
}

/** Replay a contract StaffEdit on the server, as a person in the browser would do it. */
export function applyStaffEditOnServer(
  server: SheetsServer,
  spreadsheetId: string,
  tab: string,
  edit: StaffEdit,
): void {
  const staff = server.staff(spreadsheetId);
  switch (edit.kind) {
    case 'setCell':
      return staff.set(tab, edit.cell, seedValueOf(edit.value));
    case 'setFill':
      return staff.setFill(tab, edit.cell, edit.fill);
    case 'sortRows':
      return staff.sortRows(tab, edit.column, edit.firstRow, edit.descending ? 'DESCENDING' : 'ASCENDING');
    case 'insertRowAbove':
      staff.insertRow(tab, edit.row);
      (edit.values ?? []).forEach((v, c) => staff.set(tab, addressOf(edit.row, c + 1), seedValueOf(v)));
      return;
    case 'deleteRow':
      return staff.deleteRow(tab, edit.row);
    case 'deleteRowWithId': {
      const ss = server.state.spreadsheets.get(spreadsheetId)!;
      const sheet = ss.sheets.find((s) => s.properties.title === tab)!;
      const index = sheet.rows.findIndex((row) => row.cells.some((c) => cellText(cellOfRec(c)) === edit.id));
      if (index < 0) throw new Error(`no row holds ${edit.id}`);
      return staff.deleteRow(tab, index + 1);
    }
    case 'moveColumn':
      return staff.moveColumn(tab, edit.from, edit.before);
    case 'insertColumnBefore':
      staff.insertColumn(tab, edit.column);
      (edit.values ?? []).forEach((v, r) => staff.set(tab, `${edit.column}${r + 1}`, seedValueOf(v)));
      return;
    case 'hideColumn':
      return staff.hideColumn(tab, edit.column);
  }
}
