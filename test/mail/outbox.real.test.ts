import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/mail/notices';
import { createOutboxMailer } from '../../src/mail/outbox';
import { toMailMessage } from '../../src/mail/to-mail-message';
import { cuibanDoc, decodeMimeWords, OFFICE, plainMessage, SCAN_INSTANT } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cuibanMessage(doc = cuibanDoc()) {
  return toMailMessage(renderNotice(doc), {
    from: { name: OFFICE, address: 'duban@linyi.example.cn' },
    to: [
      { name: '赵六', address: 'zhaoliu@zrzy.example.cn' },
      { name: '钱七', address: 'qianqi@zrzy.example.cn' },
    ],
    cc: [{ name: '李四', address: 'lisi@linyi.example.cn' }],
    date: SCAN_INSTANT,
    headers: { 'X-Duban-Dedupe-Key': 'ZD-2026-001|催办单|1|2026-03' },
  });
}

async function sendAndParse(message = cuibanMessage()): Promise<{ parsed: ParsedMail; location: string }> {
  const result = await createOutboxMailer(dir).send(message);
  if (!result.ok) throw new Error(result.error);
  return { parsed: await simpleParser(await readFile(result.location!)), location: result.location! };
}

function addresses(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

describe('outbox mailer', () => {
  it('writes a .eml file a mail client can open, with the Chinese subject intact', async () => {
    const { parsed, location } = await sendAndParse();
    expect(location.startsWith(dir)).toBe(true);
    expect(location.endsWith('.eml')).toBe(true);
    expect(parsed.subject).toBe('【催办单】临政督〔2026〕15号 关于“完成土地征收”的催办');
    expect(parsed.date?.toISOString()).toBe(SCAN_INSTANT.toISOString());
  });

  it('keeps every recipient with display name, including 抄送', async () => {
    const { parsed } = await sendAndParse();
    expect(addresses(parsed.to)).toEqual([
      { name: '赵六', address: 'zhaoliu@zrzy.example.cn' },
      { name: '钱七', address: 'qianqi@zrzy.example.cn' },
    ]);
    expect(addresses(parsed.cc)).toEqual([{ name: '李四', address: 'lisi@linyi.example.cn' }]);
    expect(addresses(parsed.from)).toEqual([{ name: OFFICE, address: 'duban@linyi.example.cn' }]);
  });

  it('carries the 文号 and 时限要求 in both the plain text and the HTML body', async () => {
    const { parsed } = await sendAndParse();
    for (const body of [parsed.text ?? '', parsed.html || '']) {
      expect(body).toContain('临政督〔2026〕15号');
      expect(body).toContain('请于2026年3月24日前反馈办理情况');
      expect(body).toContain('县自然资源局');
    }
  });

  it('keeps the custom headers the scan relies on (dedupe key, 文号, kind)', async () => {
    const { parsed } = await sendAndParse();
    expect(decodeMimeWords(parsed.headers.get('x-duban-dedupe-key'))).toBe('ZD-2026-001|催办单|1|2026-03');
    expect(decodeMimeWords(parsed.headers.get('x-duban-doc-no'))).toBe('临政督〔2026〕15号');
    expect(parsed.headers.get('x-duban-kind')).toBe('cuiban');
    expect(parsed.headers.get('x-duban-item-id')).toBe('ZD-2026-001');
  });

  it('returns the Message-ID that is in the file, the same for a retry of the same notice', async () => {
    const mailer = createOutboxMailer(dir);
    const first = await mailer.send(cuibanMessage());
    const second = await mailer.send(cuibanMessage());
    if (!first.ok || !second.ok) throw new Error('send failed');
    const parsed = await simpleParser(await readFile(first.location!));
    expect(first.messageId).toMatch(/^<duban-[0-9a-f]{24}@linyi\.example\.cn>$/);
    expect(parsed.messageId).toBe(first.messageId);
    expect(second.messageId).toBe(first.messageId);
    expect(second.location).not.toBe(first.location);
  });

  it('names files in ASCII, unique and sorted in send order even within one second', async () => {
    const mailer = createOutboxMailer(dir);
    const subjects = Array.from({ length: 12 }, (_, i) => `第${i + 1}封`);
    const results = await Promise.all(subjects.map((subject) => mailer.send(plainMessage({ subject }))));
    const locations = results.map((r) => (r.ok ? basename(r.location!) : r.error));
    expect(new Set(locations).size).toBe(12);
    for (const name of locations) expect(name).toMatch(/^20260321T083000-\d{4}-mail-[0-9a-f]{8}\.eml$/);
    const sorted = [...locations].sort();
    const parsedSubjects = await Promise.all(
      sorted.map(async (name) => (await simpleParser(await readFile(join(dir, name)))).subject),
    );
    expect(parsedSubjects).toEqual(subjects);
  });

  it('puts the notice type and 文号 into the file name', async () => {
    const { location } = await sendAndParse();
    expect(basename(location)).toMatch(/^20260321T083000-0001-cuiban-2026-015-[0-9a-f]{8}\.eml$/);
  });

  it('continues numbering after files left by an earlier run instead of overwriting them', async () => {
    await createOutboxMailer(dir).send(plainMessage({ subject: '上次运行' }));
    const again = await createOutboxMailer(dir).send(plainMessage({ subject: '本次运行' }));
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2);
    expect(again.ok && basename(again.location!)).toBe(names[1]);
    expect(names[1]).toMatch(/^20260321T083000-0002-/);
  });

  it('leaves no temporary files behind', async () => {
    const mailer = createOutboxMailer(dir);
    await mailer.send(plainMessage());
    await mailer.send(plainMessage());
    const names = await readdir(dir);
    expect(names.filter((n) => n.startsWith('.tmp'))).toEqual([]);
    expect(names).toHaveLength(2);
  });

  it('escapes hostile cell text in HTML and keeps it verbatim in plain text, even with a 10,000-character title', async () => {
    const title = `${'征'.repeat(9_960)}<script>alert("x")</script>=HYPERLINK("x")`;
    const doc = cuibanDoc({
      to: '<b>县住建局</b>',
      item: { id: 'ZD-2026-002', title, deadline: undefined, deadlineText: '长期' },
      reasons: ['=HYPERLINK("http://evil.example","点击")'],
    });
    const { parsed } = await sendAndParse(cuibanMessage(doc));
    const html = parsed.html || '';
    expect(parsed.text).toContain(title);
    expect(parsed.text).toContain('<b>县住建局</b>：');
    expect(parsed.text).toContain('=HYPERLINK("http://evil.example","点击")');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>县住建局</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;点击&quot;)');
    expect(html).toContain('征'.repeat(9_960));
    expect(Array.from(parsed.subject ?? '').length).toBeLessThan(80);
    expect(parsed.subject).toContain(`“${'征'.repeat(40)}…”`);
  });

  it('reports a directory it cannot write as an English error value, not an exception', async () => {
    await createOutboxMailer(dir).send(plainMessage());
    const existing = join(dir, (await readdir(dir))[0]!);
    const result = await createOutboxMailer(join(existing, 'sub')).send(plainMessage());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^\[mail:outbox\] cannot write to .*sub: /);
  });
});
