import chineseDays from 'chinese-days';
import { describe, expect, test } from 'vitest';
import {
  defaultCalendar,
  fallbackHolidays,
  isoOf,
  partsOf,
  publishedSchedule,
  toDay,
} from '../../src/calendar';

const cal = defaultCalendar();
const published = [...publishedSchedule().years].sort((a, b) => a - b);

/** A local-time Date, so chinese-days' local getters read the intended civil date in any timezone. */
function localDate(day: number): Date {
  const { year, month, date } = partsOf(day);
  return new Date(year, month - 1, date);
}

describe('the index against chinese-days itself', () => {
  test('published years are detected from the data: 2004 through 2026 without gaps', () => {
    expect(published[0]).toBe(2004);
    expect(published.at(-1)).toBe(2026);
    expect(published).toHaveLength(2026 - 2004 + 1);
  });

  test('isWorkday agrees on every day of every published year', () => {
    const disagreements: string[] = [];
    for (let day = toDay(`${published[0]}-01-01`); day <= toDay(`${published.at(-1)}-12-31`); day++) {
      if (cal.isWorkday(day) !== chineseDays.isWorkday(localDate(day))) disagreements.push(isoOf(day));
    }
    expect(disagreements).toEqual([]);
  });

  test('holiday names are chinese-days’ Chinese names', () => {
    for (let day = toDay('2024-01-01'); day <= toDay('2026-12-31'); day++) {
      const detail = chineseDays.getDayDetail(localDate(day));
      const chinese = detail.name.split(',')[1];
      if (!chinese) expect(cal.holidayName(day)).toBeNull();
      else expect(cal.holidayName(day)).toBe(detail.work ? `${chinese}调休` : chinese);
    }
  });

  test('findWorkday agrees with addWorkdays on a sample', () => {
    for (const [iso, n] of [
      ['2026-02-13', 1],
      ['2026-02-15', 0],
      ['2026-10-08', -1],
      ['2025-12-31', 30],
      ['2024-05-06', -40],
    ] as const) {
      expect(isoOf(cal.addWorkdays(toDay(iso), n))).toBe(chineseDays.findWorkday(n, localDate(toDay(iso))));
    }
  });
});

describe('fallback holidays for unpublished years', () => {
  test('lunar holidays land on the right lunar dates for every year 2027–2060', () => {
    for (let year = 2027; year <= 2060; year++) {
      const byName = new Map<string, number[]>();
      for (const h of fallbackHolidays(year)) byName.set(h.name, [...(byName.get(h.name) ?? []), h.day]);
      const [eve, ...rest] = byName.get('春节')!;
      const lunarEve = chineseDays.getLunarDate(localDate(eve!));
      const nextDay = chineseDays.getLunarDate(localDate(eve! + 1));
      expect([nextDay.lunarMon, nextDay.lunarDay, lunarEve.lunarMon], `${year} 除夕`).toEqual([1, 1, 12]);
      expect(rest).toEqual([eve! + 1, eve! + 2, eve! + 3]);
      const duanwu = chineseDays.getLunarDate(localDate(byName.get('端午')![0]!));
      expect([duanwu.lunarMon, duanwu.lunarDay, duanwu.isLeap], `${year} 端午`).toEqual([5, 5, false]);
      const zhongqiu = chineseDays.getLunarDate(localDate(byName.get('中秋')![0]!));
      expect([zhongqiu.lunarMon, zhongqiu.lunarDay, zhongqiu.isLeap], `${year} 中秋`).toEqual([8, 15, false]);
      const qingming = chineseDays.getSolarTerms(localDate(byName.get('清明')![0]!));
      expect(
        qingming.map((t) => t.name),
        `${year} 清明`,
      ).toEqual(['清明']);
      expect(partsOf(eve!).year).toBe(year);
    }
  });

  test('under the current rules (2025 on) every statutory day is also off in the published schedule', () => {
    for (const year of [2025, 2026]) {
      for (const h of fallbackHolidays(year))
        expect(cal.isWorkday(h.day), `${isoOf(h.day)} ${h.name}`).toBe(false);
    }
  });
});
