/**
 * A local SMTP server that keeps what it receives: envelope and subject of every message; it can be told to refuse one
 * mailbox with a 550 at RCPT TO (a mistyped address in 通讯录).
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  /** The whole message as mailparser reads it (text, headers). */
  mail: ParsedMail;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** The mailbox to refuse with a 550 at RCPT TO from now on (compared in lower case). */
  refuse(address: string): void;
  close(): Promise<void>;
}

/** @example const sink = await startSmtpSink(); // DUBAN_SMTP_HOST=127.0.0.1 DUBAN_SMTP_PORT=sink.port */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refused = '';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === refused)
        return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            mail: parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refuse: (address) => {
      refused = address.toLowerCase();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
