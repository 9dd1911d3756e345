/**
 * The link pages as WeChat's built-in browser opens them: WeChat on Android is Chromium-based (XWeb / X5), with
 * `MicroMessenger` in its user agent. Here, Chromium with a WeChat Android user agent, JavaScript off and a 390 px
 * viewport: a unit signs for its 催办单 and answers it, the forms working without any script, and no page or
 * resource answers an error for that user agent. (A real WeChat client was not available: see docs/security.md.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/local/serve';
import { launchChromium } from './chromium';
import { outboxMails, scannedDemoServer } from './scanned-server';
import { readBook, readRows, rowWhere } from './sheet-reader';

/** WeChat 8.0 on Android 13 (XWeb, Chromium 116), as its built-in browser reports itself. */
const WECHAT_ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 ' +
  'MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const TASK = 'ZD-2026-013'; // 县工信局: 4月 unreported, a 催办单 on 2026-06-15

let workbook: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
const statuses: Array<{ url: string; status: number }> = [];

beforeAll(async () => {
  ({ workbook, server } = await scannedDemoServer('duban-wechat-'));
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    userAgent: WECHAT_ANDROID_UA,
    javaScriptEnabled: false,
    locale: 'zh-CN',
  });
  page = await context.newPage();
  page.on('response', (r) => statuses.push({ url: r.url(), status: r.status() }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function noticeLinks() {
  const notice = (await outboxMails(server)).find(
    (m) => m.headers.get('x-duban-kind') === 'cuiban' && m.headers.get('x-duban-item-id') === TASK,
  )!;
  const text = notice.text ?? '';
  const link = (label: string) => new RegExp(`${label} (http://\\S+)`).exec(text)![1]!;
  return { ack: link('签收'), feedback: link('反馈'), extend: link('延期申请') };
}

const battleRow = () => rowWhere(readRows(readBook(workbook), '挂图作战表'), '编号', TASK);

describe("WeChat's built-in browser (Chromium, WeChat UA, no JavaScript, 390 px)", () => {
  it('a unit signs for its 催办单 and answers it with forms that need no script; no page errs for that UA', async () => {
    const links = await noticeLinks();

    await page.goto(links.ack);
    expect(await page.textContent('h1')).toBe('签收通知');
    expect(await page.locator('script').count()).toBe(0);
    await page.fill('#owner', '钱工');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('main')).toContain('已签收');
    expect(battleRow().values['当前节点']).toMatch(/^已签收（6月15日，具体责任人：钱工）/);

    await page.goto(links.feedback);
    const width = await page.locator('main').boundingBox();
    expect(width!.width).toBeLessThanOrEqual(390);
    await page.selectOption('#month', '4');
    await page.fill('#done', '已完成，入规辅导企业12家');
    await page.fill('#progress', '35');
    await page.fill('#problems', '😀 <b>无</b>');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('main')).toContain('4月完成情况已记入反馈记录和本事项');
    const ledger = readRows(readBook(workbook), '反馈记录').at(-1)!;
    expect(ledger.values['完成情况']).toBe('已完成，入规辅导企业12家');
    expect(ledger.values['渠道']).toBe('链接');

    // The other pages the unit can reach from its mail and its 反馈 page open too.
    await page.goto(links.extend);
    expect(await page.textContent('h1')).toBe('延期申请');
    await page.goto(links.feedback);
    await page.click('text=申请调出、调整目标或调整时限');
    expect(await page.textContent('h1')).toBe('申请调出或调整');

    const errors = statuses.filter((s) => s.status >= 400);
    expect(errors).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
