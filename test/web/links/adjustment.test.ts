/**
 * 调出 / 调整 through signed links (issue 14 item 6): the unit asks from its task page; 调出 needs the 分管领导 then the
 * 主要领导, 调整时限 the 分管领导, 调整目标 outside 目标调整月份 also the 主要领导; each decides once by link, the
 * 调整记录 row records it, the rules apply it at once, the unit is told.
 */
import { describe, expect, it } from 'vitest';
import { LEADER, linkFixture, text } from './fixture';

const ITEM = 'ZD-2026-003'; // 县发改局, 完成时限 2026-09-30, 分管领导 = LEADER
const UNIT = 'fgj.lianluo@demo.gov.cn';
const CHIEF = 'xianzhang@demo.gov.cn';
type F = ReturnType<typeof linkFixture>;

async function ask(f: F, fields: Record<string, string>) {
  const t = await f.token('adjust', { task: ITEM, person: UNIT });
  const page = await f.app.request(f.path('adjust', t, ITEM));
  const html = await page.text();
  const csrf = /name="csrf"\s+value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { res: await f.post('adjust', t, { csrf, ...fields }, undefined, ITEM), page, html };
}

/** The approval link in the last mail, which must go to `to`. */
function linkTo(f: F, to: string): string {
  const mail = f.mailer.sent.at(-1)!;
  expect(mail.to.map((a) => a.address)).toEqual([to]);
  return /https:\/\/duban\.example\.gov\.cn(\/l\/\S+)/.exec(mail.text)![1]!;
}

async function decide(f: F, path: string, fields: Record<string, string>) {
  const page = await f.app.request(path);
  const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const token = new URL(path, 'http://localhost').searchParams.get('t')!;
  return f.post('approve-adjustment', token, { csrf, ...fields }, undefined, ITEM);
}

const lastRow = async (f: F) => (await f.rows('调整记录')).at(-1);

