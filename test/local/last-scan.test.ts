/** last-scan.json and last-scan-failure.json beside the workbook: what the status page shows, across restarts. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastScanFile } from '../../src/local/last-scan';
import { keepSummary, mailReport } from '../../src/runtime/service';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryMailer } from '../../src/mail/memory';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

describe('the status page record beside the workbook', () => {
  it('keeps a failed scheduled scan across a restart of duban serve, and drops it when a scan succeeds', async () => {
    const workbook = join(mkdtempSync(join(tmpdir(), 'last-scan-')), '督办-2026.xlsx');
    const failure = {
      at: '2026-06-15T00:30:00.000Z',
      reason: '督办-2026.xlsx 正在 Excel 中打开',
      retryAt: '2026-06-15T00:45:00.000Z',
    };
    await lastScanFile(workbook).saveFailure(failure);
    expect(await lastScanFile(workbook).loadFailure()).toEqual(failure); // a new process reads it

    // `duban scan` from the command line succeeds: the page no longer says the daily scan failed.
    const summary = await runScan({
      store: createMemoryStore(demoWorkbook()),
      mailer: createMemoryMailer(),
      from: FROM,
      now: at830('2026-06-15'),
    });
    await keepSummary(lastScanFile(workbook), { ...summary, mail: mailReport('smtp', summary) });
    expect(await lastScanFile(workbook).loadFailure()).toBeNull();
    expect(existsSync(join(workbook, '..', 'last-scan-failure.json'))).toBe(false);
    expect((await lastScanFile(workbook).load())?.date).toBe('2026-06-15');
  });
});
