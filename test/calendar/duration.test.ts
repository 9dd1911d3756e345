import { describe, expect, test } from 'vitest';
import {
  applyDuration,
  defaultCalendar,
  isoOf,
  parseDuration,
  toDay,
  type Duration,
} from '../../src/calendar';

const cal = defaultCalendar();

describe('parseDuration', () => {
  const cases: Array<[string, Duration | null]> = [
    ['5个工作日', { unit: 'workdays', n: 5 }],
    ['10个工作日内', { unit: 'workdays', n: 10 }],
    ['20个工作日', { unit: 'workdays', n: 20 }],
    ['三个工作日', { unit: 'workdays', n: 3 }],
    ['3工作日', { unit: 'workdays', n: 3 }],
    ['１０个工作日', { unit: 'workdays', n: 10 }],
    [' 5 个 工作日 ', { unit: 'workdays', n: 5 }],
    ['1天', { unit: 'days', n: 1 }],
    ['7天', { unit: 'days', n: 7 }],
    ['3天内', { unit: 'days', n: 3 }],
    ['3日内', { unit: 'days', n: 3 }],
    ['15日', { unit: 'days', n: 15 }],
    ['十五天以内', { unit: 'days', n: 15 }],
    ['1周', { unit: 'days', n: 7 }],
    ['2周', { unit: 'days', n: 14 }],
    ['两周', { unit: 'days', n: 14 }],
    ['一周内', { unit: 'days', n: 7 }],
    ['1个星期', { unit: 'days', n: 7 }],
    ['半个月', { unit: 'days', n: 15 }],
    ['半月', { unit: 'days', n: 15 }],
    ['半个月内', { unit: 'days', n: 15 }],
    ['1个月', { unit: 'months', n: 1 }],
    ['1月', { unit: 'months', n: 1 }],
    ['1月内', { unit: 'months', n: 1 }],
    ['3个月', { unit: 'months', n: 3 }],
    ['一个月之内', { unit: 'months', n: 1 }],
    ['', null],
    ['尽快', null],
    ['0天', null],
    ['0个工作日', null],
    ['1个半月', null],
    ['周', null],
    ['个月', null],
    ['-1天', null],
    ['1.5天', null],
    ['5个工作日后', null],
    ['2026-03-31', null],
  ];
  test.each(cases)('%j → %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });
});

describe('applyDuration', () => {
  const from = (iso: string) => toDay(iso);
  const apply = (iso: string, text: string, rollToWorkday?: boolean) =>
    isoOf(
      applyDuration(
        cal,
        from(iso),
        parseDuration(text)!,
        rollToWorkday === undefined ? {} : { rollToWorkday },
      ),
    );

  test('working days skip the Spring Festival break and count the make-up Saturday', () => {
    expect(apply('2026-02-13', '5个工作日')).toBe('2026-02-27');
    expect(apply('2026-02-12', '1个工作日')).toBe('2026-02-13');
  });

  test('calendar days landing on a holiday roll to the next working day unless disabled', () => {
    expect(apply('2026-09-24', '7天')).toBe('2026-10-08');
    expect(apply('2026-09-24', '7天', false)).toBe('2026-10-01');
    expect(apply('2026-02-01', '半个月')).toBe('2026-02-24');
    expect(apply('2026-02-01', '半个月', false)).toBe('2026-02-16');
    expect(apply('2026-03-02', '3天')).toBe('2026-03-05');
  });

  test('a make-up Saturday is a valid landing day', () => {
    expect(apply('2026-02-07', '1周')).toBe('2026-02-14');
  });

  test('months keep the day of month, clamped to the month’s end', () => {
    expect(apply('2026-01-31', '1个月')).toBe('2026-02-28');
    expect(apply('2026-03-31', '1个月')).toBe('2026-04-30');
    expect(apply('2026-12-31', '1个月')).toBe('2027-02-01');
    expect(apply('2026-12-31', '1个月', false)).toBe('2027-01-31');
    expect(apply('2026-11-15', '3个月')).toBe('2027-02-15');
    expect(apply('2027-11-30', '3个月', false)).toBe('2028-02-29');
  });
});
