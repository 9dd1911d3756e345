import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { isoOf, partsOf, shanghaiDayOf } from '../calendar/day';
import { evaluateTask } from '../domain/evaluate-task';
import { CARDS, STATUSES, type Card, type Status } from '../domain/glossary';
import type { TaskVerdict } from '../domain/types';
import type { Address, Mailer } from '../mail/port';
import { StaleSnapshotError, type SheetStore, type Snapshot } from '../store/port';
import { TAB_SPECS } from '../workbook/schema/tabs';
import { AUDIT_TAB } from '../workbook/audit';
import { buildPlan } from '../workbook/plan';
import { readWorkbook, type ScanProblem, type WorkbookModel } from '../workbook/read-workbook';
import { planNotices, type PlannedNotice } from './plan-notices';
import { sendNotices } from './send-notices';

dayjs.extend(utc);

export interface ScanDeps {
  store: SheetStore;
  mailer: Mailer;
  /** The scan's clock: the Asia/Shanghai date of `now` is "today". */
  now: Date;
  /** Sender of every notice. */
  from: Address;
  /** Compute and report, write nothing, send nothing. */
  dryRun?: boolean;
  /** A scheduled run: on a day off by the workbook's calendar (节假日 tab included) it writes and sends nothing. */
  scheduled?: boolean;
  /** Signed answer link for a task (absent: notices ask for a written reply). */
  answerUrl?: (id: string) => string;
  /** Phase progress for long scans (the CLI draws a bar on stderr). */
  onProgress?: (phase: ScanPhase, done: number, total: number) => void;
}

export type ScanPhase = 'read' | 'rules' | 'plan' | 'write' | 'notify';

export interface ScanSummary {
  date: string;
  tasks: number;
  byStatus: Record<Status, number>;
  byCard: Record<Card, number>;
  notices: { created: number; sent: number; duplicateSkipped: number; failed: number };
  cellsWritten: number;
  fillsWritten: number;
  idsAssigned: number;
  auditRows: number;
  problems: ScanProblem[];
  provisionalYears: number[];
  dryRun: boolean;
  /** Milliseconds per phase (read, rules, plan, write, notify). */
  timings: Record<ScanPhase, number>;
  /** A scheduled run on a day off: nothing was evaluated, written or sent. */
  dayOff?: boolean;
}

const MAX_STALE_RETRIES = 3;

/**
 * One scan: read every tab once → validate rows → run the rules → write only the system cells that changed, in one
 * batch → register and send the notices due → append the audit log. A bad row only produces a 系统提示 and a
 * problem in the summary; a workbook saved by someone else meanwhile is re-read and re-planned, never overwritten.
 *
 * @example
 * const summary = await runScan({ store: createXlsxStore('data/demo.xlsx'), mailer: createOutboxMailer('outbox'),
 *   now: new Date(), from: { name: '县政府督查室', address: 'duban@example.gov.cn' } });
 */
export async function runScan(deps: ScanDeps): Promise<ScanSummary> {
  const timings: Record<ScanPhase, number> = { read: 0, rules: 0, plan: 0, write: 0, notify: 0 };
  const timed = async <T>(phase: ScanPhase, work: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };
  const today = shanghaiDayOf(deps.now);
  const stamp = dayjs(deps.now).utcOffset(480).format('YYYY-MM-DD HH:mm:ss');
  const progress = deps.onProgress ?? (() => {});
  // Names this scan's provisional 文号, so concurrent scans can tell their register rows apart.
  const run = crypto.randomUUID().slice(0, 8);

  let attempt = 0;
  for (;;) {
    progress('read', 0, 1);
    const snapshot = await timed('read', () => deps.store.read([...TAB_SPECS]));
    const model = await timed('read', () => readWorkbook(snapshot, today));
    progress('read', 1, 1);
    if (deps.scheduled && !model.calendar.isWorkday(today)) {
      return {
        ...baseSummary(model, [], deps.dryRun ?? false, timings),
        tasks: model.entries.length,
        dayOff: true,
      };
    }
    const verdicts = await timed('rules', () => evaluateAll(model, progress));
    const notices = await timed('plan', () => planNotices(model, verdicts, run, deps.answerUrl));
    countNewUrgings(model, verdicts, notices.notices);
    const { plan, audit } = await timed('plan', () => buildPlan(model.entries, verdicts, stamp, model.year));
    const summary = baseSummary(model, verdicts, deps.dryRun ?? false, timings);
    summary.notices.duplicateSkipped = notices.duplicateSkipped;
    for (const p of notices.problems) summary.problems.push(p);
    if (deps.dryRun) {
      summary.cellsWritten = plan.cells.filter((c) => c.value !== undefined).length;
      summary.fillsWritten = plan.cells.filter((c) => c.fill !== undefined).length;
      summary.idsAssigned = plan.ids.length;
      summary.notices.created = notices.notices.length;
      summary.auditRows = audit.length;
      return summary;
    }
    try {
      progress('write', 0, 1);
      // The audit rows of these changes go in the same batch: both land, or neither does.
      const batch = audit.length ? { ...plan, rows: [{ tab: AUDIT_TAB, rows: audit, about: '编号' }] } : plan;
      const applied = await timed('write', () => (isEmpty(plan) ? null : deps.store.apply(batch, snapshot)));
      progress('write', 1, 1);
      if (applied) {
        summary.auditRows = applied.rowsAppended ?? 0;
        summary.cellsWritten = applied.cellsWritten;
        summary.fillsWritten = applied.fillsWritten;
        summary.idsAssigned = applied.idsAssigned;
        for (const s of applied.skipped) {
          summary.problems.push({
            tab: s.tab,
            row: null,
            id: s.id,
            cell: null,
            code: 'row-moved',
            message: `编号 ${s.id} 的写入已跳过：${s.reason}`,
          });
        }
      }
    } catch (error) {
      if (error instanceof StaleSnapshotError && ++attempt <= MAX_STALE_RETRIES) continue;
      throw error;
    }
    await timed('notify', () => notify(deps, model, notices.notices, run, stamp, snapshot, summary));
    summary.timings = timings;
    return summary;
  }
}

