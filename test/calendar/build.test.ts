import { describe, expect, test } from 'vitest';
import { buildCalendar, defaultCalendar, isoOf, toDay, weekdayOf, type Day } from '../../src/calendar';

const cal = defaultCalendar();
const d = toDay;
const iso = (day: Day) => isoOf(day);

describe('2026 Spring Festival (02-15..02-23 off, Saturdays 02-14 and 02-28 worked)', () => {
  test('days off and make-up days', () => {
    for (let day = d('2026-02-15'); day <= d('2026-02-23'); day++) {
      expect(cal.isWorkday(day), iso(day)).toBe(false);
      expect(cal.holidayName(day)).toBe('春节');
    }
    expect(cal.isWorkday(d('2026-02-13'))).toBe(true);
    expect(cal.isWorkday(d('2026-02-14'))).toBe(true);
    expect(cal.holidayName(d('2026-02-14'))).toBe('春节调休');
    expect(cal.isWorkday(d('2026-02-24'))).toBe(true);
    expect(cal.isWorkday(d('2026-02-28'))).toBe(true);
    expect(cal.holidayName(d('2026-02-28'))).toBe('春节调休');
    expect(cal.isWorkday(d('2026-03-01'))).toBe(false); // an ordinary Sunday
    expect(cal.holidayName(d('2026-03-01'))).toBeNull();
    expect(cal.holidayName(d('2026-02-24'))).toBeNull();
  });

  test('addWorkdays with positive, zero and negative n', () => {
    expect(iso(cal.addWorkdays(d('2026-02-13'), 1))).toBe('2026-02-14');
    expect(iso(cal.addWorkdays(d('2026-02-13'), 2))).toBe('2026-02-24');
    expect(iso(cal.addWorkdays(d('2026-02-14'), 1))).toBe('2026-02-24');
    expect(iso(cal.addWorkdays(d('2026-02-15'), 1))).toBe('2026-02-24');
    expect(iso(cal.addWorkdays(d('2026-02-13'), 5))).toBe('2026-02-27');
    expect(iso(cal.addWorkdays(d('2026-02-24'), 4))).toBe('2026-02-28');
    expect(iso(cal.addWorkdays(d('2026-02-24'), 5))).toBe('2026-03-02');

    expect(iso(cal.addWorkdays(d('2026-02-13'), 0))).toBe('2026-02-13');
    expect(iso(cal.addWorkdays(d('2026-02-14'), 0))).toBe('2026-02-14');
    expect(iso(cal.addWorkdays(d('2026-02-15'), 0))).toBe('2026-02-24');
    expect(iso(cal.addWorkdays(d('2026-03-01'), 0))).toBe('2026-03-02');

    expect(iso(cal.addWorkdays(d('2026-02-24'), -1))).toBe('2026-02-14');
    expect(iso(cal.addWorkdays(d('2026-02-24'), -2))).toBe('2026-02-13');
    expect(iso(cal.addWorkdays(d('2026-02-20'), -1))).toBe('2026-02-14');
    expect(iso(cal.addWorkdays(d('2026-03-02'), -1))).toBe('2026-02-28');
  });

  test('workdaysBetween counts (from, to] and is negative backwards', () => {
    expect(cal.workdaysBetween(d('2026-02-13'), d('2026-02-24'))).toBe(2);
    expect(cal.workdaysBetween(d('2026-02-24'), d('2026-02-13'))).toBe(-2);
    expect(cal.workdaysBetween(d('2026-02-14'), d('2026-02-23'))).toBe(0);
    expect(cal.workdaysBetween(d('2026-02-14'), d('2026-02-14'))).toBe(0);
    expect(cal.workdaysBetween(d('2026-02-12'), d('2026-02-14'))).toBe(2);
    expect(cal.workdaysBetween(d('2026-02-01'), d('2026-02-28'))).toBe(16);
  });

  test('nextWorkday is strictly after', () => {
    expect(iso(cal.nextWorkday(d('2026-02-13')))).toBe('2026-02-14');
    expect(iso(cal.nextWorkday(d('2026-02-14')))).toBe('2026-02-24');
    expect(iso(cal.nextWorkday(d('2026-02-18')))).toBe('2026-02-24');
  });

  test('nthWorkdayOfMonth counts make-up Saturdays and skips the break', () => {
    expect(iso(cal.nthWorkdayOfMonth(2026, 2, 1))).toBe('2026-02-02');
    expect(iso(cal.nthWorkdayOfMonth(2026, 2, 11))).toBe('2026-02-14');
    expect(iso(cal.nthWorkdayOfMonth(2026, 2, 12))).toBe('2026-02-24');
    expect(iso(cal.nthWorkdayOfMonth(2026, 2, 16))).toBe('2026-02-28');
    expect(iso(cal.nthWorkdayOfMonth(2026, 2, -1))).toBe('2026-02-28');
    expect(() => cal.nthWorkdayOfMonth(2026, 2, 17)).toThrow(RangeError);
    expect(() => cal.nthWorkdayOfMonth(2026, 2, 0)).toThrow(RangeError);
    expect(() => cal.nthWorkdayOfMonth(2026, 13, 1)).toThrow(RangeError);
    // 元旦 2026: 01-01..01-03 off, Sunday 01-04 worked
    expect(iso(cal.nthWorkdayOfMonth(2026, 1, 1))).toBe('2026-01-04');
    expect(cal.holidayName(d('2026-01-04'))).toBe('元旦调休');
  });
});

