/** The Mailer port: as small as nodemailer's `sendMail`. Drivers: outbox (.eml files), memory, smtp. */

export interface Address {
  name?: string;
  address: string;
}

export interface MailMessage {
  from: Address;
  to: Address[];
  cc?: Address[];
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `X-Duban-Dedupe-Key`, `X-Duban-Doc-No`. */
  headers?: Record<string, string>;
  /** Instant the message is dated (from the scan clock, never `new Date()` in the core). */
  date: Date;
}

export type SendResult = { ok: true; messageId: string; location?: string } | { ok: false; error: string };

export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
}
