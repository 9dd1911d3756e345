/**
 * A notice with signed links reaches each recipient as a mail of their own, through a real SMTP server and into the
 * outbox folder: each parsed mail holds only its reader's link tokens, is addressed (and delivered) to that reader
 * alone, and has a Message-ID of its own.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../src/mail/outbox';
import { createSmtpMailer } from '../../src/mail/smtp';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { scanLinks } from '../../src/web/links/scan-links';
import { parseLinkKeys, verifyLink } from '../../src/web/links/token';
import { type SmtpSink, startSmtpSink } from '../runtime/smtp-sink';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const DAY = at830('2026-06-15');
const KEYS = parseLinkKeys('k1:first-secret-0123456789');
const LINKS = scanLinks({ keys: KEYS, office: 'demo.xlsx', publicUrl: 'https://duban.example.gov.cn' }, DAY);

const header = (mail: ParsedMail, name: string) => {
  const value = mail.headers.get(name);
  return typeof value === 'string' ? value : '';
};
const addressesOf = (field: ParsedMail['to']) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));

/** The people the signed links in a parsed mail name. */
async function linkPeople(mail: ParsedMail): Promise<string[]> {
  const text = mail.text ?? '';
  const tokens = [...text.matchAll(/(?:签收|反馈|延期申请) https:\/\/\S+\?t=([\w.-]+)/g)].map((m) => m[1]!);
  const people = await Promise.all(
    tokens.map(async (t) => {
      const verified = await verifyLink(t, KEYS, DAY);
      return verified.ok ? verified.claims.person : `invalid ${t}`;
    }),
  );
  return [...new Set(people)];
}

/** Each recipient's copy holds their own links only; the 抄送 copy none; copies of one notice differ in Message-ID. */
async function expectOwnLinksOnly(mails: ParsedMail[]): Promise<void> {
  const copies = mails.filter((m) => header(m, 'x-duban-copy-for'));
  const notices = new Map<string, ParsedMail[]>();
  for (const m of copies) {
    const key = header(m, 'x-duban-dedupe-key');
    notices.set(key, [...(notices.get(key) ?? []), m]);
  }
  expect(notices.size).toBeGreaterThan(3);
  for (const mail of copies) {
    const reader = header(mail, 'x-duban-copy-for');
    if (reader === 'cc') {
      expect(await linkPeople(mail)).toEqual([]);
      expect(mail.text).toContain('办理链接已分别发给各收件人本人');
      continue;
    }
    expect(addressesOf(mail.to)).toEqual([reader]);
    expect(addressesOf(mail.cc)).toEqual([]);
    expect(await linkPeople(mail)).toEqual([reader]);
    expect(String(mail.html)).toContain('以下链接为您本人专用，请勿转发');
  }
  const pair = [...notices.values()].find(
    (c) => c.filter((m) => header(m, 'x-duban-copy-for') !== 'cc').length > 1,
  );
  expect(pair).toBeDefined();
  expect(new Set(pair!.map((m) => m.subject)).size).toBe(1);
  expect(new Set(pair!.map((m) => m.messageId)).size).toBe(pair!.length);
}

describe('one mail per recipient through a real SMTP server', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it('each recipient receives their own links, delivered to them alone', async () => {
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: sink.port, ratePerSecond: 1000 });
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    try {
      const summary = await runScan({
        store,
        mailer,
        journal,
        from: FROM,
        now: DAY,
        soleWriter: true,
        ...LINKS,
      });
      expect(summary.notices.unsent).toBe(0);
    } finally {
      await mailer.close?.();
    }
    for (const received of sink.received) {
      const reader = header(received.mail, 'x-duban-copy-for');
      if (reader && reader !== 'cc') expect(received.envelopeTo).toEqual([reader]);
    }
    await expectOwnLinksOnly(sink.received.map((r) => r.mail));
  });
});

describe('one .eml per recipient in the outbox folder', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes each recipient’s mail as a file of its own, with only their links', async () => {
    dir = await mkdtemp(join(tmpdir(), 'duban-outbox-'));
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const mailer = createOutboxMailer(dir);
    await runScan({ store, mailer, journal, from: FROM, now: DAY, soleWriter: true, ...LINKS });
    const files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(join(dir, f)))));
    expect(files.length).toBe(mails.length);
    await expectOwnLinksOnly(mails);
  });
});
