/**
 * 延期申请 through signed links: the unit asks before the deadline, the 分管领导 approves or refuses once with an
 * opinion, 完成时限 moves (原完成时限 kept) and the unit is told by mail either way.
 */
import { describe, expect, it } from 'vitest';
import { LEADER, linkFixture, serviceOn, text } from './fixture';

const ITEM = 'ZD-2026-003'; // 县发改局, 完成时限 2026-09-30
const UNIT = 'fgj.lianluo@demo.gov.cn';

async function ask(f: ReturnType<typeof linkFixture>, fields: Record<string, string>) {
  const t = await f.token('extend', { task: ITEM, person: UNIT });
  const page = await f.app.request(f.path('extend', t, ITEM));
  const html = await page.text();
  const csrf = /name="csrf"\s+value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { res: await f.post('extend', t, { csrf, ...fields }, undefined, ITEM), page, html, t, csrf };
}

/** The approver's link from the mail the request sent. */
function approverPath(f: ReturnType<typeof linkFixture>): string {
  const mail = f.mailer.sent.at(-1)!;
  expect(mail.to.map((a) => a.address)).toEqual([LEADER]);
  const url = /https:\/\/duban\.example\.gov\.cn(\/l\/\S+)/.exec(mail.text)![1]!;
  return url;
}

async function decide(f: ReturnType<typeof linkFixture>, path: string, fields: Record<string, string>) {
  const page = await f.app.request(path);
  const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const token = new URL(path, 'http://localhost').searchParams.get('t')!;
  return f.post('approve-extension', token, { csrf, ...fields }, undefined, ITEM);
}

