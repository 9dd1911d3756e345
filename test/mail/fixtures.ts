import { toDay } from '../../src/calendar/day';
import type { NoticeDoc } from '../../src/mail/notices';
import type { MailMessage } from '../../src/mail/port';

/** 2026-03-21 08:30 Asia/Shanghai, the scan instant of these fixtures. */
export const SCAN_INSTANT = new Date('2026-03-21T00:30:00Z');

export const ISSUER = '临猗县人民政府办公室';
export const OFFICE = '临猗县人民政府督查室';

/** A 催办单 as the scan would build it for an overdue task. */
export function cuibanDoc(overrides: Partial<Omit<NoticeDoc, 'kind'>> = {}): NoticeDoc {
  return {
    kind: '催办单',
    issuer: ISSUER,
    office: OFFICE,
    docNo: '临政督〔2026〕15号',
    to: '县自然资源局',
    item: { id: 'ZD-2026-001', title: '完成土地征收', source: '政府工作报告', deadline: toDay('2026-03-20') },
    reasons: [
      '该事项已超过完成时限1个工作日，尚未办结。',
      '3月份应完成工作任务“完成征地补偿”未反馈完成情况。',
    ],
    replyBy: toDay('2026-03-24'),
    answerUrl: 'https://duban.example.cn/a/ZD-2026-001?sig=abc123',
    cc: ['李四（县政府分管领导）'],
    issuedOn: toDay('2026-03-21'),
    signer: '王五（县政府办公室主任）',
    ...overrides,
  };
}

/** A plain message with the headers the scan adds. */
export function plainMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    from: { name: OFFICE, address: 'duban@linyi.example.cn' },
    to: [{ name: '赵六', address: 'zhaoliu@zrzy.example.cn' }],
    subject: '测试邮件',
    text: '正文',
    html: '<p>正文</p>',
    date: SCAN_INSTANT,
    ...overrides,
  };
}

/**
 * RFC 2047 encoded words → text. mailparser decodes the standard headers but leaves custom ones (`X-Duban-Doc-No`)
 * as transmitted; a mail client shows them decoded, and so must the test.
 */
export function decodeMimeWords(value: unknown): string {
  const raw = String(value ?? '');
  const bytes: number[] = [];
  let out = '';
  let last = 0;
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  for (let m = word.exec(raw); m; m = word.exec(raw)) {
    const between = raw.slice(last, m.index);
    if (!/^\s*$/.test(between) || last === 0) {
      out += Buffer.from(bytes.splice(0)).toString('utf8') + between;
    }
    const text = m[3]!;
    if (m[2]!.toUpperCase() === 'B') bytes.push(...Buffer.from(text, 'base64'));
    else {
      const q = text
        .replace(/_/g, ' ')
        .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      bytes.push(...Buffer.from(q, 'latin1'));
    }
    last = m.index + m[0].length;
  }
  return out + Buffer.from(bytes).toString('utf8') + raw.slice(last);
}
