/**
 * Real date cells (`DateCell`) and the serial numbers Excel, WPS and Google Sheets store them as. A serial counts
 * days from 1899-12-30 (1904 date system: from 1904-01-01) with the time of day as its fraction; it has no time
 * zone, so the office's wall clock (Asia/Shanghai, `beijingStamp`) goes in as it reads.
 */
import type { CellWrite, DateCell } from '../port';

/** The number format of a date and of a date-time the system writes (as the template's date columns show them). */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);
/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;

/**
 * The date-time cell of a `YYYY-MM-DD HH:mm:ss` stamp (the 审计日志, 反馈记录 and 文书登记 时间).
 * @example stampCell('2026-12-03 14:05:09') // { date: '2026-12-03', time: '14:05:09' }
 */
export function stampCell(stamp: string): DateCell {
  // A serial of anything else would be NaN: a cell Excel cannot open.
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(stamp)) throw new Error(`not a stamp: '${stamp}'`);
  return { date: stamp.slice(0, 10), time: stamp.slice(11, 19) };
}

/**
 * The date cell of a `YYYY-MM-DD` day.
 * @example dayCell('2026-12-03') // { date: '2026-12-03' }
 */
export function dayCell(iso: string): DateCell {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) throw new Error(`not a day: '${iso}'`);
  return { date: iso.slice(0, 10) };
}

/** True for a date written as a real date cell, not a plain value. */
export function isDateCell(value: CellWrite | undefined): value is DateCell {
  return typeof value === 'object' && value !== null && 'date' in value;
}

/**
 * The serial number of a date cell.
 * @example serialOf({ date: '2026-12-03', time: '12:00:00' }) // 46359.5
 */
export function serialOf(cell: DateCell, date1904 = false): number {
  const [y, m, d] = cell.date.split('-').map(Number);
  const [h, mi, s] = (cell.time ?? '0:0:0').split(':').map(Number);
  const ms = Date.UTC(y!, m! - 1, d!, h ?? 0, mi ?? 0, s ?? 0) - EPOCH_1899;
  return ms / DAY_MS - (date1904 ? DAYS_1904 : 0);
}

/**
 * The date cell of a serial number, to the second; `time` only when it has a time of day.
 * @example dateCellOfSerial(46359.5) // { date: '2026-12-03', time: '12:00:00' }
 */
export function dateCellOfSerial(serial: number, date1904 = false): DateCell {
  const seconds = Math.round(serial * 86_400);
  const days = Math.floor(seconds / 86_400) + (date1904 ? DAYS_1904 : 0);
  // Excel's day 60 is the fictitious 1900-02-29; serials after it are one day ahead of the calendar.
  const epoch = Date.UTC(1899, 11, days >= 60 || date1904 ? 30 : 31);
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  const time = seconds - Math.floor(seconds / 86_400) * 86_400;
  if (!time) return { date };
  return { date, time: new Date(time * 1000).toISOString().slice(11, 19) };
}

/** The number format a date cell is written with. */
export const formatOf = (cell: DateCell): string => (cell.time ? DATE_TIME_FORMAT : DATE_FORMAT);