describe('2026 National Day (10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked)', () => {
  test('days off, names and make-up days', () => {
    for (let day = d('2026-10-01'); day <= d('2026-10-07'); day++) {
      expect(cal.isWorkday(day), iso(day)).toBe(false);
      expect(cal.holidayName(day)).toBe('国庆节');
    }
    expect(cal.isWorkday(d('2026-09-20'))).toBe(true);
    expect(cal.holidayName(d('2026-09-20'))).toBe('国庆节调休');
    expect(cal.isWorkday(d('2026-10-10'))).toBe(true);
    expect(cal.isWorkday(d('2026-10-11'))).toBe(false);
    expect(cal.holidayName(d('2026-09-25'))).toBe('中秋');
    expect(cal.isWorkday(d('2026-09-25'))).toBe(false);
  });

  test('arithmetic across the break', () => {
    expect(iso(cal.addWorkdays(d('2026-09-30'), 1))).toBe('2026-10-08');
    expect(iso(cal.addWorkdays(d('2026-10-03'), 0))).toBe('2026-10-08');
    expect(iso(cal.addWorkdays(d('2026-10-08'), 2))).toBe('2026-10-10');
    expect(iso(cal.addWorkdays(d('2026-10-08'), 3))).toBe('2026-10-12');
    expect(iso(cal.addWorkdays(d('2026-10-08'), -1))).toBe('2026-09-30');
    expect(cal.workdaysBetween(d('2026-09-30'), d('2026-10-10'))).toBe(3);
    expect(cal.workdaysBetween(d('2026-10-10'), d('2026-09-30'))).toBe(-3);
    expect(iso(cal.nthWorkdayOfMonth(2026, 10, 1))).toBe('2026-10-08');
    expect(iso(cal.nthWorkdayOfMonth(2026, 9, -1))).toBe('2026-09-30');
  });
});

describe('a year without a published schedule (2027)', () => {
  test('is provisional and keeps the statutory days off', () => {
    expect(cal.isProvisional(2026)).toBe(false);
    expect(cal.isProvisional(2027)).toBe(true);
    expect(cal.isProvisional(2060)).toBe(true);
    expect(cal.isWorkday(d('2027-01-01'))).toBe(false);
    expect(cal.holidayName(d('2027-01-01'))).toBe('元旦');
    expect(iso(cal.addWorkdays(d('2026-12-31'), 1))).toBe('2027-01-04');
  });

  test('春节 is 除夕 plus three days from the lunar calendar (除夕 2027 is 02-05)', () => {
    for (const day of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(cal.isWorkday(d(day)), day).toBe(false);
      expect(cal.holidayName(d(day))).toBe('春节');
    }
    expect(cal.isWorkday(d('2027-02-04'))).toBe(true);
    expect(cal.isWorkday(d('2027-02-09'))).toBe(true);
    expect(iso(cal.addWorkdays(d('2027-02-04'), 1))).toBe('2027-02-09');
  });

  test('other statutory days: 清明 04-05, 劳动节 05-01..02, 端午 06-09, 中秋 09-15, 国庆节 10-01..03', () => {
    const named: Record<string, string> = {
      '2027-04-05': '清明',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-06-09': '端午',
      '2027-09-15': '中秋',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
    };
    for (const [day, name] of Object.entries(named)) {
      expect(cal.isWorkday(d(day)), day).toBe(false);
      expect(cal.holidayName(d(day))).toBe(name);
    }
    // no 调休: Monday 10-04 is worked, and no Saturday is a working day
    expect(cal.isWorkday(d('2027-10-04'))).toBe(true);
    for (let day = d('2027-01-01'); day <= d('2027-12-31'); day++) {
      if (weekdayOf(day) === 0 || weekdayOf(day) === 6) expect(cal.isWorkday(day), iso(day)).toBe(false);
    }
  });
});

