import { describe, expect, it } from 'vitest';
import { beijingClockTime, beijingInstant, beijingStamp } from '../../src/calendar/beijing-clock';
import { isoOf, shanghaiDayOf, toDay } from '../../src/calendar/day';

describe('the Beijing clock', () => {
  it('reads an instant as Beijing wall time and finds the instant of a Beijing time, across the UTC date line', () => {
    const late = new Date('2026-06-14T17:30:00Z'); // 01:30 on the 15th in Beijing
    expect(beijingStamp(late)).toBe('2026-06-15 01:30:00');
    expect(beijingClockTime(late)).toBe('01:30');
    expect(isoOf(shanghaiDayOf(late))).toBe('2026-06-15');
    expect(beijingInstant(toDay('2026-06-15'), '08:30').toISOString()).toBe('2026-06-15T00:30:00.000Z');
    expect(beijingInstant(toDay('2026-06-15'), '01:30')).toEqual(late);
  });
});
