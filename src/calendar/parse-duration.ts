import { normalizeCellText, smallNumber } from './normalize-text';

/** A time limit as written: working days are counted on the calendar, days and months on the civil calendar. */
export type Duration =
  { unit: 'workdays'; n: number } | { unit: 'days'; n: number } | { unit: 'months'; n: number };

const WITHIN = '(?:内|以内|之内)?';
const COUNT = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
const FORMS: Array<[RegExp, (n: number) => Duration]> = [
  [new RegExp(`^${COUNT}个?工作日${WITHIN}$`), (n) => ({ unit: 'workdays', n })],
  [new RegExp(`^${COUNT}[天日]${WITHIN}$`), (n) => ({ unit: 'days', n })],
  [new RegExp(`^${COUNT}个?(?:周|星期|礼拜)${WITHIN}$`), (n) => ({ unit: 'days', n: 7 * n })],
  [new RegExp(`^${COUNT}个?月${WITHIN}$`), (n) => ({ unit: 'months', n })],
];
const HALF_MONTH = new RegExp(`^半个?月${WITHIN}$`);

/**
 * Reads a typed time limit: `N个工作日`, `N天` / `N日`, `N周` (7N days), `半个月` (15 days), `N个月` / `1月`,
 * each optionally followed by 内/以内/之内, with Arabic or Chinese numerals (三个工作日). Null for anything else,
 * including zero counts.
 *
 * @example
 * parseDuration('5个工作日内'); // { unit: 'workdays', n: 5 }
 * parseDuration('半个月'); // { unit: 'days', n: 15 }
 */
export function parseDuration(text: string): Duration | null {
  const normal = normalizeCellText(text);
  if (HALF_MONTH.test(normal)) return { unit: 'days', n: 15 };
  for (const [form, make] of FORMS) {
    const m = form.exec(normal);
    if (!m) continue;
    const n = smallNumber(m[1]!);
    return n === null || n < 1 ? null : make(n);
  }
  return null;
}
