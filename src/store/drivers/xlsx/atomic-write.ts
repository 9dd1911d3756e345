import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteHooks {
  /** Called with the complete temp file before it replaces the target (tests use it to simulate a crash). */
  beforeRename?: (tempFile: string) => void | Promise<void>;
}

/**
 * Replace `file` with `data` so that readers (and a crash) only ever see the old or the new file, never half of one:
 * write a temp file in the same directory, flush it, then rename it over the target.
 * @example await writeFileAtomic('/data/督办.xlsx', buffer)
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array,
  hooks: AtomicWriteHooks = {},
): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const mode = await stat(file).then(
      (s) => s.mode & 0o777,
      () => null,
    );
    if (mode !== null) await chmod(temp, mode);
    await hooks.beforeRename?.(temp);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
