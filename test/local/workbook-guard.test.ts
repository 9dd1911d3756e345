/** Issue 10: every local scan runs through the workbook guard — file check, lease, open-in-editor wait, leftovers. */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorLocks, waitUntilClosed } from '../../src/local/open-in-editor';
import { workbookGuard } from '../../src/local/workbook-guard';
import { WorkbookFileError } from '../../src/local/workbook-file';
import { createOutboxMailer } from '../../src/mail/outbox';

const workbookIn = (name = '督办-2026.xlsx') => {
  const file = join(mkdtempSync(join(tmpdir(), 'guard-')), name);
  copyFileSync('sheets-templates/duban-template.xlsx', file);
  return file;
};

describe('a workbook open in Excel, WPS or LibreOffice', () => {
  it('finds the owner files of Excel and WPS (also the shortened long name) and the LibreOffice lock', async () => {
    const file = workbookIn('LongFileName.xlsx');
    const dir = join(file, '..');
    expect(await editorLocks(file)).toEqual([]);
    writeFileSync(join(dir, '~$ngFileName.xlsx'), '');
    writeFileSync(join(dir, '.~lock.LongFileName.xlsx#'), '');
    writeFileSync(join(dir, '~$other.xlsx'), '');
    expect((await editorLocks(file)).map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      '.~lock.LongFileName.xlsx#',
      '~$ngFileName.xlsx',
    ]);
  });

  it('makes the scan wait, then stop without running, with a Chinese answer naming the lock file', async () => {
    const file = workbookIn();
    writeFileSync(join(file, '..', '~$督办-2026.xlsx'), '');
    let ran = false;
    const told: string[] = [];
    const guarded = workbookGuard(file, { waitMs: 60, pollMs: 10, onWait: (m) => told.push(m) });
    const failure = await guarded(async () => (ran = true)).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(failure).toBeInstanceOf(WorkbookFileError);
    expect((failure as Error).message).toMatch(
      /正在 Excel、WPS 或 LibreOffice 中打开（锁文件 ~\$督办-2026\.xlsx）.*未写入、未发送/,
    );
    expect(told).toHaveLength(1);
    expect(existsSync(`${file}.scan-lease`)).toBe(false); // the lease is given back
  });

  it('lets the scan go on as soon as the clerk closes the workbook', async () => {
    const file = workbookIn();
    const lock = join(file, '..', '.~lock.督办-2026.xlsx#');
    writeFileSync(lock, 'clerk');
    let clock = 0;
    const closing = waitUntilClosed(file, {
      waitMs: 10_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
        if (clock >= 4_000) (await import('node:fs')).rmSync(lock);
      },
    });
    await expect(closing).resolves.toBeUndefined();
    expect(clock).toBeGreaterThanOrEqual(4_000);
    expect(clock).toBeLessThan(10_000);
  });

  it('does not wait on a dry run, which only reads', async () => {
    const file = workbookIn();
    writeFileSync(join(file, '..', '~$督办-2026.xlsx'), '');
    await expect(workbookGuard(file, { dryRun: true, waitMs: 60_000 })(async () => 'read')).resolves.toBe(
      'read',
    );
  });
});

describe('the guard around a scan', () => {
  it('refuses a read-only workbook before the scan runs, leaving the file as it was', async () => {
    const file = workbookIn();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    let ran = false;
    await expect(workbookGuard(file)(async () => (ran = true))).rejects.toThrow(/只读文件/);
    expect(ran).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('tells the same listener as the editor wait when another PC is scanning the workbook', async () => {
    const file = workbookIn();
    writeFileSync(
      `${file}.scan-lease`,
      JSON.stringify({ owner: 'x', pid: 99, host: 'pc-2', since: Date.now(), expires: Date.now() + 60_000 }),
    );
    const told: string[] = [];
    const guarded = workbookGuard(file, { onWait: (m) => told.push(m), lease: { waitMs: 30, pollMs: 5 } });
    await expect(guarded(async () => 1)).rejects.toThrow(/另一次扫描（pc-2 上的进程 99，.*仍未结束/);
    expect(told).toEqual([expect.stringMatching(/^另一次扫描正在进行（pc-2 上的进程 99，.*最多等待/)]);
  });

  it('clears the write lock and temp files of a killed scan, so the next one does not wait for them', async () => {
    const file = workbookIn();
    const dead = 2 ** 22 + 12_345; // above pid_max's default: no such process
    writeFileSync(`${file}.lock`, `${dead} 2026-06-15T00:30:00.000Z\n`);
    const temp = join(file, '..', `.督办-2026.xlsx.${dead}.9f3a.tmp`);
    writeFileSync(temp, 'half');
    const mine = join(file, '..', `.督办-2026.xlsx.${process.pid}.aaaa.tmp`);
    writeFileSync(mine, 'being written');
    await workbookGuard(file)(async () => undefined);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(mine)).toBe(true); // a live process's temp file is left alone
  });

  it('answers a workbook whose inside is corrupt as the driver finds it, in Chinese', async () => {
    const file = workbookIn();
    const failure = await workbookGuard(file)(async () => {
      throw new Error(`[store:xlsx] cannot read ${file} as an .xlsx workbook: Unexpected close tag`);
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkbookFileError);
    expect((failure as WorkbookFileError).code).toBe('corrupt');
    expect((failure as Error).message).toMatch(/内容已损坏.*打开并修复/);
  });
});

describe('the outbox after a killed scan', () => {
  it('removes the .tmp-*.eml files a killed scan left, and only old ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    await mkdir(dir, { recursive: true });
    const orphan = join(dir, '.tmp-0011223344556677.eml');
    const fresh = join(dir, '.tmp-8899aabbccddeeff.eml');
    writeFileSync(orphan, 'half a mail');
    writeFileSync(fresh, 'being written by another process');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(orphan, old, old);
    const mailer = createOutboxMailer(dir);
    const sent = await mailer.send({
      from: { address: 'duban@example.gov.cn' },
      to: [{ address: 'unit@example.gov.cn' }],
      subject: '测试',
      text: '正文',
      html: '<p>正文</p>',
      date: new Date('2026-06-15T00:30:00Z'),
    });
    expect(sent.ok).toBe(true);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
