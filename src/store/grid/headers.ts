/**
 * Header mapping shared by every driver: columns are found by header text, never by position.
 *
 * Rules for keys (one or two header rows):
 * - Header text is normalised: whitespace next to a Chinese character is removed (`完成\n时限` → `完成时限`),
 *   other whitespace runs become one space, ends are trimmed.
 * - One header row: the key is the cell text.
 * - Two header rows, per column:
 *   - a header merged vertically over both rows, or with row 2 empty → the row-1 text;
 *   - row 1 empty → the row-2 text;
 *   - a row-1 month group (`3月`, `3月份`, `三月`, merged over its sub-columns) → `3月/<row-2 text>`;
 *   - any other row-1 group (e.g. `系统列` merged over 状态, 预警…) → the row-2 text alone, unless that row-2 text
 *     occurs under more than one such group, in which case every one of them becomes `<group>/<row-2 text>`
 *     (so `承办单位主要负责人/意见` and `分管领导/意见` stay apart).
 *   Only merged cells form groups: a row-1 label spreads to the columns its merge covers, nothing else.
 * - Columns without header text are ignored. Unknown headers are kept (they appear in `headers` and `cells`).
 * - A key found twice is a `duplicate-header` problem; the first column keeps the key, later ones are ignored.
 */
import { columnLetter, type CellRange } from './a1';
import { cellText } from './cell-text';
import type { TabProblem } from '../port';
import type { SheetGrid } from './sheet-grid';

export type HeaderSource = Pick<SheetGrid, 'value' | 'lastColumn' | 'merges'>;

export interface HeaderLayout {
  tab: string;
  headerRows: 1 | 2;
  /** Header keys in column order. */
  keys: string[];
  /** Header key → 1-based column. */
  columns: Map<string, number>;
  problems: TabProblem[];
}

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F';
const SPACE_NEXT_TO_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');
const CHINESE_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * Header text as a key: whitespace inside Chinese text removed, other runs collapsed, ends trimmed.
 * @example normalizeHeader(' 完成\n时限 ') // '完成时限'
 * @example normalizeHeader('key  value') // 'key value'
 */
export function normalizeHeader(text: string): string {
  return text.replace(SPACE_NEXT_TO_CJK, '').replace(/\s+/g, ' ').trim();
}

/**
 * `N月` when the text names a month group, else null.
 * @example monthGroup('3月份') // '3月'
 * @example monthGroup('十二月') // '12月'
 */
export function monthGroup(text: string): string | null {
  const m = /^(\d{1,2}|[一二三四五六七八九十]{1,3})月份?$/.exec(text);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : CHINESE_MONTHS.indexOf(m[1]!) + 1;
  return n >= 1 && n <= 12 ? `${n}月` : null;
}

/**
 * How many header rows a tab has when nobody said: 2 when a row-1 merge reaches into row 2
 * or spans columns above row-2 text (a group), else 1.
 */
export function detectHeaderRows(grid: HeaderSource): 1 | 2 {
  for (const m of grid.merges()) {
    if (m.top !== 1) continue;
    if (m.bottom >= 2) return 2;
    if (m.right > m.left) {
      for (let c = m.left; c <= m.right; c++)
        if (normalizeHeader(cellText(grid.value(2, c))) !== '') return 2;
    }
  }
  return 1;
}

/**
 * Map the header row(s) of a tab to keys and report duplicate and missing headers.
 * @example
 * const layout = mapHeaders(grid, '挂图作战表', 2, ['编号', '完成时限']);
 * layout.columns.get('3月/完成情况') // → 1-based column, wherever staff moved it
 */
