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

  it('writes the quarter’s 通报 with the month that closes it, in the same batch, once (seed 002 §四(二))', async () => {
    const store = createMemoryStore(demoWorkbook('2026-10-19'));
    const scan = (day: string) =>
      runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830(day) });
    const snapshot = await store.read([...TAB_SPECS]);
    const plan = planScan(snapshot, readSettings(snapshot, toDay('2026-10-20')), at830('2026-10-20'), 'r');
    expect(plan.write.tabs?.map((t) => t.name)).toEqual(['2026年9月通报', '2026年第三季度通报']);
    await scan('2026-10-20');
    await scan('2026-10-21');
    const generated = store.tab('审计日志')!.rows.filter((r) => r[2] === '生成通报').map((r) => String(r[4]));
    expect(generated).toEqual(['2026年9月通报', '2026年第三季度通报']);
    const quarter = store.tab('2026年第三季度通报')!.rows.flat().join('');
    expect(quarter).toContain('2026年第三季度重点工作督查通报');
    expect(quarter).toContain('季度、年度各项为各月之和');
  });

  it('in January writes December’s, the fourth quarter’s and the year’s 通报 after December’s reports were due', async () => {
    const store = createMemoryStore(demoWorkbook('2026-12-31'));
    const scan = (day: string) =>
      runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830(day) });
    // 2027-01-08, the 5th working day of January, is the deadline of December's 完成情况.
    await scan('2027-01-08');
    expect(tabs(store).filter((t) => t.endsWith('通报') && t.startsWith('2026年1'))).toEqual([]);
    await scan('2027-01-11');
    await scan('2027-01-12');
    const generated = store.tab('审计日志')!.rows.filter((r) => r[2] === '生成通报').map((r) => String(r[4]));
    expect(generated).toEqual(['2026年12月通报', '2026年第四季度通报', '2026年度通报']);
    for (const name of generated)
      expect(store.tab(name)!.rows.flat().join('')).toContain('12月完成情况于2027年1月8日截止报送，统计至2027年1月11日');
    expect(store.tab('2026年度通报')!.rows.flat().join('')).toContain('八、年度排名后三位');
  });
});
