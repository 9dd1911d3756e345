import type { ScanSummary } from './run-scan';

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
] as const;

export type PublicSummary = Pick<ScanSummary, (typeof PUBLIC_FIELDS)[number]>;

/** The `--json` object: exactly the documented fields (no timings, no runtime extras). */
export function publicSummary(s: ScanSummary): PublicSummary {
  return Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, s[k]])) as PublicSummary;
}
