/**
 * `duban serve`'s daily scan: a failure — the workbook unreadable for a while (open in Excel past the wait, the shared
 * drive away) — never stops the service; it is logged in Chinese and tried again later the same day, once it works.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailySchedule, RETRY_MINUTES } from '../../src/local/daily-schedule';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import type { SheetStore } from '../../src/store/port';
import { demoWorkbook } from '../scan/demo-workbook';

afterEach(() => vi.restoreAllMocks());

describe('the daily scan of duban serve', () => {
  it('retries a failed scan later the same day, and scans once when it works', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(String(m)));
    const memory = createMemoryStore(demoWorkbook('2026-11-20'));
    let away = true; // the shared drive is away at 08:30
    const store = {
      ...memory,
      read: (specs: Parameters<SheetStore['read']>[0]) =>
        away ? Promise.reject(new Error('工作簿「督办.xlsx」无法打开')) : memory.read(specs),
    } as SheetStore;
    const scans: string[] = [];
    const schedule = dailySchedule(store, async (now) => void scans.push(now.toISOString()));
    const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00+08:00`);

    await expect(schedule.tick(at('08:30'))).resolves.toBeUndefined(); // no throw: the service stays up
    expect(errors.at(-1)).toContain(`定时扫描未完成，${RETRY_MINUTES}分钟后重试：工作簿「督办.xlsx」无法打开`);
    away = false;
    await schedule.tick(at('08:31'));
    expect(scans).toEqual([]); // waits its interval
    await schedule.tick(at('08:46'));
    expect(scans).toHaveLength(1);
    await schedule.tick(at('09:30'));
    expect(scans).toHaveLength(1); // once a day
  });
});
