import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSendError } from '../../src/mail/explain-failure';
import { renderNotice } from '../../src/mail/notices';
import { createSmtpMailer } from '../../src/mail/smtp';
import { toMailMessage } from '../../src/mail/to-mail-message';
import { cuibanDoc, decodeMimeWords, OFFICE, SCAN_INSTANT } from './fixtures';
import { freePort } from '../free-port';

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  user?: string;
  parsed: ParsedMail;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'duban' && auth.password === 'secret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    // A relay that takes mail only from its own domain, as an office's intranet relay does.
    onMailFrom(address, _session, callback) {
      if (address.address.endsWith('@localhost')) {
        const refused = new Error('5.7.1 Sender address rejected: not owned by this domain') as Error & {
          responseCode: number;
        };
        refused.responseCode = 553;
        callback(refused);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function message() {
  return toMailMessage(renderNotice(cuibanDoc()), {
    from: { name: OFFICE, address: 'duban@linyi.example.cn' },
    to: [{ name: '赵六', address: 'zhaoliu@zrzy.example.cn' }],
    cc: [{ name: '李四', address: 'lisi@linyi.example.cn' }],
    date: SCAN_INSTANT,
    headers: { 'X-Duban-Dedupe-Key': 'ZD-2026-001|催办单|1|2026-03' },
  });
}

describe('SMTP mailer against a real SMTP server', () => {
  it('delivers the notice to every recipient, with subject, bodies, headers and date intact', async () => {
    const before = received.length;
    const mailer = createSmtpMailer({ host: '127.0.0.1', port });
    const result = await mailer.send(message());
    expect(result).toMatchObject({ ok: true });
    expect(received).toHaveLength(before + 1);
    const got = received.at(-1)!;
    // The envelope sender is the From the scan chose (senderOf), so a relay without login accepts it.
    expect(got.envelopeFrom).toBe('duban@linyi.example.cn');
    expect(got.envelopeTo.sort()).toEqual(['lisi@linyi.example.cn', 'zhaoliu@zrzy.example.cn']);
    expect(got.parsed.subject).toBe('【催办单】临政督〔2026〕15号 关于“完成土地征收”的催办');
    expect(got.parsed.from?.value[0]).toMatchObject({ name: OFFICE, address: 'duban@linyi.example.cn' });
    expect(got.parsed.date?.toISOString()).toBe(SCAN_INSTANT.toISOString());
    expect(got.parsed.text).toContain('时限要求：请于2026年3月24日前反馈办理情况。');
    expect(got.parsed.html || '').toContain('临政督〔2026〕15号');
    expect(decodeMimeWords(got.parsed.headers.get('x-duban-dedupe-key'))).toBe(
      'ZD-2026-001|催办单|1|2026-03',
    );
    expect(got.parsed.messageId).toBe(result.ok ? result.messageId : '');
  });

  it('logs in when the office account has a password', async () => {
    const mailer = createSmtpMailer({
      host: '127.0.0.1',
      port,
      user: 'duban',
      pass: 'secret',
    });
    const result = await mailer.send(message());
    expect(result.ok).toBe(true);
    expect(received.at(-1)!.user).toBe('duban');
  });

  it('returns a wrong password as an English error value', async () => {
    const mailer = createSmtpMailer({
      host: '127.0.0.1',
      port,
      user: 'duban',
      pass: 'wrong',
    });
    const result = await mailer.send(message());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^\[mail:smtp\] authentication failed at 127\.0\.0\.1:\d+/);
  });

  it('a sender the server refuses is a setting to fix (kind sender), not a notice refused for good', async () => {
    const mailer = createSmtpMailer({ host: '127.0.0.1', port });
    const result = await mailer.send({ ...message(), from: { name: OFFICE, address: 'duban@localhost' } });
    expect(result).toMatchObject({ ok: false, kind: 'sender' });
    expect(result.ok === false && result.permanent).toBeFalsy();
    expect(explainSendError(result.ok ? undefined : result.kind, result.ok ? '' : result.error)).toMatch(
      /^邮件服务器 127\.0\.0\.1:\d+ 不接受发件人地址.*督查室邮箱.*保留为待发送/,
    );
  });

  it('returns a refused connection as { ok: false } with a clear English error, without throwing', async () => {
    const dead = await freePort();
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: dead });
    const result = await mailer.send(message());
    expect(result).toEqual({
      ok: false,
      kind: 'refused',
      error: `[mail:smtp] connection refused by 127.0.0.1:${dead} (ECONNREFUSED): is the SMTP server running and the port right?`,
    });
  });
});