export function mapHeaders(
  grid: HeaderSource,
  tab: string,
  headerRows: 1 | 2,
  required: readonly string[] = [],
): HeaderLayout {
  const raw = headerRows === 1 ? oneRowKeys(grid) : twoRowKeys(grid);
  const keys: string[] = [];
  const columns = new Map<string, number>();
  const seen = new Map<string, number[]>();
  raw.forEach((key, index) => {
    if (key === '') return;
    const column = index + 1;
    const at = seen.get(key);
    if (at) {
      at.push(column);
      return;
    }
    seen.set(key, [column]);
    keys.push(key);
    columns.set(key, column);
  });
  const problems: TabProblem[] = [];
  for (const [key, at] of seen) {
    if (at.length < 2) continue;
    problems.push({
      tab,
      code: 'duplicate-header',
      header: key,
      message: `「${tab}」的表头「${key}」出现了 ${at.length} 次（第 ${at.map(columnLetter).join('、')} 列），系统只使用第 ${columnLetter(at[0]!)} 列；请删除或改名重复的列。`,
    });
  }
  for (const wanted of required) {
    const key = normalizeHeader(wanted);
    if (columns.has(key)) continue;
    problems.push({
      tab,
      code: 'missing-header',
      header: key,
      message: `「${tab}」缺少表头「${key}」，请在表头行补上这一列（列的位置可以任意）。`,
    });
  }
  return { tab, headerRows, keys, columns, problems };
}

/** The problem for a tab that is not in the workbook. */
export function missingTabProblem(tab: string): TabProblem {
  return {
    tab,
    code: 'missing-tab',
    message: `找不到工作表「${tab}」，请按模板添加这个工作表（名称需完全一致）。`,
  };
}

function headerText(grid: HeaderSource, row: number, column: number): string {
  return normalizeHeader(cellText(grid.value(row, column)));
}

function oneRowKeys(grid: HeaderSource): string[] {
  const width = grid.lastColumn();
  const keys: string[] = [];
  for (let c = 1; c <= width; c++) keys.push(headerText(grid, 1, c));
  return keys;
}

interface ColumnHeader {
  top: string;
  sub: string;
  /** The row-1 merge spanning several columns that this column sits under, if any. */
  group: CellRange | null;
}

function twoRowKeys(grid: HeaderSource): string[] {
  const headers = twoRowHeaders(grid);
  const keys = headers.map(function firstPass({ top, sub, group }, index) {
    if (sub === '') return group && group.left !== index + 1 ? '' : top;
    if (top === '') return sub;
    const month = monthGroup(top);
    return month ? `${month}/${sub}` : sub;
  });
  // A sub-header repeated under several non-month groups is qualified by its group so each key stays unique.
  const groupedSubs = new Map<string, number>();
  headers.forEach(({ top, sub }, i) => {
    if (top !== '' && sub !== '' && !monthGroup(top) && keys[i] === sub)
      groupedSubs.set(sub, (groupedSubs.get(sub) ?? 0) + 1);
  });
  return keys.map((key, i) => {
    const { top, sub } = headers[i]!;
    return top !== '' && key === sub && (groupedSubs.get(sub) ?? 0) > 1 ? `${top}/${sub}` : key;
  });
}

function twoRowHeaders(grid: HeaderSource): ColumnHeader[] {
  const width = grid.lastColumn();
  const headers: ColumnHeader[] = [];
  for (let c = 1; c <= width; c++) headers.push({ top: headerText(grid, 1, c), sub: '', group: null });
  const vertical = new Set<number>();
  const subHidden = new Set<number>();
  for (const m of grid.merges()) {
    if (m.top === 1) {
      const text = headerText(grid, 1, m.left);
      for (let c = m.left; c <= Math.min(m.right, width); c++) {
        const h = headers[c - 1]!;
        h.top = text;
        if (m.right > m.left) h.group = m;
        if (m.bottom >= 2) vertical.add(c);
      }
    } else if (m.top === 2 && m.right > m.left) {
      // A sub-header merged across columns names only its first column.
      for (let c = m.left + 1; c <= m.right; c++) subHidden.add(c);
    }
  }
  for (let c = 1; c <= width; c++) {
    if (!vertical.has(c) && !subHidden.has(c)) headers[c - 1]!.sub = headerText(grid, 2, c);
  }
  return headers;
}
