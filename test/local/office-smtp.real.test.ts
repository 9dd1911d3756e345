/**
 * Issue 13: the local runtime sends through the office's own SMTP server, set by one DUBAN_SMTP_URL in duban.env
 * beside the workbook — from the CLI scan and from serve — and tells the outcomes apart in 文书登记.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { sendWithoutSigning } from '../e2e/no-signing';
import { run as mailCli } from '../../src/cli/mail';
import { startServer } from '../../src/local/serve';
import { dubanAsync } from '../e2e/cli';
import { readBook, readRows } from '../e2e/sheet-reader';

interface Behaviour {
  /** Answer DATA with this code (and text) while `times` lasts. */
  refuse?: { code: number; text: string; times: number; when?: (m: ParsedMail) => boolean };
  /** Drop the connection after DATA for the next `drops` messages. */
  drops?: number;
}

const received: ParsedMail[] = [];
/** The envelope sender (MAIL FROM) of each message in `received`. */
const envelopeFrom: string[] = [];
let behaviour: Behaviour = {};
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // As an intranet relay does: a sender outside any real domain is refused.
    onMailFrom(address, _session, callback) {
      if (/@localhost$/i.test(address.address))
        return callback(
          Object.assign(new Error('5.7.1 Sender address rejected: not a local domain'), { responseCode: 553 }),
        );
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.password === 'secret') callback(null, { user: auth.username });
      else
        callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const refuse = behaviour.refuse;
          if (refuse && refuse.times > 0 && (refuse.when?.(parsed) ?? true)) {
            refuse.times--;
            return callback(Object.assign(new Error(refuse.text), { responseCode: refuse.code }));
          }
          if (behaviour.drops) {
            behaviour.drops--;
            // The server dies mid-conversation: the message is never acknowledged.
            for (const c of (
              server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
            ).connections)
              if (c.id === session.id) c._socket.destroy();
            return;
          }
          received.push(parsed);
          envelopeFrom.push(session.envelope.mailFrom ? session.envelope.mailFrom.address : '');
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  behaviour = {};
  received.length = 0;
  envelopeFrom.length = 0;
});

const OFFICE = { 督查室邮箱: 'dcs@example.gov.cn', 督查室名称: '县政府督查室' };

async function office(smtp: boolean, password = 'secret'): Promise<{ dir: string; workbook: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-smtp-'));
  const workbook = join(dir, '督办.xlsx');
  await createWorkbook(workbook, '2026-11-20', OFFICE);
  await sendWithoutSigning(workbook); // 签发 is tested in test/scan/signing.test.ts
  if (smtp)
    writeFileSync(
      join(dir, 'duban.env'),
      `# 邮件服务器\nDUBAN_SMTP_URL=smtp://duban%40example.gov.cn:${password}@127.0.0.1:${port}\n`,
    );
  return { dir, workbook };
}

const states = (workbook: string) =>
  readRows(readBook(workbook), '文书登记').map((r) => r.values['发送状态']!);
/** Each mail's 去重键, with whose copy it is for a notice sent one mail per recipient (each with their own links). */
const keysOf = (mails: ParsedMail[]) =>
  mails.map((m) => `${m.headers.get('x-duban-dedupe-key')} → ${m.headers.get('x-duban-copy-for') ?? ''}`);

