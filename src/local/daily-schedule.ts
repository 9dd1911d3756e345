import { beijingClockTime } from '../calendar/beijing-clock';
import { isoOf, shanghaiDayOf } from '../calendar/day';
import { isChineseSentence } from '../store/errors';
import type { SheetStore } from '../store/port';
import type { ScanFailure } from '../web/scan-service';
import { readSettings } from '../workbook/read-settings';
import { tabSpec } from '../workbook/schema/tabs';

/**
 * The in-process schedule of `duban serve`: once a working day (by the workbook's own calendar, 节假日 tab included),
 * at or after 规则配置 每日扫描时间 in Beijing time. `tick` is called every few seconds; it reads only 规则配置 and
 * 节假日, and calls `scan` at most once per day. A failure is told to `failed` (the status page shows it).
 *
 * @example
 * const schedule = dailySchedule(store, (now) => service.scheduledScan(now), service.scheduledScanFailed);
 * setInterval(() => void schedule.tick(new Date()), 30_000);
 */
export function dailySchedule(
  store: SheetStore,
  scan: (now: Date) => Promise<unknown>,
  failed: (failure: ScanFailure) => Promise<void> = async () => undefined,
) {
  let lastScheduled = '';
  let running = false;
  /** After a failure (the workbook open in Excel, the shared drive away), no attempt before this instant. */
  let notBefore = 0;
  return {
    /** Today's scan already ran (e.g. the one `npm start` makes): no scheduled scan until tomorrow. */
    done(instant: Date): void {
      lastScheduled = isoOf(shanghaiDayOf(instant));
    },
    /**
     * Scans once today is a working day and 每日扫描时间 has come. A failure — even to read the workbook — never stops
     * the service: it is logged in Chinese and tried again RETRY_MINUTES later the same day (a scan repeats nothing).
     */
    async tick(instant: Date): Promise<void> {
      const today = shanghaiDayOf(instant);
      if (running || lastScheduled === isoOf(today) || instant.getTime() < notBefore) return;
      running = true;
      try {
        const settings = readSettings(await store.read([tabSpec('规则配置'), tabSpec('节假日')]), today);
        if (!settings.calendar.isWorkday(today)) return;
        if (beijingClockTime(instant) < settings.config.scanTime) return;
        await scan(instant);
        lastScheduled = isoOf(today);
      } catch (error) {
        notBefore = instant.getTime() + RETRY_MINUTES * 60_000;
        console.error(`[serve] 定时扫描未完成，${RETRY_MINUTES}分钟后重试：${(error as Error).message}`);
        const failure = {
          at: instant.toISOString(),
          reason: reasonOf(error),
          retryAt: new Date(notBefore).toISOString(),
        };
        await failed(failure).catch((e: unknown) =>
          console.error(`[serve] could not record the failed scan for the status page: ${String(e)}`),
        );
      } finally {
        running = false;
      }
    },
  };
}

/** How long a failed scheduled scan waits before the next attempt. */
export const RETRY_MINUTES = 15;

/** Why a scan failed, for the clerk: the error's Chinese answer, or the technical message inside a Chinese sentence. */
function reasonOf(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^\[[\w:-]+\]\s*/, '');
  return isChineseSentence(message) ? message : `扫描时出错（${message}），详见日志`;
}
