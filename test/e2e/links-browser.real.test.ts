/**
 * The link pages in real Chromium on a 390×844 phone viewport, against `duban serve` on an .xlsx workbook: a unit opens
 * the links of the 催办单 it received, signs for it and answers it; it asks for an extension and the 分管领导 approves
 * it from the link in their mail. Each step is checked in the workbook as an outsider reads it (SheetJS).
 * With DUBAN_SCREENSHOTS=1 the pages are saved under docs/images/ for the README.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/local/serve';
import { launchChromium, screenshot } from './chromium';
import { outboxMails, scannedDemoServer } from './scanned-server';
import { readBook, readRows, rowWhere } from './sheet-reader';

const TASK = 'ZD-2026-013'; // 县工信局: 4月 unreported, 滞后 with a 蓝牌 on 2026-06-15

let dir: string;
let workbook: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ dir, workbook, server } = await scannedDemoServer('duban-links-browser-'));
  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const mails = () => outboxMails(server);

const battleRow = () => rowWhere(readRows(readBook(workbook), '挂图作战表'), '编号', TASK);

const shot = (name: string) => screenshot(page, name);

describe('link pages in Chromium on a phone', () => {
  it('the unit signs for its 催办单 and answers it; 当前节点, 状态 and the month colour change in the xlsx', async () => {
    expect(existsSync(join(dir, '.duban-link-secret'))).toBe(true);
    const notice = (await mails()).find(
      (m) => m.headers.get('x-duban-kind') === 'cuiban' && m.headers.get('x-duban-item-id') === TASK,
    )!;
    const text = notice.text ?? '';
    const ack = /签收 (http:\/\/\S+)/.exec(text)![1]!;
    const feedback = /反馈 (http:\/\/\S+)/.exec(text)![1]!;
    expect(ack.startsWith(`${server.url}/l/${TASK}/ack?t=`)).toBe(true);

    await page.goto(ack);
    await shot('ack');
    await page.fill('#owner', '赵工');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('main')).toContain('已签收');
    expect(battleRow().values['当前节点']).toMatch(/^已签收（6月15日，具体责任人：赵工）→ /);

    const before = battleRow();
    expect(before.values['状态']).toBe('滞后');
    await page.goto(feedback);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.selectOption('#month', '4');
    await page.fill('#done', '已完成，入规辅导企业15家');
    await page.fill('#progress', '40');
    await page.fill('#problems', '<script>alert(1)</script> =HYPERLINK("http://x","y") 🚀');
    await page.fill('#plan', '5月起按月推进');
    await shot('feedback');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('main')).toContain('4月完成情况已记入反馈记录和本事项');
    await shot('feedback-done');

    const after = battleRow();
    expect(after.values['4月/完成情况']).toMatch(/^已完成，入规辅导企业15家（进度40%/);
    expect(after.values['状态']).not.toBe('滞后');
    expect(after.fills['4月/完成情况']).not.toBe(before.fills['4月/完成情况']);
    expect(after.values['最近反馈']).toBe('2026-06-15');
    const ledger = readRows(readBook(workbook), '反馈记录').at(-1)!;
    expect(ledger.values['存在问题']).toBe('<script>alert(1)</script> =HYPERLINK("http://x","y") 🚀');
    expect(ledger.values['渠道']).toBe('链接');
  }, 120_000);

  it('the unit asks for an extension and the 分管领导 approves it from their mail', async () => {
    const notice = (await mails()).find(
      (m) => m.headers.get('x-duban-kind') === 'cuiban' && m.headers.get('x-duban-item-id') === TASK,
    )!;
    const extend = /延期申请 (http:\/\/\S+)/.exec(notice.text ?? '')![1]!;
    await page.goto(extend);
    await page.fill('#requested', '2027-03-31');
    await page.fill('#reason', '企业入规需跨年度统计核定');
    await shot('extend');
    await page.click('button[type=submit]');
    // duban serve without a mail server: the request is an .eml in the outbox, which the 督查室 forwards.
    await expect.poll(() => page.textContent('main')).toContain('审批通知已存入督查室的发件箱，由督查室转交分管领导');

    const request = (await mails()).find((m) => (m.subject ?? '').startsWith('【延期申请】'))!;
    const approve = /审批链接：(http:\/\/\S+)/.exec(request.text ?? '')![1]!;
    await page.goto(approve);
    await page.fill('#opinion', '同意，请抓紧推进');
    await shot('approve');
    await page.click('button[value=同意]');
    await expect.poll(() => page.textContent('main')).toContain('完成时限延至 2027-03-31');
    const row = battleRow();
    expect(row.values['原完成时限']).not.toBe('');
    const decided = readRows(readBook(workbook), '延期申请').at(-1)!;
    expect(decided.values['状态']).toBe('同意');
    expect((await mails()).some((m) => (m.subject ?? '').startsWith('【延期审批结果】'))).toBe(true);

    await page.goto(approve);
    expect(await page.textContent('h1')).toBe('链接已使用');
  }, 120_000);

  it('the unit asks to adjust its target from its 反馈 page; the 分管领导 then the 主要领导 approve from their mail', async () => {
    const notice = (await mails()).find(
      (m) => m.headers.get('x-duban-kind') === 'cuiban' && m.headers.get('x-duban-item-id') === TASK,
    )!;
    await page.goto(/反馈 (http:\/\/\S+)/.exec(notice.text ?? '')![1]!);
    await page.click('text=申请调出、调整目标或调整时限');
    await page.selectOption('#kind', '调整目标');
    await page.fill('#target', '新增规上工业企业6家');
    await page.fill('#reason', '受市场影响，年度目标需调整');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('main')).toContain('分管领导 → 主要领导');

    for (const [n, expected] of [
      [1, '由督查室转交主要领导'],
      [2, '由督查室转告承办单位'],
    ] as const) {
      const requests = (await mails()).filter((m) => (m.subject ?? '').startsWith('【调整目标申请】'));
      expect(requests).toHaveLength(n);
      await page.goto(/审批链接：(http:\/\/\S+)/.exec(requests.at(-1)!.text ?? '')![1]!);
      await page.click('button[value=同意]');
      await expect.poll(() => page.textContent('main')).toContain(expected);
    }
    const decided = readRows(readBook(workbook), '调整记录').at(-1)!;
    expect(decided.values['状态']).toBe('同意');
    expect(decided.values['调整后目标']).toBe('新增规上工业企业6家');
    expect((await mails()).some((m) => (m.subject ?? '').startsWith('【调整目标审批结果】'))).toBe(true);
  }, 120_000);

  it('a completion card goes through the whole chain and closes the item with its level; the card prints on one A4 page', async () => {
    const notice = (await mails()).find(
      (m) => m.headers.get('x-duban-kind') === 'cuiban' && m.headers.get('x-duban-item-id') === TASK,
    )!;
    // The head's own links come first in the 办理链接 block (单位负责人, then 联络员).
    const feedback = /反馈 (http:\/\/\S+)/.exec(notice.text ?? '')![1]!;
    await page.goto(feedback);
    await page.click('text=申请办结');
    await page.fill('#opinion', '年度目标已全部完成');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('main')).toContain('办结申请已提交');

    const tried = new Set<string>();
    let closed = false;
    for (let step = 0; step < 12 && !closed; step++) {
      const links = (await mails())
        .filter((m) => (m.subject ?? '').startsWith('【办结审批】'))
        .map((m) => /签批链接：(http:\/\/\S+)/.exec(m.text ?? '')![1]!)
        .filter((u) => !tried.has(u));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        tried.add(link);
        await page.goto(link);
        if ((await page.textContent('h1')) !== '办结审批') continue; // a colleague of the same post signed first
        const last = (await page.$('#level')) !== null;
        if (last) {
          await page.selectOption('#level', '落实较好');
          await shot('sign-completion');
        }
        await page.fill('#opinion', '同意');
        await page.click('button[value=同意]');
        await expect.poll(() => page.textContent('h1')).toBe('签批完成');
        closed = last;
        break;
      }
    }
    expect(closed).toBe(true);
    expect(battleRow().values['状态']).toBe('已办结');
    const card = readRows(readBook(workbook), '办结审批').at(-1)!;
    expect(card.values['评价等级']).toBe('落实较好');
    expect(card.values['状态']).toBe('已办结');

    await page.goto(`${[...tried].at(-1)}&print=1`);
    await shot('completion-card');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  }, 180_000);

  it('takes an answer while the clerk has the workbook open in Excel, says it is received, writes it once closed', async () => {
    const notice = (await mails()).find((m) => m.headers.get('x-duban-item-id') === TASK)!;
    const feedback = /反馈 (http:\/\/\S+)/.exec(notice.text ?? '')![1]!;
    const ledger = () => readRows(readBook(workbook), '反馈记录');
    const before = ledger().length;
    const lock = join(dir, '~$demo.xlsx'); // what Excel and WPS leave beside an open workbook
    writeFileSync(lock, '');
    try {
      await page.goto(feedback);
      await page.selectOption('#month', '5');
      await page.fill('#done', '5月走访企业8家');
      await page.fill('#progress', '45');
      await page.click('button[type=submit]');
      await expect.poll(() => page.textContent('main')).toContain('反馈已收到');
      expect(await page.textContent('main')).toContain('无需重复提交');
      // The serve loop looks every 0.3 s: several looks later, still nothing written while the lock is there.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(ledger().length).toBe(before);
      await page.goto(feedback);
      expect(await page.textContent('main')).toContain('已收到并保存');
    } finally {
      rmSync(lock);
    }
    await expect.poll(() => ledger().length, { timeout: 15_000 }).toBe(before + 1);
    expect(ledger().at(-1)!.values['完成情况']).toBe('5月走访企业8家');
    // Marked written (the file removed) just after the workbook's write.
    await expect.poll(() => existsSync(`${workbook}.answers.jsonl`), { timeout: 5_000 }).toBe(false);
    await page.goto(feedback);
    expect(await page.isVisible('#done')).toBe(true);
  }, 60_000);

  it('refuses the form when another site posts it (a page on another port of this machine)', async () => {
    const notice = (await mails()).find((m) => m.headers.get('x-duban-item-id') === TASK)!;
    const link = new URL(/反馈 (http:\/\/\S+)/.exec(notice.text ?? '')![1]!);
    await page.goto(link.href);
    const csrf = await page.getAttribute('input[name=csrf]', 'value');
    const evil = createServer((_, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<form method="post" action="${link.origin}${link.pathname}"><input name="t" value="${link.searchParams.get('t')}">` +
          `<input name="csrf" value="${csrf}"><input name="month" value="6"><input name="done" value="伪造">` +
          '<input name="progress" value="100"><button>go</button></form>',
      );
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    try {
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      await page.click('button');
      await expect.poll(() => page.textContent('h1')).toBe('提交被拒绝');
      expect(readRows(readBook(workbook), '反馈记录').some((r) => r.values['完成情况'] === '伪造')).toBe(
        false,
      );
    } finally {
      evil.close();
    }
  }, 60_000);
});