describe('mail through the office SMTP server (DUBAN_SMTP_URL in duban.env)', () => {
  it('duban scan delivers with the office From / Reply-To and Chinese subjects; a 550 is 发送失败 with the answer', async () => {
    const { workbook } = await office(true);
    const before = states(workbook).length;
    behaviour = {
      refuse: {
        code: 550,
        text: '5.1.1 <x>: mailbox unavailable',
        times: 1,
        when: (m) => /督办单/.test(m.subject ?? ''),
      },
    };
    const r = await dubanAsync(['scan', '--workbook', workbook, '--date', '2026-11-20']);
    expect(r.code, r.stderr).toBe(0);
    expect(received.length).toBeGreaterThan(5);
    const m = received[0]!;
    expect(m.from?.value[0]).toEqual({ name: '县政府督查室', address: 'duban@example.gov.cn' });
    expect(m.replyTo?.value[0]).toEqual({ name: '县政府督查室', address: 'dcs@example.gov.cn' });
    expect(received.every((x) => /[\u4e00-\u9fff]/.test(x.subject ?? ''))).toBe(true);
    const after = states(workbook).slice(before);
    expect(after).toContain('已发送');
    expect(after.filter((s) => s === '发送失败')).toHaveLength(1);
    expect(after).not.toContain('已存入发件箱');
    expect(r.stdout).toContain('550 5.1.1 <x>: mailbox unavailable');
    const audit = readRows(readBook(workbook), '审计日志').filter((x) => x.values['动作'] === '发文失败');
    expect(audit[0]!.values['备注']).toMatch(/^邮件服务器拒收（永久性错误）.*mailbox unavailable/);
  }, 120_000);

  it('duban serve: 421 keeps every notice 待发送, the next scan sends each once; a dropped connection is not sent', async () => {
    const { workbook } = await office(true);
    behaviour = { refuse: { code: 421, text: '4.7.0 try again later', times: Number.MAX_SAFE_INTEGER } };
    const first = await startServer({
      workbook,
      port: 0,
      schedule: false,
      scanOnStart: true,
      now: () => new Date('2026-11-20T00:30:00Z'),
    });
    await first.close();
    expect(first.firstScan!.mail.transport).toBe('smtp');
    expect(first.firstScan!.notices.sent).toBe(0);
    expect(received).toHaveLength(0);
    expect(states(workbook)).toContain('待发送');

    behaviour = { drops: 1 };
    const second = await startServer({
      workbook,
      port: 0,
      schedule: false,
      now: () => new Date('2026-11-23T00:30:00Z'),
    });
    const res = await fetch(`${second.url}/api/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}` },
    });
    const summary = (await res.json()) as { notices: { sent: number; unsent: number; failed: number } };
    expect(summary.notices).toMatchObject({ unsent: 1, failed: 0 }); // the dropped one: not marked sent
    expect(states(workbook)).toContain('待发送');
    const third = await fetch(`${second.url}/api/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}` },
    });
    expect(((await third.json()) as { notices: { unsent: number } }).notices.unsent).toBe(0);
    await second.close();
    const keys = keysOf(received);
    expect(keys.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(keys.length); // each sent once
    expect(states(workbook).filter((s) => s === '待发送')).toEqual([]);
  }, 120_000);

  it('without SMTP the notices are .eml files and the register says 已存入发件箱, never 已发送', async () => {
    const { workbook } = await office(false);
    const before = states(workbook).length;
    const server = await startServer({
      workbook,
      port: 0,
      schedule: false,
      scanOnStart: true,
      now: () => new Date('2026-11-20T00:30:00Z'),
    });
    await server.close();
    const after = states(workbook).slice(before);
    expect(after).toContain('已存入发件箱');
    expect(after).not.toContain('已发送');
    expect(server.firstScan!.mail.note).toContain('已存入发件箱，尚未发给任何人');
  }, 120_000);

  it('a relay without an account (smtp://host:25): scans and duban mail test send from the 督查室邮箱, not duban@localhost', async () => {
    const { dir, workbook } = await office(false);
    writeFileSync(join(dir, 'duban.env'), `DUBAN_SMTP_URL=smtp://127.0.0.1:${port}\n`);
    const out: string[] = [];
    const log = console.log;
    console.log = (s: string) => void out.push(s);
    try {
      expect(await mailCli(['test', '--to', 'me@example.gov.cn', '--workbook', workbook])).toBe(0);
    } finally {
      console.log = log;
    }
    expect(envelopeFrom).toEqual(['dcs@example.gov.cn']);
    expect(received[0]!.from?.value[0]).toEqual({ name: '县政府督查室', address: 'dcs@example.gov.cn' });
    expect(out.at(-1)).toContain('发件地址 dcs@example.gov.cn');

    // Without the workbook there is no 督查室邮箱: the relay refuses the placeholder, and the clerk is told what to add.
    const errors: string[] = [];
    const error = console.error;
    console.error = (s: string) => void errors.push(s);
    const saved = process.env.DUBAN_SMTP_URL;
    process.env.DUBAN_SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      expect(await mailCli(['test', '--to', 'me@example.gov.cn'])).toBe(1);
      expect(await mailCli(['test', '--to', 'me@example.gov.cn', '--workbook', join(dir, '无此文件.xlsx')])).toBe(2);
    } finally {
      if (saved === undefined) delete process.env.DUBAN_SMTP_URL;
      else process.env.DUBAN_SMTP_URL = saved;
      console.error = error;
    }
    expect(errors.join('\n')).toContain('发件地址是占位的 duban@localhost');
    expect(errors.join('\n')).toContain('请加 --workbook');
    expect(errors.join('\n')).toContain('找不到工作簿');
    expect(envelopeFrom).toEqual(['dcs@example.gov.cn']);

    const r = await dubanAsync(['scan', '--workbook', workbook, '--date', '2026-11-20']);
    expect(r.code, r.stderr).toBe(0);
    expect(received.length).toBeGreaterThan(5);
    expect(new Set(envelopeFrom)).toEqual(new Set(['dcs@example.gov.cn']));
    expect(states(workbook)).not.toContain('发送失败');
    expect(r.stdout).toContain('发送失败0');
    expect(r.stdout).not.toContain('未发出');
  }, 120_000);

  it('duban mail test sends one message, and explains a refused login and a closed port in Chinese', async () => {
    const good = await office(true);
    const out: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (s: string) => void out.push(s);
    console.error = (s: string) => void out.push(s);
    try {
      expect(await mailCli(['test', '--to', 'me@example.gov.cn', '--workbook', good.workbook])).toBe(0);
      expect(received.at(-1)!.subject).toBe('【测试】督查督办系统邮件设置测试');
      // From the account, named and answered as the scans' notices are (规则配置 督查室名称 / 督查室邮箱).
      expect(envelopeFrom.at(-1)).toBe('duban@example.gov.cn');
      expect(received.at(-1)!.from?.value[0]).toEqual({ name: '县政府督查室', address: 'duban@example.gov.cn' });
      expect(received.at(-1)!.replyTo?.value[0]).toEqual({ name: '县政府督查室', address: 'dcs@example.gov.cn' });
      const bad = await office(true, 'wrong');
      expect(await mailCli(['test', '--to', 'me@example.gov.cn', '--workbook', bad.workbook])).toBe(1);
      expect(out.at(-1)).toContain('拒绝了账号 duban@example.gov.cn 的登录');
      writeFileSync(join(bad.dir, 'duban.env'), 'DUBAN_SMTP_URL=smtp://127.0.0.1:1\n');
      expect(await mailCli(['test', '--to', 'me@example.gov.cn', '--workbook', bad.workbook])).toBe(1);
      expect(out.at(-1)).toContain('拒绝连接');
      expect(await mailCli(['test', '--to', 'not-an-address'])).toBe(2);
      expect(out.at(-1)).toContain('不是电子邮箱地址');
    } finally {
      console.log = log;
      console.error = error;
    }
  }, 60_000);
});
