import type { RenderedMail } from './notices/notice-doc';
import type { Address, MailMessage } from './port';

export interface Envelope {
  from: Address;
  to: Address[];
  cc?: Address[];
  replyTo?: Address;
  /** The scan instant (never `new Date()` in the core). */
  date: Date;
  /** Added to the template's headers; these win on a clash (e.g. `X-Duban-Dedupe-Key`). */
  headers?: Record<string, string>;
}

/**
 * A rendered notice or digest addressed and dated: the `MailMessage` any Mailer sends.
 *
 * @example
 * const message = toMailMessage(renderNotice(doc), {
 *   from: { name: '临猗县人民政府督查室', address: 'duban@linyi.gov.cn' },
 *   to: [{ name: '王五', address: 'wangwu@example.cn' }],
 *   cc: [{ name: '李四', address: 'lisi@example.cn' }],
 *   date: now,
 *   headers: { 'X-Duban-Dedupe-Key': 'ZD-2026-001|催办单|1|2026-03' },
 * });
 */
export function toMailMessage(rendered: RenderedMail, envelope: Envelope): MailMessage {
  const message: MailMessage = {
    from: envelope.from,
    to: envelope.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: { ...rendered.headers, ...envelope.headers },
    date: envelope.date,
  };
  if (envelope.cc && envelope.cc.length > 0) message.cc = envelope.cc;
  if (envelope.replyTo) message.replyTo = envelope.replyTo;
  return message;
}
