/**
 * docs/images/status-page.png and notice-cuiban.png: a 催办单 as received, and the status page of `duban serve` after the demo's scan, as a phone shows it (390 px
 * wide), for the manual. Needs Chromium (CHROMIUM=/path, default /usr/bin/chromium).
 *   npx tsx scripts/render-status-page.ts
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { chromium } from 'playwright-core';
import { createWorkbook } from '../sheets-templates/cli/init';
import { startServer } from '../src/local/serve';

const dir = mkdtempSync(join(tmpdir(), 'duban-page-'));
const workbook = join(dir, 'demo.xlsx');
await createWorkbook(workbook, '2026-11-20');
const server = await startServer({
  workbook,
  port: 0,
  schedule: false,
  scanOnStart: true,
  now: () => new Date('2026-11-20T00:30:00Z'),
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await page.goto(server.url);
  await page.screenshot({ path: 'docs/images/status-page.png', fullPage: false });
  console.log('docs/images/status-page.png');
  // A 催办单 as the unit receives it: the HTML part of its .eml in the outbox.
  const eml = readdirSync(server.outboxDir).find((f) => f.includes('cuiban'))!;
  const mail = await simpleParser(readFileSync(join(server.outboxDir, eml)));
  const notice = await browser.newPage({ viewport: { width: 760, height: 900 } });
  await notice.setContent(
    `<p style="font:13px sans-serif;color:#555">主题：${mail.subject}</p>${mail.html || ''}`,
  );
  await notice.screenshot({ path: 'docs/images/notice-cuiban.png', fullPage: true });
  console.log('docs/images/notice-cuiban.png');
} finally {
  await browser.close();
  await server.close();
}
