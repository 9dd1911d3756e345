/** 签收 through a signed link: once per notice, the 具体责任人 named, recorded in 反馈记录 and shown in 当前节点. */
import { describe, expect, it } from 'vitest';
import { linkFixture, TASK, text } from './fixture';

const ITEM = 'DB-2026-001';
const REF = '临政督催〔2026〕3号';

describe('签收 link', () => {
  it('records the 签收 with its 具体责任人 and shows it in 当前节点 at once; a second use is refused (409, audited)', async () => {
    const f = linkFixture();
    const t = await f.token('ack', { task: ITEM, person: 'zjj.lianluo@demo.gov.cn', ref: REF });
    const page = await f.app.request(f.path('ack', t, ITEM));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(REF);
    expect(html).toContain('确认签收');
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(html)![1]!;
    const res = await f.post('ack', t, { csrf, owner: '王建国' }, undefined, ITEM);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('具体责任人：王建国');

    const row = (await f.rows('反馈记录')).at(-1);
    expect(text(row, '编号')).toBe(ITEM);
    expect(text(row, '月份')).toBe('签收');
    expect(text(row, '完成情况')).toBe(`签收 ${REF}；具体责任人：王建国`);
    expect(text(row, '渠道')).toBe('链接');
    expect(row?.cells['时间']).toEqual({ date: '2026-06-15', time: '08:30:00' });
    const item = await f.taskRow(ITEM);
    expect(text(item, '当前节点')).toBe('已签收（6月15日，具体责任人：王建国）→ 完成时限（7月6日）');
    // 签收 is not a report: 最近反馈 does not move.
    expect(text(item, '最近反馈')).not.toBe('2026-06-15');
    const audit = await f.rows('审计日志');
    expect(audit.some((r) => text(r, '动作') === '链接签收' && text(r, '操作者') === '徐光明')).toBe(true);

    const again = await f.post('ack', t, { csrf, owner: '李四' }, undefined, ITEM);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('链接已使用');
    expect(text((await f.rows('审计日志')).at(-1), '备注')).toContain('一次性令牌重复使用');
    const reopened = await f.app.request(f.path('ack', t, ITEM));
    expect(reopened.status).toBe(409);
    // The unit head's own link was never used: it says who signed, not that it was used.
    const head = await f.token('ack', { task: ITEM, person: 'zjj.fuze@demo.gov.cn', ref: REF });
    const colleague = await f.app.request(f.path('ack', head, ITEM));
    expect(colleague.status).toBe(409);
    const said = await colleague.text();
    expect(said).toContain('本通知已由徐光明于 2026-06-15 08:30:00 签收，无需再签收。');
    expect(said).not.toContain('链接已使用');
  });

  it('says what to do next: reply by the date of the notice signed for, from a link to the 反馈 page', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    // 县商务局's 提醒函 of the scan: 时限要求 like `2026-06-18前反馈；2026-06-16前签收`.
    const notice = (await f.rows('文书登记')).find(
      (r) => text(r, '编号') === TASK && /前反馈/.test(text(r, '时限要求')),
    )!;
    const [, , month, date] = /(\d{4})-(\d{2})-(\d{2})前反馈/.exec(text(notice, '时限要求'))!;
    const t = await f.token('ack', { ref: text(notice, '文号') });
    const page = await (await f.submit('ack', t, { owner: '孙振华' })).text();
    expect(page).toContain(`下一步：请于${Number(month)}月${Number(date)}日前反馈办理情况。`);
    const href = /href="([^"]+)">现在填报完成情况/.exec(page)![1]!.replaceAll('&amp;', '&');
    const feedback = await f.app.request(href);
    expect(feedback.status).toBe(200);
    expect(await feedback.text()).toContain('请填报本事项的完成情况');
  });

  it('refuses a 签收 without a 具体责任人, in Chinese', async () => {
    const f = linkFixture();
    const t = await f.token('ack', { task: ITEM, person: 'zjj.lianluo@demo.gov.cn', ref: REF });
    const page = await f.app.request(f.path('ack', t, ITEM));
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const empty = await f.post('ack', t, { csrf, owner: '  ' }, undefined, ITEM);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('请填写具体责任人姓名');
  });
});
