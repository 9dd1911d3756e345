/**
 * Every way a link can be wrong gets a Chinese page, a 4xx and a 审计日志 row, and writes nothing else: forged,
 * expired, another office, another task, another person, another action, a form posted from another site.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../../src/mail/memory';
import { createMemoryStore } from '../../../src/store/drivers/memory/memory';
import { linkRoutes } from '../../../src/web/links/routes';
import { parseLinkKeys, signLink } from '../../../src/web/links/token';
import { at830, demoWorkbook, FROM } from '../../scan/demo-workbook';
import { KEYS, linkFixture, OFFICE, SAME_ORIGIN, TASK, text } from './fixture';

async function refusedWith(
  f: ReturnType<typeof linkFixture>,
  res: Response,
  status: number,
  title: string,
  note: string,
) {
  expect(res.status).toBe(status);
  const page = await res.text();
  expect(page).toContain(title);
  expect(page).toContain('lang="zh-CN"');
  const audit = (await f.rows('审计日志')).at(-1);
  expect(text(audit, '动作')).toBe('链接拒绝');
  expect(text(audit, '备注')).toContain(note);
  return audit;
}

describe('refused links', () => {
  it('forged: a changed payload or a key this office never had', async () => {
    const f = linkFixture();
    const [kid, , sig] = (await f.token('feedback')).split('.');
    const payload = Buffer.from(
      JSON.stringify({ office: OFFICE, task: TASK, action: 'feedback', person: 'evil@x.cn', exp: 9e9 }),
    ).toString('base64url');
    const forged = `${kid}.${payload}.${sig}`;
    const audit = await refusedWith(
      f,
      await f.app.request(f.path('feedback', forged)),
      403,
      '链接无效',
      '篡改',
    );
    expect(text(audit, '编号')).toBe(TASK);
    expect(text(audit, '操作者')).toContain('匿名');
    const alien = await signLink(
      { office: OFFICE, task: TASK, action: 'feedback', person: 'swj.lianluo@demo.gov.cn', exp: 9e9 },
      parseLinkKeys('k9:some-other-secret-0123456789'),
    );
    await refusedWith(f, await f.app.request(f.path('feedback', alien)), 403, '链接无效', '篡改');
  });

  it('expired', async () => {
    const f = linkFixture();
    const t = await f.token('feedback', { exp: f.now.getTime() / 1000 - 1 });
    const audit = await refusedWith(f, await f.app.request(f.path('feedback', t)), 410, '链接已过期', '过期');
    expect(text(audit, '操作者')).toBe('swj.lianluo@demo.gov.cn');
  });

  it('another office, another task, another action, another person', async () => {
    const f = linkFixture();
    const office = await f.token('feedback', { office: 'other-county.xlsx' });
    await refusedWith(
      f,
      await f.app.request(f.path('feedback', office)),
      403,
      '链接不属于本系统',
      '其他工作簿',
    );
    const otherTask = await f.token('feedback', { task: 'ZD-2026-006' });
    await refusedWith(
      f,
      await f.app.request(f.path('feedback', otherTask)),
      403,
      '链接与事项不符',
      '其他事项',
    );
    const ack = await f.token('ack');
    await refusedWith(f, await f.app.request(f.path('feedback', ack)), 403, '链接与操作不符', '其他操作');
    // 县发改局's liaison holding a link to 县商务局's task.
    const stranger = await f.token('feedback', { person: 'fgj.lianluo@demo.gov.cn' });
    await refusedWith(
      f,
      await f.app.request(f.path('feedback', stranger)),
      403,
      '无权使用此链接',
      '不是该事项',
    );
    const gone = await f.token('feedback', { task: 'ZD-2026-999' });
    await refusedWith(
      f,
      await f.app.request(f.path('feedback', gone, 'ZD-2026-999')),
      404,
      '事项不存在',
      '不存在',
    );
    const none = await f.app.request(`/l/${TASK}/feedback`);
    await refusedWith(f, none, 400, '链接不完整', '缺少令牌');
  });

  it('a form posted from another site, or without the page’s CSRF field, is refused and nothing is written', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const page = await (await f.app.request(f.path('feedback', t))).text();
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(page)![1]!;
    const fields = { csrf, month: '6', done: '已完成', progress: '50' };
    const before = (await f.rows('反馈记录')).length;
    const evil = await f.post('feedback', t, fields, { origin: 'https://evil.example' });
    await refusedWith(f, evil, 403, '提交被拒绝', '跨站');
    const site = await f.post('feedback', t, fields, { 'sec-fetch-site': 'cross-site' });
    await refusedWith(f, site, 403, '提交被拒绝', '跨站');
    const noCsrf = await f.post('feedback', t, { ...fields, csrf: 'guess' }, SAME_ORIGIN);
    await refusedWith(f, noCsrf, 403, '表单已失效', '校验码');
    expect((await f.rows('反馈记录')).length).toBe(before);
  });

  it('a body over 256 KB is refused before it is read', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const res = await f.post('feedback', t, { done: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('提交的内容过大');
  });

  it('rate limits per token and per address (429)', async () => {
    const store = createMemoryStore(demoWorkbook());
    const now = at830('2026-06-15');
    const deps = {
      store,
      keys: KEYS,
      office: OFFICE,
      mailer: createMemoryMailer(),
      from: FROM,
      clock: () => now,
    };
    const app = new Hono().route('/l', linkRoutes(deps, { perToken: 2, perAddress: 3 }));
    const t = await signLink(
      { office: OFFICE, task: TASK, action: 'feedback', person: 'swj.lianluo@demo.gov.cn', exp: 9e9 },
      KEYS,
    );
    const get = (ip: string) =>
      app.request(`/l/${TASK}/feedback?t=${t}`, { headers: { 'x-forwarded-for': ip } });
    expect((await get('10.0.0.1')).status).toBe(200);
    expect((await get('10.0.0.2')).status).toBe(200);
    const third = await get('10.0.0.3');
    expect(third.status).toBe(429);
    expect(await third.text()).toContain('操作过于频繁');
    for (let i = 0; i < 3; i++)
      await app.request(`/l/${TASK}/feedback?t=x${i}`, { headers: { 'x-forwarded-for': '10.0.0.9' } });
    expect(
      (await app.request(`/l/${TASK}/feedback?t=y`, { headers: { 'x-forwarded-for': '10.0.0.9' } })).status,
    ).toBe(429);
  });

  it('a flood of forged tokens from ever-new addresses writes at most the audit budget into 审计日志', async () => {
    const store = createMemoryStore(demoWorkbook());
    const now = at830('2026-06-15');
    const deps = {
      store,
      keys: KEYS,
      office: OFFICE,
      mailer: createMemoryMailer(),
      from: FROM,
      clock: () => now,
    };
    const app = new Hono().route('/l', linkRoutes(deps, { auditedRefusals: 2 }));
    for (let i = 0; i < 5; i++) {
      const res = await app.request(`/l/${TASK}/feedback?t=k2.e30.forged${i}`, {
        headers: { 'x-forwarded-for': `10.1.0.${i}` },
      });
      expect(res.status).toBe(403);
    }
    expect(store.calls.append).toBe(2);
  });

  it('without DUBAN_LINK_SECRET every link page says links are off (503)', async () => {
    const store = createMemoryStore(demoWorkbook());
    const deps = {
      store,
      keys: null,
      office: OFFICE,
      mailer: createMemoryMailer(),
      from: FROM,
      clock: () => new Date(),
    };
    const app = new Hono().route('/l', linkRoutes(deps));
    const res = await app.request(`/l/${TASK}/feedback?t=abc`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('链接功能未开启');
  });
});
