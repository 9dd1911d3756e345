import { describe, expect, it } from 'vitest';
import { cnDate, dayOf, isoOf, partsOf, toDay, yearOf } from '../../src/calendar/day';

describe('day names', () => {
  it('name every day of 1900–2100 as its civil parts say, year boundaries included', () => {
    const wrong: string[] = [];
    for (let day = dayOf(1900, 1, 1)!; day <= dayOf(2100, 12, 31)!; day++) {
      const { year, month, date } = partsOf(day);
      const iso = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
      // The same day held as a double (as Date.UTC arithmetic makes it) and as a small integer.
      for (const d of [day, (day * 86_400_000) / 86_400_000]) {
        if (yearOf(d) !== year || cnDate(d) !== `${month}月${date}日` || isoOf(d) !== iso) wrong.push(iso);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('formats a day that is not an integer as before, without remembering it under its integer part', () => {
    const day = toDay('2026-03-31');
    expect(isoOf(day)).toBe('2026-03-31');
    expect(isoOf(day + 0.5)).toBe('2026-04-00.5');
    expect(cnDate(day + 0.5)).toBe('4月0.5日');
    expect(isoOf(day)).toBe('2026-03-31');
    expect(cnDate(day)).toBe('3月31日');
  });
});
