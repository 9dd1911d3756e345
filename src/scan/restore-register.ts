import type { JournalEntry, JournalState } from '../store/journal/port';
import { lastStates } from '../store/journal/port';
import type { CellWrite, Snapshot } from '../store/port';
import { cellText } from '../store/grid/cell-text';
import { auditRow, type AuditRow } from '../workbook/audit';
import type { ScanProblem } from '../workbook/scan-problem';
import { REJECTED, STORED } from '../workbook/schema/lists';

const REGISTER = '文书登记';

export interface Restored {
  /** The snapshot as if the register still held every notice the journal knows. */
  snapshot: Snapshot;
  /** The rows to append to 文书登记 (in the scan's write batch). */
  rows: Array<Record<string, CellWrite>>;
  audit: AuditRow[];
  problems: ScanProblem[];
}

/** 文书登记 发送状态 of a restored row, by its last journal state; anything not finished is 待发送 (retried). */
const RESTORED_STATE: Partial<Record<JournalState, string>> = {
  sent: '已发送',
  stored: STORED,
  rejected: REJECTED,
};

/**
 * The register rows a rolled-back workbook lost (a clerk saved an old copy over it, or deleted rows), taken back from
 * the notice journal: each with the send state the journal last recorded, so what went out is not sent again and what
 * did not is retried. Pure: the rows go into the scan's write plan, with one audit row each and one problem that says
 * what happened.
 *
 * @example const { snapshot: whole, rows } = restoreRegister(snapshot, await journal.read(), stamp);
 */
export function restoreRegister(snapshot: Snapshot, entries: JournalEntry[], stamp: string): Restored {
  const tab = snapshot.tabs[REGISTER];
  if (!tab || !entries.length) return { snapshot, rows: [], audit: [], problems: [] };
  const present = new Set(tab.rows.map((r) => cellText(r.cells['去重键'] ?? null).trim()));
  const states = lastStates(entries);
  const rows: Array<Record<string, CellWrite>> = [];
  for (const entry of entries) {
    if (entry.state !== 'registered' || !entry.row || present.has(entry.key)) continue;
    present.add(entry.key);
    const state = states.get(entry.key);
    rows.push({
      ...entry.row,
      发送状态: RESTORED_STATE[state ?? 'registered'] ?? '待发送',
    });
  }
  if (!rows.length) return { snapshot, rows, audit: [], problems: [] };
  let last = tab.rows.reduce((max, r) => Math.max(max, r.row), 1);
  const restoredTab = {
    ...tab,
    rows: [...tab.rows, ...rows.map((cells) => ({ row: ++last, cells, fills: {} }))],
  };
  return {
    snapshot: { ...snapshot, tabs: { ...snapshot.tabs, [REGISTER]: restoredTab } },
    rows,
    audit: rows.map((r) =>
      auditRow(
        stamp,
        '恢复登记',
        String(r['编号'] ?? ''),
        '文书登记',
        '',
        String(r['文号'] || r['去重键']),
        '据通知日志恢复',
      ),
    ),
    problems: [
      {
        tab: REGISTER,
        row: null,
        id: null,
        cell: null,
        code: 'register-restored',
        message:
          `文书登记缺少${rows.length}条已登记的通知（上次扫描在写入工作簿前中断，或工作簿被旧副本覆盖、有行被删除），已从通知日志恢复；` +
          '已发出的不会重发。',
      },
    ],
  };
}
