/**
 * Issue 11: the board in a real browser (Debian's Chromium through playwright-core) — each filter used as a leader
 * would on a 390 px phone, then the page printed to A3 landscape. Writes docs/images/board-phone-390.png,
 * docs/images/board-a3-page1.png (pdftoppm) for the README, and docs/board-a3.pdf when it is missing or
 * DUBAN_UPDATE_DOCS=1 (Chromium stamps each PDF with its creation time, so rewriting it on every run dirties the tree).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/chromium';
import { lateRowsOfTab, scannedDemo, sheetTasks, VIEWER } from './board-fixture';

const { store, app } = await scannedDemo();
const tasks = sheetTasks(store);
let server: ReturnType<typeof serve>;
let base: string;
let browser: Browser;
let page: Page;
/** Requests the page made to anywhere but the board's own server. */
const outside: string[] = [];

beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  // Offline offices: the page must not reach out anywhere.
  await page.route(
    (url) => !url.href.startsWith(base),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  await page.goto(`${base}/board?t=${VIEWER}`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const shownIds = () => page.$$eval('#map tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id')));
/** Wait for the form's navigation: an empty field is in the query too (`status=`), so match the value. */
const filtered = (key: string, value: string) => page.waitForURL((u) => u.searchParams.get(key) === value);
const ids = (keep: (t: (typeof tasks)[number]) => boolean) => tasks.filter(keep).map((t) => t.id);

