import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RuntimeSummary, SummaryStore } from '../runtime/service';

/**
 * The last scan's summary as `last-scan.json` beside the workbook: what the status page and the desk show, written by
 * the scans of `duban serve` and of `duban scan` alike.
 */
export function lastScanFile(workbook: string): SummaryStore {
  const file = join(dirname(workbook), 'last-scan.json');
  return {
    load: async () => JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as RuntimeSummary | null,
    save: (summary) => writeFile(file, JSON.stringify(summary, null, 1)),
  };
}
