import { cellText } from './cell-text';
import type { DriverName } from './errors';
import { StoreError } from './errors';
import type { SheetGrid } from './grid';
import type { HeaderLayout } from './headers';
import type { ApplyResult, Cell, CellWrite, IdAssignment, WritePlan } from './port';
import { cellKey, verticalMergeMasters } from './read-tab';

/** A tab opened for writing: its grid and the header layout found in it at write time. */
export interface OpenTab {
  grid: SheetGrid;
  layout: HeaderLayout;
}

const ID = '编号';

/**
 * Apply a write plan to grids, re-finding every row by 编号 (or ledger key) at write time.
 * Order: id assignments first (so changes keyed by a freshly assigned 编号 find their row), then cells, text appends
 * and ledger updates. A change whose row, column or tab is gone is skipped and reported, never written elsewhere.
 * The grids are mutated; the driver makes the whole batch all-or-nothing (memory swaps a copy in, xlsx renames a file).
 * @example
 * const result = applyPlanToGrids(plan, (tab) => openTabs.get(tab) ?? null);
 */
export function applyPlanToGrids(plan: WritePlan, open: (tab: string) => OpenTab | null): ApplyResult {
  const result: ApplyResult = { skipped: [], cellsWritten: 0, fillsWritten: 0, idsAssigned: 0 };
  const tabs = new Map<string, RowFinder | null>();
  const finder = (tab: string): RowFinder | null => {
    if (!tabs.has(tab)) {
      const opened = open(tab);
      tabs.set(tab, opened ? new RowFinder(opened) : null);
    }
    return tabs.get(tab)!;
  };
  const skip = (tab: string, id: string, reason: string) => result.skipped.push({ tab, id, reason });

  for (const assignment of plan.ids) {
    const t = finder(assignment.tab);
    if (!t) skip(assignment.tab, assignment.id, missingTab(assignment.tab));
    else {
      const outcome = t.assignId(assignment);
      if (outcome === 'assigned') result.idsAssigned++;
      else if (outcome !== 'already') skip(assignment.tab, assignment.id, outcome);
    }
  }

  for (const change of plan.cells) {
    const t = finder(change.tab);
    const found = t ? t.locate(change.id, change.rowHint, change.column) : missingTab(change.tab);
    if (typeof found === 'string') {
      skip(change.tab, change.id, found);
      continue;
    }
    if (change.value !== undefined) {
      t!.grid.setValue(found.row, found.column, change.value);
      result.cellsWritten++;
    }
    if (change.fill !== undefined) {
      t!.grid.setFill(found.row, found.column, change.fill);
      result.fillsWritten++;
    }
  }

  for (const append of plan.appends) {
    const t = finder(append.tab);
    const found = t ? t.locate(append.id, append.rowHint, append.column) : missingTab(append.tab);
    if (typeof found === 'string') skip(append.tab, append.id, found);
    else if (isFormula(t!.grid.value(found.row, found.column)))
      skip(append.tab, append.id, `「${append.column}」单元格是公式，未追加文字`);
    else {
      t!.grid.appendText(found.row, found.column, append.text);
      result.cellsWritten++;
    }
  }

  for (const update of plan.ledgerUpdates) {
    const t = finder(update.tab);
    const found = t
      ? t.locateByKey(update.keyColumn, update.key, Object.keys(update.values))
      : missingTab(update.tab);
    if (typeof found === 'string') {
      skip(update.tab, update.key, found);
      continue;
    }
    for (const [column, value] of found.columns) {
      t!.grid.setValue(found.row, column, update.values[value]!);
      result.cellsWritten++;
    }
  }
  return result;
}

/**
 * Append rows to a ledger tab below its last non-empty row (a merge hanging below the last value counts as content).
 * Every header named in the rows must exist; otherwise nothing is written and a StoreError is thrown.
 * @example appendRowsToGrid('memory', openTab, [{ 时间: '2026-03-02 08:30', 编号: 'ZD-2026-001' }]) // [7]
 */
export function appendRowsToGrid(
  driver: DriverName,
  { grid, layout }: OpenTab,
  rows: Array<Record<string, CellWrite>>,
): number[] {
  const resolved = rows.map((values) =>
    Object.entries(values).map(([header, value]) => {
      const column = layout.columns.get(header);
      if (column === undefined)
        throw new StoreError(
          driver,
          `append to '${grid.name}': no column '${header}' (headers: ${layout.keys.join(', ')})`,
        );
      return { column, value };
    }),
  );
  let last = Math.max(grid.lastRow(), layout.headerRows);
  for (const m of grid.merges()) last = Math.max(last, m.bottom);
  const styleSource = last > layout.headerRows ? last : 0;
  const landed: number[] = [];
  for (const cells of resolved) {
    const row = ++last;
    if (styleSource && grid.styleRowLike) grid.styleRowLike(row, styleSource);
    for (const { column, value } of cells) if (value !== null) grid.setValue(row, column, value);
    landed.push(row);
  }
  return landed;
}

