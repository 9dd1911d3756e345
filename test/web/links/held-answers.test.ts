/**
 * Answers by link while a clerk has the workbook open: checked, held and acknowledged (202), then written by the
 * service once the workbook is closed, as of when they were submitted, each once.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../../src/mail/memory';
import { createService } from '../../../src/runtime/service';
import { createMemoryStore } from '../../../src/store/drivers/memory/memory';
import { expiryOf, linkUrl } from '../../../src/web/links/link-deps';
import { type LinkAction, signLink } from '../../../src/web/links/token';
import { tabSpec, type TabName } from '../../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from '../../scan/demo-workbook';
import { KEYS, LIAISON, memoryHeld, OFFICE, PUBLIC, SAME_ORIGIN, TASK, text } from './fixture';

function heldFixture() {
  const store = createMemoryStore(demoWorkbook());
  const mailer = createMemoryMailer();
  const held = memoryHeld();
  let now = at830('2026-06-15');
  const service = createService({
    name: 'test',
    targets: { store, mailer, mailTransport: 'smtp' },
    from: FROM,
    adminToken: 'admin-token-0123456789',
    clock: () => now,
    links: { keys: KEYS, office: OFFICE, publicUrl: PUBLIC, held },
  });
  const token = (action: LinkAction, exp = expiryOf(action, now)) =>
    signLink({ office: OFFICE, task: TASK, action, person: LIAISON, exp }, KEYS);
  const get = (action: LinkAction, t: string) => service.app.request(linkUrl('', { task: TASK, action }, t));
  const csrfOf = async (action: LinkAction, t: string) =>
    /name="csrf"\s+value="([^"]+)"/.exec(await (await get(action, t)).text())?.[1] ?? '';
  async function submit(action: LinkAction, t: string, fields: Record<string, string>, csrf?: string) {
    csrf ??= await csrfOf(action, t);
    return service.app.request(linkUrl('', { task: TASK, action }, '').replace(/\?t=$/, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: new URLSearchParams({ t, csrf, ...fields }).toString(),
    });
  }
  const rows = async (tab: TabName) => (await store.read([tabSpec(tab)])).tabs[tab]?.rows ?? [];
  const setNow = (iso: string) => void (now = new Date(iso));
  return { service, mailer, held, token, get, csrfOf, submit, rows, setNow, now: () => now };
}

const JUNE = { month: '6', done: '广交会参展企业12家', progress: '50' };

describe('answers by link while the workbook is open in an editor', () => {
  it('holds a 反馈 (202, nothing written), writes it once the workbook is closed, dated when it was submitted', async () => {
    const f = heldFixture();
    const t = await f.token('feedback');
    const before = (await f.rows('反馈记录')).length;
    const csrf = await f.csrfOf('feedback', t);
    const res = await f.submit('feedback', t, JUNE, csrf);
    expect(res.status).toBe(202);
    const page = await res.text();
    expect(page).toContain('反馈已收到');
    expect(page).toContain('您于6月15日 08:30提交的反馈已收到并保存，无需重复提交');
    expect((await f.rows('反馈记录')).length).toBe(before);
    expect(f.held.answers()).toHaveLength(1);

    // Still open: nothing written; the link shows what waits instead of an empty form.
    f.setNow('2026-06-15T09:10:00Z');
    expect(await f.service.drainHeldAnswers(f.now())).toBe(0);
    const again = await f.get('feedback', t);
    expect(again.status).toBe(202);
    expect(await again.text()).not.toContain('name="done"');
    // A reload of the submitted form while it waits is not held twice.
    expect((await f.submit('feedback', t, JUNE, csrf)).status).toBe(202);
    expect(f.held.answers()).toHaveLength(1);

    f.held.open = false;
    expect(await f.service.drainHeldAnswers(f.now())).toBe(1);
    expect(f.held.answers()).toHaveLength(0);
    const written = (await f.rows('反馈记录')).slice(before);
    expect(written).toHaveLength(1);
    expect(text(written[0], '完成情况')).toBe('广交会参展企业12家');
    const audit = (await f.rows('审计日志')).filter((r) => text(r, '动作') === '链接反馈');
    expect(audit.map((r) => text(r, '时间'))).toEqual(['2026-06-15 08:30:00']);
    // Written: the link is the form again.
    expect(await (await f.get('feedback', t)).text()).toContain('name="done"');
  });

  it('shows the 督查室 on its desk what waits and why, until it is written', async () => {
    const f = heldFixture();
    const desk = async () =>
      (await f.service.app.request('/desk', { headers: { authorization: 'Bearer admin-token-0123456789' } })).text();
    expect(await desk()).not.toContain('等待记入的单位提交');
    expect((await f.submit('feedback', await f.token('feedback'), JUNE)).status).toBe(202);
    const waiting = await desk();
    expect(waiting).toContain('等待记入的单位提交（1份）');
    expect(waiting).toContain('请保存并关闭工作簿');
    expect(waiting).toMatch(/6月15日 08:30<\/td>\s*<td>ZD-2026-007<\/td>\s*<td>反馈<\/td>\s*<td>swj\.lianluo@demo\.gov\.cn/);
    f.held.open = false;
    await f.service.drainHeldAnswers(f.now());
    expect(await desk()).not.toContain('等待记入的单位提交');
  });

  it('checks the form before holding it: a bad one is the page again with what is wrong, nothing held', async () => {
    const f = heldFixture();
    const res = await f.submit('feedback', await f.token('feedback'), { ...JUNE, progress: '150' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('进度不能大于100');
    expect(f.held.answers()).toHaveLength(0);
  });

  it('writes a held answer whose link expired while it waited, since it was valid when submitted', async () => {
    const f = heldFixture();
    const t = await f.token('ack', Math.floor(f.now().getTime() / 1000) + 3600);
    expect((await f.submit('ack', t, { owner: '孙振华' })).status).toBe(202);
    f.setNow('2026-06-16T01:00:00Z');
    f.held.open = false;
    expect(await f.service.drainHeldAnswers(f.now())).toBe(1);
    const acks = (await f.rows('审计日志')).filter((r) => text(r, '动作') === '链接签收' && text(r, '编号') === TASK);
    expect(acks.map((r) => text(r, '时间'))).toEqual(['2026-06-15 08:30:00']);
  });

  it('writes held answers before a scan reads the workbook, so the scan counts them', async () => {
    const f = heldFixture();
    expect((await f.submit('feedback', await f.token('feedback'), JUNE)).status).toBe(202);
    f.held.open = false;
    await f.service.scan(f.now());
    expect(f.held.answers()).toHaveLength(0);
    expect((await f.rows('反馈记录')).some((r) => text(r, '完成情况') === '广交会参展企业12家')).toBe(true);
  });

  it('a held answer the workbook no longer takes is dropped with a 审计日志 row naming who to ask again', async () => {
    const f = heldFixture();
    expect((await f.submit('feedback', await f.token('feedback'), JUNE)).status).toBe(202);
    // Meanwhile the answer was spoilt on disk (a month the task does not have).
    f.held.answers()[0]!.form.month = '13';
    f.held.open = false;
    expect(await f.service.drainHeldAnswers(f.now())).toBe(1);
    const row = (await f.rows('审计日志')).find((r) => text(r, '动作') === '链接补记失败');
    expect(text(row, '编号')).toBe(TASK);
    expect(text(row, '备注')).toContain(`请联系 ${LIAISON} 重新提交`);
    // The liaison was told 已收到: a mail says it was not recorded, and why.
    const told = f.mailer.sent.filter((m) => m.subject === `【督办】${TASK} 反馈未能记入`);
    expect(told.map((m) => m.to.map((a) => a.address))).toEqual([[LIAISON]]);
    expect(told[0]!.text).toContain('您于6月15日 08:30提交的反馈（ZD-2026-007）');
    expect(told[0]!.text).toMatch(/未能记入：\S*月份/);
  });

  it('a held answer refused when it is written (its link used meanwhile) is mailed back with the refusal', async () => {
    const f = heldFixture();
    const t = await f.token('ack');
    const csrf = await f.csrfOf('ack', t);
    expect((await f.submit('ack', t, { owner: '孙振华' }, csrf)).status).toBe(202);
    // The same 签收 held twice (two devices): the second is refused as used once the first is written.
    const [first] = f.held.answers();
    await f.held.add({ ...first!, id: 'second', at: '2026-06-15T00:40:00.000Z' });
    f.held.open = false;
    expect(await f.service.drainHeldAnswers(f.now())).toBe(2);
    const told = f.mailer.sent.filter((m) => m.subject === `【督办】${TASK} 签收未能记入`);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('您于6月15日 08:40提交的签收');
    expect(told[0]!.text).toContain('已经办理过');
  });
});
