/**
 * The workbook as a link page sees it: one read of every tab, the task's entry, and the same snapshot with an
 * answer laid in (a 反馈记录 row, the appended 完成情况, an approved 延期申请), so the task's row can be recomputed and
 * recoloured at once with the scan's own rules — one read and one batched write, not a full scan.
 */
import { beijingStamp } from '../../calendar/beijing-clock';
import { shanghaiDayOf } from '../../calendar/day';
import { evaluateTask } from '../../domain/evaluate-task';
import { entryIndexOf } from '../../scan/entry-index';
import type { TaskVerdict } from '../../domain/types';
import type { Cell, CellChange, CellWrite, SheetRow, SheetStore, Snapshot, TabSpec } from '../../store/port';
import type { AuditRow } from '../../workbook/audit';
import { buildPlan } from '../../workbook/plan';
import { readSettings, type WorkbookSettings } from '../../workbook/read-settings';
import { readWorkbook, ruleContextOf, type TaskEntry, type WorkbookModel } from '../../workbook/read-workbook';
import { RUN_SPECS } from '../../workbook/schema/tabs';

export interface WorkbookState {
  snapshot: Snapshot;
  settings: WorkbookSettings;
  model: WorkbookModel;
  now: Date;
  /** `YYYY-MM-DD HH:mm:ss` Beijing time of `now`, for ledger and audit rows. */
  stamp: string;
}

/** One read of the whole workbook (the 审计日志's marker rows only, unless `specs` says more), as of `now`. */
export async function readState(
  store: SheetStore,
  now: Date,
  specs: readonly TabSpec[] = RUN_SPECS,
): Promise<WorkbookState> {
  const snapshot = await store.read([...specs]);
  return stateOf(snapshot, now);
}

export function stateOf(snapshot: Snapshot, now: Date, settings?: WorkbookSettings): WorkbookState {
  const today = shanghaiDayOf(now);
  const s = settings ?? readSettings(snapshot, today);
  return { snapshot, settings: s, model: readWorkbook(snapshot, today, s), now, stamp: beijingStamp(now) };
}

/** The first task of a 编号 (through the index built once per workbook read, entry-index.ts). */
export function entryOf(model: WorkbookModel, id: string): TaskEntry | undefined {
  return model.entries[entryIndexOf(model, id)];
}

/** The task's verdict as the scan would compute it now. */
export function verdictOf(state: WorkbookState, entry: TaskEntry): TaskVerdict {
  const { model } = state;
  const ctx = ruleContextOf(model);
  return evaluateTask(entry.task, entry.facts, ctx, entry.priorCard);
}

/**
 * The system cells of one task's row after an answer: the snapshot with the answer laid in is read again, the task
 * evaluated by the scan's rules, and the changed cells and fills planned with their audit rows.
 */
export function recomputeRow(
  state: WorkbookState,
  answered: Snapshot,
  id: string,
): { cells: CellChange[]; audit: AuditRow[]; verdict: TaskVerdict | null } {
  const after = stateOf(answered, state.now, state.settings);
  const entry = entryOf(after.model, id);
  if (!entry) return { cells: [], audit: [], verdict: null };
  const verdict = verdictOf(after, entry);
  const { plan, audit } = buildPlan([entry], [verdict], state.stamp);
  return { cells: plan.cells, audit, verdict };
}

/** The snapshot with one more row at the end of a ledger tab. */
export function withRow(snapshot: Snapshot, tab: string, values: Record<string, CellWrite>): Snapshot {
  const data = snapshot.tabs[tab];
  if (!data) return snapshot;
  const last = data.rows.at(-1)?.row ?? 1;
  const row: SheetRow = { row: last + 1, cells: values as Record<string, Cell>, fills: {} };
  return { ...snapshot, tabs: { ...snapshot.tabs, [tab]: { ...data, rows: [...data.rows, row] } } };
}

/** The snapshot with `update` applied to the cells of the rows `match` picks in `tab`. */
export function withCells(
  snapshot: Snapshot,
  tab: string,
  match: (row: SheetRow) => boolean,
  update: (cells: Record<string, Cell>) => Record<string, Cell>,
): Snapshot {
  const data = snapshot.tabs[tab];
  if (!data) return snapshot;
  const rows = data.rows.map((r) => (match(r) ? { ...r, cells: update(r.cells) } : r));
  return { ...snapshot, tabs: { ...snapshot.tabs, [tab]: { ...data, rows } } };
}
