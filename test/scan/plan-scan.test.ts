import { describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../src/calendar/day';
import { createMemoryMailer } from '../../src/mail/memory';
import { planScan } from '../../src/scan/plan-scan';
import { runScan } from '../../src/scan/run-scan';
import { publicSummary } from '../../src/scan/summary';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { readSettings } from '../../src/workbook/read-settings';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';

describe('planScan, the pure core of a scan', () => {
  it('gives the same plan for the same snapshot, instant and run id, and leaves the snapshot as it was', async () => {
    const store = createMemoryStore(demoWorkbook());
    const snapshot = await store.read([...TAB_SPECS]);
    const frozen = structuredClone(snapshot);
    const now = at830('2026-06-15');
    const settings = readSettings(snapshot, shanghaiDayOf(now));
    const first = planScan(snapshot, settings, now, 'run00001');
    const second = planScan(snapshot, settings, now, 'run00001');
    expect(second).toEqual(first);
    expect(snapshot).toEqual(frozen);
    // The demo has work for every part of the plan on a ladder day.
    expect(first.write.cells.length).toBeGreaterThan(100);
    expect(first.write.rows?.map((r) => r.tab)).toContain('审计日志');
    expect(first.notices.notices.length).toBeGreaterThan(10);
    // The run id names the provisional 文号 of this scan's register rows, nothing random.
    expect(first.notices.notices.every((n) => n.token.includes('·run00001·'))).toBe(true);
  });
});

describe('runScan on the memory store and the memory mailer, with a fixed clock', () => {
  it('reads once, writes the plan once, sends the notices, and a second scan the same morning changes nothing', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    const deps = { store, mailer, from: FROM, now: at830('2026-06-15'), runId: 'fixed001' };
    const first = await runScan(deps);
    expect(first.notices.sent).toBeGreaterThan(0);
    expect(mailer.sent.length).toBe(first.notices.sent);
    expect(first.cellsWritten).toBeGreaterThan(0);
    const sentBefore = mailer.sent.length;
    const second = await runScan({ ...deps, runId: 'fixed002' });
    expect(publicSummary(second)).toMatchObject({ cellsWritten: 0, fillsWritten: 0, auditRows: 0 });
    // The demo's 催办单 / 督办单 wait for 签发 (seed 004 §五.2, the 需签发文书 default): still drafts, never sent twice.
    expect(second.notices).toEqual({
      created: 0,
      sent: 0,
      unsent: 0,
      duplicateSkipped: expect.any(Number),
      failed: 0,
      awaitingSignature: expect.any(Number),
    });
    expect(second.notices.awaitingSignature).toBeGreaterThan(0);
    expect(mailer.sent.length).toBe(sentBefore);
  });

  it('scans the same workbook to the same result whatever the run id', async () => {
    const scan = async (runId: string) => {
      const store = createMemoryStore(demoWorkbook());
      const summary = await runScan({
        store,
        mailer: createMemoryMailer(),
        from: FROM,
        now: at830('2026-06-15'),
        runId,
      });
      return { summary: publicSummary(summary), workbook: store.dump() };
    };
    expect(await scan('aaaaaaaa')).toEqual(await scan('bbbbbbbb'));
  });

  it('writes nothing and sends nothing on a dry run, and reports what it would do', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    const before = store.dump();
    const summary = await runScan({ store, mailer, from: FROM, now: at830('2026-06-15'), dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.cellsWritten).toBeGreaterThan(0);
    expect(summary.notices.created).toBeGreaterThan(0);
    expect(store.calls.apply + store.calls.append).toBe(0);
    expect(mailer.sent).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it('only reads on a scheduled run on a day off (a Sunday)', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    const summary = await runScan({ store, mailer, from: FROM, now: at830('2026-06-14'), scheduled: true });
    expect(summary.dayOff).toBe(true);
    expect(store.calls).toEqual({ read: 1, apply: 0, append: 0 });
    expect(mailer.sent).toEqual([]);
  });

  it('plans again on a fresh read when staff saved the workbook between read and write', async () => {
    const store = createMemoryStore(demoWorkbook(), { staleOnEdit: true });
    const mailer = createMemoryMailer();
    const realRead = store.read.bind(store);
    let reads = 0;
    store.read = async (specs) => {
      const snapshot = await realRead(specs);
      // A clerk saves the workbook right after the scan's first read.
      if (++reads === 1) store.editTab('通讯录', () => undefined);
      return snapshot;
    };
    const summary = await runScan({ store, mailer, from: FROM, now: at830('2026-06-15') });
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(summary.cellsWritten).toBeGreaterThan(0);
  });
});
