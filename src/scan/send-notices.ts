import { partsOf } from '../calendar/day';
import type { LedgerUpdate, SheetStore, Snapshot } from '../store/port';
import { tabSpec } from '../workbook/schema/tabs';
import { AUDIT_TAB, type AuditRow } from '../workbook/audit';
import { DUPLICATE, readRegister, type RegisterRow } from '../workbook/read-ledgers';
import { AWAITING_SIGNATURE } from '../workbook/schema/lists';
import type { WorkbookModel } from '../workbook/read-workbook';
import { finalizeDocNos, provisionalDocNo } from './doc-numbers';
import type { PlannedNotice } from './plan-notices';
import { registerRow } from './register-row';
import { claimKeys, claimRow, claimsWon } from './retry-claims';
import { retriesDue } from './retry-notice';
import type { TaskVerdict } from '../domain/types';
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
import { retryOnStale } from './stale-retry';

export type { NotifyDeps, SendOutcome } from './send-each';

const REGISTER = '文书登记';

/** The notices one scan planned, with what they were planned from. */
export interface NotifyInput {
  model: WorkbookModel;
  /** New notices (not yet in 文书登记), with provisional 文号. */
  notices: PlannedNotice[];
  /** Drafts 待签发 no longer due, to mark 已撤销. */
  withdrawn?: RegisterRow[];
  /** This scan's verdicts (by entry), so a digest resent from 文书登记 shows its tasks as they stand. */
  verdicts?: TaskVerdict[];
  runId: string;
  /** The scan's Beijing-time stamp for the register and audit rows. */
  stamp: string;
  /** The snapshot the plan was made from (the register writes re-read only 文书登记 when it is stale). */
  snapshot: Snapshot;
}

/**
 * Sending on a store other scans may write at the same moment (Google Sheets from Workers or Cloud Functions, two
 * machines): register new notices in `文书登记` as 待发送 under provisional 文号, with a claim on each earlier notice
 * still 待发送 (one append), read the register back to fix the final 文号 and drop what a concurrent scan registered
 * or claimed first (doc-numbers.ts, retry-claims.ts), send them, then write the final 文号 and 发送状态 (one batch).
 * A failed send stays 待发送 for the next scan — never recorded as sent. A scan that holds the office's lease writes
 * once instead (send-then-write.ts).
 */
export async function sendNotices(deps: NotifyDeps, input: NotifyInput): Promise<SendOutcome> {
  const { model, runId: run, stamp, snapshot } = input;
  const { drafts, fresh, out, audit } = splitDrafts(input.notices, stamp);
  const year = partsOf(model.today).year;
  const claimKey = claimKeys(model.register);
  const claims = retriesDue(model, input.verdicts).map((retry, i) => ({
    ...retry,
    token: provisionalDocNo(year, run, fresh.length + i + 1),
    key: claimKey(retry.row),
  }));
  let register = model.register;
  let latest = snapshot;
  if (fresh.length || claims.length || drafts.length) {
    await deps.store.append(REGISTER, [
      // A draft: no 文号 until signed (signing.ts), so it takes no number of the sequence.
      ...drafts.map((n) => ({ ...registerRow(n, '', stamp), 发送状态: AWAITING_SIGNATURE })),
      ...fresh.map((n) => registerRow(n, n.token, stamp)),
      ...claims.map((c) => claimRow(c.row, c.token, c.key, stamp, c.notice.to)),
    ]);
    latest = await deps.store.read([tabSpec(REGISTER)]);
    register = readRegister(latest.tabs[REGISTER], year);
  }
  const finals = finalizeDocNos(register, model.config);
  const { docNoOf, settle, updates } = settlerOf(finals);
  withdraw(input.withdrawn ?? [], { stamp, settle, audit });

  const outgoing: PlannedNotice[] = [];
  for (const notice of fresh) {
    if (notice.signedDraft) signed(notice, { stamp, settle, audit });
    if (docNoOf(notice.token) === null) {
      out.duplicates++;
      settle(notice.token, notice.key, DUPLICATE);
    } else {
      out.created++;
      outgoing.push(notice);
    }
  }
  const won = claimsWon(
    register,
    finals,
    claims.map((c) => ({ token: c.token, base: c.row.key })),
    model.today,
  );
  const earlier = new Map<PlannedNotice, Earlier>();
  for (const claim of claims) {
    if (!won.has(claim.token)) {
      settle(claim.token, claim.key, DUPLICATE); // another scan is sending it, or has sent it
      continue;
    }
    outgoing.push(claim.notice);
    earlier.set(claim.notice, { row: claim.row, claim: { token: claim.token, key: claim.key } });
  }

  await sendEach(deps, model, outgoing, { stamp, docNoOf, earlier, settle, audit, out });
  if (updates.length || audit.length)
    out.auditRows = await settleRegister(deps.store, updates, audit, latest);
  return out;
}

/**
 * Write the register updates and the notices' audit rows in one batch, against the latest read. The updates
 * address system-owned rows by key, so a workbook saved by someone else meanwhile (a concurrent scan, staff in WPS)
 * is simply re-read and the updates applied to what is there now.
 */
async function settleRegister(
  store: SheetStore,
  ledgerUpdates: LedgerUpdate[],
  audit: AuditRow[],
  latest: Snapshot,
): Promise<number> {
  const rows = audit.length ? [{ tab: AUDIT_TAB, rows: audit }] : [];
  const plan = { cells: [], ids: [], appends: [], ledgerUpdates, rows };
  const applied = await retryOnStale(async function settleOnce(attempt) {
    const snapshot = attempt === 1 ? latest : await store.read([tabSpec(REGISTER)]);
    return store.apply(plan, snapshot);
  });
  return applied.rowsAppended ?? 0;
}
