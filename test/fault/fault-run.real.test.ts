/**
 * Issue 10 "must show": the fault-injection run at CI size (scripts/fault-run.ts runs the long one, figures in the
 * README). Every fault kind strikes, in turn, on most of 60 working days; after every day no staff cell changed, no
 * notice is lost or left due, 文号 stay unique and gap-free and match the mail, duplicates come only from kills inside
 * the send window (at most one each, same Message-ID), and the 审计日志 matches the sheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, type FaultRunFigures, faultRun } from './fault-harness';

// Shared stores (Google, from Workers or Cloud Functions): concurrent scans register and number through the register.
// The local workbook: each scan holds the lease, sends first and writes the file once (src/scan/one-write.ts).
// With signed links on, a notice to a unit goes one mail per recipient (each with only their own links): the journal
// keeps every promise per recipient's mail, and duplicates are counted per mail.
describe.each([
  { mode: 'registering through the register (shared stores)', oneWrite: false, links: false },
  { mode: 'sending first and writing once (the local workbook)', oneWrite: true, links: false },
  {
    mode: 'registering through the register, links on: one mail per recipient',
    oneWrite: false,
    links: true,
  },
  { mode: 'sending first and writing once, links on: one mail per recipient', oneWrite: true, links: true },
])('the fault-injection run (CI size), $mode', ({ oneWrite, links }) => {
  let figures: FaultRunFigures;
  beforeAll(async () => {
    figures = await faultRun({ days: 60, seed: 20260615, faultRate: 0.8, roundRobin: true, oneWrite, links });
    console.log(JSON.stringify(figures, null, 1));
  }, 300_000);

  it('keeps every promise through 60 working days with a fault on most of them', () => {
    expect(Object.keys(figures.faults).sort()).toEqual([...FAULTS].sort());
    expect(figures.violations).toEqual([]);
    // Nobody signs in this run, so its 催办单 / 督办单 stay drafts (签发, seed 004 §五.2): fewer mails than before.
    expect(figures.noticesSent).toBeGreaterThan(50);
  });

  it('duplicates a notice only for a kill inside the send window, once at most, under the same Message-ID', () => {
    expect(figures.killsInSendWindow).toBeGreaterThan(0);
    expect(figures.duplicateDeliveries).toBeLessThanOrEqual(figures.killsInSendWindow);
    expect(figures.duplicatesWithNewMessageId).toBe(0);
  });

  // Card notices (提醒函 / 约谈建议 of a 红黄蓝牌) are planned from the card and its episode, not from the 预警 cell's
  // change: a kill between the cell write and the register loses none, and none waits a day (issue 10 rows 1 and 5).
  it('loses no card notice and sends none a day late', () => {
    expect(figures.cardNoticesLost).toEqual([]);
    expect(figures.cardNoticesLate).toEqual([]);
  });
});
