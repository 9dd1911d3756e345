/**
 * A 反馈 through a signed link, answered by the Worker as deployed (the wrangler bundle in workerd) against the local
 * Sheets API server: the page opens, the form posts, and the spreadsheet gets the 反馈记录 row, the appended 完成情况
 * and the recomputed row in one batchUpdate after one read; a forged token is refused there too.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { serviceAccountAuth } from '../../src/store/drivers/google/google-auth';
import { cellText } from '../../src/store/grid/cell-text';
import { parseLinkKeys, signLink } from '../../src/web/links/token';
import { tabSpec } from '../../src/workbook/schema/tabs';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { ADMIN_TOKEN, callsOn, FROM, seedDemo, serviceAccountJson } from './fixtures';

const run = promisify(execFile);
const SECRET = 'k1:worker-link-secret-0123456789';
const ORIGIN = 'http://duban.example';

let outdir: string;
let server: SheetsServer;
let mf: Miniflare;
let spreadsheetId: string;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'duban-worker-links-'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '' };
  await run('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', outdir], { env });
  server = await startSheetsServer({ requireIssuedTokens: true });
  spreadsheetId = seedDemo(server);
  mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, 'worker.js'),
    modulesRoot: outdir,
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    bindings: {
      DUBAN_SPREADSHEET_ID: spreadsheetId,
      GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(`${server.url}/token`),
      DUBAN_SHEETS_ROOT_URL: server.url,
      DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
      DUBAN_MAIL_FROM: FROM,
      DUBAN_LINK_SECRET: SECRET,
      DUBAN_PUBLIC_URL: ORIGIN,
    },
  });
  await mf.ready;
}, 180_000);

afterAll(async () => {
  await mf?.dispose();
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('signed links on the Worker', () => {
  it('answers a 反馈 link: the page, then one read and one batchUpdate that write the answer and recolour the row', async () => {
    const token = await signLink(
      {
        office: spreadsheetId,
        task: 'ZD-2026-007',
        action: 'feedback',
        person: 'swj.lianluo@demo.gov.cn',
        exp: Math.floor(Date.now() / 1000) + 3600,
      },
      parseLinkKeys(SECRET),
    );
    const page = await mf.dispatchFetch(`${ORIGIN}/l/ZD-2026-007/feedback?t=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('组织企业参加广交会');
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(html)![1]!;

    server.resetCalls();
    const res = await mf.dispatchFetch(`${ORIGIN}/l/ZD-2026-007/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: new URLSearchParams({
        t: token,
        csrf,
        month: '6',
        done: '已完成，参展企业12家',
        progress: '50',
      }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('6月完成情况已记入督办台账');
    const calls = callsOn(server, spreadsheetId);
    const writes = Object.entries(calls).filter(([m]) => !/get/i.test(m));
    expect(writes).toEqual([['spreadsheets.batchUpdate', 1]]);

    const store = createGoogleStore({
      spreadsheetId,
      auth: serviceAccountAuth(serviceAccountJson(`${server.url}/token`)),
      rootUrl: `${server.url}/`,
    });
    const snapshot = await store.read([tabSpec('反馈记录'), tabSpec('挂图作战表')]);
    const feedback = snapshot.tabs['反馈记录']!.rows.at(-1)!;
    expect(cellText(feedback.cells['渠道'] ?? null)).toBe('链接');
    expect(cellText(feedback.cells['完成情况'] ?? null)).toBe('已完成，参展企业12家');
    const row = snapshot.tabs['挂图作战表']!.rows.find(
      (r) => cellText(r.cells['编号'] ?? null) === 'ZD-2026-007',
    )!;
    expect(cellText(row.cells['6月/完成情况'] ?? null)).toMatch(/^已完成，参展企业12家（进度50%，孙振华/);
    expect(row.fills['6月/完成情况']).toBeTruthy();
  }, 120_000);

  it('refuses a forged token with the Chinese page and a 403', async () => {
    const res = await mf.dispatchFetch(`${ORIGIN}/l/ZD-2026-007/feedback?t=k1.e30.AAAA`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('链接无效');
  });
});
