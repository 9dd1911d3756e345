import { beijingStamp } from '../calendar/beijing-clock';
import { shanghaiDayOf } from '../calendar/day';
import { evaluateTask } from '../domain/evaluate-task';
import { kindOf } from '../domain/notice-kinds';
import type { TaskVerdict } from '../domain/types';
import { type CellWrite, emptyPlan, type Snapshot, type WritePlan } from '../store/port';
import { AUDIT_TAB } from '../workbook/audit';
import { buildPlan, numberNewRows } from '../workbook/plan';
import { rowLimitProblems } from '../workbook/row-limit';
import type { WorkbookSettings } from '../workbook/read-settings';
import { readWorkbook, ruleContextOf, type WorkbookModel } from '../workbook/read-workbook';
import { ackByText, ackReminders, carriesAckLink } from './ack-reminders';
import { planNotices, type PlannedNotice, type NoticePlan } from './plan-notices';
import { baseSummary } from './summary';
import { blockingProblems } from './write-guard';
import { restoreRegister } from './restore-register';
import { bulletinDue, generatedBulletins, periodBulletinsDue } from './plan-bulletin';
import { typedDecisions } from '../workbook/extension-audit';
import type { JournalEntry } from '../store/journal/port';
import type { ScanProblem } from '../workbook/scan-problem';
import type { ScanPhase, ScanSummary } from './types';

/** Everything one scan decides before it touches the workbook or the mail: a pure function of its inputs. */
export interface ScanPlan {
  model: WorkbookModel;
  verdicts: TaskVerdict[];
  /** The system cells, fills and ids that change, with their 审计日志 rows in the same batch. */
  write: WritePlan;
  /** How many 审计日志 rows `write` appends. */
  auditRows: number;
  /** How many 文书登记 rows `write` restores from the journal. */
  restoredRows: number;
  /** Those rows (a one-write scan settles the ones it sends in the same save: send-then-write.ts). */
  restored: Array<Record<string, CellWrite>>;
  notices: NoticePlan;
  /** `YYYY-MM-DD HH:mm:ss` Beijing time of `now`, written into the audit log and the register. */
  stamp: string;
  /** The counts known before writing (statuses, cards, problems); the shell adds what the writes report. */
  summary: ScanSummary;
}

export interface PlanScanOptions {
  /** Phase progress (the CLI's bar). */
  onProgress?: (phase: ScanPhase, done: number, total: number) => void;
  /** Measures a phase (the shell's timings); the default just runs it. */
  time?: <T>(phase: ScanPhase, work: () => T) => T;
  /** The notice journal's entries: register rows a rolled-back workbook lost are restored from them. */
  journal?: JournalEntry[];
  /** Notices carry 签收 links: register their 签收 day and plan the 签收提醒 due (ack-reminders.ts). */
  ackLinks?: boolean;
}

/**
 * The pure core of a scan: the snapshot read once, the workbook's settings (规则配置, its year and calendar), the
 * scan's instant and its run id in; the verdict of every task, one write plan with its audit rows, the notices due
 * and the summary out. Same inputs, same plan — no clock, no randomness, no I/O.
 *
 * @example
 * const settings = readSettings(snapshot, shanghaiDayOf(now));
 * const plan = planScan(snapshot, settings, now, 'run00001');
 * plan.write.cells.length; // the system cells that change
 */
