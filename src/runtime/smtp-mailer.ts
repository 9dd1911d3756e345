import type { Mailer } from '../mail/port';
import { createSmtpMailer } from '../mail/smtp';
import type { SmtpConfig } from './env';

/**
 * The SMTP mailer of a parsed config, on every runtime (each message's From is its envelope sender, mail/smtp.ts).
 * @example const mailer = smtpMailer(config.smtp);
 */
export function smtpMailer(smtp: SmtpConfig): Mailer {
  const { host, port, secure, user, pass, servername } = smtp;
  return createSmtpMailer({
    host,
    port,
    secure,
    user,
    pass,
    ...(servername ? { servername } : {}),
  });
}
