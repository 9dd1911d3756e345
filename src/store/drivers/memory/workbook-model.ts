/**
 * A driver-neutral description of a workbook — the fixture format of the store contract suite and the memory driver's
 * dump — and the grid form the memory driver and the staff-edit simulator work on.
 */
import {
  columnLetter,
  columnNumber,
  parseAddress,
  parseRange,
  rangeText,
  addressOf,
  type CellRange,
} from '../../grid/a1';
import type { Cell, Fill, TabWrite } from '../../port';

/** One tab described plainly: rows from sheet row 1, each row's cells from column A. */
export interface FixtureTab {
  name: string;
  rows: Cell[][];
  /** Fills by A1 address, 6-hex RGB: `{ C3: 'FF0000' }`. */
  fills?: Record<string, string>;
  /** Merged ranges in A1 notation: `['A1:A2', 'M1:N1']`. */
  merges?: string[];
  /** Hidden columns by letter: `['D']`. */
  hiddenColumns?: string[];
}

/**
 * A whole workbook as plain data.
 * @example
 * const wb: MemoryWorkbook = { tabs: [{ name: '反馈记录', rows: [['时间', '编号', '完成情况']] }] };
 */
export interface MemoryWorkbook {
  tabs: FixtureTab[];
}

/** A tab as 1-based-addressable arrays (index 0 = row/column 1). */
export interface GridTab {
  name: string;
  cells: Cell[][];
  fills: Fill[][];
  merges: CellRange[];
  hidden: Set<number>;
}

/** The grid form of a fixture tab (deep copy). */
export function gridFromFixture(tab: FixtureTab): GridTab {
  const fills: Fill[][] = [];
  for (const [address, fill] of Object.entries(tab.fills ?? {})) {
    const { row, column } = parseAddress(address);
    (fills[row - 1] ??= [])[column - 1] = fill.toUpperCase();
  }
  return {
    name: tab.name,
    cells: tab.rows.map((row) => row.map(copyCell)),
    fills,
    merges: (tab.merges ?? []).map(parseRange),
    hidden: new Set((tab.hiddenColumns ?? []).map(columnNumber)),
  };
}

/** The fixture form of a grid tab, normalised: trailing empty cells and rows dropped, every field present. */
export function fixtureFromGrid(tab: GridTab): Required<FixtureTab> {
  const rows = tab.cells.map((row) => trimTrailing(Array.from(row, (c) => copyCell(c ?? null))));
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  const fills: Record<string, string> = {};
  tab.fills.forEach((row, r) => {
    row?.forEach((fill, c) => {
      if (fill) fills[addressOf(r + 1, c + 1)] = fill;
    });
  });
  return {
    name: tab.name,
    rows,
    fills,
    merges: tab.merges.map(rangeText).sort(),
    hiddenColumns: [...tab.hidden].sort((a, b) => a - b).map(columnLetter),
  };
}

/** A fixture normalised the way drivers dump it, so fixtures and dumps compare with `toEqual`. */
export function normalizeWorkbook(workbook: MemoryWorkbook): MemoryWorkbook {
  return { tabs: workbook.tabs.map((tab) => fixtureFromGrid(gridFromFixture(tab))) };
}

export function copyCell(cell: Cell): Cell {
  return cell !== null && typeof cell === 'object' ? { ...cell } : cell;
}

function trimTrailing(row: Cell[]): Cell[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end--;
  return row.slice(0, end);
}

/** A whole-tab write as a fixture tab (widths and bold rows are presentation the memory driver does not keep). */
export function fixtureOfTabWrite(tab: TabWrite): FixtureTab {
  return { name: tab.name, rows: tab.rows, fills: tab.fills ?? {}, merges: tab.merges ?? [] };
}