export function planScan(
  snapshot: Snapshot,
  settings: WorkbookSettings,
  now: Date,
  runId: string,
  options: PlanScanOptions = {},
): ScanPlan {
  const time = options.time ?? (<T>(_: ScanPhase, work: () => T) => work());
  const progress = options.onProgress ?? (() => {});
  const stamp = beijingStamp(now);
  const blocked = blockingProblems(snapshot);
  const restored = restoreRegister(snapshot, blocked.length ? [] : (options.journal ?? []), stamp);
  const read = readWorkbook(restored.snapshot, shanghaiDayOf(now), settings);
  if (blocked.length) return stoppedPlan(read, blocked, stamp);
  // Rows numbered by this scan get their verdicts and notices in this scan too.
  const model = { ...read, entries: numberNewRows(read.entries, read.year) };
  const verdicts = time('rules', () => evaluateAll(model, progress));
  const notices = time('plan', () => planNotices(model, verdicts, runId));
  if (options.ackLinks) withAcks(model, verdicts, runId, notices);
  countNewUrgings(model, verdicts, notices.notices);
  const { plan, audit: changes } = time('plan', () => buildPlan(model.entries, verdicts, stamp));
  const generated = generatedBulletins(snapshot.tabs[AUDIT_TAB]);
  // The month's first: the runtimes mail the tab written first (run-scan.ts) when it is last month's.
  const bulletins = [bulletinDue(model, generated, stamp), ...periodBulletinsDue(model, generated, stamp)].filter(
    (b) => b !== null,
  );
  const decided = typedDecisions(model.entries, snapshot.tabs[AUDIT_TAB], stamp);
  const audit = [...restored.audit, ...changes, ...decided, ...bulletins.map((b) => b.audit)];
  const registerRows = restored.rows;
  // The audit rows of these changes go in the same batch: both land, or neither does.
  const write: WritePlan = {
    ...plan,
    ...(bulletins.length ? { tabs: bulletins.map((b) => b.tab) } : {}),
    rows: [
      ...(registerRows.length ? [{ tab: '文书登记', rows: registerRows }] : []),
      ...(audit.length ? [{ tab: AUDIT_TAB, rows: audit, about: '编号' }] : []),
    ],
  };
  const summary = baseSummary(model, verdicts);
  verdicts.forEach((v, i) => {
    const id = model.entries[i]!.task.id || null;
    for (const p of v.ledgerProblems ?? [])
      summary.problems.push({
        tab: p.tab,
        row: null,
        id,
        cell: null,
        code: 'refused-change',
        message: p.message,
      });
  });
  for (const p of restored.problems) summary.problems.push(p);
  for (const p of rowLimitProblems(snapshot, write.rows ?? [])) summary.problems.push(p);
  summary.notices.duplicateSkipped = notices.duplicateSkipped;
  summary.notices.awaitingSignature = notices.awaitingSignature;
  for (const p of notices.problems) summary.problems.push(p);
  return {
    model,
    verdicts,
    write,
    auditRows: audit.length,
    restoredRows: registerRows.length,
    restored: registerRows,
    notices,
    stamp,
    summary,
  };
}

/**
 * Notices sent with 签收 links say when to sign by; the 签收提醒 due today join them. A draft waiting for 签发 is not
 * sent, so it gets its 签收 day when it is signed and sent, not now.
 */
function withAcks(model: WorkbookModel, verdicts: TaskVerdict[], runId: string, plan: NoticePlan): void {
  const tail = ackByText(model);
  for (const n of plan.notices) if (carriesAckLink(n.type) && !n.draft) n.requirement += tail;
  plan.notices.push(...ackReminders(model, verdicts, runId, plan.notices.length));
}

/** A plan that writes and sends nothing: the scan stopped on a missing tab or key header (write-guard.ts). */
function stoppedPlan(model: WorkbookModel, blocked: ScanProblem[], stamp: string): ScanPlan {
  const summary = baseSummary(model, []);
  summary.tasks = model.entries.length;
  summary.problems = blocked;
  summary.stopped = true;
  return {
    model,
    verdicts: [],
    write: emptyPlan(),
    auditRows: 0,
    restoredRows: 0,
    restored: [],
    notices: { notices: [], duplicateSkipped: 0, problems: [], awaitingSignature: 0, withdrawn: [] },
    stamp,
    summary,
  };
}

function evaluateAll(
  model: WorkbookModel,
  progress: NonNullable<PlanScanOptions['onProgress']>,
): TaskVerdict[] {
  const ctx = ruleContextOf(model);
  const total = model.entries.length;
  return model.entries.map((e, i) => {
    if (i % 5000 === 0) progress('rules', i, total);
    return evaluateTask(e.task, e.facts, ctx, e.priorCard);
  });
}

/** 催办次数 counts the 催办单 and 督办单 registered by this scan too (not a draft waiting for 签发). */
function countNewUrgings(model: WorkbookModel, verdicts: TaskVerdict[], notices: PlannedNotice[]): void {
  const added = new Map<string, number>();
  for (const n of notices)
    if (!n.draft && n.type !== '每日汇总' && kindOf(n.type).urging)
      added.set(n.id, (added.get(n.id) ?? 0) + 1);
  model.entries.forEach((e, i) => {
    const extra = added.get(e.task.id);
    if (extra) verdicts[i]!.urgings += extra;
  });
}

/** True when the plan changes nothing in the workbook. */
export function writesNothing(write: WritePlan): boolean {
  return (
    !write.cells.length &&
    !write.ids.length &&
    !write.appends.length &&
    !write.ledgerUpdates.length &&
    !write.rows?.length &&
    !write.tabs?.length
  );
}
