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
  /** Where answers go (规则配置 督查室邮箱) when it is not the sender. */
  replyTo?: Address;
  /** Files attached (the 通报 .docx), and images the HTML shows by `cid:` (the charts as PNG). */
  attachments?: MailAttachment[];
  /** Instant the message is dated (from the scan clock, never `new Date()` in the core). */
  date: Date;
}

/**
 * What became of one message. `stored`: written to an outbox folder, received by nobody yet (the register says
 * 已存入发件箱). `permanent`: the server refused the message for good (a 5xx answer such as 550 unknown mailbox) — the
 * register says 发送失败 and it is not retried; any other failure (4xx, network, auth) stays 待发送 for the next scan.
 */
export type SendResult =
  | {
      ok: true;
      messageId: string;
      location?: string;
      stored?: boolean;
      /** Recipients the server refused for good (5xx to RCPT TO) while it took the mail for the others. */
      refused?: string[];
    }
  | { ok: false; error: string; permanent?: boolean; kind?: SendFailureKind };

/** Why a send failed, for a Chinese explanation (src/mail/explain-failure.ts). */
export type SendFailureKind =
  'dns' | 'refused' | 'timeout' | 'tls' | 'auth' | 'sender' | 'rejected' | 'deferred' | 'other';

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
  /** Set for an inline image: the HTML refers to it as `cid:<cid>`. */
  cid?: string;
}


/** Where notices go: an SMTP server, `.eml` files in an outbox folder, or nowhere yet (they stay 待发送). */
export type MailTransport = 'smtp' | 'outbox' | 'none';

export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
  /** Close pooled connections (the smtp driver); the next send opens new ones. */
  close?(): Promise<void>;
}
