/**
 * Issue 11: the monthly 通报 is written by the scan itself, in its one batch, on the first working day after the month's
 * 完成情况 were due — once, whatever the scan days (derived from the 审计日志, not from the day).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { toDay } from '../../src/calendar/day';
import { planScan } from '../../src/scan/plan-scan';
import { runScan } from '../../src/scan/run-scan';
import { readSettings } from '../../src/workbook/read-settings';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const tabs = (store: ReturnType<typeof createMemoryStore>) => store.dump().tabs.map((t) => t.name);

describe('the monthly 通报 in the scan', () => {
  it('waits for the feedback deadline (5th working day: 2026-06-05), then writes 2026年5月通报 once', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-04'));
    const scan = (day: string) =>
      runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830(day) });
    await scan('2026-06-05');
    expect(tabs(store)).not.toContain('2026年5月通报');
    // Planned into the scan's one write batch, with the day's cells and audit rows.
    const snapshot = await store.read([...TAB_SPECS]);
    const plan = planScan(snapshot, readSettings(snapshot, toDay('2026-06-08')), at830('2026-06-08'), 'r');
    expect(plan.write.tabs?.map((t) => t.name)).toEqual(['2026年5月通报']);
    expect(plan.write.cells.length).toBeGreaterThan(0);
    await scan('2026-06-08');
    expect(tabs(store)).toContain('2026年5月通报');
    const generated = () => store.tab('审计日志')!.rows.filter((r) => r[2] === '生成通报');
    expect(generated()).toHaveLength(1);

    await scan('2026-06-09');
    await scan('2026-06-10');
    expect(generated()).toHaveLength(1);
    const bulletin = store.tab('2026年5月通报')!;
    expect(bulletin.rows.flat().join('')).toContain('2026年5月重点工作督查通报');
  });

  it('catches up on the first scan after the day when the server was off that day', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-15'));
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830('2026-06-15') });
    expect(tabs(store)).toContain('2026年5月通报');
  });
});
