import { shanghaiDayOf } from '../calendar/day';
import { RUN_SPECS } from '../workbook/schema/tabs';
import { readSettings } from '../workbook/read-settings';
import { readWorkbook } from '../workbook/read-workbook';
import { AUDIT_TAB } from '../workbook/audit';
import { sendBulletinMail } from './bulletin-mail/send-bulletin-mail';
import { planScan, writesNothing, type ScanPlan } from './plan-scan';
import { sendNotices } from './send-notices';
import { addApplied, addSent, baseSummary, noTimings } from './summary';
import { sendThenWrite } from './one-write';
import { retryOnStale } from './stale-retry';
import type { ScanDeps, ScanPhase, ScanSummary } from './types';
import { yearEndReminders } from './year-end-reminder';

export type { ScanDeps, ScanPhase, ScanSummary } from './types';

/**
 * One scan, the shell around the pure `planScan`: read every tab once → plan → write the plan and its audit rows in
 * one batch → register and send the notices due; a scan holding the office's lease (`soleWriter`) sends first and
 * writes once instead (one-write.ts). A workbook saved by someone else between read and write is read
 * again and planned again (stale-retry.ts), never overwritten.
 *
 * @example
 * const summary = await runScan({ store: createXlsxPackageStore('data/demo.xlsx'), mailer: createOutboxMailer('outbox'),
 *   now: new Date(), from: { name: '县政府督查室', address: 'duban@example.gov.cn' } });
 */
export async function runScan(deps: ScanDeps): Promise<ScanSummary> {
  const timings = noTimings();
  const time = <T>(phase: ScanPhase, work: () => T): T => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };
  const timeAsync = async <T>(phase: ScanPhase, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };
  const today = shanghaiDayOf(deps.now);
  const progress = deps.onProgress ?? (() => {});
  const runId = deps.runId ?? crypto.randomUUID().slice(0, 8);

  const planned = await retryOnStale(async function readPlanWrite() {
    progress('read', 0, 1);
    const snapshot = await timeAsync('read', () => deps.store.read([...RUN_SPECS]));
    const settings = time('read', () => readSettings(snapshot, today));
    progress('read', 1, 1);
    if (deps.scheduled && !settings.calendar.isWorkday(today))
      return { kind: 'day-off', model: readWorkbook(snapshot, today, settings) } as const;
    const journal = await deps.journal?.read();
    const plan = planScan(snapshot, settings, deps.now, runId, {
      onProgress: progress,
      time,
      ...(journal ? { journal } : {}),
      ...(deps.noticeLinks ? { ackLinks: true } : {}),
    });
    if (plan.summary.stopped) return { kind: 'stopped', plan } as const;
    if (deps.dryRun) return { kind: 'dry-run', plan } as const;
    if (deps.soleWriter) return { kind: 'planned', plan, snapshot } as const;
    progress('write', 0, 1);
    const applied = await timeAsync('write', async () =>
      writesNothing(plan.write) ? null : deps.store.apply(plan.write, snapshot),
    );
    progress('write', 1, 1);
    return { kind: 'written', plan, snapshot, applied } as const;
  });

  const dryRun = deps.dryRun ?? false;
  if (planned.kind === 'day-off') {
    const { model } = planned;
    return { ...baseSummary(model, []), tasks: model.entries.length, dryRun, timings, dayOff: true };
  }
  if (planned.kind === 'stopped') return { ...planned.plan.summary, dryRun, timings };
  // First among the problems (a summary lists 20): read-only, so a dry run says it too; every summary below starts
  // from the plan's.
  const yearEnd = await timeAsync('read', () => yearEndReminders(deps.previousWorkbook, planned.plan.model));
  planned.plan.summary.problems.unshift(...yearEnd);
  if (planned.kind === 'dry-run')
    return dryRunSummary({ ...planned.plan.summary, dryRun, timings }, planned.plan);
  if (planned.kind === 'planned')
    return sendThenWrite(deps, planned.plan, planned.snapshot, { runId, timings, timeAsync });
  const { plan, snapshot } = planned;
  const summary = { ...plan.summary, dryRun, timings };
  if (planned.applied) {
    addApplied(summary, planned.applied);
    summary.auditRows = (planned.applied.rowsAppended ?? 0) - plan.restoredRows;
  }
  const sent = await timeAsync('notify', () =>
    sendNotices(deps, {
      model: plan.model,
      notices: plan.notices.notices,
      withdrawn: plan.notices.withdrawn,
      verdicts: plan.verdicts,
      runId,
      stamp: plan.stamp,
      snapshot,
    }),
  );
  addSent(summary, sent);
  if (deps.mailBulletin) {
    const written = planned.applied ? plan.write.tabs?.[0]?.name : undefined;
    const mailed = await timeAsync('notify', () =>
      sendBulletinMail(deps, plan.model, snapshot.tabs[AUDIT_TAB], written),
    );
    // The 通报's 文号 first: an audit row never names a 文号 the register lacks.
    if (mailed.register.length) await deps.store.append('文书登记', mailed.register);
    if (mailed.audit.length) await deps.store.append(AUDIT_TAB, mailed.audit);
    summary.auditRows += mailed.audit.length;
    for (const p of mailed.problems) summary.problems.push(p);
  }
  return summary;
}

/** What a dry run reports: the counts the plan would write and send. */
function dryRunSummary(summary: ScanSummary, plan: ScanPlan): ScanSummary {
  summary.cellsWritten = plan.write.cells.filter((c) => c.value !== undefined).length;
  summary.fillsWritten = plan.write.cells.filter((c) => c.fill !== undefined).length;
  summary.idsAssigned = plan.write.ids.length;
  summary.notices.created = plan.notices.notices.filter((n) => !n.draft).length;
  summary.auditRows = plan.auditRows;
  const tabs = new Map<string, { tab: string; cells: number; fills: number }>();
  for (const c of plan.write.cells) {
    const t = tabs.get(c.tab) ?? { tab: c.tab, cells: 0, fills: 0 };
    if (c.value !== undefined) t.cells++;
    if (c.fill !== undefined) t.fills++;
    tabs.set(c.tab, t);
  }
  summary.preview = {
    tabs: [...tabs.values()],
    notices: plan.notices.notices.map((n) => ({
      type: n.type,
      id: n.id,
      unit: n.unit,
      reasons: n.reasons,
      draft: Boolean(n.draft),
    })),
  };
  return summary;
}
