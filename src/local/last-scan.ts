import { readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RuntimeSummary, SummaryStore } from '../runtime/service';
import type { ScanFailure } from '../web/scan-service';

/**
 * The last scan's summary as `last-scan.json` beside the workbook: what the status page and the desk show, written by
 * the scans of `duban serve` and of `duban scan` alike. A failed scheduled scan is `last-scan-failure.json` beside it,
 * there only until a scan succeeds, so the page still says so after a restart.
 *
 * @example
 * const summaries = lastScanFile('data/督办-2026.xlsx');
 * await summaries.load(); // null before the first scan
 */
export function lastScanFile(workbook: string): SummaryStore {
  const file = join(dirname(workbook), 'last-scan.json');
  const failureFile = join(dirname(workbook), 'last-scan-failure.json');
  const readJson = async <T>(path: string) =>
    JSON.parse(await readFile(path, 'utf8').catch(() => 'null')) as T | null;
  return {
    load: () => readJson<RuntimeSummary>(file),
    save: (summary) => writeFile(file, JSON.stringify(summary, null, 1)),
    loadFailure: () => readJson<ScanFailure>(failureFile),
    saveFailure: (failure: ScanFailure | null) =>
      failure
        ? writeFile(failureFile, JSON.stringify(failure, null, 1))
        : unlink(failureFile).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          }),
  };
}
