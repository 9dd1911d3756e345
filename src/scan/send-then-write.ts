import type { CellWrite, LedgerUpdate } from '../store/port';
import type { AuditRow } from '../workbook/audit';
import type { RegisterRow } from '../workbook/read-ledgers';
import type { TaskVerdict } from '../domain/types';
import { AWAITING_SIGNATURE } from '../workbook/schema/lists';
import type { WorkbookModel } from '../workbook/read-workbook';
import { finalizeDocNos } from './doc-numbers';
import type { PlannedNotice } from './plan-notices';
import { registerRow } from './register-row';
import { retriesDue } from './retry-notice';
import {
  type Earlier,
  type NotifyDeps,
  sendEach,
  type SendOutcome,
  signed,
  splitDrafts,
  withdraw,
} from './send-each';
import { settlerOf } from './settle-register';

/** What the one write of the scan adds to its plan for the notices it sent. */
export interface SentForWrite {
  out: SendOutcome;
  /**
   * 文书登记 rows to append: those restored from the journal that this scan settled (sent, signed, withdrew), drafts
   * 待签发, then the new notices with their final 文号 and 发送状态.
   */
  registerRows: Array<Record<string, CellWrite>>;
  /** 发送状态 (and 文号) of rows already in the register: retried notices, the drafts just signed. */
  updates: LedgerUpdate[];
  audit: AuditRow[];
  /**
   * The journal keys this scan registered or restored (a re-plan after a stale write must not take them for lost
   * rows, nor restore them again).
   */
  keys: Set<string>;
}

/**
 * Sending for a scan that holds the office's scan lease (the local workbook: `duban scan`, `duban serve`), so that no
 * other scan numbers or sends meanwhile: number the new notices after the register as read, journal their rows,
 * send them and the retries due, and return the register rows and updates for the scan's one write of the workbook
 * (run-scan.ts). The journal, not the workbook, is what a crash leaves behind: the next scan restores the rows from it
 * (restore-register.ts) and sends again only the one notice that was in flight.
 */
export async function sendBeforeWrite(
  deps: NotifyDeps,
  input: {
    model: WorkbookModel;
    notices: PlannedNotice[];
    withdrawn?: RegisterRow[];
    /** This scan's verdicts, for the digests resent from 文书登记 (retry-notice.ts). */
    verdicts?: TaskVerdict[];
    /**
     * The 文书登记 rows the plan restores from the journal (restore-register.ts): written with this scan's rows, so a
     * restored row this scan sends, signs or withdraws gets its final state in the same save (the others stay in the
     * plan's write as they were).
     */
    restored?: Array<Record<string, CellWrite>>;
    stamp: string;
  },
): Promise<SentForWrite> {
  const { model, stamp } = input;
  const { drafts, fresh, out, audit } = splitDrafts(input.notices, stamp);
  const last = model.register.reduce((max, r) => Math.max(max, r.row), 1);
  const finals = finalizeDocNos(
    [...model.register, ...fresh.map((n, i) => pendingRow(n, last + 1 + i))],
    model.config,
  );
  const unwritten = new Map<string, Record<string, CellWrite>>();
  const restored = (input.restored ?? []).map((r) => ({ ...r }));
  for (const row of restored) unwritten.set(String(row['文号'] || row['去重键']), row);
  const registerRows: Array<Record<string, CellWrite>> = drafts.map((n) => ({
    ...registerRow(n, '', stamp),
    发送状态: AWAITING_SIGNATURE,
  }));
  const { docNoOf, settle, updates } = settlerOf(finals, unwritten);
  withdraw(input.withdrawn ?? [], { stamp, settle, audit });

  const outgoing: PlannedNotice[] = [];
  for (const notice of fresh) {
    if (notice.signedDraft) signed(notice, { stamp, settle, audit });
    const docNo = docNoOf(notice.token);
    if (docNo === null) {
      out.duplicates++; // already registered: planned twice, sent once
      continue;
    }
    const row = registerRow(notice, docNo, stamp);
    registerRows.push(row);
    unwritten.set(notice.token, row);
    out.created++;
    outgoing.push(notice);
  }
  const earlier = new Map<PlannedNotice, Earlier>();
  for (const { row, notice } of retriesDue(model, input.verdicts)) {
    outgoing.push(notice);
    earlier.set(notice, { row });
  }

  await sendEach(deps, model, outgoing, { stamp, docNoOf, earlier, settle, audit, out });
  // The restored rows this scan settled are its own now: written first (registered before), with their new state.
  const settled = restored.filter((r, i) => r['发送状态'] !== input.restored?.[i]?.['发送状态']);
  registerRows.unshift(...settled);
  const keys = new Set([
    ...outgoing.flatMap((n) => [n.key, ...(n.covers ?? []).map((c) => c.key)]),
    ...settled.map((r) => String(r['去重键'])),
  ]);
  return { out, registerRows, updates, audit, keys };
}

/** A new notice as the register row it will be, for numbering it after the rows already there. */
function pendingRow(notice: PlannedNotice, row: number): RegisterRow {
  return {
    row,
    docNo: notice.token,
    type: notice.type,
    id: notice.id,
    key: notice.key,
    status: '待发送',
    day: null,
    cells: {},
  };
}
