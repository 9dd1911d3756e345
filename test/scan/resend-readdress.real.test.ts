/**
 * 改回待发送 through a real SMTP server that answers 550 to a mistyped mailbox: after the clerk corrects 通讯录, the
 * resent notice is delivered to the corrected mailbox (the envelope says so), and no one else's copy goes again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/mail/smtp';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { cellText } from '../../src/store/grid/cell-text';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoWorkbook, FROM } from './demo-workbook';
import { DAY, LINKS, retype, twoRecipientContact } from './readdress-fixture';
import { type SmtpSink, startSmtpSink } from '../runtime/smtp-sink';

/** A header's RFC 2047 words (`=?UTF-8?B?…?=`) as text: mailparser leaves the 去重键 header encoded. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

describe('改回待发送 through a real SMTP server', () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());
  /** The mails taken so far: envelope recipients, 去重键 and whose copy. */
  const received = () =>
    smtp.received.map(({ envelopeTo, mail }) => {
      const header = (name: string) => decodeWords(String(mail.headers.get(name) ?? ''));
      return { to: envelopeTo.map((a) => a.toLowerCase()), key: header('x-duban-dedupe-key'), copy: header('x-duban-copy-for') };
    });

  it('the corrected mailbox receives the resent copy; the colleague who had theirs gets nothing again', async () => {
    const right = (await twoRecipientContact(true)).toLowerCase();
    const wrong = right.replace('@', '@typo.');
    smtp.refuse(wrong);
    const store = createMemoryStore(demoWorkbook());
    retype(store, right, wrong);
    const journal = createMemoryJournal();
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, ratePerSecond: 1000 });
    const scan = () => runScan({ store, mailer, journal, from: FROM, now: DAY, soleWriter: true, ...LINKS });
    const register = async () =>
      (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows.map((r) => ({
        key: cellText(r.cells['去重键'] ?? null),
        type: cellText(r.cells['类型'] ?? null),
        to: cellText(r.cells['收件人'] ?? null),
        status: cellText(r.cells['发送状态'] ?? null),
      }));
    try {
      const first = await scan();
      expect(first.notices.failed).toBeGreaterThan(0);
      const failed = (await register()).find((r) => r.status === '发送失败' && r.type !== '每日汇总')!;
      expect(failed.to).toContain(wrong);
      const colleagues = received().filter((m) => m.key === failed.key && m.copy !== 'cc').map((m) => m.copy);
      expect(colleagues.length).toBeGreaterThan(0);

      retype(store, wrong, right);
      store.editTab('文书登记', (grid) => {
        const header = grid.cells[0]!;
        const row = grid.cells.find((r) => r[header.indexOf('去重键')] === failed.key)!;
        row[header.indexOf('发送状态')] = '待发送';
      });
      const before = received().length;
      await scan();
      const resent = received().slice(before).filter((m) => m.key === failed.key);
      expect(resent).toEqual([{ to: [right], key: failed.key, copy: right }]);
      const after = (await register()).find((r) => r.key === failed.key)!;
      expect(after.status).toBe('已发送');
      expect(after.to).toContain(right);
      expect(after.to).not.toContain(wrong);
    } finally {
      await mailer.close?.();
    }
  });
});
