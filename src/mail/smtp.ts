import { toNodemailerOptions } from './compose';
import type { MailMessage, Mailer, SendFailureKind, SendResult } from './port';

export interface SmtpOptions {
  host: string;
  port: number;
  /** true = TLS from the first byte (port 465); false = plain, upgraded with STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  pass?: string;
  /** Connection, greeting and socket timeout; a dead server must not hold up the scan. Default 15 s. */
  timeoutMs?: number;
  /** Host name to verify the TLS certificate against when `host` is an IP address (Workers dial IPs only). */
  servername?: string;
  /** Connections kept open while a scan sends (default 2): government mail servers limit parallel logins. */
  maxConnections?: number;
  /** At most this many messages per second (default 5): a morning's 200 notices must not look like spam. */
  ratePerSecond?: number;
}

/**
 * A Mailer on nodemailer's pooled SMTP transport, with a rate limit and timeouts. Options come from the environment
 * at the entry points, never read here. A failure is returned as `{ ok: false, error, kind, permanent }` in English,
 * never thrown: `permanent` only for a 5xx answer to the message or its recipients (the register says 发送失败); a
 * 4xx answer, a dropped connection, DNS, TLS or a wrong password stay 待发送 and the next scan tries again.
 * `close()` ends the pool (the service calls it after each scan); the next send opens a new one.
 * The envelope sender (MAIL FROM) is the message's From address — the one `senderOf` chose: DUBAN_MAIL_FROM, the
 * account, or the 督查室邮箱 when the server takes mail without an account (an intranet relay refuses a made-up one).
 *
 * @example
 * const mailer = createSmtpMailer({ host: 'smtp.example.gov.cn', port: 465, secure: true,
 *   user: 'duban@example.gov.cn', pass: process.env.SMTP_PASS });
 * const result = await mailer.send(message);
 * if (!result.ok) console.error(result.error); // "[mail:smtp] connection refused by 127.0.0.1:2525 (ECONNREFUSED)"
 * await mailer.close?.();
 */
export function createSmtpMailer(options: SmtpOptions): Mailer {
  const timeout = options.timeoutMs ?? 15_000;
  let transport: Promise<import('nodemailer').Transporter> | null = null;

  function transporter() {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        pool: true,
        maxConnections: options.maxConnections ?? 2,
        maxMessages: 100,
        rateDelta: 1000,
        rateLimit: options.ratePerSecond ?? 5,
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
      ).sendMail({ ...mail, envelope: { from: message.from.address, to: recipients } });
      if (info.rejected.length > 0 && info.accepted.length === 0) {
        return {
          ok: false,
          kind: 'rejected',
          permanent: true,
          error: `[mail:smtp] every recipient was rejected: ${info.rejected.join(', ')}`,
        };
      }
      const refused = info.rejected.map((r: string | { address: string }) =>
        typeof r === 'string' ? r : r.address,
      );
      return { ok: true, messageId: info.messageId, ...(refused.length ? { refused } : {}) };
    } catch (error) {
      const kind = failureKind(error);
      return {
        ok: false,
        kind,
        ...(kind === 'rejected' ? { permanent: true } : {}),
        error: describeSmtpError(error, options),
      };
    }
  }

  async function close(): Promise<void> {
    const open = transport;
    transport = null;
    if (open) (await open.catch(() => null))?.close();
  }

  return { send, close };
}

type NodemailerError = {
  code?: string;
  /** The SMTP command answered with the error (`MAIL FROM`, `RCPT TO`, `DATA`, …). */
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
};

/**
 * What kind of failure a nodemailer error is. Only a 5xx answer about the message or its recipients is `rejected`
 * (permanent); a 5xx to the login is `auth` and to the sender (`MAIL FROM`) is `sender` — the office's settings,
 * not the notice, are wrong, so the notice stays 待发送 for the scan after they are fixed.
 */
export function failureKind(error: unknown): SendFailureKind {
  const e = error as NodemailerError;
  const code = e.code ?? '';
  const text = e.message ?? '';
  if (code === 'EDNS' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /ENOTFOUND|EAI_AGAIN/.test(text))
    return 'dns';
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text)) return 'refused';
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'auth';
  if (
    code === 'ETLS' ||
    /certificate|SSL|TLS|wrong version number|self[- ]signed/i.test(text) ||
    /^ERR_SSL|^CERT_|^UNABLE_TO|^DEPTH_ZERO/.test(code)
  )
    return 'tls';
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || /timeout/i.test(text)) return 'timeout';
  const status = e.responseCode ?? 0;
  if (status >= 500 && status < 600) return /^MAIL FROM/i.test(e.command ?? '') ? 'sender' : 'rejected';
  if (status >= 400 && status < 500) return 'deferred';
  return 'other';
}

/** One readable English line for a nodemailer error: what failed, where, and the code. */
export function describeSmtpError(error: unknown, options: Pick<SmtpOptions, 'host' | 'port'>): string {
  const e = error as NodemailerError;
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
