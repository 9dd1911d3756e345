import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { startServer, type RunningServer } from '../../src/local/serve';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function demoServer(options: { now: () => Date; schedule?: boolean; scanOnStart?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'duban-serve-'));
  const workbook = join(dir, 'demo.xlsx');
  await createWorkbook(workbook, '2026-11-20');
  const server = await startServer({ workbook, port: 0, tickMs: 100, ...options });
  running.push(server);
  return { server, dir };
}

const until = async (check: () => boolean, ms = 60_000) => {
  for (const start = Date.now(); !check();) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('duban serve (Hono on Node)', () => {
  it('answers /health, refuses a scan without the token, scans with it and shows the summary and the outbox', async () => {
    const { server, dir } = await demoServer({
      now: () => new Date('2026-11-20T00:30:00Z'),
      schedule: false,
    });
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true });
    const refused = await fetch(`${server.url}/api/scan`, { method: 'POST' });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toContain('需要管理令牌');
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
    const res = await fetch(`${server.url}/api/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
    });
    const summary = (await res.json()) as { date: string; tasks: number; notices: { sent: number } };
    expect(summary.date).toBe('2026-11-20');
    expect(summary.notices.sent).toBeGreaterThan(0);
    const page = await (await fetch(server.url)).text();
    expect(page).toContain(`最近一次扫描：2026-11-20（${summary.tasks}项）`);
    const newest = readdirSync(join(dir, 'outbox')).sort().reverse()[0]!;
    expect(page).toContain(newest);
  }, 120_000);

  it('scans by itself on a working day once the configured time (08:30) has come, and only once that day', async () => {
    let now = new Date('2026-11-20T00:20:00Z'); // Friday 08:20 in Beijing
    const { server, dir } = await demoServer({ now: () => now });
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(join(dir, 'last-scan.json'))).toBe(false);
    now = new Date('2026-11-20T00:31:00Z');
    await until(() => existsSync(join(dir, 'last-scan.json')));
    const mails = readdirSync(join(dir, 'outbox')).length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(readdirSync(join(dir, 'outbox')).length).toBe(mails);
    expect(await (await fetch(server.url)).text()).toContain('最近一次扫描：2026-11-20');
  }, 120_000);

  it('scans on a Saturday the 节假日 tab makes a working day (调休上班)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-serve-'));
    const workbook = join(dir, 'demo.xlsx');
    await createWorkbook(workbook, '2026-11-20');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    book.getWorksheet('节假日')!.addRow(['2026-11-21', '调休上班', '县庆调休']);
    await book.xlsx.writeFile(workbook);
    running.push(
      await startServer({ workbook, port: 0, tickMs: 100, now: () => new Date('2026-11-21T01:00:00Z') }),
    );
    await until(() => existsSync(join(dir, 'last-scan.json')));
  }, 120_000);

  it('does not scan on a day off (Sunday)', async () => {
    const { dir } = await demoServer({ now: () => new Date('2026-11-22T01:00:00Z') });
    await new Promise((r) => setTimeout(r, 6000)); // longer than a whole scan of the demo takes here
    expect(existsSync(join(dir, 'last-scan.json'))).toBe(false);
  }, 60_000);
});
