/**
 * 签发 by link in real Chromium on a 390×844 phone viewport, against `duban serve` on the demo .xlsx workbook with
 * 签发 on (the default) and the office's SMTP server (a local one): the 分管领导 consents his three draft 催办单 from
 * the link in his daily digest (all at once after reading), the next morning the 办公室主任 signs them from his — one
 * with its own button, then the other two at once — and the three are numbered in 文书登记 and delivered to the units
 * they name. The 督查室's desk then lists the signatures. With DUBAN_SCREENSHOTS=1 the pages are saved under
 * docs/images/ for the README.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { type RunningServer, startServer } from '../../src/local/serve';
import { type SmtpSink, startSmtpSink } from '../runtime/smtp-sink';
import { launchChromium, screenshot } from './chromium';
import { readBook, readRows } from './sheet-reader';

const LEADER = 'fxz.chengjian@demo.gov.cn'; // 冯长青, 分管 县住建局、县交通运输局
const DIRECTOR = 'zfb.zhuren@demo.gov.cn'; // 魏晨曦, 办公室主任
const DRAFTS = ['DB-2026-003', 'ZD-2026-022', 'ZD-2026-033'];

let workbook: string;
let sink: SmtpSink;
let server: RunningServer;
let browser: Browser;
let page: Page;
let clock = new Date('2026-06-15T00:30:00Z');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-signing-browser-'));
  workbook = join(dir, 'demo.xlsx');
  await createWorkbook(workbook, '2026-06-15');
  sink = await startSmtpSink();
  writeFileSync(join(dir, 'duban.env'), `DUBAN_SMTP_URL=smtp://127.0.0.1:${sink.port}\n`);
  server = await startServer({ workbook, port: 0, schedule: false, now: () => clock });
  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sink?.close();
});

async function scan() {
  const res = await fetch(`${server.url}/api/scan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
  });
  expect(res.status).toBe(200);
}

/** The link labelled `label` in the newest daily digest (【督办提醒】) delivered to `to`. */
function digestLink(to: string, label: string): string {
  const digest = sink.received
    .filter((m) => m.subject.startsWith('【督办提醒】') && m.envelopeTo.includes(to))
    .at(-1);
  expect(digest, `a digest to ${to}`).toBeDefined();
  const url = new RegExp(`${label}：(http://\\S+)`).exec(digest!.mail.text ?? '')?.[1];
  expect(url, `${label} in the digest to ${to}`).toBeDefined();
  return url!;
}

const register = () => readRows(readBook(workbook), '文书登记');
const draftsOf = (ids: string[]) =>
  register().filter((r) => ids.includes(r.values['编号']!) && r.values['发送状态'] === '待签发');

