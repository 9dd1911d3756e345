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
  /** Files attached (the 通报 .docx), and images the HTML shows by `cid:` (the charts as PNG). */
  attachments?: MailAttachment[];
  /** Instant the message is dated (from the scan clock, never `new Date()` in the core). */
  date: Date;
}

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
  /** Set for an inline image: the HTML refers to it as `cid:<cid>`. */
  cid?: string;
}

export type SendResult = { ok: true; messageId: string; location?: string } | { ok: false; error: string };

export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
}
