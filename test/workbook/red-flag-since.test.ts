/** A manual 红牌标记 dated by the 审计日志 row of the scan that first showed it, as the scan and the board read it. */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { buildBulletin } from '../../src/domain/bulletin';
import { monthPeriod } from '../../src/domain/bulletin-period';
import { RED_FLAG_REASON } from '../../src/domain/cards';
import { emptyPlan } from '../../src/store/port';
import { AUDIT_TAB, auditRow } from '../../src/workbook/audit';
import { bulletinInput } from '../../src/workbook/bulletin-input';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { RUN_SPECS } from '../../src/workbook/schema/tabs';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { demoStore } from '../report/demo-workbook';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

/** 县农业农村局's 红牌 in each month from July to October of the demo (ZD-2026-045 has 红牌标记 = 是). */
async function redCardsByMonth(audit: ReturnType<typeof auditRow>[]): Promise<number[]> {
  const store = demoStore(2026, '2026-10-31');
  if (audit.length)
    await store.apply(
      { ...emptyPlan(), rows: [{ tab: AUDIT_TAB, rows: audit }] },
      await store.read([...RUN_SPECS]),
    );
  const input = bulletinInput(readWorkbook(await store.read([...RUN_SPECS]), toDay('2026-10-31')));
  return [7, 8, 9, 10].map(
    (m) =>
      buildBulletin(input, monthPeriod(2026, m))!.units.find((u) => u.unit === '县农业农村局')!.cards.红牌,
  );
}

describe('a manual 红牌标记 in past months', () => {
  it('counts from the month of the scan that first showed it (its 预警变更 row in the 审计日志)', async () => {
    const shown = auditRow(
      '2026-08-20 08:30:00',
      '预警变更',
      'ZD-2026-045',
      '预警',
      '',
      '红牌',
      RED_FLAG_REASON,
    );
    // Cleared in between and set again: the latest showing starts the flag that stands now.
    const earlier = auditRow(
      '2026-03-02 08:30:00',
      '预警变更',
      'ZD-2026-045',
      '预警',
      '',
      '红牌',
      RED_FLAG_REASON,
    );
    const other = auditRow(
      '2026-07-01 08:30:00',
      '预警变更',
      'ZD-2026-044',
      '预警',
      '',
      '红牌',
      RED_FLAG_REASON,
    );
    expect(await redCardsByMonth([earlier, other, shown])).toEqual([0, 1, 1, 1]);
  });

  it('counts only from the day asked when no scan has shown it yet', async () => {
    expect(await redCardsByMonth([])).toEqual([0, 0, 0, 1]);
  });

  it('is dated by the scan itself: the day of the first scan that shows it', async () => {
    const store = createMemoryStore(demoWorkbook('2026-08-20'));
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830('2026-08-20') });
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830('2026-08-21') });
    const model = readWorkbook(await store.read([...RUN_SPECS]), toDay('2026-08-21'));
    const entry = model.entries.find((e) => e.task.id === 'ZD-2026-045')!;
    expect(entry.task.redFlag).toBe(true);
    expect(entry.facts.redFlagSince).toBe(toDay('2026-08-20'));
  });
});
