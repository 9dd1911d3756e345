import type { Cell } from '../store/port';
import { dayOf, isoOf, lastDayOfMonth, partsOf, type Day } from '../calendar/day';
import { normalizeCellText, smallNumber } from '../calendar/normalize-text';

export type DateCellResult =
  | { ok: true; kind: 'date'; day: Day; text: string }
  | { ok: true; kind: 'ongoing'; text: string }
  | { ok: true; kind: 'blank' }
  | { ok: false; problem: DateCellProblem };

export interface DateCellProblem {
  cell: string;
  code: 'bad-date';
  /** Chinese, for the row's 系统提示: which cell, what was found, what is accepted. */
  message: string;
}

export interface DateCellContext {
  /** Year for forms without one (3月31日, 3月底, 年底): the ledger's year. */
  year: number;
  /** How the cell is named to users, e.g. `挂图作战表!K5` or `完成时限（第5行）`. */
  cellRef: string;
}

/** The accepted forms, in the words every date-cell problem ends with. */
export const ACCEPTED_DATE_FORMS =
  '请填写日期，如 2026-03-31、2026年3月31日、3月底、年底、上半年、三季度末，或 长期/常态化';

/** Years a date cell may name; anything else is a typo (0226, 20026) or a number that is not a date. */
export const DATE_CELL_YEARS = { first: 1990, last: 2100 } as const;

/** Excel/Sheets 1900 date system: serial 25569 is 1970-01-01 (Day 0). */
const SERIAL_OF_DAY_ZERO = 25569;

/** Words meaning "no deadline, report monthly" (SPEC §3). */
const ONGOING = new Set(['长期', '长期坚持', '持续推进', '常态化', '常态化推进']);

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** "by" suffix allowed after a definite day: 6月30日前, 3月底前, 年底前. */
const BY = '(?:之前|以前|前)?';
const YEAR = '(?:(\\d{4})年)?';

