import type { Mailer } from './port';

/**
 * The mailer of a runtime with no mail transport configured: every send fails, so each notice stays 待发送 in
 * 文书登记 and goes out on the first scan after SMTP is set up — never recorded as sent when nobody received it.
 */
export function createUnconfiguredMailer(hint: string): Mailer {
  return {
    async send() {
      return { ok: false, error: `[mail:none] no mail transport configured: ${hint}` };
    },
  };
}