describe('调出 / 调整 links', () => {
  it('调出: the unit asks from its 反馈 page, the 分管领导 then the 主要领导 consent once each; the item is 已调出', async () => {
    const f = linkFixture();
    const feedback = await f.token('feedback', { task: ITEM, person: UNIT });
    const taskPage = await (await f.app.request(f.path('feedback', feedback, ITEM))).text();
    const adjustPath = /href="(\/l\/[^"]+\/adjust\?t=[^"]+)"/.exec(taskPage)![1]!;
    expect((await f.app.request(adjustPath.replaceAll('&amp;', '&'))).status).toBe(200);

    const { res } = await ask(f, { kind: '调出', reason: '=HYPERLINK("http://x","y") 职能划转<script>' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('分管领导 → 主要领导');
    const row = await lastRow(f);
    expect(text(row, '类型')).toBe('调出');
    expect(text(row, '理由')).toBe(`申请号 TZ-${ITEM}-1；=HYPERLINK("http://x","y") 职能划转<script>`);
    expect(text(row, '状态')).toBe('待审批');
    expect(row?.cells['日期']).toEqual({ date: '2026-06-15' });

    const again = await ask(f, { kind: '调整时限', deadline: '2026-12-31', reason: '再调' });
    expect(again.page.status).toBe(409);
    expect(again.html).toContain('已有待审批的调出申请');

    const leaderPath = linkTo(f, LEADER);
    const leaderPage = await (await f.app.request(leaderPath)).text();
    expect(leaderPage).toContain('&lt;script&gt;');
    expect(leaderPage).not.toContain('<script>');
    // The 主要领导 cannot decide before the 分管领导.
    const early = await f.token('approve-adjustment', { task: ITEM, person: CHIEF, ref: `TZ-${ITEM}-1` });
    const earlyRes = await f.app.request(f.path('approve-adjustment', early, ITEM));
    expect(earlyRes.status).toBe(403);
    expect(await earlyRes.text()).toContain('无权使用此链接');

    const first = await decide(f, leaderPath, { decision: '同意', opinion: '拟同意' });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('已通知主要领导');
    expect(text(await lastRow(f), '分管领导意见')).toBe('同意：拟同意');
    expect(text(await lastRow(f), '状态')).toBe('待审批');
    // The 分管领导's link is spent.
    const reused = await f.app.request(leaderPath);
    expect(reused.status).toBe(409);

    const chiefPath = linkTo(f, CHIEF);
    const second = await decide(f, chiefPath, { decision: '同意', opinion: '' });
    expect(second.status).toBe(200);
    const done = await lastRow(f);
    expect(text(done, '主要领导意见')).toBe('同意');
    expect(text(done, '状态')).toBe('同意');
    expect(text(await f.taskRow(ITEM), '状态')).toBe('已调出');
    const told = f.mailer.sent.at(-1)!;
    expect(told.to.map((a) => a.address)).toContain(UNIT);
    expect(told.text).toContain('该事项已调出');
    const audit = (await f.rows('审计日志')).map((r) => text(r, '动作'));
    expect(audit).toEqual(expect.arrayContaining(['调出申请', '调出审批']));
    expect((await f.app.request(chiefPath)).status).toBe(409);
    // A transferred item takes no further request.
    const closed = await ask(f, { kind: '调整时限', deadline: '2026-12-31', reason: '再调' });
    expect(closed.page.status).toBe(409);
    expect(closed.html).toContain('该事项已调出');
  });

  it('调整时限: the 分管领导 alone approves; the new 完成时限 applies at once; the staff cell stays as typed', async () => {
    const f = linkFixture();
    const typed = text(await f.taskRow(ITEM), '完成时限');
    const { res } = await ask(f, { kind: '调整时限', deadline: '2026-12-31', reason: '项目批复延后' });
    expect(res.status).toBe(200);
    expect((await lastRow(f))?.cells['调整后完成时限']).toEqual({ date: '2026-12-31' });
    const decided = await decide(f, linkTo(f, LEADER), { decision: '同意', opinion: '同意' });
    expect(decided.status).toBe(200);
    expect(text(await lastRow(f), '状态')).toBe('同意');
    const row = await f.taskRow(ITEM);
    expect(text(row, '完成时限')).toBe(typed);
    expect(text(row, '原完成时限')).toBe('2026-09-30');
    expect(text(row, '系统提示')).toContain('调整后完成时限');
    expect(f.mailer.sent.at(-1)!.text).toContain('完成时限调整为 2026-12-31');
  });

  it('调整目标 outside the yearly window also needs the 主要领导, who may refuse with an opinion', async () => {
    const f = linkFixture(); // 6月: 目标调整月份 is 7
    const { res } = await ask(f, { kind: '调整目标', target: '完成投资8亿元', reason: '市场变化' });
    expect(await res.text()).toContain('分管领导 → 主要领导');
    await decide(f, linkTo(f, LEADER), { decision: '同意', opinion: '' });
    const chiefPath = linkTo(f, CHIEF);
    const bare = await decide(f, chiefPath, { decision: '不同意', opinion: '' });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('不同意时请填写审批意见');
    const refused = await decide(f, chiefPath, { decision: '不同意', opinion: '目标不降' });
    expect(refused.status).toBe(200);
    expect(text(await lastRow(f), '状态')).toBe('不同意');
    expect(text(await lastRow(f), '主要领导意见')).toBe('不同意：目标不降');
    expect(f.mailer.sent.at(-1)!.text).toContain('不同意');
  });

  it('调整目标 in the window needs only the 分管领导', async () => {
    const f = linkFixture('2026-07-15');
    await ask(f, { kind: '调整目标', target: '完成投资8亿元', reason: '市场变化' });
    await decide(f, linkTo(f, LEADER), { decision: '同意', opinion: '' });
    expect(text(await lastRow(f), '状态')).toBe('同意');
    expect(f.mailer.sent.at(-1)!.to.map((a) => a.address)).toContain(UNIT);
  });

  it('refuses a form without what its kind needs, a 调整时限 after the deadline, another leader, a unit, an unknown request', async () => {
    const f = linkFixture();
    const noTarget = await ask(f, { kind: '调整目标', target: '', reason: '变化' });
    expect(noTarget.res.status).toBe(400);
    expect(await noTarget.res.text()).toContain('调整目标时请填写调整后目标');
    const noDate = await ask(f, { kind: '调整时限', deadline: '', reason: '变化' });
    expect(noDate.res.status).toBe(400);
    expect(await noDate.res.text()).toContain('调整后完成时限请填写日期');
    const noKind = await ask(f, { kind: '调入', reason: '变化' });
    expect(noKind.res.status).toBe(400);
    expect(await noKind.res.text()).toContain('请选择申请类型');

    // DB-2026-002 is overdue since 5月21日: its time limit can no longer be adjusted.
    const late = await f.token('adjust', { task: 'DB-2026-002', person: 'jtysj.lianluo@demo.gov.cn' });
    const page = await f.app.request(f.path('adjust', late, 'DB-2026-002'));
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())![1]!;
    const lateRes = await f.post(
      'adjust',
      late,
      { csrf, kind: '调整时限', deadline: '2026-12-31', reason: '晚' },
      undefined,
      'DB-2026-002',
    );
    expect(lateRes.status).toBe(400);
    expect(await lateRes.text()).toContain('调整时限须在完成时限');

    await ask(f, { kind: '调整时限', deadline: '2026-12-31', reason: '项目批复延后' });
    const other = await f.token('approve-adjustment', {
      task: ITEM,
      person: 'fxz.chengjian@demo.gov.cn',
      ref: `TZ-${ITEM}-1`,
    });
    expect((await f.app.request(f.path('approve-adjustment', other, ITEM))).status).toBe(403);
    // A unit cannot hold an approval link.
    const unit = await f.token('approve-adjustment', { task: ITEM, person: UNIT, ref: `TZ-${ITEM}-1` });
    expect((await f.app.request(f.path('approve-adjustment', unit, ITEM))).status).toBe(403);
    // An unknown request number.
    const unknown = await f.token('approve-adjustment', { task: ITEM, person: LEADER, ref: `TZ-${ITEM}-9` });
    expect((await f.app.request(f.path('approve-adjustment', unknown, ITEM))).status).toBe(409);
  });

  it('a request or a decision posted from another site, or without the CSRF field, is refused and nothing is written', async () => {
    const f = linkFixture();
    const t = await f.token('adjust', { task: ITEM, person: UNIT });
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(
      await (await f.app.request(f.path('adjust', t, ITEM))).text(),
    )![1]!;
    const fields = { csrf, kind: '调出', reason: '划转' };
    const before = (await f.rows('调整记录')).length;
    expect((await f.post('adjust', t, fields, { origin: 'https://evil.example' }, ITEM)).status).toBe(403);
    expect((await f.post('adjust', t, { ...fields, csrf: 'guess' }, undefined, ITEM)).status).toBe(403);
    expect((await f.rows('调整记录')).length).toBe(before);

    await ask(f, { kind: '调出', reason: '划转' });
    const path = linkTo(f, LEADER);
    const token = new URL(path, 'http://localhost').searchParams.get('t')!;
    const page = await (await f.app.request(path)).text();
    const leaderCsrf = /name="csrf"\s+value="([^"]+)"/.exec(page)![1]!;
    const evil = await f.post(
      'approve-adjustment',
      token,
      { csrf: leaderCsrf, decision: '同意' },
      { 'sec-fetch-site': 'cross-site' },
      ITEM,
    );
    expect(evil.status).toBe(403);
    expect(text(await lastRow(f), '分管领导意见')).toBe('');
  });
});
