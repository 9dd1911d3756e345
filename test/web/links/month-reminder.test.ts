/**
 * Before a month's report is due (11月 → 12月7日, 规则配置 月度反馈截止工作日), each unit contact gets the tasks still
 * owing it in their daily digest, each with their own 反馈 link: the demo as the units left it on 30 November, scanned
 * from 3 December (月度反馈提醒工作日 = 2) with links on.
 */
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../src/mail/port';
import { verifyLink } from '../../../src/web/links/token';
import { digestAsks, KEYS, linkFixture, PUBLIC, SAME_ORIGIN, serviceOn, text } from './fixture';

const ASK = '11月完成情况请于12月7日前报送';
const OWING = 'ZD-2026-001';
const LIAISON = 'fgj.lianluo@demo.gov.cn';

/** The digest items asking for 11月: task 编号 → its 反馈 link. */
function asked(mail: MailMessage): Map<string, string> {
  const items = [...digestAsks(mail, ASK)];
  return new Map(items.map(([id, item]) => [id, /反馈链接：(\S+)/.exec(item)?.[1] ?? '']));
}

const digests = (mails: MailMessage[]) => mails.filter((m) => m.headers?.['X-Duban-Kind'] === 'digest');

describe('月度反馈临期提醒 in the daily digest', () => {
  it('lists each task owing 11月 with the recipient’s own 反馈 link, which opens at 11月 and records it', async () => {
    const f = linkFixture('2026-12-03', '2026-11-30');
    await f.service.scan(f.now);
    const reminded = digests(f.mailer.sent).filter((m) => asked(m).size > 0);
    expect(reminded.length).toBeGreaterThan(10);
    for (const mail of reminded) {
      for (const [id, url] of asked(mail)) {
        expect(url.startsWith(`${PUBLIC}/l/${id}/feedback?t=`)).toBe(true);
        const verified = await verifyLink(url.split('?t=')[1]!, KEYS, f.now);
        expect(verified.ok && verified.claims).toMatchObject({ task: id, person: mail.to[0]!.address });
      }
    }
    // Routine: no 文号, no mail of its own.
    const rows = (await f.rows('文书登记')).filter((r) => text(r, '去重键').includes('月报@2026-11'));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect([text(r, '类型'), text(r, '文号')]).toEqual(['临期提醒', '']);
    expect(f.mailer.sent.filter((m) => m.headers?.['X-Duban-Kind'] === 'linqi')).toEqual([]);

    const liaison = reminded.find((m) => m.to[0]!.address === LIAISON)!;
    const link = asked(liaison).get(OWING)!;
    const page = await (await f.app.request(link.slice(PUBLIC.length))).text();
    expect(page).toMatch(/<option value="11"\s+selected>11月<\/option>/);
    const token = link.split('?t=')[1]!;
    expect((await f.submit('feedback', token, { month: '11', done: '已完成', progress: '92' }, SAME_ORIGIN, OWING)).status).toBe(200);
    expect(text(await f.taskRow(OWING), '11月/完成情况')).toContain('已完成');
  });

  it('a second scan the same day sends nothing new, nor does the next day for the same month', async () => {
    const f = linkFixture('2026-12-03', '2026-11-30');
    await f.service.scan(f.now);
    expect(digests(f.mailer.sent).some((m) => asked(m).size > 0)).toBe(true);
    const first = f.mailer.sent.length;
    const registered = (await f.rows('文书登记')).length;
    await f.service.scan(f.now);
    expect(f.mailer.sent.length).toBe(first);
    expect((await f.rows('文书登记')).length).toBe(registered);
    const next = serviceOn(f.store, '2026-12-04');
    await next.service.scan(next.now);
    expect(digests(next.mailer.sent).filter((m) => asked(m).size > 0)).toEqual([]);
  });

  it('a task whose 11月 was reported before the reminder is not asked; the others are', async () => {
    const f = linkFixture('2026-12-03', '2026-11-30');
    const token = await f.token('feedback', { task: OWING, person: LIAISON });
    expect((await f.submit('feedback', token, { month: '11', done: '推进中', progress: '90' }, SAME_ORIGIN, OWING)).status).toBe(200);
    const day = serviceOn(f.store, '2026-12-04');
    await day.service.scan(day.now);
    const ids = digests(day.mailer.sent).flatMap((m) => [...asked(m).keys()]);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).not.toContain(OWING);
    expect(ids).toContain('ZD-2026-003');
  });

  it('scans missed until the deadline day: reminded on 12月7日, the 11月 催办单 waits until 12月10日', async () => {
    const f = linkFixture('2026-12-07', '2026-11-30');
    await f.service.scan(f.now);
    expect(digests(f.mailer.sent).some((m) => asked(m).has(OWING))).toBe(true);
    const chased = async () =>
      (await f.rows('文书登记')).filter(
        (r) => text(r, '类型') === '催办单' && /\|反馈@2026-11(\||$)/.test(text(r, '去重键')), // a draft ends |待签发
      );
    for (const day of ['2026-12-08', '2026-12-09']) {
      const next = serviceOn(f.store, day);
      await next.service.scan(next.now);
      expect(await chased()).toEqual([]);
    }
    const third = serviceOn(f.store, '2026-12-10');
    await third.service.scan(third.now);
    expect((await chased()).map((r) => text(r, '编号'))).toContain(OWING);
  });
});
