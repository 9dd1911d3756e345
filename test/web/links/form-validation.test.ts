/**
 * The link pages read their address and forms through `zValidator` (routes.ts): one field given twice, a token given
 * twice, a draft key that cannot be one — each is a Chinese page with a 400 that says what is wrong, and nothing is
 * written. (Each page's own fields are tested with the page: feedback.test.ts, extension.test.ts…)
 */
import { describe, expect, it } from 'vitest';
import { SAME_ORIGIN, linkFixture, text } from './fixture';

describe('link forms validated by zValidator', () => {
  it('a field sent twice is refused with the page again and what is accepted, not the last copy silently taken', async () => {
    const f = linkFixture();
    const t = await f.token('feedback');
    const page = await f.app.request(f.path('feedback', t));
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const calls = { ...f.store.calls };
    const body = new URLSearchParams({ t, csrf, month: '6', progress: '50' });
    body.append('done', '已完成');
    body.append('done', '=HYPERLINK("http://x","y")');
    const res = await f.app.request('/l/ZD-2026-007/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: body.toString(),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请填写完成情况');
    expect(html).toContain('name="done"'); // the form again, to correct
    expect(f.store.calls.apply).toBe(calls.apply);
  });

  it('an address carrying two tokens is 链接不完整 (400), audited', async () => {
    const f = linkFixture();
    const t = await f.token('ack');
    const res = await f.app.request(`${f.path('ack', t)}&t=${t}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('链接不完整');
    expect((await f.rows('审计日志')).some((r) => text(r, '备注').startsWith('缺少令牌'))).toBe(true);
  });

  it('a 签收 with an empty name is the form again with a 400 naming the field', async () => {
    const f = linkFixture();
    const res = await f.submit('ack', await f.token('ack'), { owner: '   ' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请填写具体责任人姓名');
    expect(html).toContain('确认签收');
  });
});
