import { isoOf, partsOf } from '../calendar/day';
import { CARDS, STATUSES, type Card, type Status } from '../domain/glossary';
import type { TaskVerdict } from '../domain/types';
import { overdueUnits } from '../domain/overdue-units';
import { ruleContextOf, type WorkbookModel } from '../workbook/read-workbook';
import type { ApplyResult } from '../store/port';
import type { SendOutcome } from './send-each';
import type { ScanPhase, ScanSummary } from './types';

/** The fields of the `--json` summary, as documented in the README. */
const PUBLIC_FIELDS = [
  'date',
  'tasks',
  'byStatus',
  'byCard',
  'notices',
  'cellsWritten',
  'fillsWritten',
  'idsAssigned',
  'auditRows',
  'problems',
  'provisionalYears',
  'overdueUnits',
] as const;

export type PublicSummary = Pick<ScanSummary, (typeof PUBLIC_FIELDS)[number]>;

/** The `--json` object: exactly the documented fields (no timings, no runtime extras). */
export function publicSummary(s: ScanSummary): PublicSummary {
  return Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, s[k]])) as PublicSummary;
}

/** Zero for every phase. */
export const noTimings = (): Record<ScanPhase, number> => ({
  read: 0,
  rules: 0,
  plan: 0,
  write: 0,
  notify: 0,
});

/**
 * The summary of a scan before anything is written: statuses and cards counted, the model's problems, the years
 * whose holiday schedule is provisional. Write and notice counts start at 0.
 */
export function baseSummary(model: WorkbookModel, verdicts: TaskVerdict[]): ScanSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byCard = Object.fromEntries(CARDS.map((c) => [c, 0])) as Record<Card, number>;
  const provisional = new Set<number>();
  for (const v of verdicts) {
    byStatus[v.status]++;
    if (v.card) byCard[v.card]++;
    for (const year of v.provisionalYears) provisional.add(year);
  }
  if (model.calendar.isProvisional(partsOf(model.today).year)) provisional.add(partsOf(model.today).year);
  return {
    date: isoOf(model.today),
    tasks: verdicts.length,
    byStatus,
    byCard,
    notices: {
      created: 0,
      sent: 0,
      unsent: 0,
      duplicateSkipped: 0,
      failed: 0,
      awaitingSignature: 0,
    },
    cellsWritten: 0,
    fillsWritten: 0,
    idsAssigned: 0,
    auditRows: 0,
    problems: [...model.problems],
    provisionalYears: [...provisional].sort(),
    overdueUnits: verdicts.length
      ? overdueUnits(
          model.entries.map((e, i) => ({ task: e.task, facts: e.facts, verdict: verdicts[i]! })),
          ruleContextOf(model),
        )
      : [],
    dryRun: false,
    timings: noTimings(),
  };
}

/** What the write reported: counts, and a problem for each change skipped because its row moved or went. */
export function addApplied(summary: ScanSummary, applied: ApplyResult): void {
  summary.cellsWritten = applied.cellsWritten;
  summary.fillsWritten = applied.fillsWritten;
  summary.idsAssigned = applied.idsAssigned;
  for (const s of applied.skipped)
    summary.problems.push({
      tab: s.tab,
      row: null,
      id: s.id,
      cell: null,
      code: 'row-moved',
      message: `编号 ${s.id} 的写入已跳过：${s.reason}`,
    });
}

/** What sending reported: the notice counts, its problems and the audit rows it wrote. */
export function addSent(summary: ScanSummary, sent: SendOutcome): void {
  summary.notices.created = sent.created;
  summary.notices.duplicateSkipped += sent.duplicates;
  summary.notices.sent = sent.sent;
  summary.notices.unsent = sent.unsent;
  summary.notices.failed = sent.failed;
  for (const p of sent.problems) summary.problems.push(p);
  summary.auditRows += sent.auditRows;
}
