import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { emptyPlan } from '../../src/store/port';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { seedOfWorkbook } from '../sheets-server/workbook';

let server: SheetsServer;
beforeAll(async () => (server = await startSheetsServer()));
afterAll(() => server.close());

describe('a big audit append through the google driver', () => {
  it('is split into appendCells requests of bounded size, landing in order, all in the batch of the plan', async () => {
    const id = server.seed(
      seedOfWorkbook({ tabs: [{ name: '审计日志', rows: [['时间', '编号', '备注']] }] }),
    );
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'test-token' });
    const store = createGoogleStore({ spreadsheetId: id, auth, rootUrl: `${server.url}/` });
    const note = '审计说明'.repeat(300); // ~3.6 KB per row as JSON
    const rows = Array.from({ length: 600 }, (_, i) => ({
      时间: '2026-11-20 08:30:00',
      编号: `ZD-2026-${i}`,
      备注: note,
    }));
    const snapshot = await store.read([{ name: '审计日志', headerRows: 1 }]);
    server.resetCalls();
    const result = await store.apply({ ...emptyPlan(), rows: [{ tab: '审计日志', rows }] }, snapshot);
    expect(result.rowsAppended).toBe(600);
    const appendRequests = server.calls
      .filter((c) => c.method === 'spreadsheets.batchUpdate')
      .flatMap((c) => (c.body as { requests: Array<Record<string, unknown>> }).requests)
      .filter((r) => 'appendCells' in r);
    expect(appendRequests.length).toBeGreaterThan(1);
    for (const r of appendRequests) expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThan(1_100_000);
    const back = await store.read([{ name: '审计日志', headerRows: 1 }]);
    expect(back.tabs['审计日志']!.rows.map((r) => r.cells['编号'])).toEqual(rows.map((r) => r.编号));
  });
});
