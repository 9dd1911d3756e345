import { randomUUID } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { beijingStamp } from '../calendar/beijing-clock';
import { WorkbookFileError } from './workbook-file';

/** How long a lease lives without renewal: a killed scan holds the workbook this long at most. */
export const LEASE_TTL_MS = 30_000;

interface LeaseRecord {
  owner: string;
  pid: number;
  host: string;
  /** Epoch ms the holder took the lease (absent in leases written by older versions). */
  since?: number;
  /** Epoch ms. */
  expires: number;
}

/** How long a scan waits for another one to finish by default. */
const LEASE_WAIT_MS = 600_000;

export interface ScanLeaseOptions {
  now?: () => number;
  ttlMs?: number;
  /** How long to wait for another scan to finish before giving up (default 10 minutes). */
  waitMs?: number;
  pollMs?: number;
  /** Told once, in Chinese, when the scan starts waiting for another one (the CLI prints it). */
  onWait?: (message: string) => void;
}

/**
 * One scan of a workbook at a time, across processes and machines sharing the folder (`duban serve`, a `duban scan`
 * from the command line, a second office PC): a lease file beside the workbook, renewed while the scan runs and
 * expiring `LEASE_TTL_MS` after its holder stops renewing it — so a paused or slow scan keeps its lease (a notice in
 * flight is never retried by another scan), and a killed one stalls the next for seconds, not minutes.
 *
 * @example
 * const lease = scanLease('data/demo.xlsx.scan-lease');
 * const summary = await lease.exclusive(() => runScan(deps));
 */
export function scanLease(file: string, options: ScanLeaseOptions = {}) {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? LEASE_TTL_MS;
  const waitMs = options.waitMs ?? LEASE_WAIT_MS;
  const record = (owner: string, since = now()): LeaseRecord => ({
    owner,
    pid: process.pid,
    host: hostname(),
    since,
    expires: now() + ttl,
  });

  async function current(): Promise<{ text: string; lease: LeaseRecord } | null> {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      return { text, lease: JSON.parse(text) as LeaseRecord };
    } catch {
      return { text, lease: { owner: '', pid: 0, host: '', expires: 0 } };
    }
  }

  /** Take the lease if it is free or expired; the holder's record when it is not. */
  async function tryAcquire(owner: string): Promise<LeaseRecord | null> {
    try {
      await writeFile(file, JSON.stringify(record(owner)), { flag: 'wx' });
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await current();
    if (!held) return tryAcquire(owner);
    if (held.lease.expires > now()) return held.lease;
    // Expired: move it aside (only one taker's rename finds it), check it was the expired one, then take over.
    const aside = `${file}.${owner}.stale`;
    try {
      await rename(file, aside);
    } catch {
      return tryAcquire(owner);
    }
    const moved = await readFile(aside, 'utf8').catch(() => '');
    if (moved !== held.text) {
      await rename(aside, file).catch(() => undefined); // another taker's fresh lease: give it back
      return tryAcquire(owner);
    }
    await unlink(aside).catch(() => undefined);
    return tryAcquire(owner);
  }

  async function renew(owner: string): Promise<void> {
    const held = await current();
    if (held?.lease.owner === owner) await writeFile(file, JSON.stringify(record(owner, held.lease.since)));
  }

  async function release(owner: string): Promise<void> {
    const held = await current();
    if (held?.lease.owner === owner) await unlink(file).catch(() => undefined);
  }

  return {
    /**
     * Run `work` holding the lease; while another scan holds it, say so once (`onWait`) and wait, and fail in Chinese
     * when that takes longer than `waitMs`.
     */
    async exclusive<T>(work: () => Promise<T>): Promise<T> {
      const owner = randomUUID();
      const started = now();
      let told = false;
      for (;;) {
        const holder = await tryAcquire(owner);
        if (!holder) break;
        if (now() - started > waitMs)
          throw new WorkbookFileError(
            'scan-running',
            `另一次扫描（${holderText(holder)}）等待 ${durationText(waitMs)}仍未结束，本次扫描未写入、未发送；` +
              `请稍后再试。如确认没有扫描在运行，可删除 ${file}。`,
          );
        if (!told) {
          told = true;
          options.onWait?.(
            `另一次扫描正在进行（${holderText(holder)}），本次扫描等它结束，最多等待 ${durationText(waitMs)}……`,
          );
        }
        await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
      }
      const heartbeat = setInterval(() => void renew(owner).catch(() => undefined), ttl / 3);
      heartbeat.unref();
      try {
        return await work();
      } finally {
        clearInterval(heartbeat);
        await release(owner);
      }
    },
  };
}

/** Who holds the lease and since when, as far as its record says. */
function holderText(holder: LeaseRecord): string {
  const who = holder.host ? `${holder.host} 上的进程 ${holder.pid}` : '另一台电脑或另一个进程';
  return holder.since ? `${who}，${beijingStamp(holder.since)} 开始` : who;
}

/** `10 分钟`, `90 秒`: how long a wait is, for the clerk. */
function durationText(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0
    ? `${ms / 60_000} 分钟`
    : `${Math.max(1, Math.round(ms / 1000))} 秒`;
}
