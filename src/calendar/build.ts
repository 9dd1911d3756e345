import { dayOf, isoOf, lastDayOfMonth, partsOf, weekdayOf, type Day } from './day';
import { fallbackHolidays } from './fallback';
import { publishedSchedule } from './published';
import type { HolidayOverride, WorkCalendar } from './types';

export interface BuildCalendarOptions {
  /** Rows of the `节假日` tab; they win over the published schedule and the fallback rules. */
  overrides?: HolidayOverride[];
  /** Default: the first year chinese-days publishes (2004). */
  firstYear?: number;
  /** Default: 2060. */
  lastYear?: number;
}

const DEFAULT_LAST_YEAR = 2060;
/** chinese-days' lunar tables cover lunar 1900–2100; 除夕 of solar year Y needs lunar year Y − 1. */
const MIN_YEAR = 1901;
const MAX_YEAR = 2099;

function makeUpName(name: string): string {
  return /调休|补班|上班/.test(name) ? name : `${name || ''}调休`;
}

/**
 * Builds the working-day index: one flag and one name per day, a running count of working days and the list of
 * working days, so that every query is a couple of array reads (O(1)), never a day-by-day walk.
 * Layers, later winning: weekends → fallback statutory holidays for unpublished years → chinese-days' published
 * schedule (holidays and 调休 make-up days) → `overrides`.
 *
 * A year counts as provisional when chinese-days has no schedule for it, unless the overrides list its 春节 days
 * off (an office typing in the newly published State Council schedule): a row named 春节…, or any row off on one of
 * the statutory 春节 days.
 *
 * @example
 * const cal = buildCalendar({ overrides: [{ day: toDay('2026-03-02'), kind: '放假', name: '县庆' }] });
 * cal.isWorkday(toDay('2026-03-02')); // false
 */
export function buildCalendar(options: BuildCalendarOptions = {}): WorkCalendar {
  const published = publishedSchedule();
  const firstYear = options.firstYear ?? Math.min(...published.years);
  const lastYear = options.lastYear ?? DEFAULT_LAST_YEAR;
  if (
    !Number.isInteger(firstYear) ||
    !Number.isInteger(lastYear) ||
    firstYear < MIN_YEAR ||
    lastYear > MAX_YEAR ||
    firstYear > lastYear
  ) {
    throw new RangeError(
      `calendar years ${firstYear}–${lastYear} invalid; expected ${MIN_YEAR} ≤ firstYear ≤ lastYear ≤ ${MAX_YEAR}`,
    );
  }
  const base = dayOf(firstYear, 1, 1)!;
  const length = dayOf(lastYear, 12, 31)! - base + 1;
  const work = new Uint8Array(length);
  const nameIndex = new Uint16Array(length);
  const names: Array<string | null> = [null];
  const nameIds = new Map<string, number>();

  function setDay(entry: HolidayOverride): void {
    const i = entry.day - base;
    if (!Number.isInteger(i) || i < 0 || i >= length) return;
    const isWork = entry.kind === '调休上班';
    const name = isWork ? makeUpName(entry.name) : entry.name || '放假';
    let id = nameIds.get(name);
    if (id === undefined) {
      id = names.push(name) - 1;
      nameIds.set(name, id);
    }
    work[i] = isWork ? 1 : 0;
    nameIndex[i] = id;
  }

  for (let i = 0; i < length; i++) {
    const weekday = weekdayOf(base + i);
    work[i] = weekday >= 1 && weekday <= 5 ? 1 : 0;
  }
  const provisional = new Set<number>();
  /** The statutory 春节 days of the provisional years: a row on one of them is the State Council schedule typed in. */
  const springFestival = new Set<Day>();
  for (let year = firstYear; year <= lastYear; year++) {
    if (published.years.has(year)) continue;
    provisional.add(year);
    for (const holiday of fallbackHolidays(year)) {
      setDay(holiday);
      if (holiday.name === '春节') springFestival.add(holiday.day);
    }
  }
  published.entries.forEach(setDay);
  for (const entry of options.overrides ?? []) {
    setDay(entry);
    // Named as the clerk likes (春节, 春节假期, or nothing): its days off mark the year's schedule as entered.
    if (entry.kind === '放假' && (entry.name.includes('春节') || springFestival.has(entry.day)))
      provisional.delete(partsOf(entry.day).year);
  }
  return new IndexedCalendar(firstYear, lastYear, base, work, nameIndex, names, provisional);
}

