import type { DriverName } from '../errors';
import { StoreError } from '../errors';
import type { ApplyResult, Cell, CellWrite, LedgerRows, WritePlan } from '../port';
import type { OpenTab } from './open-tab';
import { RowFinder } from './row-finder';

/**
 * Apply a write plan to grids, re-finding every row by 编号 (or ledger key) at write time.
 * Order: id assignments first (so changes keyed by a freshly assigned 编号 find their row), then cells, text appends
 * and ledger updates. A change whose row, column or tab is gone is skipped and reported, never written elsewhere.
 * The grids are mutated; the driver makes the whole batch all-or-nothing (memory swaps a copy in, xlsx renames a file).
 * @example
 * const result = applyPlanToGrids(plan, (tab) => openTabs.get(tab) ?? null);
 */
export function applyPlanToGrids(
  plan: WritePlan,
  open: (tab: string) => OpenTab | null,
  driver: DriverName = 'memory',
): ApplyResult {
  const result: ApplyResult = { skipped: [], cellsWritten: 0, fillsWritten: 0, idsAssigned: 0 };
  const tabs = new Map<string, RowFinder | null>();
  // The tab last asked for: a plan's changes come tab by tab, thousands to a tab.
  let lastTab: string | null = null;
  let last: RowFinder | null = null;
  const finder = (tab: string): RowFinder | null => {
    if (tab === lastTab) return last;
    if (!tabs.has(tab)) {
      const opened = open(tab);
      tabs.set(tab, opened ? new RowFinder(opened) : null);
    }
    lastTab = tab;
    last = tabs.get(tab)!;
    return last;
  };
  const skip = (tab: string, id: string, reason: string) => result.skipped.push({ tab, id, reason });
  /** A 编号 was written: every finder forgets the row it last found by its hint (row-finder.ts). */
  const forgetHints = () => {
    for (const f of tabs.values()) f?.forgetHint();
  };
  const wrote = (t: RowFinder, column: number) => {
    if (column === t.idColumn) forgetHints();
  };

  for (const assignment of plan.ids) {
    const t = finder(assignment.tab);
    if (!t) skip(assignment.tab, assignment.id, missingTab(assignment.tab));
    else {
      const outcome = t.assignId(assignment);
      if (outcome === 'assigned') {
        result.idsAssigned++;
        forgetHints();
      } else if (outcome !== 'already') skip(assignment.tab, assignment.id, outcome);
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
      wrote(t!, found.column);
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
      wrote(t!, found.column);
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
      wrote(t!, column);
      result.cellsWritten++;
    }
  }

  for (const ledger of plan.rows ?? []) {
    const opened = open(ledger.tab);
    const rows = rowsKept(ledger, result.skipped);
    if (!opened)
      throw new StoreError(driver, `apply: no tab '${ledger.tab}' to append ${rows.length} rows to`);
    result.rowsAppended = (result.rowsAppended ?? 0) + appendRowsToGrid(driver, opened, rows).length;
  }
  return result;
}

/**
 * The rows of `ledger` still to append once `skipped` changes are known: an audit row about a task whose row was
 * deleted before the write would record a change that never happened.
 */
export function rowsKept(ledger: LedgerRows, skipped: ApplyResult['skipped']): LedgerRows['rows'] {
  if (!ledger.about || !skipped.length) return ledger.rows;
  const gone = new Set(skipped.map((s) => s.id));
  return ledger.rows.filter((r) => !gone.has(String(r[ledger.about!] ?? '')));
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
  if (grid.maxRow !== undefined && last + rows.length > grid.maxRow)
    throw tabFull(driver, grid.name, grid.maxRow);
  const styleSource = last > layout.headerRows ? last : 0;
  const landed: number[] = [];
  for (const cells of resolved) {
    const row = ++last;
    if (styleSource && grid.styleRowLike) grid.styleRowLike(row, styleSource);
    for (const { column, value } of cells) if (value !== null) grid.setValue(row, column, value);
    landed.push(row);
  }
  if (landed.length) grid.rowsAppended?.(landed[0]!, landed[landed.length - 1]!);
  return landed;
}

/** Nothing is written: a row past the medium's last would make the workbook unreadable (workbook/row-limit.ts). */
function tabFull(driver: DriverName, tab: string, maxRow: number): StoreError {
  return new StoreError(
    driver,
    `工作表「${tab}」已写到第 ${maxRow.toLocaleString('en-US')} 行，这是 Excel 和 WPS 工作表的最后一行，无法再追加记录。` +
      '工作簿未作任何改动。请把较早的记录剪切到另一个工作簿存档（保留表头）后再扫描。',
  );
}

function missingTab(tab: string): string {
  return `找不到工作表「${tab}」`;
}

function isFormula(cell: Cell): boolean {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}