const FULL_DATE = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?${BY}$`);
const MONTH_DAY = new RegExp(`^${YEAR}${NUM}月${NUM}[日号]?${BY}$`);
const MONTH_END = new RegExp(`^${YEAR}${NUM}月份?[底末]${BY}$`);
const YEAR_END = new RegExp(`^(\\d{4})?年(?:[底末]${BY}|内)$`);
const HALF_YEAR = new RegExp(`^${YEAR}([上下])半年(?:内|[底末]${BY})?$`);
const QUARTER_END = new RegExp(`^${YEAR}第?([一二三四1-4])季度(?:内|[底末]${BY})?$`);
/** Anything that looks like a date, to tell "two dates in one cell" apart from plain free text. */
const DATE_LIKE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]?|[底末])?/g;

type Ymd = { year: number; month: number; date: number | 'end' };

/**
 * Reads a deadline cell (完成时限, 反馈时限…) in any form of SPEC §3. Never throws and never guesses:
 * anything else is a `bad-date` problem naming the cell and listing what is accepted.
 * Full-width digits and punctuation (２０２６－０３－３１) and stray spaces are accepted after normalisation;
 * a missing cell (`undefined`, as from `row.cells[header]`) is blank.
 *
 * @example
 * parseDateCell('3月底', { year: 2026, cellRef: '挂图作战表!K5' }); // { ok: true, kind: 'date', day: toDay('2026-03-31'), text: '3月底' }
 * parseDateCell('下月吧', { year: 2026, cellRef: '挂图作战表!K5' }).ok; // false
 */
export function parseDateCell(cell: Cell | undefined, ctx: DateCellContext): DateCellResult {
  if (cell === null || cell === undefined) return { ok: true, kind: 'blank' };
  if (typeof cell === 'string') return parseDateText(cell, ctx, '');
  if (typeof cell === 'number') return parseSerial(cell, ctx);
  if (typeof cell === 'boolean') return problem(ctx, `是逻辑值 ${cell ? 'TRUE' : 'FALSE'}，不是日期`);
  if ('date' in cell) return parseDateText(cell.date, ctx, '');
  if ('error' in cell) return problem(ctx, `是错误值 ${cell.error}，不是日期`);
  if ('formula' in cell) {
    const { result } = cell;
    if (result === null) return { ok: true, kind: 'blank' };
    if (typeof result === 'number') return parseSerial(result, ctx);
    if (typeof result === 'string') return parseDateText(result, ctx, '的公式结果');
    return problem(ctx, `的公式结果是逻辑值 ${result ? 'TRUE' : 'FALSE'}，不是日期`);
  }
  return problem(ctx, '无法识别');
}

function parseDateText(raw: string, ctx: DateCellContext, origin: string): DateCellResult {
  const text = raw.trim();
  const normal = normalizeCellText(text);
  if (normal === '') return { ok: true, kind: 'blank' };
  if (ONGOING.has(normal)) return { ok: true, kind: 'ongoing', text };
  const shown = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  const ymd = matchForms(normal, ctx.year);
  if (ymd === null) {
    const dates = normal.match(DATE_LIKE)?.length ?? 0;
    if (dates > 1) return problem(ctx, `${origin}${shown}含有多个日期：一个单元格只能填一个日期`);
    return problem(ctx, `${origin}${shown}无法识别`);
  }
  if (ymd.year < DATE_CELL_YEARS.first || ymd.year > DATE_CELL_YEARS.last) {
    return problem(
      ctx,
      `${origin}${shown}的年份 ${ymd.year} 不在 ${DATE_CELL_YEARS.first}–${DATE_CELL_YEARS.last} 之间`,
    );
  }
  const day =
    ymd.date === 'end'
      ? ymd.month >= 1 && ymd.month <= 12
        ? lastDayOfMonth(ymd.year, ymd.month)
        : null
      : dayOf(ymd.year, ymd.month, ymd.date);
  if (day === null) return problem(ctx, `${origin}${shown}不是有效日期（${describeImpossible(ymd)}）`);
  return { ok: true, kind: 'date', day, text };
}

function matchForms(text: string, contextYear: number): Ymd | null {
  const yearOf = (written: string | undefined) => (written ? Number(written) : contextYear);
  let m = FULL_DATE.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[3]), date: Number(m[4]) };
  if ((m = MONTH_DAY.exec(text))) return numbered(yearOf(m[1]), m[2]!, m[3]!);
  if ((m = MONTH_END.exec(text))) return numbered(yearOf(m[1]), m[2]!, 'end');
  if ((m = YEAR_END.exec(text))) return { year: yearOf(m[1]), month: 12, date: 31 };
  if ((m = HALF_YEAR.exec(text))) return { year: yearOf(m[1]), month: m[2] === '上' ? 6 : 12, date: 'end' };
  if ((m = QUARTER_END.exec(text)))
    return { year: yearOf(m[1]), month: 3 * smallNumber(m[2]!)!, date: 'end' };
  return null;
}

/** Month and day written in Arabic or Chinese numerals; a numeral that is not a number makes the text unrecognised. */
function numbered(year: number, monthText: string, dateText: string | 'end'): Ymd | null {
  const month = smallNumber(monthText);
  const date = dateText === 'end' ? 'end' : smallNumber(dateText);
  return month === null || date === null ? null : { year, month, date };
}

function describeImpossible({ year, month, date }: Ymd): string {
  if (month < 1 || month > 12) return `没有${month}月`;
  return `${year}年${month}月没有${date}日`;
}

function parseSerial(serial: number, ctx: DateCellContext): DateCellResult {
  const day = Math.floor(serial) - SERIAL_OF_DAY_ZERO;
  const year = Number.isFinite(serial) ? partsOf(Math.max(-1e6, Math.min(1e6, day))).year : NaN;
  if (!(year >= DATE_CELL_YEARS.first && year <= DATE_CELL_YEARS.last)) {
    return problem(ctx, `填的是数字 ${serial}，不是日期`);
  }
  return { ok: true, kind: 'date', day, text: isoOf(day) };
}

function problem(ctx: DateCellContext, what: string): DateCellResult {
  return {
    ok: false,
    problem: {
      cell: ctx.cellRef,
      code: 'bad-date',
      message: `${ctx.cellRef}${what}：${ACCEPTED_DATE_FORMS}`,
    },
  };
}
