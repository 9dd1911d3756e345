/**
 * Staff edits described plainly, so the contract suite can simulate what people do in the sheet between a read and a
 * write on any driver: memory applies them to its arrays, xlsx rewrites the file, google maps them to batchUpdate
 * requests (sortRange, insertDimension, deleteDimension, moveDimension, updateCells, updateDimensionProperties).
 * Rows are 1-based sheet rows, columns are letters as staff see them.
 */
import { columnNumber, type CellRange } from '../../src/store/grid/a1';
import { cellText } from '../../src/store/grid/cell-text';
import type { Cell, Fill } from '../../src/store/port';
import type { GridTab } from '../../src/store/drivers/memory/workbook-model';
import { copyCell } from '../../src/store/drivers/memory/workbook-model';

export type StaffEdit =
  | { kind: 'setCell'; cell: string; value: Cell }
  | { kind: 'setFill'; cell: string; fill: Fill }
  /** Sort the rows from `firstRow` to the last by the text of `column` (numbers compare as numbers). */
  | { kind: 'sortRows'; firstRow: number; column: string; descending?: boolean }
  | { kind: 'insertRowAbove'; row: number; values?: Cell[] }
  | { kind: 'deleteRow'; row: number }
  /** Delete the first row holding a cell whose text is exactly `id`. */
  | { kind: 'deleteRowWithId'; id: string }
  /** Move column `from` so it lands before column `before` (letters as they are before the move), like dragging it. */
  | { kind: 'moveColumn'; from: string; before: string }
  /** Insert a column before `column`, with `values` from row 1 down (e.g. a header staff typed). */
  | { kind: 'insertColumnBefore'; column: string; values?: Cell[] }
  | { kind: 'hideColumn'; column: string };

/**
 * Apply a staff edit to an in-memory tab.
 * @example applyStaffEdit(tab, { kind: 'sortRows', firstRow: 3, column: 'B', descending: true })
 */
export function applyStaffEdit(tab: GridTab, edit: StaffEdit): void {
  switch (edit.kind) {
    case 'setCell':
    case 'setFill': {
      const m = /^([A-Z]+)(\d+)$/i.exec(edit.cell);
      if (!m) throw new Error(`invalid cell ${edit.cell}`);
      const row = Number(m[2]);
      const column = columnNumber(m[1]!);
      if (edit.kind === 'setCell') at(tab.cells, row)[column - 1] = copyCell(edit.value);
      else at(tab.fills, row)[column - 1] = edit.fill;
      return;
    }
    case 'sortRows':
      return sortRows(tab, edit.firstRow, columnNumber(edit.column), edit.descending ?? false);
    case 'insertRowAbove':
      tab.cells.splice(edit.row - 1, 0, (edit.values ?? []).map(copyCell));
      tab.fills.splice(edit.row - 1, 0, []);
      tab.merges = shiftMerges(tab.merges, 'row', edit.row, 1);
      return;
    case 'deleteRow':
      return deleteRow(tab, edit.row);
    case 'deleteRowWithId': {
      const index = tab.cells.findIndex((row) => row?.some((c) => cellText(c ?? null) === edit.id));
      if (index < 0) throw new Error(`no row holds ${edit.id}`);
      return deleteRow(tab, index + 1);
    }
    case 'moveColumn':
      return moveColumn(tab, columnNumber(edit.from), columnNumber(edit.before));
    case 'insertColumnBefore': {
      const column = columnNumber(edit.column);
      const rows = Math.max(tab.cells.length, edit.values?.length ?? 0);
      for (let r = 1; r <= rows; r++) {
        spliceAt(at(tab.cells, r), column, copyCell(edit.values?.[r - 1] ?? null));
        if (tab.fills[r - 1]) spliceAt(tab.fills[r - 1]!, column, null);
      }
      tab.merges = shiftMerges(tab.merges, 'column', column, 1);
      tab.hidden = new Set([...tab.hidden].map((c) => (c >= column ? c + 1 : c)));
      return;
    }
    case 'hideColumn':
      tab.hidden.add(columnNumber(edit.column));
      return;
  }
}

function at<T>(grid: T[][], row: number): T[] {
  for (let r = grid.length; r < row; r++) grid[r] ??= [];
  return (grid[row - 1] ??= []);
}

function spliceAt<T>(row: T[], column: number, value: T): void {
  while (row.length < column - 1) row.push(null as T);
  row.splice(column - 1, 0, value);
}

function sortRows(tab: GridTab, firstRow: number, column: number, descending: boolean): void {
  const entries = tab.cells.slice(firstRow - 1).map((cells, i) => ({
    cells: cells ?? [],
    fills: tab.fills[firstRow - 1 + i] ?? [],
    text: cellText(cells?.[column - 1] ?? null),
  }));
  const collator = new Intl.Collator('zh', { numeric: true });
  entries.sort((a, b) => {
    if ((a.text === '') !== (b.text === '')) return a.text === '' ? 1 : -1; // blanks last, as spreadsheets do
    const order = collator.compare(a.text, b.text);
    return descending ? -order : order;
  });
  entries.forEach((e, i) => {
    tab.cells[firstRow - 1 + i] = e.cells;
    tab.fills[firstRow - 1 + i] = e.fills;
  });
}

function deleteRow(tab: GridTab, row: number): void {
  tab.cells.splice(row - 1, 1);
  tab.fills.splice(row - 1, 1);
  tab.merges = shiftMerges(
    tab.merges.filter((m) => !(m.top === row && m.bottom === row)),
    'row',
    row + 1,
    -1,
  );
}

function moveColumn(tab: GridTab, from: number, before: number): void {
  const target = before > from ? before - 1 : before;
  const move = <T>(row: T[] | undefined) => {
    if (!row) return;
    while (row.length < Math.max(from, target)) row.push(null as T);
    const [value] = row.splice(from - 1, 1);
    row.splice(target - 1, 0, value as T);
  };
  tab.cells.forEach(move);
  tab.fills.forEach(move);
  const map = (c: number) => {
    if (c === from) return target;
    if (from < target && c > from && c <= target) return c - 1;
    if (target < from && c >= target && c < from) return c + 1;
    return c;
  };
  tab.merges = tab.merges.flatMap((m) => {
    const left = map(m.left);
    const right = map(m.right);
    return right - left === m.right - m.left ? [{ ...m, left, right }] : [];
  });
  tab.hidden = new Set([...tab.hidden].map(map));
}

function shiftMerges(merges: CellRange[], axis: 'row' | 'column', from: number, by: number): CellRange[] {
  const [start, end] = axis === 'row' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
  return merges.map((m) => {
    const next = { ...m };
    if (m[start] >= from) next[start] += by;
    if (m[end] >= from) next[end] += by;
    return next;
  });
}
