/** Issue 13: `duban serve --log FILE` as a user starts it — the start, the first scan and the address in the file. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { freePort } from '../free-port';

it('duban serve writes its log to --log FILE (and nothing to duban.log beside the workbook)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-serve-log-'));
  const workbook = join(dir, '督办.xlsx');
  await createWorkbook(workbook, '2026-11-20');
  const log = join(dir, 'logs', 'serve.log');
  const port = await freePort();
  const child = spawn(process.execPath, [
    'bin/duban.js',
    'serve',
    '--workbook',
    workbook,
    '--port',
    String(port),
    '--log',
    log,
    '--no-schedule',
  ]);
  try {
    for (
      const start = Date.now();
      !(existsSync(log) && readFileSync(log, 'utf8').includes('督办服务已启动'));
    ) {
      if (Date.now() - start > 60_000)
        throw new Error(`no start in the log: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ ok: true });
  } finally {
    child.kill('SIGINT');
  }
  expect(readFileSync(log, 'utf8')).toMatch(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00 INFO 日志写入 .*serve\.log$/m,
  );
  expect(readFileSync(log, 'utf8')).toMatch(new RegExp(`INFO 督办服务已启动：http://localhost:${port}`));
  expect(existsSync(join(dir, 'duban.log'))).toBe(false);
}, 90_000);
