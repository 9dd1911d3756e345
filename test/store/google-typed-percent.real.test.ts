/**
 * A percentage typed into Google Sheets (`60%`, `100%`) is stored as a fraction with a PERCENT format. The scan must
 * read it as the clerk sees it: a liaison who reports 进度 60% must not get a 蓝牌 for "进度0.6%", and a month marked
 * 100% is done (SPEC §4.1).
 */
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { MONTH_FILL } from '../../src/workbook/palette';
import { generateDemo } from '../../sheets-templates/demo';
import { columnLetters } from '../sheets-server/a1';
import { templateSeed } from '../sheets-server/seed-template';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';

const DAY = '2026-06-15';
const TASK = 'ZD-2026-005';
let server: SheetsServer;
beforeAll(async () => {
  server = await startSheetsServer();
});
afterAll(() => server.close());

function offlineAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.UTC(2100, 0, 1) });
  return auth;
}

/** The demo county as a Google Sheet, scanned on DAY after `edit` (the clerk's typing); the task's row after. */
async function scanAfter(edit: (id: string) => void) {
  const id = server.seed(templateSeed({ demo: generateDemo({ year: 2026, asOf: DAY }) }));
  edit(id);
  const store = createGoogleStore({ spreadsheetId: id, auth: offlineAuth(), rootUrl: `${server.url}/` });
  await runScan({
    store,
    mailer: createMemoryMailer(),
    now: new Date(`${DAY}T00:30:00Z`),
    from: { name: '县政府督查室', address: 'duban@example.gov.cn' },
  });
  return rowOf(id, TASK);
}

/** The battle map's row of a task, by header key (`5月/完成情况`), with each cell's address for its fill. */
function rowOf(id: string, task: string) {
  const staff = server.staff(id);
  const [top, sub] = staff.values('挂图作战表', 'A1:AT2') as string[][];
  let group = '';
  const keys = top!.map((t, c) => {
    if (t) group = t;
    return sub?.[c] ? `${group}/${sub[c]}` : t;
  });
  const rows = staff.values('挂图作战表', 'A1:AT200');
  const r = rows.findIndex((row) => row[1] === task);
  const at = (key: string) => `${columnLetters(keys.indexOf(key))}${r + 1}`;
  const value = (key: string) => String(rows[r]![keys.indexOf(key)] ?? '');
  return { at, value, fill: (key: string) => staff.fill('挂图作战表', at(key)) };
}

describe('percentages typed in Google Sheets', () => {
  it('reads 进度 typed as 60% in 反馈记录 as 60, not 0.6: no 蓝牌 for a unit on schedule', async () => {
    const row = await scanAfter((id) => {
      const staff = server.staff(id);
      const n = staff.values('反馈记录', 'A1:I500').length + 1;
      const typed = ['2026/6/12', TASK, '6月', '推进中', '60%'];
      typed.forEach((v, i) => staff.type('反馈记录', `${columnLetters(i)}${n}`, v));
    });
    expect(row.value('最近反馈')).toBe('2026-06-12');
    expect(row.value('系统提示')).not.toContain('0.6%');
    expect(row.value('预警')).toBe('');
  });

  it('paints a month whose 完成情况 was typed as 100% as done, like 已完成', async () => {
    let cell = '';
    const row = await scanAfter((id) => {
      cell = rowOf(id, TASK).at('5月/完成情况');
      server.staff(id).type('挂图作战表', cell, '100%');
    });
    expect(row.at('5月/完成情况')).toBe(cell);
    expect(row.fill('5月/完成情况')).toBe(MONTH_FILL.done);
  });
});
