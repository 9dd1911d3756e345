import type { ScanSummary } from './run-scan';

/** The `--json` object: exactly the fields documented in the README. */
export function publicSummary(s: ScanSummary) {
  const {
    date,
    tasks,
    byStatus,
    byCard,
    notices,
    cellsWritten,
    fillsWritten,
    idsAssigned,
    auditRows,
    problems,
    provisionalYears,
  } = s;
  return {
    date,
    tasks,
    byStatus,
    byCard,
    notices,
    cellsWritten,
    fillsWritten,
    idsAssigned,
    auditRows,
    problems,
    provisionalYears,
  };
}
