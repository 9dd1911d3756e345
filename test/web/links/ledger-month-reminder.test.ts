/**
 * A 长期 督办台账 item reports every month (SPEC §4.3): before 11月's report is due (12月7日), its unit's contacts get it
 * in their daily digest with their own 反馈 link, as battle-map tasks do. The demo as the units left it on 2 November
 * (the 长期 items reported October, not November), scanned from 3 December with links on.
 */
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../src/mail/port';
import { createMemoryStore } from '../../../src/store/drivers/memory/memory';
import { expiryOf, linkUrl } from '../../../src/web/links/link-deps';
import { signLink, verifyLink } from '../../../src/web/links/token';
import { demoWorkbook } from '../../scan/demo-workbook';
import { digestAsks, KEYS, linkFixture, OFFICE, PUBLIC, SAME_ORIGIN, serviceOn, text } from './fixture';

const ASK = '11月办理情况请于12月7日前报送';
/** 落实秸秆禁烧和综合利用工作, 完成时限 长期, 县生态环境局. */
const STRAW = 'DB-2026-007';
const LIAISON = 'sthjj.lianluo@demo.gov.cn';

/** The digest items asking for 11月's 办理情况: 编号 → the whole item. */
const asked = (mail: MailMessage) => digestAsks(mail, ASK);

const reminded = (mails: MailMessage[]) =>
  mails.filter((m) => m.headers?.['X-Duban-Kind'] === 'digest' && asked(m).size > 0);

describe('督办台账 长期事项的月度反馈临期提醒 in the daily digest', () => {
  it('each contact of the three 长期 items gets it with their own 反馈 link, which records 11月', async () => {
    const f = linkFixture('2026-12-03', '2026-11-02');
    await f.service.scan(f.now);
    const mails = reminded(f.mailer.sent);
    const ids = new Set(mails.flatMap((m) => [...asked(m).keys()]));
    expect([...ids].sort()).toEqual(['DB-2026-007', 'DB-2026-008', 'DB-2026-016']);
    for (const mail of mails) {
      for (const [id, item] of asked(mail)) {
        // 当前节点 names the report asked for, not December's.
        expect(item).toContain('当前节点：每月反馈（12月7日前）');
        const url = /反馈链接：(\S+)/.exec(item)![1]!;
        expect(url.startsWith(`${PUBLIC}/l/${id}/feedback?t=`)).toBe(true);
        const verified = await verifyLink(url.split('?t=')[1]!, KEYS, f.now);
        expect(verified.ok && verified.claims).toMatchObject({ task: id, person: mail.to[0]!.address });
      }
    }
    const rows = (await f.rows('文书登记')).filter((r) => text(r, '编号') === STRAW);
    expect(rows.filter((r) => text(r, '去重键').includes('月报@2026-11')).map((r) => text(r, '类型'))).toEqual([
      '临期提醒',
    ]);

    const liaison = mails.find((m) => m.to[0]!.address === LIAISON)!;
    const link = /反馈链接：(\S+)/.exec(asked(liaison).get(STRAW)!)![1]!;
    const page = await (await f.app.request(link.slice(PUBLIC.length))).text();
    expect(page).toMatch(/<input type="hidden" name="month" value="11"\s*\/>\s*<p>11月<\/p>/);
    const token = link.split('?t=')[1]!;
    const done = { month: '11', done: '11月巡查23次，未发现焚烧', progress: '90' };
    expect((await f.submit('feedback', token, done, SAME_ORIGIN, STRAW)).status).toBe(200);
    const answer = (await f.rows('反馈记录')).filter((r) => text(r, '编号') === STRAW).at(-1);
    expect(text(answer, '月份')).toBe('11月');

    // Reported: the next day's scan asks nobody about it again, nor the day after for the others (once each).
    const next = serviceOn(f.store, '2026-12-04');
    await next.service.scan(next.now);
    expect(reminded(next.mailer.sent)).toEqual([]);
    const after = serviceOn(f.store, '2026-12-08');
    await after.service.scan(after.now);
    const row = await f.taskRow(STRAW);
    expect([text(row, '状态'), text(row, '当前节点')]).toEqual(['正常推进', '每月反馈（2027年1月8日前）']);
  });

  it('in a 2027 workbook early in January, the report still owed for December 2026 is taken as 1月 (its months start there)', async () => {
    const book = demoWorkbook('2027-01-04');
    const ledger = book.tabs.find((t) => t.name === '反馈记录')!;
    ledger.rows = ledger.rows.filter((r) => r[1] !== 'DB-2027-007');
    const store = createMemoryStore(book);
    const { service, now } = serviceOn(store, '2027-01-05');
    const person = 'sthjj.lianluo@demo.gov.cn';
    const claims = { office: OFFICE, task: 'DB-2027-007', action: 'feedback' as const, person, exp: expiryOf('feedback', now) };
    const path = linkUrl('', claims, await signLink(claims, KEYS));
    const page = await (await service.app.request(path)).text();
    expect(page).toMatch(/<input type="hidden" name="month" value="1"\s*\/>/);
  });
});
