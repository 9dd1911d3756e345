/** The 督查室's desk: behind the admin token; what waits on whom, and the links' trail in 审计日志. */
import { describe, expect, it } from 'vitest';
import { a1Of, cellUrl, columnLetters } from '../../../src/web/links/desk-problems';
import { tabSpec } from '../../../src/workbook/schema/tabs';
import { linkFixture } from './fixture';

const ADMIN = 'admin-token-0123456789';
const ITEM = 'ZD-2026-003';
const UNIT = 'fgj.lianluo@demo.gov.cn';

async function submit(
  f: ReturnType<typeof linkFixture>,
  action: 'extend' | 'adjust',
  fields: Record<string, string>,
) {
  const t = await f.token(action, { task: ITEM, person: UNIT });
  const csrf = /name="csrf"\s+value="([^"]+)"/.exec(
    await (await f.app.request(f.path(action, t, ITEM))).text(),
  )![1]!;
  return f.post(action, t, { csrf, ...fields }, undefined, ITEM);
}

describe('督查室 desk', () => {
  it('refuses without the admin token; the token link sets an HttpOnly cookie and drops the token from the address', async () => {
    const f = linkFixture();
    expect((await f.app.request('/desk')).status).toBe(401);
    const wrong = await f.app.request('/desk?t=guess');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('需要管理令牌');
    expect((await f.app.request('/desk', { headers: { authorization: 'Bearer guess' } })).status).toBe(401);
    const link = await f.app.request(`/desk?t=${ADMIN}&id=${ITEM}`);
    expect(link.status).toBe(302);
    expect(link.headers.get('location')).toBe(`/desk?id=${ITEM}`);
    const cookie = link.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    const page = await f.app.request('/desk', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect((await f.app.request('/desk', { headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(
      200,
    );
    expect((await f.app.request('/desk', { headers: { 'x-duban-token': ADMIN } })).status).toBe(200);
  });

  it('lists open requests with whom they wait for, cards in the chain, unsigned notices, and the links’ audit (escaped, filtered)', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    expect((await submit(f, 'extend', { requested: '2026-11-30', reason: '资金未到位' })).status).toBe(200);
    const asked = await submit(f, 'adjust', {
      kind: '调整目标',
      target: '8亿元',
      reason: '<script>x</script>',
    });
    expect(asked.status).toBe(200);
    const read = async (q = '') =>
      (await f.app.request(`/desk${q}`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    const html = await read();
    expect(html).toContain(`YQ-${ITEM}-1`);
    expect(html).toContain(`TZ-${ITEM}-1`);
    expect(html).toMatch(/调整目标<\/td>\s*<td>分管领导/);
    // The demo's 督办台账 item with a card signed by the unit head and the 督查室 only.
    const section = (from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to));
    expect(section('<h2>办结审批卡', '<h2>未签收通知')).toMatch(/<td>DB-2026-\d+<\/td>/);
    expect(section('<h2>办结审批卡', '<h2>未签收通知')).not.toContain('>无<');
    expect(section('<h2>未签收通知', '<h2>审计日志')).toMatch(/临政督[^<]*号<\/td>/);
    expect(html).toContain('调整目标申请');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const other = await read('?id=DB-2026-001');
    expect(other).not.toContain('调整目标申请');
  });

  it('filters 审计日志 by 动作, 编号, 操作者 and a date range', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    expect((await submit(f, 'extend', { requested: '2026-11-30', reason: '资金未到位' })).status).toBe(200);
    const read = async (q: string) => {
      const html = await (
        await f.app.request(`/desk${q}`, { headers: { authorization: `Bearer ${ADMIN}` } })
      ).text();
      return html.slice(html.indexOf('<h2>审计日志'));
    };
    const rows = (html: string) => (html.match(/<tr>\s*<td>/g) ?? []).length;
    const links = await read('');
    expect(links).toContain('延期申请');
    expect(links).not.toMatch(/<td>系统<\/td>/);
    // A 动作 filter reaches the scan's own rows, which the default view leaves out.
    const scan = await read(`?action=${encodeURIComponent('状态变更')}`);
    expect(links).not.toContain('<td>状态变更</td>');
    expect(scan).toMatch(/<td>系统<\/td>\s*<td>状态变更<\/td>/);
    expect(rows(await read(`?action=${encodeURIComponent('申请')}`))).toBeGreaterThan(0);
    const actor = /<td>([^<]+)<\/td>\s*<td>延期申请<\/td>/.exec(links)![1]!;
    expect(await read(`?action=${encodeURIComponent('申请')}&actor=${encodeURIComponent(actor)}`)).toContain(
      '延期申请',
    );
    expect(await read(`?action=${encodeURIComponent('申请')}&actor=nobody`)).not.toContain('延期申请');
    expect(await read(`?id=${ITEM}&from=2026-06-15&to=2026-06-15`)).toContain('延期申请');
    expect(await read(`?id=${ITEM}&from=2026-06-16`)).not.toContain('延期申请');
    expect(await read(`?id=${ITEM}&to=2026-06-14`)).not.toContain('延期申请');
    expect(await read('?id=DB-2026-001')).not.toContain('延期申请');
    expect(scan).not.toContain('延期申请');
  });
});

const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)![1]!;
const bearer = { authorization: `Bearer ${ADMIN}` };

async function deskPost(
  f: ReturnType<typeof linkFixture>,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = bearer,
) {
  return f.app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers });
}

describe('督查室 desk: 立即扫描', () => {
  it('previews a scan (per-tab writes, every notice) without writing or sending, then runs it', async () => {
    const f = linkFixture();
    const desk = await (await f.app.request('/desk', { headers: bearer })).text();
    expect(desk).toContain('立即扫描（预览');
    const csrf = csrfOf(desk);
    const all = async () =>
      JSON.stringify([await f.rows('督办台账'), await f.rows('文书登记'), await f.rows('审计日志')]);
    const before = await all();
    const preview = await deskPost(f, '/desk/scan', { csrf, mode: 'preview' });
    expect(preview.status).toBe(200);
    const text = await preview.text();
    expect(text).toContain('扫描预览（未写入、未发送）');
    expect(text).toMatch(/<td>督办台账<\/td>\s*<td>[1-9]\d*<\/td>/);
    expect(text).toMatch(
      /<td>催办单[^<]*<\/td>\s*<td>[A-Z]{2}-2026-\d+<\/td>\s*<td>[^<]+<\/td>\s*<td>[^<]+<\/td>/,
    );
    expect(f.mailer.sent).toHaveLength(0);
    expect(await all()).toBe(before);
    expect(await f.service.lastSummary()).toBeNull();
    const run = await deskPost(f, '/desk/scan', { csrf, mode: 'run' });
    expect(await run.text()).toContain('扫描已执行');
    expect(f.mailer.sent.length).toBeGreaterThan(0);
    expect((await f.service.lastSummary())?.dryRun).toBe(false);
  });

  it('refuses a scan without the admin token, without the CSRF field, or posted from another site', async () => {
    const f = linkFixture();
    const csrf = csrfOf(await (await f.app.request('/desk', { headers: bearer })).text());
    expect((await deskPost(f, '/desk/scan', { csrf, mode: 'run' }, {})).status).toBe(401);
    const forged = await deskPost(f, '/desk/scan', { csrf: 'guess', mode: 'run' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('表单校验码错误');
    const other = await deskPost(
      f,
      '/desk/scan',
      { csrf, mode: 'run' },
      { ...bearer, origin: 'https://evil.example' },
    );
    expect(other.status).toBe(403);
    expect(f.mailer.sent).toHaveLength(0);
    expect(await f.service.lastSummary()).toBeNull();
  });
});

describe('督查室 desk: 工作簿问题', () => {
  it('lists the last scan’s problems with tab, row, column and message, referenced by cell', async () => {
    const f = linkFixture();
    const none = await (await f.app.request('/desk', { headers: bearer })).text();
    expect(none).toContain('尚无扫描记录');
    const { problems } = await f.service.scan(f.now);
    expect(problems.length).toBeGreaterThan(0);
    const html = await (await f.app.request('/desk', { headers: bearer })).text();
    const section = html.slice(html.indexOf('<h2>工作簿问题'), html.indexOf('<h2>待审批申请'));
    expect(section).toContain(`（上次扫描，${problems.length}条）`);
    for (const p of problems) expect(section).toContain(p.message.replaceAll('"', '&quot;'));
    // 督办台账第16行「完成时限」: the header's column letter, as text (no spreadsheet known).
    expect(section).toMatch(
      /<td>督办台账![A-Z]+16<\/td>\s*<td>督办台账<\/td>\s*<td>16<\/td>\s*<td>完成时限<\/td>/,
    );
    expect(section).not.toContain('docs.google.com');
    expect((await f.app.request('/desk')).status).toBe(401);
  });

  it('links each problem to its cell on Google Sheets when the store knows the spreadsheet (the google driver)', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    let asked = 0;
    f.store.location = async () => {
      asked++;
      return { id: 'sheet-1', gids: { 督办台账: 42, 挂图作战表: 0 } };
    };
    const read = async () => (await f.app.request('/desk', { headers: bearer })).text();
    const html = await read();
    expect(html).toMatch(
      /<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/sheet-1\/edit#gid=42&amp;range=[A-Z]+16" rel="noreferrer">督办台账![A-Z]+16<\/a>/,
    );
    await read();
    expect(asked).toBe(1); // asked once per instance
  });

  it('links a problem to its cell in Google Sheets when the tab’s gid is known', () => {
    const p = {
      tab: '督办台账',
      row: 16,
      id: 'DB-2026-015',
      cell: '完成时限',
      code: 'bad-date',
      message: 'x',
    };
    const a1 = a1Of(p, ['编号', '事项', '完成时限']);
    expect(a1).toBe('C16');
    expect(columnLetters(26)).toBe('AA');
    expect(cellUrl({ id: 'abc', gids: { 督办台账: 42 } }, '督办台账', a1)).toBe(
      'https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=C16',
    );
    expect(cellUrl({ id: 'abc', gids: {} }, '督办台账', a1)).toBeNull();
    expect(cellUrl(undefined, '督办台账', a1)).toBeNull();
  });
});

describe('督查室 desk: 重发', () => {
  /** A notice the mail server refused: its 文书登记 row 发送失败 (as send-notices.ts records it). */
  async function failOne(f: ReturnType<typeof linkFixture>) {
    await f.service.scan(f.now);
    const row = (await f.rows('文书登记')).find(
      (r) => String(r.cells['发送状态']) === '已发送' && String(r.cells['类型']) === '催办单',
    )!;
    const docNo = String(row.cells['文号']);
    const snapshot = await f.store.read([tabSpec('文书登记')]);
    await f.store.apply(
      {
        cells: [],
        ids: [],
        appends: [],
        ledgerUpdates: [{ tab: '文书登记', keyColumn: '文号', key: docNo, values: { 发送状态: '发送失败' } }],
      },
      snapshot,
    );
    return docNo;
  }
  const statusOf = async (f: ReturnType<typeof linkFixture>, docNo: string) =>
    String((await f.rows('文书登记')).find((r) => String(r.cells['文号']) === docNo)!.cells['发送状态']);

  it('lists a 发送失败 notice, sets it back to 待发送 with an audit row, and the next scan resends it', async () => {
    const f = linkFixture();
    const docNo = await failOne(f);
    const desk = await (await f.app.request('/desk', { headers: bearer })).text();
    const section = desk.slice(desk.indexOf('<h2>发送失败的通知'), desk.indexOf('<h2>待审批申请'));
    expect(section).toContain('（1份）');
    expect(section).toContain(`value="${docNo}"`);
    expect(section).toContain('每人一封的通知只发给还没收到的人'); // a recipient who has theirs gets none again
    const res = await deskPost(f, '/desk/resend', { csrf: csrfOf(desk), docNo });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已改回待发送');
    expect(await statusOf(f, docNo)).toBe('待发送');
    const audit = (await f.rows('审计日志')).at(-1)!;
    expect(String(audit.cells['动作'])).toBe('改回待发送');
    expect(String(audit.cells['原值'])).toBe('发送失败');
    expect(String(audit.cells['操作者'])).toBe('督查室');
    // A second press finds nothing failed any more.
    expect((await deskPost(f, '/desk/resend', { csrf: csrfOf(desk), docNo })).status).toBe(409);
    const sent = f.mailer.sent.length;
    await f.service.scan(f.now);
    expect(await statusOf(f, docNo)).toBe('已发送');
    expect(f.mailer.sent.length).toBeGreaterThan(sent);
  });

  it('refuses 重发 without the admin token, with a wrong CSRF field, or from another site', async () => {
    const f = linkFixture();
    const docNo = await failOne(f);
    const csrf = csrfOf(await (await f.app.request('/desk', { headers: bearer })).text());
    expect((await deskPost(f, '/desk/resend', { csrf, docNo }, {})).status).toBe(401);
    expect((await deskPost(f, '/desk/resend', { csrf: 'x', docNo })).status).toBe(403);
    const other = { ...bearer, 'sec-fetch-site': 'cross-site' };
    expect((await deskPost(f, '/desk/resend', { csrf, docNo }, other)).status).toBe(403);
    expect(await statusOf(f, docNo)).toBe('发送失败');
  });
});
