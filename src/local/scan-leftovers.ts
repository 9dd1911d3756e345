/**
 * What a killed scan leaves beside the workbook: the xlsx driver's write lock `<workbook>.lock` and its half-written
 * `.<workbook>.<pid>.<hex>.tmp`. Removed when the process that made them is gone, so the next scan neither waits a
 * minute for the lock to go stale nor leaves the temp files to pile up. Run only while holding the scan lease: then no
 * other scan can own them.
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** True when a process with this id runs on this machine. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the lock and temp files of dead processes beside `workbook`; returns the names removed.
 *
 * @example
 * await removeDeadScanLeftovers('data/demo.xlsx'); // ['demo.xlsx.lock', '.demo.xlsx.4242.9f3a.tmp']
 */
export async function removeDeadScanLeftovers(workbook: string): Promise<string[]> {
  const dir = dirname(workbook);
  const name = basename(workbook);
  const removed: string[] = [];
  const lockFile = `${workbook}.lock`;
  const lock = await readFile(lockFile, 'utf8').catch(() => null);
  const holder = lock === null ? Number.NaN : Number(lock.split(' ')[0]);
  // Only a lock that names its process (`<pid> <time>`) and whose process is gone; anything else is left alone.
  if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
    await unlink(lockFile).catch(() => undefined);
    removed.push(basename(lockFile));
  }
  const prefix = `.${name}.`;
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(entry.slice(prefix.length).split('.')[0]);
    if (alive(pid)) continue;
    await unlink(join(dir, entry)).catch(() => undefined);
    removed.push(entry);
  }
  return removed;
}
