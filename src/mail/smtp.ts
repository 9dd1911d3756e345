import { toNodemailerOptions } from './compose';
import type { MailMessage, Mailer, SendResult } from './port';

export interface SmtpOptions {
  host: string;
  port: number;
  /** true = TLS from the first byte (port 465); false = plain, upgraded with STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  pass?: string;
  /** The account's own address, used as the envelope sender (MAIL FROM); the `From` header stays the message's. */
  from: string;
  /** Connection, greeting and socket timeout; a dead server must not hold up the scan. Default 15 s. */
  timeoutMs?: number;
  /** Host name to verify the TLS certificate against when `host` is an IP address (Workers dial IPs only). */
  servername?: string;
}

/**
 * A Mailer on nodemailer's SMTP transport. Options come from the environment at the entry points, never read here.
 * A failure is returned as `{ ok: false, error }` in English (the scan keeps the notice 待发送 and retries), never thrown.
 *
 * @example
 * const mailer = createSmtpMailer({ host: 'smtp.example.gov.cn', port: 465, secure: true,
 *   user: 'duban@example.gov.cn', pass: process.env.SMTP_PASS, from: 'duban@example.gov.cn' });
 * const result = await mailer.send(message);
 * if (!result.ok) console.error(result.error); // "[mail:smtp] connection refused by 127.0.0.1:2525 (ECONNREFUSED)"
 */
export function createSmtpMailer(options: SmtpOptions): Mailer {
  const timeout = options.timeoutMs ?? 15_000;
  let transport: Promise<import('nodemailer').Transporter> | null = null;

  function transporter() {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: options.host,
        port: options.port,
        secure: options.secure ?? false,
        auth: options.user ? { user: options.user, pass: options.pass ?? '' } : undefined,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        ...(options.servername ? { tls: { servername: options.servername } } : {}),
      }),
    );
    return transport;
  }

  async function send(message: MailMessage): Promise<SendResult> {
    try {
      const mail = toNodemailerOptions(message);
      const recipients = [...message.to, ...(message.cc ?? [])].map((a) => a.address);
      const info = await (
        await transporter()
      ).sendMail({ ...mail, envelope: { from: options.from, to: recipients } });
      if (info.rejected.length > 0 && info.accepted.length === 0) {
        return { ok: false, error: `[mail:smtp] every recipient was rejected: ${info.rejected.join(', ')}` };
      }
      return { ok: true, messageId: info.messageId };
    } catch (error) {
      return { ok: false, error: describeSmtpError(error, options) };
    }
  }

  return { send };
}

/** One readable English line for a nodemailer error: what failed, where, and the code. */
export function describeSmtpError(error: unknown, options: Pick<SmtpOptions, 'host' | 'port'>): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const where = `${options.host}:${options.port}`;
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '')) {
    return `[mail:smtp] connection refused by ${where} (ECONNREFUSED): is the SMTP server running and the port right?`;
  }
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT') return `[mail:smtp] no answer from ${where} (timeout)`;
  if (code === 'EDNS' || code === 'ENOTFOUND')
    return `[mail:smtp] cannot resolve host ${options.host} (${code})`;
  if (code === 'EAUTH')
    return `[mail:smtp] authentication failed at ${where}: ${e.response ?? e.message ?? ''}`.trim();
  if (code === 'ETLS') return `[mail:smtp] TLS negotiation failed with ${where}: ${e.message ?? ''}`.trim();
  const server = e.responseCode ? ` (server said ${e.responseCode}: ${e.response ?? ''})` : '';
  return `[mail:smtp] sending through ${where} failed${code ? ` (${code})` : ''}: ${e.message ?? String(error)}${server}`;
}
