/**
 * Beijing time (UTC+8, no daylight saving since 1991): the one place an instant becomes a wall-clock reading. Every
 * date in the core is a `Day` (day.ts); these readings are for stamps, file names and schedules.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { BEIJING_OFFSET_MS, type Day } from './day';

dayjs.extend(utc);

const BEIJING_OFFSET_MINUTES = BEIJING_OFFSET_MS / 60_000;

/**
 * The instant as Beijing wall time in a dayjs format.
 * @example beijingTime(new Date('2026-06-15T00:30:00Z'), 'YYYY-MM-DD HH:mm:ss') // '2026-06-15 08:30:00'
 */
export function beijingTime(instant: Date | number, format: string): string {
  return dayjs(instant).utcOffset(BEIJING_OFFSET_MINUTES).format(format);
}

/** `YYYY-MM-DD HH:mm:ss`, as the 审计日志 and 文书登记 write it. */
export const beijingStamp = (instant: Date | number): string => beijingTime(instant, 'YYYY-MM-DD HH:mm:ss');

/** `HH:mm`, compared with 规则配置 每日扫描时间. */
export const beijingClockTime = (instant: Date | number): string => beijingTime(instant, 'HH:mm');

/**
 * The instant a Beijing wall-clock time happens on a day.
 * @example beijingInstant(toDay('2026-06-15'), '08:30').toISOString() // '2026-06-15T00:30:00.000Z'
 */
export function beijingInstant(day: Day, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(day * 86_400_000 + ((h ?? 0) * 60 + (m ?? 0)) * 60_000 - BEIJING_OFFSET_MS);
}
