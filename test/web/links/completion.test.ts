/**
 * 办结申请 → the completion card through signed links: the unit head applies and signs first, each signer of the
 * chain gets a one-time link in turn, the last one chooses the 评价等级 and the item closes; a 退回 sends it back.
 */
import { describe, expect, it } from 'vitest';
import { linkFixture, serviceOn, text } from './fixture';

const ITEM = 'ZD-2026-003'; // 县发改局, ★★★★: a key item, the whole chain up to the 主要领导
const HEAD = 'fgj.fuze@demo.gov.cn';

type F = ReturnType<typeof linkFixture>;

async function csrfOf(f: F, path: string) {
  const res = await f.app.request(path);
  const html = await res.text();
  return { status: res.status, html, csrf: /name="csrf"\s+value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

async function apply(f: F) {
  const t = await f.token('complete', { task: ITEM, person: HEAD });
  const { csrf } = await csrfOf(f, f.path('complete', t, ITEM));
  return f.post('complete', t, { csrf, opinion: '年度目标已全部完成，项目已竣工验收' }, undefined, ITEM);
}

/** The newest signing link mailed, as a path and its token. */
function lastSignLink(f: F) {
  const mail = [...f.mailer.sent].reverse().find((m) => m.text.includes('/sign-completion?'))!;
  const path = /https:\/\/duban\.example\.gov\.cn(\/l\/\S+)/.exec(mail.text)![1]!;
  return { path, token: new URL(path, 'http://x').searchParams.get('t')!, to: mail.to[0]!.address };
}

async function sign(f: F, fields: Record<string, string>) {
  const link = lastSignLink(f);
  const { csrf, html, status } = await csrfOf(f, link.path);
  expect(status).toBe(200);
  const res = await f.post('sign-completion', link.token, { csrf, ...fields }, undefined, ITEM);
  return { res, html, link, csrf };
}

describe('办结 links', () => {
  it('the unit head finds the 办结申请 on the 反馈 page; the liaison does not, and cannot use the head’s', async () => {
    const f = linkFixture();
    const head = await (
      await f.app.request(f.path('feedback', await f.token('feedback', { task: ITEM, person: HEAD }), ITEM))
    ).text();
    const apply = /href="(\/l\/[^"]+\/complete\?t=[^"]+)"/.exec(head)![1]!;
    expect((await f.app.request(apply)).status).toBe(200);
    const liaison = await f.token('feedback', { task: ITEM, person: 'fgj.lianluo@demo.gov.cn' });
    expect(await (await f.app.request(f.path('feedback', liaison, ITEM))).text()).not.toContain('申请办结');
    const asLiaison = await f.token('complete', { task: ITEM, person: 'fgj.lianluo@demo.gov.cn' });
    expect((await f.app.request(f.path('complete', asLiaison, ITEM))).status).toBe(403);
  });

  it('goes through the whole chain in order and closes the item with the level the last signer chose', async () => {
    const f = linkFixture();
    const applied = await apply(f);
    expect(applied.status).toBe(200);
    expect(await applied.text()).toContain('已通知督查室核实签批');
    const card = (await f.rows('办结审批')).at(-1);
    expect(text(card, '承办单位主要负责人签字')).toBe('徐雅琴');
    expect(card?.cells['承办单位主要负责人日期']).toEqual({ date: '2026-06-15' });
    expect(text(card, '状态')).toBe('审批中');
    // A second application while the card is open is refused.
    const t = await f.token('complete', { task: ITEM, person: HEAD });
    const twice = await f.app.request(f.path('complete', t, ITEM));
    expect(twice.status).toBe(409);
    const refusal = await twice.text();
    expect(refusal).toContain('<p class="error">该事项已有审批中的办结申请，请等待签批。</p>');
    expect(refusal).not.toContain('该事项当前状态不允许此项操作');

    for (const signer of ['督查室核实', '办公室分管副主任', '办公室主任', '分管领导']) {
      const { res, html } = await sign(f, { decision: '同意', opinion: `${signer}同意` });
      expect(html).toContain(`${signer}</b>身份签批`);
      expect(res.status).toBe(200);
      expect(text((await f.rows('办结审批')).at(-1), `${signer}签字`)).not.toBe('');
    }
    const last = await sign(f, { decision: '同意', opinion: '同意销号', level: '落实较好' });
    expect(last.html).toContain('name="level"');
    expect(last.link.to).toBe('xianzhang@demo.gov.cn');
    expect(await last.res.text()).toContain('评价等级：落实较好');
    const closed = (await f.rows('办结审批')).at(-1);
    expect(text(closed, '状态')).toBe('已办结');
    expect(text(closed, '评价等级')).toBe('落实较好');
    expect(closed?.cells['分管领导日期']).toEqual({ date: '2026-06-15' });
    expect(text(await f.taskRow(ITEM), '状态')).toBe('已办结');
    expect(f.mailer.sent.at(-1)!.text).toContain('已办结（销号），评价等级：落实较好');

    const reused = await f.post(
      'sign-completion',
      last.link.token,
      { csrf: last.csrf, decision: '同意' },
      undefined,
      ITEM,
    );
    expect(reused.status).toBe(409);
    const print = await f.app.request(`${last.link.path}&print=1`);
    expect(print.status).toBe(200);
    const card2 = await print.text();
    expect(card2).toContain('县政府重点督查事项完结审批卡');
    expect(card2).toContain('主要领导意见');
    expect(card2).toContain('@page{size:A4');
  });

  it('a 退回 needs an opinion, ends the card and tells the unit; only the signer whose turn it is may sign', async () => {
    const f = linkFixture();
    await apply(f);
    const early = await f.token('sign-completion', {
      task: ITEM,
      person: 'zfb.zhuren@demo.gov.cn',
      ref: '办公室主任',
    });
    const notYet = await f.app.request(f.path('sign-completion', early, ITEM));
    expect(notYet.status).toBe(409);
    expect(await notYet.text()).toContain('尚未轮到办公室主任签批');
    const impostor = await f.token('sign-completion', { task: ITEM, person: HEAD, ref: '督查室核实' });
    expect((await f.app.request(f.path('sign-completion', impostor, ITEM))).status).toBe(403);

    const bare = await sign(f, { decision: '退回', opinion: '' });
    expect(bare.res.status).toBe(400);
    expect(await bare.res.text()).toContain('退回时请填写意见');
    const back = await sign(f, { decision: '退回', opinion: '佐证材料不全' });
    expect(back.res.status).toBe(200);
    const card = (await f.rows('办结审批')).at(-1);
    expect(text(card, '状态')).toBe('退回');
    expect(text(card, '督查室核实意见')).toBe('退回：佐证材料不全');
    expect(text(await f.taskRow(ITEM), '状态')).not.toBe('已办结');
    expect(f.mailer.sent.at(-1)!.text).toContain('被督查室核实退回');
    // The unit can apply again; the next signer sees the item's record and the earlier 退回.
    expect((await apply(f)).status).toBe(200);
    const { html } = await csrfOf(f, lastSignLink(f).path);
    expect(html).toContain('此前退回的办结申请（1次）');
    expect(html).toContain('督查室核实退回：退回：佐证材料不全');
    expect(html).toContain('<h2>事项情况</h2>');
  });

  it('the waiting signer’s 办结审批提醒 asks them to sign the card with their own link, and carries no unit 反馈 link (it would refuse them)', async () => {
    const f = linkFixture();
    expect((await apply(f)).status).toBe(200);
    // The card waits at 督查室核实; three working days later the scan reminds the 督查室 in its daily digest.
    const { service, mailer, now } = serviceOn(f.store, '2026-06-18');
    await service.scan(now);
    const digest = mailer.sent.find(
      (m) =>
        m.headers?.['X-Duban-Kind'] === 'digest' &&
        m.text.includes(`${ITEM}`) &&
        m.text.includes('签批办结审批卡'),
    );
    expect(digest).toBeDefined();
    const item = digest!.text.slice(digest!.text.indexOf(ITEM)).split(/\n\d+\. /)[0]!;
    expect(item).toContain('签批办结审批卡');
    expect(item).not.toContain('反馈链接');
    expect(item).not.toMatch(/前反馈/);
    // It carries the signer's own fresh link to the card (the one mailed at the application is sent once).
    const path = /审批链接：https:\/\/duban\.example\.gov\.cn(\/l\/\S+)/.exec(item)![1]!;
    const page = await f.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('督查室核实</b>身份签批');
  });
});
