/**
 * The 督查室 role's signed link to the desk (desk-link.ts): it opens the desk for a 督查室 contact of 通讯录, and a resend
 * from it is audited under their name; a unit's link, a desk token naming a unit's liaison, an expired or another
 * office's desk link open nothing. `duban desk-link` prints one per 督查室 person.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkbook } from '../../../sheets-templates/cli/init';
import { run as deskLinkCli } from '../../../src/cli/desk-link';
import { DEFAULT_PORT } from '../../../src/local/link-base';
import { localLinkKeys } from '../../../src/local/link-secret';
import { deskLink } from '../../../src/web/links/desk-link';
import { expiryOf } from '../../../src/web/links/link-deps';
import { signLink, verifyLink } from '../../../src/web/links/token';
import { tabSpec } from '../../../src/workbook/schema/tabs';
import { KEYS, LIAISON, linkFixture, OFFICE, PUBLIC, SAME_ORIGIN } from './fixture';

const DUCHA = 'ducha@demo.gov.cn'; // 督查室主任 in the demo 通讯录
const settings = { keys: KEYS, office: OFFICE, publicUrl: PUBLIC };
const local = (url: string) => url.replace(PUBLIC, '');

/** Open the desk with `?t=`: the cookie it sets, or the refusal's status. */
async function open(f: ReturnType<typeof linkFixture>, t: string) {
  const res = await f.app.request(`/desk?t=${t}`);
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

describe('the 督查室 role’s desk link', () => {
  it('opens the desk for the 督查室 person it names, and their resend is audited under their name', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    const url = (await deskLink(settings, DUCHA, f.now))!;
    expect(url.startsWith(`${PUBLIC}/desk?t=`)).toBe(true);
    const res = await f.app.request(local(url));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/desk');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const desk = await f.app.request('/desk', { headers: { cookie } });
    expect(desk.status).toBe(200);
    const html = await desk.text();
    expect(html).toContain('<h2>待审批申请');
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    const row = (await f.rows('文书登记')).find((r) => String(r.cells['发送状态']) === '已发送')!;
    const docNo = String(row.cells['文号']);
    const snapshot = await f.store.read([
      (await import('../../../src/workbook/schema/tabs')).tabSpec('文书登记'),
    ]);
    await f.store.apply(
      {
        cells: [],
        ids: [],
        appends: [],
        ledgerUpdates: [{ tab: '文书登记', keyColumn: '文号', key: docNo, values: { 发送状态: '发送失败' } }],
      },
      snapshot,
    );
    const resend = await f.app.request('/desk/resend', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: new URLSearchParams({ csrf, docNo }).toString(),
    });
    expect(resend.status).toBe(200);
    const audit = (await f.rows('审计日志')).at(-1)!;
    expect(String(audit.cells['动作'])).toBe('改回待发送');
    expect(String(audit.cells['操作者'])).toBe('吴红梅');
  });

  it("a unit's link never opens the desk, in the address or as the cookie", async () => {
    const f = linkFixture();
    for (const action of ['feedback', 'ack', 'extend'] as const) {
      const t = await f.token(action);
      expect((await open(f, t)).status).toBe(401);
      expect((await f.app.request('/desk', { headers: { cookie: `duban_desk=${t}` } })).status).toBe(401);
      expect((await f.app.request('/desk', { headers: { authorization: `Bearer ${t}` } })).status).toBe(401);
    }
    const page = await f.app.request(`/desk?t=${await f.token('feedback')}`);
    expect(await page.text()).toContain('各单位和领导收到的办理链接不能打开工作台');
  });

  it('a desk token naming a unit’s liaison, an expired one, another office’s, or a forged one opens nothing', async () => {
    const f = linkFixture();
    const desk = (over: object) =>
      signLink(
        {
          office: OFFICE,
          task: '督查室工作台',
          action: 'desk',
          person: DUCHA,
          exp: expiryOf('desk', f.now),
          ...over,
        },
        KEYS,
      );
    expect((await open(f, await desk({}))).status).toBe(302);
    // The desk link is not the admin token: the admin API refuses it.
    const api = await f.app.request('/api/scan', {
      method: 'POST',
      headers: { authorization: `Bearer ${await desk({})}` },
    });
    expect(api.status).toBe(401);
    expect((await open(f, await desk({ person: LIAISON }))).status).toBe(401);
    expect((await open(f, await desk({ exp: 1 }))).status).toBe(401);
    expect((await open(f, await desk({ office: 'other.xlsx' }))).status).toBe(401);
    const good = await desk({});
    expect((await open(f, `${good.slice(0, -2)}AA`)).status).toBe(401);
  });
});

