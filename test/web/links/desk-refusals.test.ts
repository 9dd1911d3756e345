/**
 * A refused desk form (改回待发送, 立即扫描) is audited like a refused link: no token or a unit's link (401), a post
 * from another site or without the desk's CSRF field (403), a bad form (400, what is wrong and what is accepted) —
 * each a 审计日志 row 工作台拒绝 naming who (the holder, or the address) and why; a flood is capped.
 */
import { describe, expect, it } from 'vitest';
import { signLink } from '../../../src/web/links/token';
import { KEYS, linkFixture, OFFICE, text } from './fixture';

const ADMIN = 'admin-token-0123456789';
const bearer = { authorization: `Bearer ${ADMIN}` };
type F = ReturnType<typeof linkFixture>;

const post = (f: F, path: string, fields: Record<string, string>, headers: Record<string, string> = bearer) =>
  f.app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers });
const csrfOf = async (f: F) =>
  /name="csrf" value="([^"]+)"/.exec(await (await f.app.request('/desk', { headers: bearer })).text())![1]!;
const refusals = async (f: F) => (await f.rows('审计日志')).filter((r) => text(r, '动作') === '工作台拒绝');

describe('refused desk forms are audited', () => {
  it('no token, a unit’s link or an expired desk link: 401 and a row naming the address', async () => {
    const f = linkFixture();
    expect((await post(f, '/desk/resend', { docNo: 'x' }, {})).status).toBe(401);
    const unit = await f.token('feedback');
    const cookie = { cookie: `duban_desk=${unit}` };
    expect((await post(f, '/desk/scan', { mode: 'run' }, cookie)).status).toBe(401);
    const expired = await signLink(
      { office: OFFICE, task: '督查室工作台', action: 'desk', person: 'ducha@demo.gov.cn', exp: 1 },
      KEYS,
    );
    expect((await post(f, '/desk/resend', { docNo: 'x' }, { cookie: `duban_desk=${expired}` })).status).toBe(
      401,
    );
    const rows = await refusals(f);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => text(r, '操作者'))).toEqual(['匿名（local）', '匿名（local）', '匿名（local）']);
    expect(text(rows[0]!, '备注')).toMatch(/^无管理令牌或工作台链接；来源 local$/);
    expect(rows.map((r) => text(r, '字段'))).toEqual(['/desk/resend', '/desk/scan', '/desk/resend']);
    expect(await f.service.lastSummary()).toBeNull();
  });

  it('another site or a wrong CSRF field: 403 and a row naming the holder', async () => {
    const f = linkFixture();
    const csrf = await csrfOf(f);
    expect((await post(f, '/desk/scan', { csrf: 'x', mode: 'run' })).status).toBe(403);
    const cross = { ...bearer, 'sec-fetch-site': 'cross-site' };
    expect((await post(f, '/desk/scan', { csrf, mode: 'run' }, cross)).status).toBe(403);
    const rows = await refusals(f);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => text(r, '操作者') === '督查室')).toBe(true);
    expect(text(rows[0]!, '备注')).toContain('跨站提交或表单校验码错误');
    expect(await f.service.lastSummary()).toBeNull();
  });

  it('a bad form: 400 saying what is wrong and what is accepted, audited, nothing done', async () => {
    const f = linkFixture();
    const csrf = await csrfOf(f);
    const empty = await post(f, '/desk/resend', { csrf, docNo: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('请填写要改回待发送的文号');
    const mode = await post(f, '/desk/scan', { csrf, mode: 'delete' });
    expect(mode.status).toBe(400);
    expect(await mode.text()).toContain('扫描方式只能是预览（preview）或执行（run）');
    const rows = await refusals(f);
    expect(rows.map((r) => text(r, '备注').split('；').slice(0, 2).join('；'))).toEqual([
      '表单内容有误；请填写要改回待发送的文号',
      '表单内容有误；扫描方式只能是预览（preview）或执行（run）',
    ]);
    expect(await f.service.lastSummary()).toBeNull();
  });

  it('a good form is not audited as refused', async () => {
    const f = linkFixture();
    const res = await post(f, '/desk/scan', { csrf: await csrfOf(f) });
    expect(res.status).toBe(200);
    expect(await refusals(f)).toHaveLength(0);
  });

  it('a flood of forged posts writes at most 200 rows per 10 minutes', async () => {
    const f = linkFixture();
    for (let i = 0; i < 205; i++)
      await post(f, '/desk/resend', { docNo: 'x' }, { authorization: 'Bearer guess' });
    expect(await refusals(f)).toHaveLength(200);
  }, 30_000);
});
