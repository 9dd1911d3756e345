/**
 * Issue 11: `duban serve`'s weekly brief on a fake clock — ticks every 15 minutes for two weeks through the one
 * service every runtime runs: each 分管领导 gets one brief a week, at 周报时间 on Monday, or on the first working day
 * when Monday is a holiday (劳动节 2026: Monday 4 May and Tuesday 5 May off → Wednesday 6 May).
 */
import { describe, expect, it } from 'vitest';
import { beijingStamp } from '../../src/calendar/beijing-clock';
import { weeklySchedule } from '../../src/local/weekly-schedule';
import { createMemoryMailer } from '../../src/mail/memory';
import { createService } from '../../src/runtime/service';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { demoWorkbook, FROM } from '../scan/demo-workbook';

describe('the weekly brief on the Node scheduler', () => {
  it('sends once per leader per week at 周报时间, moving past a holiday Monday, on a fake clock', async () => {
    const store = createMemoryStore(demoWorkbook('2026-05-04'));
    const mailer = createMemoryMailer();
    const service = createService({
      name: 'test',
      targets: { store, mailer, mailTransport: 'outbox' },
      from: FROM,
      adminToken: 'x'.repeat(20),
    });
    const weekly = weeklySchedule((now) => service.weeklyBrief(now));
    const sentAt: string[] = [];
    const start = new Date('2026-05-04T00:00:00+08:00').getTime();
    for (let t = start; t < start + 14 * 86_400_000; t += 15 * 60_000) {
      const before = mailer.sent.length;
      await weekly.tick(new Date(t));
      for (let i = before; i < mailer.sent.length; i++) sentAt.push(beijingStamp(t));
    }
    expect(sentAt).toEqual([
      ...Array(4).fill('2026-05-06 08:00:00'),
      ...Array(4).fill('2026-05-11 08:00:00'),
    ]);
    // Quiet days cost one small read, not one per tick: the schedule remembers the answer for the day.
    expect(store.calls.read).toBeLessThan(40);
  });

  it('does not send again after a restart in the same week (the 审计日志 says it went out)', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-15'));
    const mailer = createMemoryMailer();
    const service = createService({
      name: 't',
      targets: { store, mailer, mailTransport: 'outbox' },
      from: FROM,
      adminToken: 'x'.repeat(20),
    });
    await weeklySchedule((now) => service.weeklyBrief(now)).tick(new Date('2026-06-15T08:05:00+08:00'));
    expect(mailer.sent).toHaveLength(4);
    const restarted = weeklySchedule((now) => service.weeklyBrief(now));
    for (const at of ['2026-06-15T08:10:00+08:00', '2026-06-16T08:10:00+08:00'])
      await restarted.tick(new Date(at));
    expect(mailer.sent).toHaveLength(4);
  });
});
