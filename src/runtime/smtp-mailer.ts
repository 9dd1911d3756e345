import type { Mailer } from '../mail/port';
import { createSmtpMailer } from '../mail/smtp';
import type { SmtpConfig } from './env';

/**
 * The SMTP mailer of a parsed config, on every runtime; `envelopeFrom` is the sending account's address.
 * @example const mailer = smtpMailer(config.smtp, config.from.address);
 */
export function smtpMailer(smtp: SmtpConfig, envelopeFrom: string): Mailer {
  const { host, port, secure, user, pass, servername } = smtp;
  return createSmtpMailer({
    host,
    port,
    secure,
    user,
    pass,
    from: envelopeFrom,
    ...(servername ? { servername } : {}),
  });
}
