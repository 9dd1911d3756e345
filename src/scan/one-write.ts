import { shanghaiDayOf } from '../calendar/day';
import type { LedgerRows, Snapshot, WritePlan } from '../store/port';
import { AUDIT_TAB, type AuditRow } from '../workbook/audit';
import { readSettings } from '../workbook/read-settings';
import { RUN_SPECS } from '../workbook/schema/tabs';
import { sendBulletinMail } from './bulletin-mail/send-bulletin-mail';
import { planScan, type ScanPlan, writesNothing } from './plan-scan';
import { sendBeforeWrite, type SentForWrite } from './send-then-write';
import { retryOnStale } from './stale-retry';
import { addApplied, addSent } from './summary';
import type { ScanDeps, ScanPhase, ScanSummary } from './types';

const REGISTER = '文书登记';

export interface OneWriteContext {
  runId: string;
  timings: Record<ScanPhase, number>;
  timeAsync: <T>(phase: ScanPhase, work: () => Promise<T>) => Promise<T>;
}

/**
 * The rest of a scan that holds the office's scan lease (`deps.soleWriter`, the local workbook): send the notices and
 * the 通报 due first (each journaled, send-then-write.ts), then write the workbook once — the plan's cells, fills and
 * ids, the 文书登记 rows and updates, and every 审计日志 row in one atomic save. A workbook someone saved meanwhile (a
 * clerk in WPS, a link page) is read again and planned again; what was sent is written as sent, never sent again.
 */
export async function sendThenWrite(
  deps: ScanDeps,
  plan: ScanPlan,
  snapshot: Snapshot,
  ctx: OneWriteContext,
): Promise<ScanSummary> {
  const summary: ScanSummary = { ...plan.summary, dryRun: false, timings: ctx.timings };
  const sent = await ctx.timeAsync('notify', () =>
    sendBeforeWrite(deps, {
      model: plan.model,
      notices: plan.notices.notices,
      withdrawn: plan.notices.withdrawn,
      verdicts: plan.verdicts,
      restored: plan.restored,
      stamp: plan.stamp,
    }),
  );
  const bulletin = deps.mailBulletin
    ? await ctx.timeAsync('notify', () =>
        sendBulletinMail(deps, plan.model, snapshot.tabs[AUDIT_TAB], plan.write.tabs?.[0]?.name),
      )
    : { audit: [], register: [], problems: [] };
  const audit = [...sent.audit, ...bulletin.audit];
  // The 通报's 文书登记 row (its 文号) goes in the same save as the notices' rows.
  const registered = { ...sent, registerRows: [...sent.registerRows, ...bulletin.register] };

  deps.onProgress?.('write', 0, 1);
  const written = await ctx.timeAsync('write', () =>
    retryOnStale(async function writeOnce(attempt) {
      const base = attempt === 1 ? { plan, snapshot } : await replan(deps, ctx.runId, sent.keys);
      const write = withSends(base.plan.write, registered, audit);
      if (base.plan.summary.stopped || writesNothing(write)) return { base, applied: null };
      return { base, applied: await deps.store.apply(write, base.snapshot) };
    }),
  );
  deps.onProgress?.('write', 1, 1);

  const { base, applied } = written;
  if (base.plan.summary.stopped) {
    // Saved broken meanwhile (a tab or key header gone): nothing written; the journal holds what was sent.
    for (const p of base.plan.summary.problems) summary.problems.push(p);
    summary.stopped = true;
  }
  addSent(summary, sent.out);
  if (applied) {
    addApplied(summary, applied);
    summary.auditRows = base.plan.auditRows + audit.length;
  }
  for (const p of bulletin.problems) summary.problems.push(p);
  return summary;
}

/**
 * The workbook read and planned again after someone saved it between the scan's read and its write. The journal
 * already holds this scan's notices; they are left out of it here, so the re-plan does not take their rows for rows
 * a rolled-back workbook lost.
 */
async function replan(
  deps: ScanDeps,
  runId: string,
  mine: Set<string>,
): Promise<{ plan: ScanPlan; snapshot: Snapshot }> {
  const snapshot = await deps.store.read([...RUN_SPECS]);
  const settings = readSettings(snapshot, shanghaiDayOf(deps.now));
  const journal = (await deps.journal?.read())?.filter((e) => !mine.has(e.key));
  const plan = planScan(snapshot, settings, deps.now, runId, {
    ...(journal ? { journal } : {}),
    ...(deps.noticeLinks ? { ackLinks: true } : {}),
  });
  return { plan, snapshot };
}

/**
 * The plan with the register rows, register updates and audit rows of what the scan sent. The register rows the plan
 * restored and the scan then settled are the scan's own (`sent.registerRows`, with their new state): the plan's copies
 * of them are dropped.
 */
function withSends(write: WritePlan, sent: SentForWrite, audit: AuditRow[]): WritePlan {
  const rows: LedgerRows[] = (write.rows ?? []).map((r) =>
    r.tab === REGISTER ? { ...r, rows: r.rows.filter((row) => !sent.keys.has(String(row['去重键']))) } : r,
  );
  if (sent.registerRows.length) rows.push({ tab: REGISTER, rows: sent.registerRows });
  // Not `about` a task: a send is recorded even when the task's own change was skipped.
  if (audit.length) rows.push({ tab: AUDIT_TAB, rows: audit });
  return { ...write, ledgerUpdates: [...write.ledgerUpdates, ...sent.updates], rows };
}