describe('the desk link in the 督查室’s daily digest', () => {
  it('each 督查室 person’s digest carries their own desk link, which opens the desk; no other digest has one', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    const digests = f.mailer.sent.filter((m) => m.subject.startsWith('【督办提醒】'));
    const ducha = digests.find((m) => m.to.some((a) => a.address === DUCHA))!;
    const url = /督查室工作台（本人专用，7天内有效）：https:\/\/duban\.example\.gov\.cn(\/desk\?t=\S+)/.exec(
      ducha.text,
    )?.[1];
    expect(url).toBeDefined();
    expect(ducha.html).toContain('打开督查室工作台');
    expect((await f.app.request(url!)).status).toBe(302);
    const others = digests.filter((m) => !m.to.some((a) => a.address.startsWith('ducha')));
    expect(others.length).toBeGreaterThan(3);
    for (const m of others) expect(m.text).not.toContain('/desk?t=');
  });
});

describe('duban desk-link', () => {
  let out: string[] = [];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(String(s)));
    vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(String(s)));
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints a 7-day desk link for each 督查室 person, signed with the keys duban serve uses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-desk-link-'));
    const workbook = join(dir, 'demo.xlsx');
    await createWorkbook(workbook, '2026-06-15');
    const now = new Date('2026-06-15T00:30:00Z');
    expect(
      await deskLinkCli(['--workbook', workbook, '--url', 'https://duban.example.gov.cn'], () => now),
    ).toBe(0);
    const lines = out.filter((l) => l.includes('/desk?t='));
    expect(lines).toHaveLength(2);
    const { keys } = await localLinkKeys(workbook, null);
    for (const line of lines) {
      const t = new URL(line.slice(line.indexOf('https://'))).searchParams.get('t')!;
      const verified = await verifyLink(t, keys, now);
      expect(verified.ok && verified.claims.action).toBe('desk');
      expect(verified.ok && verified.claims.office).toBe('demo.xlsx');
      expect(verified.ok && verified.claims.exp).toBe(expiryOf('desk', now));
    }
    expect(lines[0]).toMatch(/^吴红梅 <ducha@demo\.gov\.cn>：https:\/\/duban\.example\.gov\.cn\/desk\?t=/);
    expect(await deskLinkCli(['--workbook', workbook, '--to', LIAISON])).toBe(2);
    expect(out.at(-1)).toContain('没有邮箱为');
  });

  it('without --url or DUBAN_PUBLIC_URL points at duban serve on its default port, and says only this PC opens it', async () => {
    vi.stubEnv('DUBAN_PUBLIC_URL', '');
    const dir = mkdtempSync(join(tmpdir(), 'duban-desk-link-'));
    const workbook = join(dir, 'demo.xlsx');
    await createWorkbook(workbook, '2026-06-15');
    expect(await deskLinkCli(['--workbook', workbook])).toBe(0);
    vi.unstubAllEnvs();
    const links = out.filter((l) => l.includes('/desk?t='));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toContain(`：http://localhost:${DEFAULT_PORT}/desk?t=`);
    expect(out.join('\n')).toMatch(/只能在运行 duban serve 的这台电脑上打开.*--url.*DUBAN_PUBLIC_URL/);
  });
});
