/**
 * A civil date (Asia/Shanghai) as an integer: days since 1970-01-01.
 * Every date in the core is a `Day`, so comparisons and arithmetic are plain integer operations.
 */
export type Day = number;

/** Beijing time is UTC+8 all year (no daylight saving); wall-clock readings are in beijing-clock.ts. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1 January of a year, memoised: every task's clock may start there. */
export function newYearsDay(year: number): Day {
  // Every task of a scan asks for the same year (twice): answer it without the map lookup.
  if (year === lastNewYear.year) return lastNewYear.day;
  let day = newYears.get(year);
  if (day === undefined) newYears.set(year, (day = Date.UTC(year, 0, 1) / MS_PER_DAY));
  lastNewYear = { year, day };
  return day;
}

const newYears = new Map<number, Day>();
let lastNewYear = { year: NaN, day: NaN };

/** Day of a valid civil date, or null when the date does not exist (2026-02-30). */
export function dayOf(year: number, month: number, date: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(date)) return null;
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/** Day of a `YYYY-MM-DD` string; throws on anything else (use the date-cell parser for user input). */
export function toDay(iso: string): Day {
  const m = ISO.exec(iso);
  const day = m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day === null) throw new Error(`invalid ISO date: ${JSON.stringify(iso)} (expected YYYY-MM-DD)`);
  return day;
}

/** `YYYY-MM-DD` of a Day. */
export function isoOf(day: Day): string {
  return namesOf(day).iso;
}

export function partsOf(day: Day): { year: number; month: number; date: number } {
  // Civil-from-days (H. Hinnant), integer only: this runs for every task on every scan.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, date };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

export function lastDayOfMonth(year: number, month: number): Day {
  return dayOf(year, month, daysInMonth(year, month))!;
}

/**
 * The year and month `back` months before `day`'s (0: its own).
 * @example monthBefore(toDay('2026-01-15'), 1) // { year: 2025, month: 12 }
 */
export function monthBefore(day: Day, back: number): { year: number; month: number } {
  const { year, month } = partsOf(day);
  const index = year * 12 + month - 1 - back;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The Asia/Shanghai civil date of an instant (a `Date`, or epoch milliseconds such as `controller.scheduledTime`). */
export function shanghaiDayOf(instant: Date | number): Day {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
}

/**
 * `M月D日` as written in notices; `YYYY年M月D日` when `today` is given and the day falls in another year (a deadline
 * in January read in December, or last year's read in January).
 *
 * @example cnDate(toDay('2027-01-08'), toDay('2026-12-03')) // '2027年1月8日'
 */
export function cnDate(day: Day, today?: Day): string {
  return today !== undefined && yearOf(day) !== yearOf(today) ? cnFullDate(day) : namesOf(day).cn;
}

/** The year of a Day: `partsOf(day).year`. */
export function yearOf(day: Day): number {
  // From 1901 to 2099 every fourth year is a leap year, without exception: one division does.
  const d = day - FIRST_1901;
  if (d >= 0 && d < DAYS_1901_2099 && Number.isInteger(d)) return 1901 + Math.floor((4 * d + 3) / 1461);
  return partsOf(day).year;
}

const FIRST_1901 = -25_202;
const DAYS_1901_2099 = 72_684;

interface DayNames {
  iso: string;
  cn: string;
}

/** Every row of a scan names the same few dates (deadlines, today) in notices and periods: format each once. */
function namesOf(day: Day): DayNames {
  // Indexed by the day's offset in 1901–2099 rather than kept in a Map: a Map is slow to find a Day made by
  // division (held as a double), and an array slot is one read. Other days are formatted each time.
  const i = day - FIRST_1901;
  if (!(i >= 0 && i < DAYS_1901_2099 && Number.isInteger(i))) return dayNames(day);
  namesByDay ??= new Array<DayNames | undefined>(DAYS_1901_2099);
  return (namesByDay[i] ??= dayNames(day));
}

function dayNames(day: Day): DayNames {
  const { year, month, date } = partsOf(day);
  return {
    iso: `${year}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`,
    cn: `${month}月${date}日`,
  };
}

let namesByDay: Array<DayNames | undefined> | null = null;

/** `YYYY年M月D日` as written in notices. */
export function cnFullDate(day: Day): string {
  const { year, month, date } = partsOf(day);
  return `${year}年${month}月${date}日`;
}