/** The calendar over `work` flags: `before[i]` = working days among indices [0, i); `workdays` = their Days in order. */
class IndexedCalendar implements WorkCalendar {
  private readonly before: Int32Array;
  private readonly workdays: Int32Array;

  constructor(
    readonly firstYear: number,
    readonly lastYear: number,
    private readonly base: Day,
    private readonly work: Uint8Array,
    private readonly nameIndex: Uint16Array,
    private readonly names: ReadonlyArray<string | null>,
    private readonly provisional: ReadonlySet<number>,
  ) {
    const before = new Int32Array(work.length + 1);
    for (let i = 0; i < work.length; i++) before[i + 1] = before[i]! + work[i]!;
    const workdays = new Int32Array(before[work.length]!);
    for (let i = 0, k = 0; i < work.length; i++) if (work[i]) workdays[k++] = base + i;
    this.before = before;
    this.workdays = workdays;
  }

  isWorkday(day: Day): boolean {
    return this.work[this.indexOf(day)] === 1;
  }

  holidayName(day: Day): string | null {
    return this.names[this.nameIndex[this.indexOf(day)]!] ?? null;
  }

  isProvisional(year: number): boolean {
    if (!Number.isInteger(year) || year < this.firstYear || year > this.lastYear) {
      throw new RangeError(`year ${year} outside the working-day calendar ${this.rangeText()}`);
    }
    return this.provisional.has(year);
  }

  addWorkdays(day: Day, n: number): Day {
    const i = this.indexOf(day);
    if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
    if (n === 0 && this.work[i]) return day;
    // Working days on or before `day` are before[i + 1]; strictly before it, before[i].
    return this.workdayAt(n >= 0 ? this.before[i + 1]! + Math.max(n, 1) - 1 : this.before[i]! + n, day, n);
  }

  workdaysBetween(from: Day, to: Day): number {
    return this.before[this.indexOf(to) + 1]! - this.before[this.indexOf(from) + 1]!;
  }

  nextWorkday(day: Day): Day {
    return this.workdayAt(this.before[this.indexOf(day) + 1]!, day, 1);
  }

  nthWorkdayOfMonth(year: number, month: number, n: number): Day {
    const first = dayOf(year, month, 1);
    if (first === null || !Number.isInteger(n) || n === 0) {
      throw new RangeError(
        `nthWorkdayOfMonth(${year}, ${month}, ${n}): expected a valid month and n ≥ 1 (or n ≤ -1 from the end)`,
      );
    }
    const start = this.before[this.indexOf(first)]!;
    const end = this.before[this.indexOf(lastDayOfMonth(year, month)) + 1]!;
    const k = n > 0 ? start + n - 1 : end + n;
    if (k < start || k >= end) {
      throw new RangeError(`${year}-${month} has ${end - start} working days; no working day number ${n}`);
    }
    return this.workdays[k]!;
  }

  private workdayAt(k: number, day: Day, n: number): Day {
    const found = this.workdays[k];
    if (found === undefined) {
      throw new RangeError(
        `${n} working days from ${isoOf(day)} leaves the working-day calendar ${this.rangeText()}`,
      );
    }
    return found;
  }

  private indexOf(day: Day): number {
    const i = day - this.base;
    if (Number.isInteger(i) && i >= 0 && i < this.work.length) return i;
    throw new RangeError(
      Number.isInteger(day) && Math.abs(day) < 1e8
        ? `${isoOf(day)} outside the working-day calendar ${this.rangeText()}`
        : `not a Day in range (integer days since 1970-01-01): ${day}`,
    );
  }

  private rangeText(): string {
    return `${this.firstYear}-01-01..${this.lastYear}-12-31`;
  }
}

let defaultInstance: WorkCalendar | null = null;

/**
 * The built-in calendar (chinese-days + fallback, no overrides), built once per process.
 *
 * @example
 * defaultCalendar().isWorkday(toDay('2026-02-14')); // true: a 春节调休 Saturday
 */
export function defaultCalendar(): WorkCalendar {
  defaultInstance ??= buildCalendar();
  return defaultInstance;
}
