/** Issue 11: GET /board — who may open it, every filter, the counts, the 红黑榜, one snapshot per scan. */
import { describe, expect, it, vi } from 'vitest';
import { ADMIN, idsOn, scannedDemo, sheetTasks, VIEWER } from './board-fixture';

const { store, service, app } = await scannedDemo();
const tasks = sheetTasks(store);
const cookie = `duban_board=${VIEWER}`;
const page = async (query: string) => {
  const res = await app.request(`/board${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return res.text();
};

describe('opening the board', () => {
  it('is refused without a token, and with a wrong one', async () => {
    for (const [path, headers] of [
      ['/board', {}],
      ['/board?t=wrong-token-0123456789', {}],
      ['/board', { cookie: 'duban_board=wrong-token-0123456789' }],
      ['/board', { authorization: 'Bearer wrong-token-0123456789' }],
    ] as const) {
      const res = await app.request(path, { headers });
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('请用督查室发给您的看板链接');
    }
  });

  it('a viewer link sets an HttpOnly cookie and redirects to the address without the token', async () => {
    const res = await app.request(`/board?t=${VIEWER}&status=逾期`);
    expect(res.status).toBe(302);
    expect(decodeURIComponent(res.headers.get('location')!)).toBe('/board?status=逾期');
    const set = res.headers.get('set-cookie')!;
    expect(set).toContain(`duban_board=${VIEWER}`);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
  });

  it('opens with the cookie or the admin token, showing every task of both tabs in sheet order', async () => {
    expect(idsOn(await page(''))).toEqual(tasks.map((t) => t.id));
    const admin = await app.request('/board', { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('the filters', () => {
  const cases: Array<[string, string, (t: (typeof tasks)[number]) => boolean]> = [
    ['分管领导', '?leader=冯长青', (t) => t.leader === '冯长青'],
    ['牵头单位', '?unit=县住建局', (t) => t.unit === '县住建局'],
    ['状态', '?status=逾期', (t) => t.status === '逾期'],
    ['预警 红牌', '?card=红牌', (t) => t.card === '红牌'],
    ['预警 无', '?card=无', (t) => t.card === '无'],
    ['搜索', '?q=供暖', (t) => t.title.includes('供暖')],
    ['搜索编号', '?q=db-2026-00', (t) => t.id.startsWith('DB-2026-00')],
    ['combined', '?leader=冯长青&status=逾期', (t) => t.leader === '冯长青' && t.status === '逾期'],
  ];
  for (const [name, query, keep] of cases)
    it(`${name}: ${decodeURIComponent(query)} keeps exactly the matching tasks, counted`, async () => {
      const expected = tasks.filter(keep).map((t) => t.id);
      expect(expected.length).toBeGreaterThan(0);
      const html = await page(encodeURI(query));
      expect(idsOn(html)).toEqual(expected);
      expect(html).toContain(`<b>共${expected.length}项</b>`);
    });

  it('counts by 状态 and 预警 link to their filter, coloured as the sheet', async () => {
    const html = await page('');
    const overdue = tasks.filter((t) => t.status === '逾期').length;
    expect(html).toContain(
      `href="?status=%E9%80%BE%E6%9C%9F" style="background:#F0606A">逾期 ${overdue}</a>`,
    );
  });

  it('a filter that matches nothing says so', async () => {
    const html = await page(encodeURI('?q=不存在的任务'));
    expect(idsOn(html)).toEqual([]);
    expect(html).toContain('没有符合条件的事项。');
  });

  it('an unknown 状态 or 预警 is a 400 that lists what is accepted', async () => {
    const res = await app.request(`/board${encodeURI('?status=很好')}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(
      '状态"很好"无法识别，可选：已办结、已调出、待办结审批、逾期、临期、滞后、未启动、正常推进、数据有误',
    );
    const card = await app.request(`/board${encodeURI('?card=绿牌')}`, { headers: { cookie } });
    expect(await card.text()).toBe('预警"绿牌"无法识别，可选：红牌、黄牌、蓝牌、无');
  });
});

describe('the page', () => {
  it("shows the last 通报's 红黑榜 and its charts as inline SVG, with nothing loaded from elsewhere", async () => {
    const html = await page('');
    expect(html).toContain('2026年5月通报 · 红黑榜');
    expect(html).toMatch(/<caption>红榜<\/caption>.*<caption>黑榜<\/caption>/s);
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('puts 状态 and 预警 right after the task, then the month pairs', async () => {
    const html = await page('');
    expect(html).toMatch(/编号 \/ 工作任务<\/th><th rowspan="2">状态<\/th><th rowspan="2">预警<\/th>/);
    expect(html.match(/<th class="m( mo)?">应完成工作任务<\/th><th class="m( mo)?">完成情况<\/th>/g)).toHaveLength(12);
    expect(html).toContain('@page{size:A3 landscape');
  });

  it('renders once per scan: requests reuse the snapshot, a scan renews it', async () => {
    await page('');
    const reads = store.calls.read;
    await page('?status=%E9%80%BE%E6%9C%9F');
    await page('');
    expect(store.calls.read).toBe(reads);
    await service.scan(new Date('2026-06-15T10:00:00+08:00'));
    const afterScan = store.calls.read;
    await page('');
    expect(store.calls.read).toBe(afterScan + 1);
  });
});

describe('on a long-running server (duban serve)', () => {
  it('renders the board right after a scan, so the first viewer does not wait for it', async () => {
    const { createService } = await import('../../src/runtime/service');
    const { createMemoryMailer } = await import('../../src/mail/memory');
    const warmed = createService({
      name: 'test',
      targets: { store, mailer: createMemoryMailer(), mailTransport: 'outbox' },
      from: { address: 'duban@example.gov.cn' },
      adminToken: ADMIN,
      warmBoard: true,
    });
    const before = store.calls.read;
    await warmed.scan(new Date('2026-06-15T11:00:00+08:00'));
    // The scan's read, then the board's, with no request.
    await vi.waitFor(() => expect(store.calls.read).toBe(before + 2), { timeout: 5000 });
    const afterWarm = store.calls.read;
    const res = await warmed.app.request('/board', { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    expect(store.calls.read).toBe(afterWarm);
  });
});