describe('延期申请 links', () => {
  it('the unit asks, the 分管领导 approves once; 完成时限 moves, 原完成时限 is kept, the unit is told', async () => {
    const f = linkFixture();
    const typed = text(await f.taskRow(ITEM), '完成时限');
    const { res, page } = await ask(f, { requested: '2026-11-30', reason: '受汛期影响，施工延误' });
    expect(page.status).toBe(200);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已通知分管领导');
    const request = (await f.rows('延期申请')).at(-1);
    expect(text(request, '申请号')).toBe(`YQ-${ITEM}-1`);
    expect(text(request, '原完成时限')).toBe('2026-09-30');
    expect(text(request, '申请完成时限')).toBe('2026-11-30');
    expect(text(request, '状态')).toBe('待审批');
    expect(text(request, '申请人')).toBe('蔡凤霞');
    expect(request?.cells['申请时间']).toEqual({ date: '2026-06-15', time: '08:30:00' });
    // Deadlines stay text, as 完成时限 is typed.
    expect(request?.cells['原完成时限']).toBe('2026-09-30');

    const pending = await ask(f, { requested: '2026-12-31', reason: '再延' });
    expect(pending.page.status).toBe(409);
    expect(pending.html).toContain('已有待审批的延期申请');

    const path = approverPath(f);
    const approverPage = await f.app.request(path);
    expect(approverPage.status).toBe(200);
    const approverHtml = await approverPage.text();
    expect(approverHtml).toContain('受汛期影响，施工延误');
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(approverHtml)![1]!;
    const approved = await decide(f, path, { decision: '同意', opinion: '同意延至11月底' });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('完成时限延至 2026-11-30');
    const decided = (await f.rows('延期申请')).at(-1);
    expect(text(decided, '状态')).toBe('同意');
    expect(text(decided, '审批意见')).toBe('同意延至11月底');
    expect(decided?.cells['审批时间']).toEqual({ date: '2026-06-15', time: '08:30:00' });
    const row = await f.taskRow(ITEM);
    expect(text(row, '原完成时限')).toBe('2026-09-30');
    expect(text(row, '完成时限')).toBe(typed); // the staff cell is never written
    expect(text(row, '系统提示')).toContain('延期后完成时限');
    const told = f.mailer.sent.at(-1)!;
    expect(told.to.map((a) => a.address)).toEqual(['fgj.fuze@demo.gov.cn', UNIT]);
    expect(told.text).toContain('完成时限由 2026-09-30 延至 2026-11-30');
    // The page logged the decision; the next scan does not log it again as typed into the tab.
    await f.service.scan(f.now);
    const logged = (await f.rows('审计日志')).filter(
      (r) => text(r, '动作') === '延期审批' && text(r, '编号') === ITEM,
    );
    expect(logged).toHaveLength(1);
    expect(text(logged[0], '备注')).toBe(`申请号 YQ-${ITEM}-1；同意；意见：同意延至11月底`);

    const token = new URL(path, 'http://localhost').searchParams.get('t')!;
    const reused = await f.post(
      'approve-extension',
      token,
      { csrf, decision: '不同意', opinion: '改主意' },
      undefined,
      ITEM,
    );
    expect(reused.status).toBe(409);
    expect(text((await f.rows('审计日志')).at(-1), '备注')).toContain('一次性令牌重复使用');
  });

  it('a refusal needs an opinion; the unit is told, 完成时限 stays and it cannot ask again', async () => {
    const f = linkFixture();
    const rowsBefore = (await f.rows('延期申请')).length;
    await ask(f, { requested: '2026-11-30', reason: '资金未到位' });
    const path = approverPath(f);
    const bare = await decide(f, path, { decision: '不同意', opinion: '' });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('不同意延期时请填写审批意见');
    const refused = await decide(f, path, { decision: '不同意', opinion: '请倒排工期按期完成' });
    expect(refused.status).toBe(200);
    expect(text(await f.taskRow(ITEM), '原完成时限')).toBe('');
    expect(f.mailer.sent.at(-1)!.text).toContain('完成时限仍为 2026-09-30');
    // Seed 002 §三(五): refused → finish by the deadline; the unit cannot simply ask again.
    const again = await ask(f, { requested: '2026-10-31', reason: '再申请' });
    expect(again.page.status).toBe(409);
    expect(again.html).toContain(
      `延期申请 YQ-${ITEM}-1 已于 2026-06-15 08:30:00 未获同意（请倒排工期按期完成），须在完成时限`,
    );
    expect(await f.rows('延期申请')).toHaveLength(rowsBefore + 1);
  });

  it('refuses another leader on the approver link, a date not after the deadline, and any request after the deadline', async () => {
    const f = linkFixture();
    await ask(f, { requested: '2026-11-30', reason: '资金未到位' });
    const other = await f.token('approve-extension', {
      task: ITEM,
      person: 'fxz.chengjian@demo.gov.cn',
      ref: `YQ-${ITEM}-1`,
    });
    const res = await f.app.request(f.path('approve-extension', other, ITEM));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('无权使用此链接');

    const g = linkFixture();
    const early = await ask(g, { requested: '2026-09-01', reason: '提前' });
    expect(early.res.status).toBe(400);
    expect(await early.res.text()).toContain('申请完成时限须晚于现完成时限 2026-09-30');

    // DB-2026-002 is overdue since 5月21日: no extension after the deadline (seed 002 §三(五)).
    const late = await g.token('extend', { task: 'DB-2026-002', person: 'jtysj.lianluo@demo.gov.cn' });
    const page = await g.app.request(g.path('extend', late, 'DB-2026-002'));
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('延期须在完成时限');
  });

  it('a request still undecided is in the 分管领导’s daily digest 3 working days later, once, with a fresh link that decides it', async () => {
    const f = linkFixture();
    // The approval mail of the request fails: the link page says so, and the request waits with nobody told.
    f.mailer.failNext(1);
    const asked = await ask(f, { requested: '2026-11-30', reason: '受汛期影响，施工延误' });
    expect(await asked.res.text()).toContain('审批通知未能发出');
    const digestOn = async (day: string) => {
      const { service, mailer, now } = serviceOn(f.store, day);
      await service.scan(now);
      return mailer.sent.find(
        (m) => m.headers?.['X-Duban-Kind'] === 'digest' && m.to.some((a) => a.address === LEADER),
      );
    };
    expect((await digestOn('2026-06-17'))?.text ?? '').not.toContain('审批延期申请');
    const digest = await digestOn('2026-06-18');
    const item = digest!.text.slice(digest!.text.indexOf(ITEM)).split(/\n\d+\. /)[0]!;
    expect(item).toContain(`申请号 YQ-${ITEM}-1`);
    expect(item).toContain('审批延期申请');
    const path = /审批链接：https:\/\/duban\.example\.gov\.cn(\/l\/\S+)/.exec(item)![1]!;
    expect(path).toContain('/approve-extension?');
    const approved = await decide(f, path, { decision: '同意', opinion: '同意' });
    expect(approved.status).toBe(200);
    expect(text((await f.rows('延期申请')).at(-1), '状态')).toBe('同意');
    expect((await digestOn('2026-06-19'))?.text ?? '').not.toContain(`YQ-${ITEM}-1`);
    const register = (await f.rows('文书登记')).filter((r) =>
      text(r, '去重键').includes(`延期@YQ-${ITEM}-1`),
    );
    expect(register).toHaveLength(1);
  });

  it('a date that does not exist, is not a date or is empty is the form again (400) with the reason typed kept', async () => {
    for (const [requested, error] of [
      ['2027-02-30', '申请完成时限不是有效日期'],
      ['明年3月', '申请完成时限请填写日期，如 2026-12-31'],
      ['', '申请完成时限请填写日期，如 2026-12-31'],
    ] as const) {
      const f = linkFixture();
      const { res } = await ask(f, { requested, reason: '受汛期影响，施工延误' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(error);
      expect(html).toContain('受汛期影响，施工延误</textarea>');
      expect(await f.rows('延期申请')).toHaveLength((await linkFixture().rows('延期申请')).length);
    }
  });
});
