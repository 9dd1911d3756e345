/**
 * `duban scan --workbook` puts each recipient's signed links into the notices when DUBAN_PUBLIC_URL says where
 * `duban serve` answers them, signed with the key file duban serve uses — the same links as serve's scan, signers'
 * and desk links included; without it the notices carry none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLinkKeys, verifyLink } from '../../src/web/links/token';
import { duban } from '../e2e/cli';

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