describe('overrides from the 节假日 tab', () => {
  test('win over the published schedule and over the fallback', () => {
    const custom = buildCalendar({
      overrides: [
        { day: d('2026-03-02'), kind: '放假', name: '县庆' },
        { day: d('2026-02-21'), kind: '调休上班', name: '防汛值守' },
        { day: d('2026-02-14'), kind: '放假', name: '春节' },
        { day: d('2027-02-20'), kind: '调休上班', name: '春节' },
        { day: d('2027-01-01'), kind: '调休上班', name: '' },
      ],
    });
    expect(custom.isWorkday(d('2026-03-02'))).toBe(false);
    expect(custom.holidayName(d('2026-03-02'))).toBe('县庆');
    expect(custom.isWorkday(d('2026-02-21'))).toBe(true);
    expect(custom.holidayName(d('2026-02-21'))).toBe('防汛值守调休');
    expect(custom.isWorkday(d('2026-02-14'))).toBe(false);
    expect(iso(custom.addWorkdays(d('2026-02-13'), 1))).toBe('2026-02-21');
    expect(iso(custom.addWorkdays(d('2026-02-27'), 2))).toBe('2026-03-03');
    expect(custom.isWorkday(d('2027-02-20'))).toBe(true);
    expect(custom.holidayName(d('2027-02-20'))).toBe('春节调休');
    expect(custom.isWorkday(d('2027-01-01'))).toBe(true);
    // the default calendar is untouched
    expect(cal.isWorkday(d('2026-03-02'))).toBe(true);
  });

  test('entering a year’s 春节 days off marks that year as published', () => {
    const typedIn = buildCalendar({
      overrides: ['2027-02-05', '2027-02-10', '2027-02-11'].map((day) => ({
        day: d(day),
        kind: '放假' as const,
        name: '春节',
      })),
    });
    expect(typedIn.isProvisional(2027)).toBe(false);
    expect(typedIn.isProvisional(2028)).toBe(true);
    expect(typedIn.isWorkday(d('2027-02-10'))).toBe(false);
  });

  test('the 春节 days typed in as the notice words them, or with no 名称, also mark the year as published', () => {
    // 国务院办公厅通知 says "春节：2月5日至13日放假调休": clerks write 春节假期, 春节放假, or leave 名称 empty.
    for (const name of ['春节假期', '春节放假', '']) {
      const typedIn = buildCalendar({
        overrides: ['2027-02-05', '2027-02-06', '2027-02-09'].map((day) => ({
          day: d(day),
          kind: '放假' as const,
          name,
        })),
      });
      expect(typedIn.isProvisional(2027), name).toBe(false);
    }
    // A local day off is not the State Council schedule.
    const local = buildCalendar({ overrides: [{ day: d('2027-03-02'), kind: '放假', name: '县庆' }] });
    expect(local.isProvisional(2027)).toBe(true);
  });

  test('overrides outside the covered years are ignored', () => {
    const custom = buildCalendar({ overrides: [{ day: d('2070-01-02'), kind: '放假', name: '远期' }] });
    expect(custom.isWorkday(d('2060-01-05'))).toBe(true);
  });
});

describe('range', () => {
  test('defaults to chinese-days’ first year through 2060', () => {
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBe(2060);
  });

  test('queries outside throw a RangeError naming the range', () => {
    expect(() => cal.isWorkday(d('2061-01-01'))).toThrow(/2004-01-01\.\.2060-12-31/);
    expect(() => cal.isWorkday(d('2003-12-31'))).toThrow(RangeError);
    expect(() => cal.holidayName(d('2061-01-01'))).toThrow(RangeError);
    expect(() => cal.isProvisional(2061)).toThrow(RangeError);
    expect(() => cal.addWorkdays(d('2060-12-29'), 5)).toThrow(RangeError);
    expect(() => cal.addWorkdays(d('2004-01-05'), -5)).toThrow(RangeError);
    expect(() => cal.workdaysBetween(d('2026-01-01'), d('2061-01-01'))).toThrow(RangeError);
    expect(() => cal.addWorkdays(d('2026-01-01'), 1.5)).toThrow(RangeError);
    expect(() => cal.isWorkday(0.5)).toThrow(RangeError);
  });

  test('a custom range, with years before the published data provisional', () => {
    const small = buildCalendar({ firstYear: 2000, lastYear: 2027 });
    expect(small.isProvisional(2000)).toBe(true);
    expect(small.isProvisional(2004)).toBe(false);
    expect(small.isWorkday(d('2000-01-01'))).toBe(false);
    expect(() => small.isWorkday(d('2028-01-03'))).toThrow(RangeError);
    expect(() => buildCalendar({ firstYear: 2030, lastYear: 2020 })).toThrow(RangeError);
  });
});

describe('consistency of the index with a plain walk over isWorkday', () => {
  /** The definition of addWorkdays, one day at a time. */
  function walk(day: Day, n: number): Day {
    if (n === 0) return cal.isWorkday(day) ? day : walk(day, 1);
    const step = Math.sign(n);
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (cal.isWorkday(day)) left--;
    }
    return day;
  }

  test('20,000 seeded random queries agree', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const first = d('2005-01-01');
    const span = d('2059-01-01') - first;
    for (let k = 0; k < 20_000; k++) {
      const day = first + (next() % span);
      const n = (next() % 121) - 60;
      const target = cal.addWorkdays(day, n);
      expect(target).toBe(walk(day, n));
      if (cal.isWorkday(day)) expect(cal.workdaysBetween(day, target)).toBe(n);
    }
  });
});