function missingTab(tab: string): string {
  return `找不到工作表「${tab}」`;
}

function isFormula(cell: Cell): boolean {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

const norm = (text: string) => text.trim();

/** Finds rows of one tab by 编号 or by a ledger key; indexes are built once per tab and kept current as ids land. */
class RowFinder {
  readonly grid: SheetGrid;
  private readonly layout: HeaderLayout;
  private readonly masters: Map<number, number>;
  private readonly indexes = new Map<number, Map<string, number[]>>();

  constructor({ grid, layout }: OpenTab) {
    this.grid = grid;
    this.layout = layout;
    this.masters = verticalMergeMasters(grid, layout.headerRows);
  }

  /** Row and column of `column` in the row whose 编号 is `id`, trying `rowHint` first; a string is the skip reason. */
  locate(id: string, rowHint: number, column: string): { row: number; column: number } | string {
    const col = this.layout.columns.get(column);
    if (col === undefined) return `缺少列「${column}」`;
    const row = this.findById(id, rowHint);
    return typeof row === 'string' ? row : { row, column: col };
  }

  locateByKey(
    keyColumn: string,
    key: string,
    headers: string[],
  ): { row: number; columns: Array<[number, string]> } | string {
    const keyCol = this.layout.columns.get(keyColumn);
    if (keyCol === undefined) return `缺少列「${keyColumn}」`;
    const columns: Array<[number, string]> = [];
    for (const header of headers) {
      const col = this.layout.columns.get(header);
      if (col === undefined) return `缺少列「${header}」`;
      columns.push([col, header]);
    }
    const rows = this.index(keyCol).get(norm(key));
    // Ledgers are append-only: when a key repeats, the latest row is the live one.
    if (!rows?.length) return `找不到「${keyColumn}」为「${key}」的行`;
    return { row: rows[rows.length - 1]!, columns };
  }

  assignId(a: IdAssignment): 'assigned' | 'already' | string {
    const idCol = this.layout.columns.get(ID);
    if (idCol === undefined) return `缺少列「${ID}」`;
    const index = this.index(idCol);
    const holders = index.get(norm(a.id)) ?? [];
    if (holders.includes(a.row) && holders.length === 1) return 'already';
    if (holders.length) return `编号「${a.id}」已被第 ${holders.join('、')} 行使用`;
    const row = this.matchFingerprint(a, idCol);
    if (row === null) return `第 ${a.row} 行内容已变化，未写入编号`;
    this.grid.setValue(row, idCol, a.id);
    index.set(norm(a.id), [row]);
    return 'assigned';
  }

  private findById(id: string, hint: number): number | string {
    const idCol = this.layout.columns.get(ID);
    if (idCol === undefined) return `缺少列「${ID}」`;
    if (hint > this.layout.headerRows && norm(this.text(hint, idCol)) === norm(id)) {
      const rows = this.index(idCol).get(norm(id));
      if (!rows || rows.length === 1) return hint;
    }
    const rows = this.index(idCol).get(norm(id));
    if (!rows?.length) return `编号「${id}」的行已不存在（可能被删除或改了编号）`;
    if (rows.length > 1) return `编号「${id}」重复出现在第 ${rows.join('、')} 行`;
    return rows[0]!;
  }

  /** The row without 编号 whose cells still read as the fingerprint; the planned row first, then a unique match elsewhere. */
  private matchFingerprint(a: IdAssignment, idCol: number): number | null {
    const entries = Object.entries(a.fingerprint).map(
      ([h, text]) => [this.layout.columns.get(h), norm(text)] as const,
    );
    if (entries.some(([col]) => col === undefined)) return null;
    const matches = (row: number) =>
      norm(this.text(row, idCol)) === '' &&
      entries.every(([col, text]) => norm(this.text(row, col!)) === text);
    if (a.row > this.layout.headerRows && matches(a.row)) return a.row;
    let found: number | null = null;
    const last = this.grid.lastRow();
    for (let r = this.layout.headerRows + 1; r <= last; r++) {
      if (!matches(r)) continue;
      if (found !== null) return null;
      found = r;
    }
    return found;
  }

  private text(row: number, column: number): string {
    const own = this.grid.value(row, column);
    const master = own === null ? this.masters.get(cellKey(row, column)) : undefined;
    return cellText(master === undefined ? own : this.grid.value(master, column));
  }

  private index(column: number): Map<string, number[]> {
    let index = this.indexes.get(column);
    if (!index) {
      index = new Map();
      const last = this.grid.lastRow();
      for (let r = this.layout.headerRows + 1; r <= last; r++) {
        const key = norm(this.text(r, column));
        if (key === '') continue;
        const rows = index.get(key);
        if (rows) rows.push(r);
        else index.set(key, [r]);
      }
      this.indexes.set(column, index);
    }
    return index;
  }
}