describe('the board in Chromium at 390 px', () => {
  it('the viewer link leaves the token out of the address bar and keeps the viewer in by cookie', async () => {
    expect(page.url()).toBe(`${base}/board`);
    expect(await shownIds()).toEqual(tasks.map((t) => t.id));
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'duban_board')).toMatchObject({ httpOnly: true });
  });

  it('fits the phone: no horizontal scroll of the page itself, the map scrolls in its frame', async () => {
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(390);
    // The charts keep a readable size and scroll in their own frame (shrunk to the phone, their labels were ~5 px).
    const charts = (await page.evaluate(
      "[...document.querySelectorAll('.chart svg')].map((s) => s.getBoundingClientRect().width)",
    )) as number[];
    expect(charts.length).toBeGreaterThan(0);
    for (const w of charts) expect(w).toBeGreaterThanOrEqual(600);
    mkdirSync('docs/images', { recursive: true });
    await page.screenshot({ path: 'docs/images/board-phone-390.png' });
  });

  it('on the phone: each task shows its 系统提示, and the map shows last month and this month until 显示全年各月', async () => {
    const visibleMonths = () =>
      page.$$eval('#map thead tr:first-child th[colspan="2"]', (ths) =>
        ths.filter((th) => (th as unknown as { offsetParent: unknown }).offsetParent !== null).map((th) => th.textContent),
      );
    expect(await visibleMonths()).toEqual(['5月', '6月']); // the board is for 2026-06-15
    const hinted = tasks.find((t) => t.hint)!;
    const hint = await page.$eval(
      `#map tr[data-id="${hinted.id}"] .task .hint-m`,
      (e) => ({ text: e.textContent, shown: (e as unknown as { offsetParent: unknown }).offsetParent !== null }),
    );
    expect(hint).toEqual({ text: hinted.hint.split('\n').join('；'), shown: true });
    await page.click('label[for=all-months]');
    expect(await visibleMonths()).toHaveLength(12);
    await page.click('label[for=all-months]');
    expect(await visibleMonths()).toEqual(['5月', '6月']);
  });

  it('choosing a 分管领导 filters at once (no button press)', async () => {
    await Promise.all([filtered('leader', '冯长青'), page.selectOption('select[name=leader]', '冯长青')]);
    expect(await shownIds()).toEqual(ids((t) => t.leader === '冯长青'));
  });

  it('then a 状态 narrows it further, and the count says how many', async () => {
    await Promise.all([filtered('status', '逾期'), page.selectOption('select[name=status]', '逾期')]);
    const expected = ids((t) => t.leader === '冯长青' && t.status === '逾期');
    expect(await shownIds()).toEqual(expected);
    expect(await page.textContent('#counts b')).toBe(`共${expected.length}项`);
  });

  it('牵头单位 and 预警 filter too', async () => {
    await page.goto(`${base}/board`);
    await Promise.all([filtered('unit', '县住建局'), page.selectOption('select[name=unit]', '县住建局')]);
    expect(await shownIds()).toEqual(ids((t) => t.unit === '县住建局'));
    await page.goto(`${base}/board`);
    await Promise.all([filtered('card', '黄牌'), page.selectOption('select[name=card]', '黄牌')]);
    expect(await shownIds()).toEqual(ids((t) => t.card === '黄牌'));
  });

  it('search finds by words of the task, and a count chip filters by its 状态', async () => {
    await page.goto(`${base}/board`);
    await page.fill('input[name=q]', '供暖');
    await Promise.all([filtered('q', '供暖'), page.press('input[name=q]', 'Enter')]);
    expect(await shownIds()).toEqual(ids((t) => t.title.includes('供暖')));
    await page.goto(`${base}/board`);
    await Promise.all([filtered('status', '临期'), page.click('a.chip:has-text("临期")')]);
    expect(await shownIds()).toEqual(ids((t) => t.status === '临期'));
  });

  it("the 通报 section names the 逾期、滞后事项 the 通报 tab names, each readable on the phone in two lines", async () => {
    await page.goto(`${base}/board`);
    const rows = (await page.$$eval('.late tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => {
          const r = td.getBoundingClientRect();
          return { text: td.textContent, top: Math.round(r.top), left: r.left, right: r.right, height: r.height };
        });
        return cells;
      }),
    )) as Array<Array<{ text: string; top: number; left: number; right: number; height: number }>>;
    expect(rows.map((r) => r.map((c) => c.text))).toEqual(lateRowsOfTab(store, '2026年5月通报'));
    expect(await page.textContent('.late .late-note')).toBe('截至2026年5月31日，逾期事项2项、滞后事项2项，列出如下：');
    for (const [id, title, unit, how] of rows) {
      // Every cell shown, inside the 390 px screen: 编号 and 工作任务 on a line, 牵头单位 and how late under them.
      for (const c of [id, title, unit, how]) {
        expect(c!.height).toBeGreaterThan(0);
        expect(c!.left).toBeGreaterThanOrEqual(0);
        expect(c!.right).toBeLessThanOrEqual(390);
      }
      expect(title!.top).toBe(id!.top);
      expect(how!.top).toBe(unit!.top);
      expect(unit!.top).toBeGreaterThan(id!.top);
    }
  });

  it('on a 1366 px screen: the 系统提示 once, in its column, and leader, unit and 完成时限 each on one line', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${base}/board`);
    try {
      const hinted = tasks.find((t) => t.hint)!;
      const row = `#map tr[data-id="${hinted.id}"]`;
      const shown = (selector: string) =>
        page.$eval(selector, (e) => (e as unknown as { offsetParent: unknown }).offsetParent !== null);
      expect(await shown(`${row} td.hint`)).toBe(true);
      expect(await shown(`${row} .task .hint-m`)).toBe(false);
      // Squeezed by the 24 month columns, 董海涛 and 县发改局 stood one character to a line.
      const lines = (await page.evaluate(
        `[...document.querySelectorAll('${row} td.opt, ${row} td.day')].map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        })`,
      )) as number[];
      expect(lines).toEqual([1, 1, 1]);
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });

  it('prints on A3 landscape with 状态 and 预警 beside each task on the first page', async () => {
    await page.goto(`${base}/board?p=all`);
    await page.emulateMedia({ media: 'print' });
    const printed = join(mkdtempSync(join(tmpdir(), 'board-pdf-')), 'board-a3.pdf');
    const pdf = await page.pdf({
      path: printed,
      format: 'A3',
      landscape: true,
      printBackground: true,
    });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      printed,
      'docs/images/board-a3-page1',
    ]);
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', printed, '-'], {
      encoding: 'utf8',
    });
    // A3 landscape: 420 × 297 mm ≈ 1191 × 842 pt.
    const info = execFileSync('pdfinfo', [printed], { encoding: 'utf8' });
    if (!existsSync('docs/board-a3.pdf') || process.env.DUBAN_UPDATE_DOCS === '1')
      copyFileSync(printed, 'docs/board-a3.pdf');
    expect(info).toMatch(/Page size:\s+119[01]\.\d+ x 84[12]\.\d+ pts \(A3\)/);
    const first = tasks[0]!;
    const line = text.split('\n').find((l) => l.includes(first.id))!;
    expect(line).toBeDefined();
    // The task's 状态 is on its own line of the first page, before the months.
    expect(line.indexOf(first.status)).toBeGreaterThan(line.indexOf(first.id));
  });

  it('never asked anything of the internet (offices are offline: no CDN, no web font)', () => {
    expect(outside).toEqual([]);
  });
});
