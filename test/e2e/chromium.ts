/**
 * Debian's Chromium as the browser tests drive it (playwright-core), and where they save the README's screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium from /usr/bin/chromium, headless, with nothing reaching out to the network on its own. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });

const SHOTS =
  process.env.DUBAN_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/images') : null;

/** With DUBAN_SCREENSHOTS=1, the page as `docs/images/links-<name>.png` (the README shows them); else nothing. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `links-${name}.png`), fullPage });
}
