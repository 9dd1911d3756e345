import { beijingClockTime } from '../calendar/beijing-clock';
import { isoOf, shanghaiDayOf } from '../calendar/day';
import type { SheetStore } from '../store/port';
import { readSettings } from '../workbook/read-settings';
import { tabSpec } from '../workbook/schema/tabs';

/**
 * The in-process schedule of `duban serve`: once a working day (by the workbook's own calendar, 节假日 tab included),
 * at or after 规则配置 每日扫描时间 in Beijing time. `tick` is called every few seconds; it reads only 规则配置 and
 * 节假日, and calls `scan` at most once per day.
 *
 * @example
 * const schedule = dailySchedule(store, (now) => service.scheduledScan(now));
 * setInterval(() => void schedule.tick(new Date()), 30_000);
 */
export function dailySchedule(store: SheetStore, scan: (now: Date) => Promise<unknown>) {
  let lastScheduled = '';
  return {
    /** Today's scan already ran (e.g. the one `npm start` makes): no scheduled scan until tomorrow. */
    done(instant: Date): void {
      lastScheduled = isoOf(shanghaiDayOf(instant));
    },
    async tick(instant: Date): Promise<void> {
      const today = shanghaiDayOf(instant);
      if (lastScheduled === isoOf(today)) return;
      const settings = readSettings(await store.read([tabSpec('规则配置'), tabSpec('节假日')]), today);
      if (!settings.calendar.isWorkday(today)) return;
      if (beijingClockTime(instant) < settings.config.scanTime) return;
      lastScheduled = isoOf(today);
      try {
        await scan(instant);
      } catch (error) {
        console.error(`[serve] scheduled scan failed: ${(error as Error).message}`);
      }
    },
  };
}
