/**
 * `duban scan --workbook` puts each recipient's signed links into the notices when DUBAN_PUBLIC_URL says where
 * `duban serve` answers them, signed with the key file duban serve uses — the same links as serve's scan, signers'
 * and desk links included; without it the notices carry none.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { heldAnswersFile } from '../../src/local/held-answers-file';
import { expiryOf } from '../../src/web/links/link-deps';
import { hmac, parseLinkKeys, signLink, verifyLink } from '../../src/web/links/token';
import { duban } from '../e2e/cli';
import { readBook, readRows } from '../e2e/sheet-reader';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function scanned(env: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'duban-scan-links-'));
  dirs.push(dir);
  const workbook = join(dir, 'demo.xlsx');
  expect(duban(['init', '--demo', '--as-of', '2026-06-15', '--workbook', workbook]).code).toBe(0);
  expect(duban(['scan', '--workbook', workbook, '--date', '2026-06-15'], env).code).toBe(0);
  const outbox = join(dir, 'outbox');
  const mails = await Promise.all(
    readdirSync(outbox).map(async (f) => (await simpleParser(readFileSync(join(outbox, f)))).text ?? ''),
  );
  return { dir, mails };
}

describe('duban scan and signed links', () => {
  it('links every unit notice to DUBAN_PUBLIC_URL, signed with the key file beside the workbook', async () => {
    const { dir, mails } = await scanned({ DUBAN_PUBLIC_URL: 'https://duban.example.gov.cn' });
    const keys = parseLinkKeys(readFileSync(join(dir, '.duban-link-secret'), 'utf8').trim());
    const text = mails.join('\n');
    const tokens = [
      ...text.matchAll(/https:\/\/duban\.example\.gov\.cn\/l\/[^/\s]+\/feedback\?t=([\w.-]+)/g),
    ];
    expect(tokens.length).toBeGreaterThan(0);
    const verified = await verifyLink(tokens[0]![1]!, keys, new Date('2026-06-15T01:00:00Z'));
    expect(verified.ok && verified.claims.office).toBe('demo.xlsx');
    // The same links as `duban serve`'s scan: the 分管领导's 同意 of the drafts and the 督查室's desk.
    const consent =
      /审核同意链接：https:\/\/duban\.example\.gov\.cn\/l\/[^/\s]+\/consent-notices\?t=([\w.-]+)/.exec(text);
    expect(consent).not.toBeNull();
    const signed = await verifyLink(consent![1]!, keys, new Date('2026-06-15T01:00:00Z'));
    expect(signed.ok && signed.claims.action).toBe('consent-notices');
    expect(text).toMatch(/https:\/\/duban\.example\.gov\.cn\/desk\?t=[\w.-]+/);
  }, 120_000);

  it('leaves links out without DUBAN_PUBLIC_URL', async () => {
    const { dir, mails } = await scanned({ DUBAN_PUBLIC_URL: '' });
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.some((m) => m.includes('/l/'))).toBe(false);
    expect(existsSync(join(dir, '.duban-link-secret'))).toBe(false);
  }, 120_000);
});

describe('duban scan and answers held by duban serve while the workbook was open', () => {
  const SECRET = 'k1:held-answers-secret-0123456789';
  /** The demo with its key file and one 反馈 `duban serve` held: 县商务局's June report, submitted at 08:10. */
  async function withHeldAnswer() {
    const dir = await mkdtemp(join(tmpdir(), 'duban-scan-held-'));
    dirs.push(dir);
    const workbook = join(dir, 'demo.xlsx');
    expect(duban(['init', '--demo', '--as-of', '2026-06-15', '--workbook', workbook]).code).toBe(0);
    writeFileSync(join(dir, '.duban-link-secret'), `${SECRET}\n`, { mode: 0o600 });
    const at = new Date('2026-06-15T00:10:00Z');
    const claims = { office: 'demo.xlsx', task: 'ZD-2026-007', action: 'feedback' as const };
    const person = 'swj.lianluo@demo.gov.cn';
    const t = await signLink({ ...claims, person, exp: expiryOf('feedback', at) }, parseLinkKeys(SECRET));
    const csrf = await hmac(SECRET.slice(3), `csrf.feedback.${t}`);
    await heldAnswersFile(workbook).add({
      id: 'held-1',
      at: at.toISOString(),
      task: claims.task,
      action: claims.action,
      token: t,
      person,
      form: { t, csrf, month: '6', done: '6月参展企业12家', progress: '50' },
      ip: '10.0.0.8',
    });
    const reported = () =>
      readRows(readBook(workbook), '反馈记录').some((r) => r.values['完成情况'] === '6月参展企业12家');
    return { workbook, reported };
  }

  it('writes them before it scans, so the scan counts them', async () => {
    const { workbook, reported } = await withHeldAnswer();
    const r = duban(['scan', '--workbook', workbook, '--date', '2026-06-15'], {
      DUBAN_PUBLIC_URL: 'https://duban.example.gov.cn',
    });
    expect(r.code).toBe(0);
    expect(reported()).toBe(true);
    expect(existsSync(`${workbook}.answers.jsonl`)).toBe(false);
  }, 120_000);

  it('without DUBAN_PUBLIC_URL leaves them to duban serve and says so', async () => {
    const { workbook, reported } = await withHeldAnswer();
    const r = duban(['scan', '--workbook', workbook, '--date', '2026-06-15'], { DUBAN_PUBLIC_URL: '' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('有 1 份单位通过链接提交的内容');
    expect(reported()).toBe(false);
    expect((await heldAnswersFile(workbook).list()).map((a) => a.id)).toEqual(['held-1']);
  }, 120_000);
});
