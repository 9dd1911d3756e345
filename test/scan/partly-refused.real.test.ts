/**
 * A notice mailed once to two people (links off) when the mail server refuses one mailbox and takes the mail for the
 * other: nodemailer calls that a success. The register row is 已发送 — the other person has it — but the clerk is
 * told, in the scan's problems and the 审计日志, who did not get it and what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/mail/smtp';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { cellText } from '../../src/store/grid/cell-text';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoWorkbook, FROM } from './demo-workbook';
import { DAY, retype, twoRecipientContact } from './readdress-fixture';
import { type SmtpSink, startSmtpSink } from '../runtime/smtp-sink';

describe('a notice one of whose recipients the mail server refuses', () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());

  it('is 已发送 for the one who got it, and the clerk is told who did not and what to do', async () => {
    const right = (await twoRecipientContact(false)).toLowerCase();
    const wrong = right.replace('@', '@typo.');
    smtp.refuse(wrong);
    const store = createMemoryStore(demoWorkbook());
    retype(store, right, wrong);
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, ratePerSecond: 1000 });
    try {
      const result = await runScan({ store, mailer, journal: createMemoryJournal(), from: FROM, now: DAY });
      const tabs = (await store.read([...TAB_SPECS])).tabs;
      const row = tabs['文书登记']!.rows.find((r) => cellText(r.cells['收件人'] ?? null).includes(wrong))!;
      expect(cellText(row.cells['发送状态'] ?? null)).toBe('已发送');
      // The colleague on the same mail got it; the mistyped mailbox was never a recipient of any delivery.
      const delivered = smtp.received.map((m) => m.envelopeTo.map((a) => a.toLowerCase()));
      expect(delivered.some((to) => to.length > 0 && !to.includes(wrong))).toBe(true);
      expect(delivered.flat()).not.toContain(wrong);
      const problem = result.problems.find((p) => p.code === 'send-partly-rejected');
      expect(problem?.message).toContain(`拒收了发给${wrong}的邮件`);
      expect(problem?.message).toContain('另行转发给未收到的人');
      const notes = tabs['审计日志']!.rows
        .filter((r) => r.cells['动作'] === '发文')
        .map((r) => cellText(r.cells['备注'] ?? null));
      expect(notes.some((n) => n.includes(`其中 ${wrong} 被邮件服务器拒收`))).toBe(true);
    } finally {
      await mailer.close?.();
    }
  });
});
