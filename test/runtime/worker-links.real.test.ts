/**
 * The signed-link routes answered by the Worker as deployed (the wrangler bundle in workerd, one instance for every
 * case) against the local Sheets API server: a 反馈 (one read, one batchUpdate), a 签收, a 延期申请 and its approval, a
 * completion card's signature in the chain, 签发 (consent, then signing, which numbers the notice) and the 督查室's desk
 * by the admin token and by the 督查室's link; a forged token is refused there too. The Worker runs on the real clock,
 * so the cases that depend on the date move the task's 完成时限 far ahead first.
 */
import { rm } from 'node:fs/promises';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { serviceAccountAuth } from '../../src/store/drivers/google/google-auth';
import { cellText } from '../../src/store/grid/cell-text';
import type { SheetRow } from '../../src/store/port';
import { type LinkAction, parseLinkKeys, signLink } from '../../src/web/links/token';
import { type TabName, tabSpec } from '../../src/workbook/schema/tabs';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { ADMIN_TOKEN, callsOn, FROM, SCAN_TIME, seedDemo, serviceAccountJson } from './fixtures';
import { buildWorkerBundle, bundleIn } from './worker-bundle';

const SECRET = 'k1:worker-link-secret-0123456789';
const ORIGIN = 'http://duban.example';

let outdir: string;
let server: SheetsServer;
let mf: Miniflare;
let spreadsheetId: string;

beforeAll(async () => {
  outdir = await buildWorkerBundle('duban-worker-links-');
  server = await startSheetsServer({ requireIssuedTokens: true });
  spreadsheetId = seedDemo(server);
  mf = bundleIn(outdir, {
    DUBAN_SPREADSHEET_ID: spreadsheetId,
    GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(`${server.url}/token`),
    DUBAN_SHEETS_ROOT_URL: server.url,
    DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
    DUBAN_MAIL_FROM: FROM,
    DUBAN_LINK_SECRET: SECRET,
    DUBAN_PUBLIC_URL: ORIGIN,
  });
  await mf.ready;
}, 180_000);

