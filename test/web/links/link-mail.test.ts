/** Mails sent from the link pages come from the same sender as the scan's notices (规则配置 督查室名称 / 督查室邮箱). */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../../src/mail/memory';
import { DEFAULT_SENDER } from '../../../src/mail/sender';
import { sendLinkMail } from '../../../src/web/links/link-mail';

const office = { officeName: '临川县人民政府督查室', officeEmail: 'ducha@linchuan.gov.cn' };
const to = [{ name: '冯长青', address: 'fcq@linchuan.gov.cn' }];

describe('sendLinkMail', () => {
  it('names the office and sends from its address when the runtime has no sender of its own', async () => {
    const mailer = createMemoryMailer();
    const deps = { from: DEFAULT_SENDER, mailer, clock: () => new Date('2026-12-03T01:00:00Z') };
    expect(await sendLinkMail(deps, office, to, '【延期申请】ZD-2026-003', ['请审批。'])).toBe(true);
    expect(mailer.sent[0]!.from).toEqual({ name: '临川县人民政府督查室', address: 'ducha@linchuan.gov.cn' });
  });

  it('keeps the runtime’s sender (DUBAN_MAIL_FROM) and lets replies reach the office', async () => {
    const mailer = createMemoryMailer();
    const runtime = { name: '督办系统', address: 'noreply@linchuan.gov.cn' };
    const deps = { from: runtime, mailer, clock: () => new Date('2026-12-03T01:00:00Z') };
    await sendLinkMail(deps, office, to, '【延期审批结果】ZD-2026-003 同意', ['同意。']);
    expect(mailer.sent[0]!.from).toEqual(runtime);
    expect(mailer.sent[0]!.replyTo).toEqual({
      name: '临川县人民政府督查室',
      address: 'ducha@linchuan.gov.cn',
    });
  });
});
