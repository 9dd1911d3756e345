/** A real SMTP server (smtp-server) that answers 550 to one mailbox and keeps every mail it takes, parsed. */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface RefusingSmtp {
  port: number;
  /** Every mail taken: its envelope recipients (lower case) and the parsed message. */
  received: Array<{ to: string[]; mail: ParsedMail }>;
  /** The mailbox to refuse with a 550 at RCPT TO from now on (lower case). */
  refuse(address: string): void;
  close(): Promise<void>;
}

export async function startRefusingSmtp(): Promise<RefusingSmtp> {
  const received: RefusingSmtp['received'] = [];
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
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), mail });
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
      refused = address;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