afterAll(async () => {
  await mf?.dispose();
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

const LIAISON = 'swj.lianluo@demo.gov.cn'; // 县商务局's liaison (ZD-2026-007)
const LEADER = 'changwu@demo.gov.cn'; // its 分管领导
const DUCHA = 'ducha@demo.gov.cn'; // 督查室主任
const CHENGJIAN = 'fxz.chengjian@demo.gov.cn'; // 冯长青, 分管 县交通运输局 (ZD-2026-033)
const DIRECTOR = 'zfb.zhuren@demo.gov.cn'; // 魏晨曦, 办公室主任

/** A link token of this spreadsheet, valid for an hour of the real clock (the Worker's). */
function token(claims: { task: string; action: LinkAction; person: string; ref?: string }) {
  return signLink(
    { office: spreadsheetId, exp: Math.floor(Date.now() / 1000) + 3600, ...claims },
    parseLinkKeys(SECRET),
  );
}

async function open(path: string) {
  const res = await mf.dispatchFetch(`${ORIGIN}${path}`);
  const html = await res.text();
  expect(res.status, html).toBe(200);
  return { html, csrf: /name="csrf"\s+value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

function submit(path: string, fields: Record<string, string>) {
  return mf.dispatchFetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams(fields).toString(),
  });
}

function sheets() {
  return createGoogleStore({
    spreadsheetId,
    auth: serviceAccountAuth(serviceAccountJson(`${server.url}/token`)),
    rootUrl: `${server.url}/`,
  });
}

async function rows(tab: TabName): Promise<SheetRow[]> {
  return (await sheets().read([tabSpec(tab)])).tabs[tab]?.rows ?? [];
}

const cell = (row: SheetRow, key: string) => cellText(row.cells[key] ?? null);

/** Staff move a task's 完成时限 (the Worker runs on the real clock: the date-bound cases need a future deadline). */
async function setDeadline(id: string, deadline: string) {
  const store = sheets();
  const snapshot = await store.read([tabSpec('挂图作战表'), tabSpec('督办台账')]);
  const tab = snapshot.tabs['挂图作战表']!.rows.some((r) => cell(r, '编号') === id)
    ? '挂图作战表'
    : '督办台账';
  const row = snapshot.tabs[tab]!.rows.find((r) => cell(r, '编号') === id)!;
  await store.apply(
    {
      cells: [{ tab, id, rowHint: row.row, column: '完成时限', value: deadline }],
      ids: [],
      appends: [],
      ledgerUpdates: [],
    },
    snapshot,
  );
}

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
    expect(await res.text()).toContain('6月完成情况已记入反馈记录和本事项');
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

  it('签收: the page, then the 反馈记录 row 签收 naming the 具体责任人', async () => {
    const t = await token({
      task: 'ZD-2026-007',
      action: 'ack',
      person: LIAISON,
      ref: '临政督催〔2026〕99号',
    });
    const { csrf } = await open(`/l/ZD-2026-007/ack?t=${t}`);
    const res = await submit('/l/ZD-2026-007/ack', { t, csrf, owner: '王工' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已签收');
    const ack = (await rows('反馈记录')).at(-1)!;
    expect(cell(ack, '月份')).toBe('签收');
    expect(cell(ack, '完成情况')).toContain('王工');
  }, 60_000);

  it('延期申请 and its approval: 完成时限 moves, 原完成时限 keeps the old one', async () => {
    await setDeadline('ZD-2026-007', '2059-12-31');
    const t = await token({ task: 'ZD-2026-007', action: 'extend', person: LIAISON });
    const { csrf } = await open(`/l/ZD-2026-007/extend?t=${t}`);
    const asked = await submit('/l/ZD-2026-007/extend', {
      t,
      csrf,
      requested: '2060-06-30',
      reason: '跨年度实施',
    });
    expect(asked.status).toBe(200);
    const request = (await rows('延期申请')).at(-1)!;
    expect(cell(request, '状态')).toBe('待审批');
    const no = cell(request, '申请号');
    const a = await token({ task: 'ZD-2026-007', action: 'approve-extension', person: LEADER, ref: no });
    const page = await open(`/l/ZD-2026-007/approve-extension?t=${a}`);
    const approved = await submit('/l/ZD-2026-007/approve-extension', {
      t: a,
      csrf: page.csrf,
      decision: '同意',
      opinion: '同意',
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('完成时限延至 2060-06-30');
    expect(cell((await rows('延期申请')).at(-1)!, '状态')).toBe('同意');
    const row = (await rows('挂图作战表')).find((r) => cell(r, '编号') === 'ZD-2026-007')!;
    expect(cell(row, '原完成时限')).toBe('2059-12-31');
  }, 60_000);

  it('办结: the unit head applies and the 督查室 signs the card next in the chain', async () => {
    await setDeadline('ZD-2026-003', '2059-12-31');
    const head = 'fgj.fuze@demo.gov.cn';
    const t = await token({ task: 'ZD-2026-003', action: 'complete', person: head });
    const { csrf } = await open(`/l/ZD-2026-003/complete?t=${t}`);
    const applied = await submit('/l/ZD-2026-003/complete', { t, csrf, opinion: '年度目标已全部完成' });
    expect(applied.status).toBe(200);
    const s = await token({
      task: 'ZD-2026-003',
      action: 'sign-completion',
      person: DUCHA,
      ref: '督查室核实',
    });
    const page = await open(`/l/ZD-2026-003/sign-completion?t=${s}`);
    const signed = await submit('/l/ZD-2026-003/sign-completion', {
      t: s,
      csrf: page.csrf,
      decision: '同意',
      opinion: '情况属实',
    });
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain('签批完成');
    const card = (await rows('办结审批')).at(-1)!;
    expect(cell(card, '编号')).toBe('ZD-2026-003');
    expect(Object.values(card.cells).map(String)).toContain('情况属实');
  }, 60_000);

  it('签发: the 分管领导 consents and the 办公室主任 signs a draft, which is then numbered', async () => {
    const worker = await mf.getWorker();
    await worker.scheduled({ scheduledTime: new Date(SCAN_TIME), cron: '30 0 * * *' }); // drafts 待签发
    const draft = (await rows('文书登记')).find(
      (r) => cell(r, '编号') === 'ZD-2026-033' && cell(r, '发送状态') === '待签发',
    )!;
    const key = cell(draft, '去重键').replace(/\|待签发$/, '');
    const c = await token({ task: 'ZD-2026-033', action: 'consent-notices', person: CHENGJIAN, ref: key });
    const consent = await open(`/l/ZD-2026-033/consent-notices?t=${c}`);
    expect(consent.html).toContain('ZD-2026-033');
    const consented = await submit('/l/ZD-2026-033/consent-notices', { t: c, csrf: consent.csrf, all: '1' });
    expect(consented.status).toBe(200);
    const d = await token({ task: 'ZD-2026-033', action: 'sign-notices', person: DIRECTOR, ref: key });
    const sign = await open(`/l/ZD-2026-033/sign-notices?t=${d}`);
    const signed = await submit('/l/ZD-2026-033/sign-notices', { t: d, csrf: sign.csrf, draft: key });
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain('已签发 1 份文书');
    const register = await rows('文书登记');
    const signedDraft = register.find((r) => cell(r, '去重键') === `${key}|待签发`)!;
    expect([cell(signedDraft, '同意人'), cell(signedDraft, '签发人')]).toEqual(['冯长青', '魏晨曦']);
    const numbered = register.find((r) => cell(r, '去重键') === key)!;
    expect(cell(numbered, '文号')).toMatch(/^临政督催〔2026〕\d+号$/);
  }, 120_000);

  it('the desk answers the admin token and the 督查室’s link, and refuses a unit’s link', async () => {
    const byAdmin = await mf.dispatchFetch(`${ORIGIN}/desk`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(byAdmin.status).toBe(200);
    expect(await byAdmin.text()).toContain('<h2>待审批申请');
    const desk = await token({ task: '督查室工作台', action: 'desk', person: DUCHA });
    const opened = await mf.dispatchFetch(`${ORIGIN}/desk?t=${desk}`, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    expect((await mf.dispatchFetch(`${ORIGIN}/desk`, { headers: { cookie } })).status).toBe(200);
    const unit = await token({ task: 'ZD-2026-007', action: 'feedback', person: LIAISON });
    expect((await mf.dispatchFetch(`${ORIGIN}/desk?t=${unit}`, { redirect: 'manual' })).status).toBe(401);
  }, 60_000);

  it('refuses a forged token with the Chinese page and a 403', async () => {
    const res = await mf.dispatchFetch(`${ORIGIN}/l/ZD-2026-007/feedback?t=k1.e30.AAAA`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('链接无效');
  });
});
