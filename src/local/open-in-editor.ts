/**
 * Is a clerk editing the workbook right now? Excel and WPS leave an owner file `~$name.xlsx` beside an open workbook
 * (Excel drops the first two characters of a long name: `~$ngFileName.xlsx`), LibreOffice `.~lock.name.xlsx#`.
 * A scan that wrote meanwhile would race the clerk: their next save would wipe the scan's cells and register rows.
 * So the scan waits for the file to be closed, a bounded time, and then stops without writing.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WorkbookFileError } from './workbook-file';

/** How long a scan waits for an open workbook to be closed by default: long enough to finish a row and save. */
export const OPEN_WAIT_MS = 120_000;

/** The lock files of editors that have `file` open, as paths; empty when none. */
export async function editorLocks(file: string): Promise<string[]> {
  const name = basename(file);
  const wanted = new Set([`~$${name}`, `.~lock.${name}#`]);
  if (name.length > 2) wanted.add(`~$${name.slice(2)}`);
  const entries = await readdir(dirname(file)).catch(() => [] as string[]);
  return entries.filter((entry) => wanted.has(entry)).map((entry) => join(dirname(file), entry));
}

export interface OpenWaitOptions {
  /** How long to wait for the workbook to be closed (default OPEN_WAIT_MS; 0: stop at once). */
  waitMs?: number;
  pollMs?: number;
  /** Told once when the scan starts waiting (the CLI prints it). */
  onWait?: (message: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Wait until no editor has `file` open; after `waitMs`, throw WorkbookFileError('open-in-editor') so the scan stops
 * before it reads, writes or sends anything.
 *
 * @example
 * await waitUntilClosed('督办-2026.xlsx', { waitMs: 60_000, onWait: console.error });
 */
export async function waitUntilClosed(file: string, options: OpenWaitOptions = {}): Promise<void> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const waitMs = options.waitMs ?? OPEN_WAIT_MS;
  const started = now();
  let told = false;
  for (;;) {
    const locks = await editorLocks(file);
    if (!locks.length) return;
    const seconds = Math.round(waitMs / 1000);
    if (now() - started >= waitMs)
      throw new WorkbookFileError(
        'open-in-editor',
        `${file} 正在 Excel、WPS 或 LibreOffice 中打开（锁文件 ${locks.map((l) => basename(l)).join('、')}），` +
          `等待 ${seconds} 秒仍未关闭，本次扫描未写入、未发送；请保存并关闭工作簿后重试。` +
          '如确认无人打开（程序曾崩溃），可删除该锁文件。',
      );
    if (!told) {
      told = true;
      options.onWait?.(`${file} 正在被编辑（${basename(locks[0]!)}），等待关闭，最多 ${seconds} 秒……`);
    }
    await sleep(Math.min(options.pollMs ?? 2_000, Math.max(1, waitMs - (now() - started))));
  }
}
