/**
 * What both file drivers (exceljs and the OOXML package) need to tell their own writes from a clerk's save: the file's
 * bytes with a version token read from one handle, and the chain of versions this store wrote itself.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { StoreError } from '../../errors';
import type { ApplyResult } from '../../port';

/** The bytes of the file and its version token, from one open file handle so they describe the same file. */
export async function readVersioned(file: string): Promise<{ bytes: Buffer; version: string }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new StoreError('xlsx', `cannot open ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const stats = await handle.stat();
    const bytes = await handle.readFile();
    return { bytes, version: versionOf(bytes, stats.mtimeMs) };
  } finally {
    await handle.close();
  }
}

/** @example versionOf(bytes, stats.mtimeMs) // 'xlsx:1767225600000:48213:3f2a…' */
export function versionOf(bytes: Uint8Array, mtimeMs: number): string {
  return `xlsx:${mtimeMs}:${bytes.length}:${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

/**
 * Version before → version after, for each write this store made itself: a snapshot read before our own writes is
 * still current, one read before anyone else's save is not.
 */
export function ownWrites() {
  const next = new Map<string, string>();
  return {
    record(before: string, after: string): void {
      next.set(before, after);
    },
    isCurrent(seen: string, now: string): boolean {
      let version: string | undefined = seen;
      for (let steps = 0; version !== undefined && steps <= next.size; steps++) {
        if (version === now) return true;
        version = next.get(version);
      }
      return false;
    },
  };
}

export const wroteSomething = (r: ApplyResult): boolean =>
  r.cellsWritten + r.fillsWritten + r.idsAssigned + (r.rowsAppended ?? 0) + (r.tabsWritten ?? 0) > 0;
