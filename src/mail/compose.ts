import { createHash } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import { beijingTime } from '../calendar/beijing-clock';
import { COPY_HEADER, DEDUPE_HEADER } from './headers';
import type { Address, MailMessage } from './port';

/**
 * nodemailer mail options for a port message: multipart/alternative (plain text + HTML), UTF-8,
 * display names on every address, the scan instant as `Date` in Beijing time (+0800), custom headers kept.
 *
 * @example
 * const options = toNodemailerOptions(message);
 * await transport.sendMail(options);
 */
export function toNodemailerOptions(message: MailMessage): Mail.Options {
  return {
    from: toMailAddress(message.from),
    to: message.to.map(toMailAddress),
    cc: message.cc && message.cc.length > 0 ? message.cc.map(toMailAddress) : undefined,
    ...(message.replyTo ? { replyTo: toMailAddress(message.replyTo) } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    // The office's own time zone, as the sender's clock reads: nodemailer would write the instant in UTC (+0000).
    date: beijingTime(message.date, 'ddd, DD MMM YYYY HH:mm:ss ZZ'),
    headers: message.headers,
    messageId: stableMessageId(message),
    textEncoding: 'base64',
    ...(message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content),
            contentType: a.contentType,
            ...(a.cid ? { cid: a.cid } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The RFC 822 bytes of a message (what the outbox writes and what an SMTP server receives).
 *
 * @example
 * const eml = await composeEml(message); // Buffer starting with "Content-Type: multipart/alternative" headers
 */
export async function composeEml(message: MailMessage): Promise<Buffer> {
  const transport = await streamTransport();
  const info = await transport.sendMail(toNodemailerOptions(message));
  return info.message as Buffer;
}

let stream: Promise<import('nodemailer').Transporter> | null = null;

/** nodemailer's stream transport builds the message without sending it; loaded lazily, like every heavy library. */
function streamTransport() {
  stream ??= import('nodemailer').then(({ default: nodemailer }) =>
    nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }),
  );
  return stream;
}

/**
 * A Message-ID that is the same for every retry of one notice (so a receiver that got a message twice can tell),
 * derived from the dedupe key (and whose copy it is, for a notice sent one mail per recipient); undefined lets
 * nodemailer generate a random one.
 */
export function stableMessageId(message: MailMessage): string | undefined {
  const key = headerValue(message.headers, DEDUPE_HEADER);
  if (!key) return undefined;
  const copy = headerValue(message.headers, COPY_HEADER);
  const seed = copy ? `${key}\n${copy.toLowerCase()}` : key;
  const digest = createHash('sha256').update(seed).digest('hex').slice(0, 24);
  return `<duban-${digest}@${domainOf(message.from.address)}>`;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).replace(/[^A-Za-z0-9.-]/g, '') : '';
  return domain || 'duban.local';
}

function toMailAddress(address: Address): Mail.Address | string {
  return address.name ? { name: address.name, address: address.address } : address.address;
}
