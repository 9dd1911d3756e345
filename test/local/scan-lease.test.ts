/** Issue 10: one scan per workbook at a time, with a lease that expires — a paused scan keeps it, a killed one frees it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('says in Chinese who holds it when waiting takes too long', async () => {
    const file = leaseFile();
    writeFileSync(file, JSON.stringify({ owner: 'x', pid: 4242, host: 'office-pc', expires: Date.now() + 60_000 }));
    await expect(scanLease(file, { waitMs: 30, pollMs: 5 }).exclusive(async () => 1)).rejects.toThrow(
      /另一次扫描正在进行（office-pc 上的进程 4242）/,
    );
  });
});
