/**
 * Issue 11: the monthly 通报 mailed to the county leaders (主要领导 and 分管领导, copied to the 办公室主任) with the
 * .docx attached, once, when the scan writes the 通报 tab; registered by a 发送通报 row in the 审计日志.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { Mailer } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM, withSetting } from './demo-workbook';

const isBulletin = (subject: string) => subject.startsWith('【督查通报】');

function setup(mailer: Mailer = createMemoryMailer()) {
  const store = createMemoryStore(withSetting(demoWorkbook('2026-06-04'), '督查室邮箱', 'dcs@demo.gov.cn'));
  const scan = (day: string, mailBulletin = true) =>
    runScan({ store, mailer, from: FROM, now: at830(day), mailBulletin });
  const mailedRows = () => store.tab('审计日志')!.rows.filter((r) => r[2] === '发送通报');
  return { store, scan, mailedRows };
}

describe('the 通报 mailed to the leaders', () => {
  it('goes out with the scan that writes 2026年5月通报, to the leaders, with the .docx, and only once', async () => {
    const mailer = createMemoryMailer();
    const { scan, mailedRows } = setup(mailer);
    await scan('2026-06-05');
    expect(mailer.sent.filter((m) => isBulletin(m.subject))).toHaveLength(0);
    await scan('2026-06-08');
    const mails = mailer.sent.filter((m) => isBulletin(m.subject));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('【督查通报】关于2026年5月全县重点工作督查情况的通报（临政督通报〔2026〕1号）');
    expect(mail.to.map((a) => a.address)).toEqual([
      'xianzhang@demo.gov.cn',
      'changwu@demo.gov.cn',
      'fxz.chengjian@demo.gov.cn',
      'fxz.nongye@demo.gov.cn',
      'fxz.shehui@demo.gov.cn',
    ]);
    expect(mail.cc?.map((a) => a.address)).toEqual(['zfb.zhuren@demo.gov.cn']);
    // From the 督查室 as 规则配置 names it, answered to 督查室邮箱: the same sender as the day's notices.
    const notice = mailer.sent.find((m) => !isBulletin(m.subject))!;
    expect(notice.replyTo?.address).toBe('dcs@demo.gov.cn');
    expect([mail.from, mail.replyTo]).toEqual([notice.from, notice.replyTo]);
    const [docx] = mail.attachments!;
    expect(docx!.filename).toBe('关于2026年5月全县重点工作督查情况的通报.docx');
    expect(Buffer.from(docx!.content.subarray(0, 2)).toString()).toBe('PK');
    expect(mail.text).toMatch(/红榜：.+（\d+分）/);
    expect(mail.text).toMatch(
      /\n　　逾期、滞后事项：(逾期事项\d+项|滞后事项\d+项)(、滞后事项\d+项)?，逐项见附件\n/,
    );
    // A document is cited by its title in 书名号, then its 文号; a file name is no title.
    expect(mail.text).toContain(
      '　　《关于2026年5月全县重点工作督查情况的通报》（临政督通报〔2026〕1号）已印发，全文见附件。要点如下：',
    );
    expect(mailedRows().map((r) => [r[4], r[6]])).toEqual([['2026年5月通报', '临政督通报〔2026〕1号']]);
    await scan('2026-06-09');
    await scan('2026-06-10');
    expect(mailer.sent.filter((m) => isBulletin(m.subject))).toHaveLength(1);
  });

  it('a failed send is a problem of the scan, unregistered, and the next scan sends it', async () => {
    const inner = createMemoryMailer();
    let refuse = true;
    const mailer: Mailer = {
      send: async (m) =>
        isBulletin(m.subject) && refuse ? { ok: false, error: 'mailbox full' } : inner.send(m),
    };
    const { store, scan, mailedRows } = setup(mailer);
    const first = await scan('2026-06-08');
    expect(first.problems.map((p) => p.message)).toContain(
      '2026年5月通报邮件发送失败，下次扫描时重试：mailbox full',
    );
    expect(mailedRows()).toHaveLength(0);
    // Not sent, not numbered: the 文号 is taken when the 通报 goes out.
    expect(store.tab('文书登记')!.rows.filter((r) => r[1] === '通报')).toHaveLength(0);
    refuse = false;
    await scan('2026-06-09');
    expect(inner.sent.filter((m) => isBulletin(m.subject))).toHaveLength(1);
    expect(mailedRows()).toHaveLength(1);
    expect(
      store
        .tab('文书登记')!
        .rows.filter((r) => r[1] === '通报')
        .map((r) => r[0]),
    ).toEqual(['临政督通报〔2026〕1号']);
  });

  it('is not mailed by a scan that does not ask for it (duban scan writes the tab only)', async () => {
    const mailer = createMemoryMailer();
    const { store, scan } = setup(mailer);
    await scan('2026-06-08', false);
    expect(store.tab('2026年5月通报')).toBeDefined();
    expect(mailer.sent.filter((m) => isBulletin(m.subject))).toHaveLength(0);
  });
});
