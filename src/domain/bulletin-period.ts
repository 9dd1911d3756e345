import { z } from 'zod';

/** The span a 通报 covers: a month, a quarter (seed 002 §四(二)) or a year (seed 001 §四(二)). */
export interface BulletinPeriod {
  kind: 'month' | 'quarter' | 'year';
  year: number;
  /** The months summed, in order (one for a month). */
  months: number[];
  /** How the period is written in Chinese: 2026年10月, 2026年第三季度, 2026年度. */
  label: string;
}

const QUARTERS = ['一', '二', '三', '四'] as const;

const periodText = z.union([
  z.string().regex(/^\d{4}-(0?[1-9]|1[0-2])$/),
  z.string().regex(/^\d{4}[Qq][1-4]$/),
  z.string().regex(/^\d{4}$/),
]);

/**
 * Read `2026-10`, `2026Q3` or `2026` as a period; null for anything else.
 *
 * @example
 * parsePeriod('2026Q3'); // { kind: 'quarter', year: 2026, months: [7, 8, 9], label: '2026年第三季度' }
 */
export function parsePeriod(text: string): BulletinPeriod | null {
  const t = text.trim();
  if (!periodText.safeParse(t).success) return null;
  const year = Number(t.slice(0, 4));
  if (t.length === 4) return yearPeriod(year);
  if (/q/i.test(t)) return quarterPeriod(year, Number(t.slice(5)));
  return monthPeriod(year, Number(t.slice(5)));
}

/** @example monthPeriod(2026, 10).label; // '2026年10月' */
export function monthPeriod(year: number, month: number): BulletinPeriod {
  return { kind: 'month', year, months: [month], label: `${year}年${month}月` };
}

/** @example quarterPeriod(2026, 3).months; // [7, 8, 9] */
export function quarterPeriod(year: number, quarter: number): BulletinPeriod {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    year,
    months: [first, first + 1, first + 2],
    label: `${year}年第${QUARTERS[quarter - 1]}季度`,
  };
}

/** @example yearPeriod(2026).label; // '2026年度' */
export function yearPeriod(year: number): BulletinPeriod {
  return { kind: 'year', year, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], label: `${year}年度` };
}

/** What the CLI and error messages say a period may look like. */
export const PERIOD_FORMATS = '月份 2026-10、季度 2026Q3 或年度 2026';
