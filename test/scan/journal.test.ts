/**
 * Issue 10: every notice exactly once, whatever happens — a scan killed after sending and before marking, a scan
 * killed in the middle of a send, a clerk saving an old copy over the scanned workbook.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { Mailer } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import type { SheetStore } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';
import { dyingAtSettle } from './dying-store';

const DAY = at830('2026-06-15');

/** Message ids (文号 or dedupe key) of what a mailer delivered, with how often each. */
function deliveries(mailer: ReturnType<typeof createMemoryMailer>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of mailer.sent) {
    const key = m.headers?.['X-Duban-Dedupe-Key'] ?? '';
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

async function registerStates(store: SheetStore): Promise<string[]> {
  const snapshot = await store.read([...TAB_SPECS]);
  return snapshot.tabs['文书登记']!.rows.map((r) => String(r.cells['发送状态']));
}

describe('the notice journal', () => {
  it('after a kill between sending and marking sent, the rerun marks them sent and sends none again', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const mailer = createMemoryMailer();
    await expect(
      runScan({ store: dyingAtSettle(store), mailer, journal, from: FROM, now: DAY }),
    ).rejects.toThrow('killed');
    const delivered = mailer.sent.length;
    expect(delivered).toBeGreaterThan(10);
    expect(await registerStates(store)).toContain('待发送');

    const rerun = await runScan({ store, mailer, journal, from: FROM, now: DAY });
    expect(mailer.sent.length).toBe(delivered);
    expect(rerun.notices.sent).toBe(0);
    expect([...deliveries(mailer).values()].every((n) => n === 1)).toBe(true);
    expect(await registerStates(store)).not.toContain('待发送');
    const audit = (await store.read([...TAB_SPECS])).tabs['审计日志']!.rows;
    expect(audit.filter((r) => r.cells['动作'] === '补记已发送').length).toBeGreaterThan(0);
  });

  it('a kill in the middle of a send repeats at most the one notice in flight', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const inner = createMemoryMailer();
    let sends = 0;
    // The server accepts the 5th message, then the process dies before the scan hears back.
    const dying: Mailer = {
      send: async (message) => {
        const result = await inner.send(message);
        if (++sends === 5) throw new Error('killed');
        return result;
      },
    };
    await expect(runScan({ store, mailer: dying, journal, from: FROM, now: DAY })).rejects.toThrow('killed');
    await runScan({ store, mailer: inner, journal, from: FROM, now: DAY });
    const counts = [...deliveries(inner).values()];
    expect(counts.filter((n) => n > 1)).toEqual([2]);
    expect(await registerStates(store)).not.toContain('待发送');
  });

  it('restores the register rows an old copy of the workbook lost, with their 文号, and sends nothing again', async () => {
    const original = demoWorkbook();
    const scanned = createMemoryStore(original);
    const journal = createMemoryJournal();
    const mailer = createMemoryMailer();
    const first = await runScan({ store: scanned, mailer, journal, from: FROM, now: DAY });
    const registerThen = (await scanned.read([...TAB_SPECS])).tabs['文书登记']!.rows.map((r) => [
      r.cells['文号'],
      r.cells['去重键'],
      r.cells['发送状态'],
    ]);

    // A clerk saves the copy they opened before the scan over the scanned workbook.
    const rolledBack = createMemoryStore(original);
    const again = await runScan({ store: rolledBack, mailer, journal, from: FROM, now: DAY });
    expect(mailer.sent.length).toBe(first.notices.sent);
    expect(again.notices.created).toBe(0);
    expect(again.problems.map((p) => p.code)).toContain('register-restored');
    const registerNow = (await rolledBack.read([...TAB_SPECS])).tabs['文书登记']!.rows.map((r) => [
      r.cells['文号'],
      r.cells['去重键'],
      r.cells['发送状态'],
    ]);
    expect(registerNow).toEqual(expect.arrayContaining(registerThen));
  });
});
