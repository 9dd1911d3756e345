/**
 * A worksheet's own filter (数据 → 筛选 on a ledger tab, without an Excel table): rows written into the file just below
 * its range would land outside it, and a clerk who filters the 文书登记 or 审计日志 would not see them. The filter's
 * range grows over rows appended just below it, as tables do (tables.ts), and so does the hidden name Excel and
 * LibreOffice keep for it (`_xlnm._FilterDatabase`, one per sheet). Nothing else in either part changes.
 */
import { columnLetter, parseRange } from '../../grid/a1';
import { bottomAfter, type AppendedRows } from './tables';
import { attr, withAttr } from './xml-text';

/** The sheet-level `<autoFilter>`: the first after `</sheetData>` (a table's filter is in the table's own part). */
const FILTER = /<(?:\w+:)?autoFilter\b[^>]*>/;

/**
 * The text after a worksheet's rows with its filter grown over the appended rows, and the filter's bottom row before
 * and after; null when the sheet has no filter or the rows are not just below it.
 * @example grownSheetFilter('</sheetData><autoFilter ref="A1:K20"/>…', [[21, 23]]) // { tail: '…ref="A1:K23"…', from: 20, to: 23 }
 */
export function grownSheetFilter(
  tail: string,
  appended: AppendedRows,
): { tail: string; from: number; to: number } | null {
  const filter = FILTER.exec(tail);
  const ref = filter ? attr(filter[0], 'ref') : undefined;
  // A1:K20 only: a whole-column filter (A:K) already holds any row appended.
  if (!filter || !ref || !/^[A-Z]+\d+:[A-Z]+\d+$/.test(ref)) return null;
  const range = parseRange(ref);
  const to = bottomAfter(range.bottom, appended);
  if (to === range.bottom) return null;
  const grown = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${to}`;
  const tag = withAttr(filter[0], 'ref', grown);
  return {
    tail: tail.slice(0, filter.index) + tag + tail.slice(filter.index + filter[0].length),
    from: range.bottom,
    to,
  };
}

/**
 * workbook.xml with the `_xlnm._FilterDatabase` name of the sheet at `sheetIndex` (0-based, its localSheetId) moved from
 * bottom row `from` to `to`; null when the workbook has no such name or it ends elsewhere.
 * @example grownFilterName(workbook, 3, 20, 23) // …>'文书登记'!$A$1:$K$23</definedName>…
 */
export function grownFilterName(workbook: string, sheetIndex: number, from: number, to: number): string | null {
  const names = /<((?:\w+:)?)definedName\b([^>]*)>([^<]*)<\/\1definedName>/g;
  for (let m = names.exec(workbook); m; m = names.exec(workbook)) {
    const open = `<definedName${m[2]}>`;
    if (attr(open, 'name') !== '_xlnm._FilterDatabase' || attr(open, 'localSheetId') !== String(sheetIndex))
      continue;
    const value = m[3]!;
    const bang = value.lastIndexOf('!');
    const range = /^(\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?)(\d+)$/.exec(value.slice(bang + 1));
    if (!range || Number(range[2]) !== from) return null;
    const grown = `${value.slice(0, bang + 1)}${range[1]}${to}`;
    const at = m.index + m[0].length - `</${m[1]}definedName>`.length - value.length;
    return workbook.slice(0, at) + grown + workbook.slice(at + value.length);
  }
  return null;
}
