/** The `延期申请` ledger as the extension pages read it: one row per request, found by 编号 and 申请号. */
import { cellText } from '../../store/grid/cell-text';
import type { SheetRow, Snapshot } from '../../store/port';

export const EXTENSION_TAB = '延期申请';
/** 理由 and 审批意见: a paragraph, not a report. */
export const MAX_REASON = 2000;

export const textOf = (row: SheetRow, key: string) => cellText(row.cells[key] ?? null).trim();

/** The task's requests, in sheet order. */
export function requestsOf(snapshot: Snapshot, task: string): SheetRow[] {
  return snapshot.tabs[EXTENSION_TAB]?.rows.filter((r) => textOf(r, '编号') === task) ?? [];
}
