/** `duban scan`'s Chinese summary tells the clerk how many notices wait for 同意 / 签发 (seed 004 §五.2). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/store/grid/cell-text';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { tabSpec } from '../../src/workbook/schema/tabs';
import { startServer } from '../../src/local/serve';
import { duban } from '../e2e/cli';
import { freePort } from '../free-port';

let dir = '';
afterAll(() => rm(dir, { recursive: true, force: true }));

async function registerStates(workbook: string): Promise<string[]> {
  const register = (await createXlsxPackageStore(workbook).read([tabSpec('文书登记')])).tabs['文书登记']!;
  return register.rows.map((r) => cellText(r.cells['发送状态'] ?? null));
}

describe('duban scan summary', () => {
  it('counts the drafts waiting for signature, as 文书登记 holds them, and says what happens to them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'duban-scan-summary-'));
    const workbook = join(dir, 'demo.xlsx');
    expect(duban(['init', '--demo', '--as-of', '2026-12-03', '--workbook', workbook]).code).toBe(0);
    const scan = duban(['scan', '--workbook', workbook, '--date', '2026-12-03']);
    expect(scan.code).toBe(0);
    const register = (await createXlsxPackageStore(workbook).read([tabSpec('文书登记')])).tabs['文书登记']!;
    const drafts = register.rows.filter((r) => cellText(r.cells['发送状态'] ?? null) === '待签发').length;
    expect(drafts).toBeGreaterThan(0);
    expect(scan.stdout).toContain(`发送失败0、待签发${drafts}`);
    // Deadlines run into 2027, whose State Council schedule the program lacks: the clerk is told what to do about it.
    expect(scan.stdout).toContain('注：2027年国务院节假日安排尚未录入，工作日暂按法定节日推算');
    expect(scan.stdout).toContain('请在工作簿的「节假日」中录入');
    expect(scan.stdout).toContain(`注：${drafts}份通知待签发`);
  }, 120_000);

  it('leaves its summary for the status page of duban serve (manual §5: a scan on demand is duban scan)', async () => {
    const workbook = join(dir, 'demo.xlsx');
    const server = await startServer({ workbook, port: 0, schedule: false, scanOnStart: false });
    try {
      const page = await (await fetch(server.url)).text();
      expect(page).not.toContain('尚未扫描');
      expect(page).toContain('最近一次扫描：2026-12-03');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('a mail server out of reach: the notices are counted 未发出 and 待发送, as 文书登记 holds them, never 发送失败', async () => {
    const office = await mkdtemp(join(tmpdir(), 'duban-scan-unsent-'));
    try {
      const workbook = join(office, 'demo.xlsx');
      expect(duban(['init', '--demo', '--as-of', '2026-12-03', '--workbook', workbook]).code).toBe(0);
      await writeFile(join(office, 'duban.env'), `DUBAN_SMTP_URL=smtp://127.0.0.1:${await freePort()}\n`);
      const before = (await registerStates(workbook)).filter((s) => s === '待发送').length;
      const scan = duban(['scan', '--workbook', workbook, '--date', '2026-12-03']);
      expect(scan.code, scan.stderr).toBe(0);
      const states = await registerStates(workbook);
      expect(states.filter((s) => s === '待发送').length).toBeGreaterThan(before);
      expect(states).not.toContain('发送失败');
      const unsent = Number(/已发送0、未发出（仍待发送）(\d+)、/.exec(scan.stdout)?.[1]);
      expect(unsent, scan.stdout).toBeGreaterThan(0);
      expect(scan.stdout).toContain('发送失败0');
      expect(scan.stdout).toMatch(/通知未能发出，保留为待发送，下次扫描自动重发。邮件服务器 127\.0\.0\.1:\d+ 拒绝连接/);

      const server = await startServer({ workbook, port: 0, schedule: false, scanOnStart: false });
      try {
        const page = await (await fetch(server.url)).text();
        expect(page).toContain(`<th>未发出（仍待发送）</th><td>${unsent}</td>`);
        expect(page).toContain('<th>发送失败</th><td>0</td>');
        expect(page).toMatch(/通知未能发出，保留为待发送，下次扫描自动重发。邮件服务器 127\.0\.0\.1:\d+ 拒绝连接/);
      } finally {
        await server.close();
      }
    } finally {
      await rm(office, { recursive: true, force: true });
    }
  }, 120_000);

  it('a --dry-run says what it would write and create, not what it wrote or sent', async () => {
    const workbook = join(dir, 'demo.xlsx');
    const dry = duban(['scan', '--workbook', workbook, '--date', '2026-12-04', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('【试运行，未写入】2026-12-04');
    expect(dry.stdout).toMatch(/将写入单元格\d+个.+（不含发文记录）/);
    expect(dry.stdout).toMatch(/通知：将新建\d+（未发送）/);
    expect(dry.stdout).not.toMatch(/^写入单元格/m);
  }, 120_000);
});
