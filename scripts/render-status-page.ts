/**
 * docs/images/status-page.png: the status page of `duban serve` after the demo's scan, as a phone shows it (390 px
 * wide), for the manual. Needs Chromium (CHROMIUM=/path, default /usr/bin/chromium).
 *   npx tsx scripts/render-status-page.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
} finally {
  await browser.close();
  await server.close();
}
