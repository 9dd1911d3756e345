import data from 'chinese-days/dist/chinese-days.json';
import { partsOf, toDay } from './day';
import type { HolidayOverride } from './types';

/** chinese-days stores each entry as "English name,中文名,法定天数"; older or future data may lack the Chinese. */
const CHINESE_NAMES: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午',
  'Mid-autumn Festival': '中秋',
  'National Day': '国庆节',
};

function chineseName(entry: string): string {
  const [english = '', chinese] = entry.split(',');
  return chinese?.trim() || CHINESE_NAMES[english.trim()] || english.trim();
}

export interface PublishedSchedule {
  /** Published days off and 调休 make-up working days, in the shape of `节假日` tab rows. */
  entries: HolidayOverride[];
  /** Years whose State Council schedule is in the data (detected from the data: the year lists its 春节). */
  years: Set<number>;
}

let cached: PublishedSchedule | null = null;

/**
 * The State Council schedules bundled in chinese-days, read once.
 *
 * @example
 * publishedSchedule().years.has(2026); // true
 */
export function publishedSchedule(): PublishedSchedule {
  if (cached) return cached;
  const entries: HolidayOverride[] = [];
  const years = new Set<number>();
  for (const [iso, entry] of Object.entries(data.holidays as Record<string, string>)) {
    const name = chineseName(entry);
    const day = toDay(iso);
    entries.push({ day, kind: '放假', name });
    // 春节 always falls inside its own solar year, so it marks the year as published even when 元旦
    // entries of a schedule spill into the neighbouring December.
    if (name === '春节') years.add(partsOf(day).year);
  }
  for (const [iso, entry] of Object.entries(data.workdays as Record<string, string>)) {
    entries.push({ day: toDay(iso), kind: '调休上班', name: chineseName(entry) });
  }
  cached = { entries, years };
  return cached;
}
