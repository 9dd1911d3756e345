/** Issue 13: duban serve on an intranet server, and a start-up scan that the schedule does not repeat. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { startServer, type RunningServer } from '../../src/local/serve';
import { duban } from '../e2e/cli';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  delete process.env.DUBAN_ADMIN_TOKEN;
});

async function demo(): Promise<{ dir: string; workbook: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-host-'));
  const workbook = join(dir, 'demo.xlsx');
  await createWorkbook(workbook, '2026-11-20');
  return { dir, workbook };
}

describe('duban serve --host', () => {
  it('refuses to serve the network without DUBAN_ADMIN_TOKEN, and serves it with one', async () => {
    const { workbook } = await demo();
    await expect(startServer({ workbook, port: 0, host: '0.0.0.0', schedule: false })).rejects.toThrow(
      /必须设置管理令牌：请在工作簿旁的 duban.env 中写 DUBAN_ADMIN_TOKEN=/,
    );
    // From the command line it is a setting error: exit 2, so a service manager does not restart into it.
    const cli = duban(['serve', '--workbook', workbook, '--host', '0.0.0.0', '--port', '18799'], {
      DUBAN_ADMIN_TOKEN: '',
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('必须设置管理令牌');
    process.env.DUBAN_ADMIN_TOKEN = 'intranet-token-0123456789';
    const server = await startServer({ workbook, port: 0, host: '0.0.0.0', schedule: false });
    running.push(server);
    expect(server.token).toBe('intranet-token-0123456789');
    const port = new URL(server.url).port;
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ ok: true });
  });

  it('does not scan again the morning npm start scanned (the page keeps the start-up summary)', async () => {
    const { dir, workbook } = await demo();
    const server = await startServer({
      workbook,
      port: 0,
      tickMs: 50,
      scanOnStart: true,
      now: () => new Date('2026-11-20T01:00:00Z'), // 09:00 Beijing, after 每日扫描时间
    });
    running.push(server);
    const mails = readdirSync(join(dir, 'outbox')).length;
    const summary = readFileSync(join(dir, 'last-scan.json'), 'utf8');
    await new Promise((r) => setTimeout(r, 1500));
    expect(readdirSync(join(dir, 'outbox')).length).toBe(mails);
    expect(readFileSync(join(dir, 'last-scan.json'), 'utf8')).toBe(summary);
    expect(JSON.parse(summary).notices.sent).toBeGreaterThan(0);
  });
});
