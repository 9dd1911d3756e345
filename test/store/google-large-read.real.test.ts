import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { seedOfWorkbook } from '../sheets-server/workbook';

let server: SheetsServer;
beforeAll(async () => (server = await startSheetsServer()));
afterAll(() => server.close());

describe('a big tab read through the google driver', () => {
  it('reads 200,000 rows (a large office’s 文书登记 after a few years) without overflowing the stack', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`临政督催〔2026〕${i + 1}号`, `ZD-2026-${i}`, i]);
    const id = server.seed(
      seedOfWorkbook({ tabs: [{ name: '文书登记', rows: [['文号', '编号', '序'], ...rows] }] }),
    );
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'test-token' });
    const store = createGoogleStore({ spreadsheetId: id, auth, rootUrl: `${server.url}/` });
    const snapshot = await store.read([{ name: '文书登记', headerRows: 1 }]);
    const read = snapshot.tabs['文书登记']!.rows;
    expect(read).toHaveLength(200_000);
    expect(read.at(-1)!.cells).toMatchObject({ 编号: 'ZD-2026-199999', 序: 199_999 });
  }, 60_000);
});
