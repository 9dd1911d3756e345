import { cellText, isTyped } from './cell-text';
import type { SheetGrid } from './sheet-grid';
import { mapHeaders, normalizeHeader, type HeaderLayout } from './headers';
import type { Cell, Fill, SheetRow, TabData, TabSpec } from '../port';

export interface TabRead {
  data: TabData;
  layout: HeaderLayout;
}

/**
 * Read one tab through its header layout: data rows below the header rows, rows with nothing typed in them skipped.
 * A cell covered by a vertical merge (e.g. one 分管领导 merged down several tasks) reads as its merge's value and fill,
 * so every row carries what staff see; horizontal merges give their value to the first column only.
 * @example
 * const { data, layout } = readTab(grid, { name: '挂图作战表', headerRows: 2, required: ['编号'] });
 */
export function readTab(grid: SheetGrid, spec: TabSpec): TabRead {
  const layout = mapHeaders(grid, spec.name, spec.headerRows, spec.required);
  const columns = layout.keys.map((key) => ({
    key,
    column: layout.columns.get(key)!,
    fills: wantsFill(spec, key),
  }));
  const masters = verticalMergeMasters(grid, spec.headerRows);
  // Every row's records are copies of one record per tab: tens of thousands of rows then share one object shape
  // instead of each being a hash table (what an object becomes when dozens of keys are added one by one).
  const cellsLike = recordOf(columns.map((c) => c.key));
  const fillsLike = recordOf(columns.filter((c) => c.fills).map((c) => c.key));
  const rows: SheetRow[] = [];
  const last = grid.lastRow();
  const valueAt = (r: number, column: number): Cell => {
    const own = grid.value(r, column);
    const source = masters.size ? masters.get(cellKey(r, column)) : undefined;
    return source && own === null ? grid.value(source, column) : own;
  };
  let r = spec.headerRows + 1;
  /** A cell's text of row `r` by header, for `spec.keepRow`: only the cells it asks about are decoded. */
  const textOf = (header: string) => {
    const column = layout.columns.get(header);
    return column === undefined ? '' : cellText(valueAt(r, column));
  };
  for (; r <= last; r++) {
    if (spec.keepRow && !spec.keepRow(textOf)) continue;
    let blank = true;
    const cells: Record<string, Cell> = { ...cellsLike };
    const fills: Record<string, Fill> = { ...fillsLike };
    for (const { key, column, fills: withFill } of columns) {
      const own = grid.value(r, column);
      if (isTyped(own)) blank = false;
      const source = masters.size ? masters.get(cellKey(r, column)) : undefined;
      cells[key] = source && own === null ? grid.value(source, column) : own;
      if (withFill) fills[key] = grid.fill(source ?? r, column);
    }
    if (!blank) rows.push({ row: r, cells, fills });
  }
  return { data: { name: spec.name, headers: layout.keys, rows, lastRow: last }, layout };
}

/** An object with these keys (in this order), all null, in V8's compact shape; see readTab. */
function recordOf(keys: string[]): Record<string, null> {
  return Object.fromEntries(keys.map((key) => [key, null]));
}

function wantsFill(spec: TabSpec, key: string): boolean {
  return spec.fillsOf ? spec.fillsOf(normalizeHeader(key)) : false;
}

/** Key of a cell in the map returned by `verticalMergeMasters`. */
export const cellKey = (row: number, column: number) => row * 16_384 + column;

/** Covered cell → row of its master, for merges in the data area that span rows within one column. */
export function verticalMergeMasters(grid: SheetGrid, headerRows: number): Map<number, number> {
  const masters = new Map<number, number>();
  for (const m of grid.merges()) {
    if (m.bottom <= headerRows || m.bottom === m.top || m.left !== m.right) continue;
    for (let r = Math.max(m.top + 1, headerRows + 1); r <= m.bottom; r++)
      masters.set(cellKey(r, m.left), m.top);
  }
  return masters;
}