/** A header as sent (nodemailer encodes non-ASCII values as RFC 2047 words, which mailparser leaves for X- headers). */
function header(m: SmtpSink['received'][number], name: string): string {
  return String(m.mail.headers.get(name) ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** The page, whole, or its first screen (the desk runs long: its first screen shows what it is for). */
const shot = (name: string, fullPage = true) => screenshot(page, name, fullPage);

describe('签发 by link in Chromium on a phone', () => {
  it('the 分管领导 consents, the 办公室主任 signs three notices; they are numbered and delivered to their units', async () => {
    await scan();
    const keys = draftsOf(DRAFTS).map((r) => r.values['去重键']!.replace(/\|待签发$/, ''));
    expect(keys).toHaveLength(3);
    const sentBefore = sink.received.length;

    // Day 1: the 分管领导 reads the three drafts and consents to all of them at once.
    await page.goto(digestLink(LEADER, '审核同意链接'));
    expect(await page.textContent('h1')).toBe('文书审核同意');
    for (const id of DRAFTS) expect(await page.textContent('main')).toContain(id);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot('consent');
    await page.click('text=全部同意（3份）');
    await expect.poll(() => page.textContent('main')).toContain('已同意 3 份文书');
    expect(draftsOf(DRAFTS).map((r) => r.values['同意人'])).toEqual(['冯长青', '冯长青', '冯长青']);
    expect(sink.received.length).toBe(sentBefore); // consent sends nothing

    // Day 2: the 办公室主任's digest links to the three consented drafts; he signs one, then the other two at once.
    clock = new Date('2026-06-16T00:30:00Z');
    await scan();
    await page.goto(digestLink(DIRECTOR, '签发链接'));
    expect(await page.textContent('h1')).toBe('文书签发');
    const main = (await page.textContent('main')) ?? '';
    for (const id of DRAFTS) expect(main).toContain(id);
    expect(main).toContain('全部签发（3份）');
    await shot('signing');
    const delivered = sink.received.length;
    await page.click('section.draft >> nth=0 >> button');
    await expect.poll(() => page.textContent('main')).toContain('已签发 1 份文书。已编号并发出。');
    await page.goBack();
    await page.reload();
    expect(await page.textContent('main')).toContain('全部签发（2份）');
    await page.click('text=全部签发（2份）');
    await expect.poll(() => page.textContent('main')).toContain('已签发 2 份文书。已编号并发出。');

    // The drafts are marked 已签发 by 魏晨曦; each has its numbered row in 文书登记, delivered once to the people of
    // the unit it names.
    expect(draftsOf(DRAFTS)).toHaveLength(0);
    const signed = register().filter((r) => keys.includes(r.values['去重键']!.replace(/\|待签发$/, '')));
    const drafts = signed.filter((r) => r.values['去重键']!.endsWith('|待签发'));
    expect(drafts.map((r) => [r.values['发送状态'], r.values['签发人'], r.values['签发日期']])).toEqual(
      Array(3).fill(['已签发', '魏晨曦', '2026-06-16']),
    );
    const numbered = signed.filter((r) => !r.values['去重键']!.endsWith('|待签发'));
    expect(numbered.map((r) => r.values['编号']).sort()).toEqual(DRAFTS);
    expect(numbered.every((r) => /^临政督催〔2026〕\d+号$/.test(r.values['文号']!))).toBe(true);
    expect(numbered.every((r) => r.values['发送状态'] === '已发送')).toBe(true);
    const directory = readRows(readBook(workbook), '通讯录');
    // One mail per recipient (each with only their own links), the 抄送 copy apart: each recipient's once.
    const mails = sink.received
      .slice(delivered)
      .filter((m) => m.subject.startsWith('【催办单】') && header(m, 'x-duban-copy-for') !== 'cc');
    const copies = mails.map((m) => `${header(m, 'x-duban-doc-no')} → ${header(m, 'x-duban-copy-for')}`);
    expect(new Set(copies).size).toBe(copies.length);
    expect(new Set(mails.map((m) => header(m, 'x-duban-doc-no'))).size).toBe(3);
    for (const row of numbered) {
      const mail = mails.find((m) => header(m, 'x-duban-doc-no') === row.values['文号'])!;
      expect(mail, `the mail of ${row.values['文号']}`).toBeDefined();
      expect(mail.mail.headers.get('x-duban-item-id')).toBe(row.values['编号']);
      expect(mail.mail.text).toContain(row.values['文号']);
      const unit = row.values['发往单位']!;
      const ofUnit = directory.filter((p) => p.values['单位'] === unit).map((p) => p.values['邮箱']);
      const to = [mail.mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
      expect(to.length).toBeGreaterThan(0);
      expect(ofUnit).toEqual(expect.arrayContaining(to));
    }

    // The 督查室's desk lists the consent and the signatures in its audit log.
    await page.goto(`${server.url}/desk?t=${server.token}`);
    expect(await page.textContent('h1')).toBe('督查室工作台');
    const desk = (await page.textContent('main')) ?? '';
    expect(desk.match(/文书签发/g)?.length).toBeGreaterThanOrEqual(3);
    expect(desk).toContain('文书同意');
    await shot('desk', false);
  }, 180_000);
});
