import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeEml } from './compose';
import { outboxFileName, shanghaiStamp } from './outbox-name';
import type { MailMessage, Mailer, SendResult } from './port';

/** How many names to try when another process took the same one; more would mean a bug, not a race. */
const MAX_NAME_ATTEMPTS = 10_000;
/**
 * A temp file lives for the milliseconds between its write and its link; one older than this was left by a killed
 * process (another process sharing the outbox may be mid-write on a younger one).
 */
const ORPHAN_TEMP_MS = 60_000;

/**
 * A Mailer that writes each message as an RFC 822 `.eml` file into `dir` (created on first send), for local runs
 * and for offices without SMTP: open the files with any mail client. Names are ASCII, unique and sort by send time
 * (see `outboxFileName`). A file appears complete or not at all: it is written under a temporary name, then
 * hard-linked to its final name, which never overwrites an existing file (two processes sharing one outbox are safe).
 *
 * @example
 * const mailer = createOutboxMailer('./outbox');
 * const result = await mailer.send(message);
 * // { ok: true, stored: true, messageId: '<…>', location: 'outbox/20260321T083000-0001-cuiban-2026-015-1f2e3d4c.eml' }
 */
export function createOutboxMailer(dir: string): Mailer {
  /** Per stamp: the highest sequence already on disk when this mailer first saw the stamp, and how many it sent since. */
  const stamps = new Map<string, { onDisk: Promise<number>; sent: number }>();

  async function send(message: MailMessage): Promise<SendResult> {
    const stamp = shanghaiStamp(message.date);
    const slot = stamps.get(stamp) ?? { onDisk: highestSeqOnDisk(stamp), sent: 0 };
    slot.onDisk.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    stamps.set(stamp, slot);
    const nth = ++slot.sent; // taken before any await, so concurrent sends keep their call order
    let temp: string | null = null;
    try {
      const eml = await composeEml(message);
      const seq = (await slot.onDisk) + nth;
      temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}.eml`);
      await writeFile(temp, eml);
      const hash = createHash('sha256').update(eml).digest('hex');
      const location = await linkUnique(temp, message, seq, hash);
      return { ok: true, messageId: messageIdOf(eml), location, stored: true };
    } catch (error) {
      // A directory that could not be listed must be listed again on the next try, not fail forever.
      if (
        (await slot.onDisk.then(
          () => true,
          () => false,
        )) === false
      )
        stamps.delete(stamp);
      return { ok: false, error: `[mail:outbox] cannot write to ${dir}: ${(error as Error).message}` };
    } finally {
      if (temp) await unlink(temp).catch(() => undefined);
    }
  }

  /** Another process may have taken the name: `link` refuses to overwrite, so step to the next sequence. */
  async function linkUnique(temp: string, message: MailMessage, seq: number, hash: string): Promise<string> {
    for (let next = seq; next < seq + MAX_NAME_ATTEMPTS; next++) {
      const target = join(dir, outboxFileName(message, next, hash));
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`no free file name after ${MAX_NAME_ATTEMPTS} attempts`);
  }

  /** After a restart, continue after the files already written for this stamp instead of colliding with them. */
  async function highestSeqOnDisk(stamp: string): Promise<number> {
    await mkdir(dir, { recursive: true });
    let max = 0;
    const names = await readdir(dir);
    await removeOrphanTemps(names);
    for (const name of names) {
      if (!name.startsWith(`${stamp}-`)) continue;
      const seq = Number(name.slice(stamp.length + 1, stamp.length + 5));
      if (Number.isInteger(seq) && seq > max) max = seq;
    }
    return max;
  }

  /** The `.tmp-*.eml` files a killed scan left behind (written, never linked): not notices, just litter. */
  async function removeOrphanTemps(names: string[]): Promise<void> {
    for (const name of names) {
      if (!name.startsWith('.tmp-') || !name.endsWith('.eml')) continue;
      const path = join(dir, name);
      const age = await stat(path).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > ORPHAN_TEMP_MS) await unlink(path).catch(() => undefined);
    }
  }

  return { send };
}

function messageIdOf(eml: Buffer): string {
  const head = eml.subarray(0, eml.indexOf('\r\n\r\n')).toString('utf8');
  const m = /^Message-ID:\s*(<[^>]+>)/im.exec(head);
  return m ? m[1]! : '';
}
