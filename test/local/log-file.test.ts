import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createRotatingLog, teeConsole } from '../../src/local/log-file';

describe('the rotating log file of duban serve', () => {
  it('rolls over by size and keeps the newest N files, the oldest dropped', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-log-')), 'duban.log');
    const log = createRotatingLog(file, { maxBytes: 100, keep: 2 });
    for (let i = 1; i <= 10; i++) log.write(`line ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`); // 41 bytes each
    expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^line 09/);
    expect(readFileSync(`${file}.1`, 'utf8')).toMatch(/^line 07[\s\S]*line 08/);
    expect(readFileSync(`${file}.2`, 'utf8')).toMatch(/^line 05/);
    expect(existsSync(`${file}.3`)).toBe(false);
  });

  it('continues an existing file after a restart, counting what is already in it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-log-')), 'duban.log');
    createRotatingLog(file, { maxBytes: 60 }).write('a'.repeat(50));
    createRotatingLog(file, { maxBytes: 60 }).write('b'.repeat(20));
    expect(readFileSync(`${file}.1`, 'utf8')).toBe(`${'a'.repeat(50)}\n`);
    expect(readFileSync(file, 'utf8')).toBe(`${'b'.repeat(20)}\n`);
  });

  it('copies console output into the file with Beijing time and level, line by line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-log-')), 'logs', 'duban.log');
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const quietErr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const undo = teeConsole(createRotatingLog(file), () => new Date('2026-11-20T00:30:00Z'));
    const terminal = vi.spyOn(process.stdout, 'write');
    console.log('扫描完成\nsecond line');
    console.error('端口被占用');
    // The runtime's English line for operators: in the file, not in front of the clerk.
    console.info('[scan:local] 2026-11-20: 86 tasks');
    const shown = terminal.mock.calls.map((c) => String(c[0])).join('');
    terminal.mockRestore();
    undo();
    quiet.mockRestore();
    quietErr.mockRestore();
    expect(shown).not.toContain('[scan:local]');
    // Stamped in Beijing time, as the clerks who read it live: 00:30 UTC is 08:30 the same morning.
    expect(readFileSync(file, 'utf8')).toBe(
      '2026-11-20 08:30:00+08:00 INFO 扫描完成\n2026-11-20 08:30:00+08:00 INFO second line\n' +
        '2026-11-20 08:30:00+08:00 ERROR 端口被占用\n' +
        '2026-11-20 08:30:00+08:00 INFO [scan:local] 2026-11-20: 86 tasks\n',
    );
  });
});