function evaluateAll(model: WorkbookModel, progress: NonNullable<ScanDeps['onProgress']>): TaskVerdict[] {
  const ctx = { today: model.today, cal: model.calendar, config: model.config, year: model.year };
  const total = model.entries.length;
  return model.entries.map((e, i) => {
    if (i % 5000 === 0) progress('rules', i, total);
    return evaluateTask(e.task, e.facts, ctx, e.priorCard);
  });
}

async function notify(
  deps: ScanDeps,
  model: WorkbookModel,
  notices: PlannedNotice[],
  run: string,
  stamp: string,
  snapshot: Snapshot,
  summary: ScanSummary,
): Promise<void> {
  const result = await sendNotices(deps, model, notices, run, stamp, snapshot);
  summary.notices.created = result.created;
  summary.notices.duplicateSkipped += result.duplicates;
  summary.notices.sent = result.sent;
  summary.notices.failed = result.failed;
  for (const p of result.problems) summary.problems.push(p);
  summary.auditRows += result.auditRows;
}

/** 催办次数 counts the 催办单 and 督办单 registered by this scan too. */
function countNewUrgings(model: WorkbookModel, verdicts: TaskVerdict[], notices: PlannedNotice[]): void {
  const added = new Map<string, number>();
  for (const n of notices)
    if (n.type === '催办单' || n.type === '督办单') added.set(n.id, (added.get(n.id) ?? 0) + 1);
  model.entries.forEach((e, i) => {
    const extra = added.get(e.task.id);
    if (extra) verdicts[i]!.urgings += extra;
  });
}

function baseSummary(
  model: WorkbookModel,
  verdicts: TaskVerdict[],
  dryRun: boolean,
  timings: Record<ScanPhase, number>,
): ScanSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byCard = Object.fromEntries(CARDS.map((c) => [c, 0])) as Record<Card, number>;
  const provisional = new Set<number>();
  for (const v of verdicts) {
    byStatus[v.status]++;
    if (v.card) byCard[v.card]++;
    if (v.provisional) provisional.add(partsOf(v.deadline ?? model.today).year);
  }
  if (model.calendar.isProvisional(partsOf(model.today).year)) provisional.add(partsOf(model.today).year);
  return {
    date: isoOf(model.today),
    tasks: verdicts.length,
    byStatus,
    byCard,
    notices: { created: 0, sent: 0, duplicateSkipped: 0, failed: 0 },
    cellsWritten: 0,
    fillsWritten: 0,
    idsAssigned: 0,
    auditRows: 0,
    problems: [...model.problems],
    provisionalYears: [...provisional].sort(),
    dryRun,
    timings,
  };
}

function isEmpty(plan: {
  cells: unknown[];
  ids: unknown[];
  appends: unknown[];
  ledgerUpdates: unknown[];
}): boolean {
  return !plan.cells.length && !plan.ids.length && !plan.appends.length && !plan.ledgerUpdates.length;
}
