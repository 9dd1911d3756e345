import { open, stat, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from '../../errors';

export interface LockOptions {
  /** A lock file older than this is left over from a crashed process and is taken over. Default 60 s. */
  staleMs?: number;
  /** Give up waiting for another process after this long. Default 120 s. */
  timeoutMs?: number;
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Run `work` while holding the file's write lock: writers in this process queue up one after another, and across
 * processes `<file>.lock` (created with O_EXCL) keeps two local scans from interleaving their writes.
 * @example await withFileLock('/data/督办.xlsx', () => writeWorkbook())
 */
export function withFileLock<T>(file: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const key = resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => holdLock(key, work, options));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function holdLock<T>(file: string, work: () => Promise<T>, options: LockOptions): Promise<T> {
  const lockFile = `${file}.lock`;
  await acquire(lockFile, options.staleMs ?? 60_000, options.timeoutMs ?? 120_000);
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

async function acquire(lockFile: string, staleMs: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = await stat(lockFile).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > staleMs) {
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > timeoutMs)
      throw new StoreError(
        'xlsx',
        `${lockFile} is held by another process for ${Math.round(age / 1000)} s; try again later`,
      );
    await new Promise((r) => setTimeout(r, wait));
  }
}
