/** Issue 10: one scan per workbook at a time, with a lease that expires — a paused scan keeps it, a killed one frees it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { Mailer } from '../../src/mail/port';
import { scanLease } from '../../src/local/scan-lease';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

const leaseFile = () => join(mkdtempSync(join(tmpdir(), 'lease-')), 'demo.xlsx.scan-lease');

describe('the scan lease', () => {
  it('makes a second scan wait while the first is paused in the middle of sending: every notice once', async () => {
    const file = leaseFile();
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const inner = createMemoryMailer();
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    let sends = 0;
    const slow: Mailer = {
      send: async (m) => {
        if (++sends === 3) await paused; // scan A stalls on its third mail
        return inner.send(m);
      },
    };
    const scan = (mailer: Mailer) =>
      scanLease(file, { pollMs: 20 }).exclusive(() =>
        runScan({ store, mailer, journal, from: FROM, now: at830('2026-06-15') }),
      );
    const a = scan(slow);
    await new Promise((r) => setTimeout(r, 100));
    const b = scan(inner);
    await new Promise((r) => setTimeout(r, 200));
    expect(sends).toBe(3); // B has not started sending A's 待发送 notices
    release();
    const [first, second] = await Promise.all([a, b]);
    expect(first.notices.sent).toBe(inner.sent.length);
    expect(second.notices.sent).toBe(0);
    const keys = inner.sent.map((m) => m.headers?.['X-Duban-Dedupe-Key']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes over the lease of a killed scan as soon as it expires, not after a minute', async () => {
    const file = leaseFile();
    let clock = 1_000_000;
    writeFileSync(file, JSON.stringify({ owner: 'dead', pid: 1, host: 'pc', expires: clock + 30_000 }));
    const lease = scanLease(file, { now: () => clock, pollMs: 5, waitMs: 60_000 });
    let ran = false;
    const waiting = lease.exclusive(async () => {
      ran = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(false); // still within the dead scan's lease
    clock += 30_001;
    await waiting;
    expect(ran).toBe(true);
  });

  it('says once in Chinese who holds it, since when and how long it waits at most, then that it gave up', async () => {
    const file = leaseFile();
    let clock = Date.parse('2026-12-03T00:31:00Z');
    const since = Date.parse('2026-12-03T00:30:00Z');
    writeFileSync(
      file,
      JSON.stringify({ owner: 'x', pid: 4242, host: 'office-pc', since, expires: clock * 2 }),
    );
    const told: string[] = [];
    const lease = scanLease(file, {
      pollMs: 1,
      now: () => (clock += 30_000),
      onWait: (m) => told.push(m),
    });
    let ran = false;
    const failure = await lease.exclusive(async () => (ran = true)).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(told).toEqual([
      '另一次扫描正在进行（office-pc 上的进程 4242，2026-12-03 08:30:00 开始），本次扫描等它结束，最多等待 10 分钟……',
    ]);
    expect((failure as Error).message).toMatch(
      /^另一次扫描（office-pc 上的进程 4242，2026-12-03 08:30:00 开始）等待 10 分钟仍未结束，本次扫描未写入、未发送；/,
    );
  });

  it('says who is scanning as far as it knows when the lease was written by an older version', async () => {
    const file = leaseFile();
    writeFileSync(file, JSON.stringify({ owner: 'x', pid: 7, host: 'pc-2', expires: Date.now() + 60_000 }));
    const told: string[] = [];
    const failure = await scanLease(file, { waitMs: 30, pollMs: 5, onWait: (m) => told.push(m) })
      .exclusive(async () => 1)
      .catch((e: unknown) => e);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^另一次扫描正在进行（pc-2 上的进程 7），本次扫描等它结束，最多等待 \d+ 秒……$/);
    expect((failure as Error).message).toMatch(/^另一次扫描（pc-2 上的进程 7）等待 \d+ 秒仍未结束/);
  });

  it('records when the scan holding the lease started, kept while it renews', async () => {
    const file = leaseFile();
    let clock = Date.parse('2026-12-03T00:30:00Z');
    const lease = scanLease(file, { now: () => clock, ttlMs: 30 });
    await lease.exclusive(async () => {
      clock += 60_000;
      // The next heartbeat renews `expires` and keeps `since` (waited for: a busy machine delays timers).
      await vi.waitFor(
        () =>
          expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
            since: Date.parse('2026-12-03T00:30:00Z'),
            expires: clock + 30,
          }),
        { timeout: 5_000, interval: 5 },
      );
    });
  });
});
