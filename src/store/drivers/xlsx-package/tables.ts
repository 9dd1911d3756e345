/**
 * Excel tables (套用表格格式 / Ctrl+T, WPS 超级表) on a worksheet rows were appended to. Excel grows a table only when
 * someone types just below it; rows written into the file land outside it, so a clerk who sorts or filters the
 * table leaves them behind and they lose its banding. A table whose last row is just above rows the write appended
 * grows over them: its `ref` and its own `<autoFilter ref>` get the new bottom row, and nothing else in the table
 * part changes. A table with a totals row is left as it is (the rows went below the totals).
 */
import { posix } from 'node:path';
import { columnLetter, parseRange } from '../../grid/a1';
import { relsOf, type PartText } from './workbook-part';
import { attr, withAttr, xmlElements } from './xml-text';

const TABLE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

/** Rows appended to a worksheet by one write: [first, last] pairs, in the order they were appended. */
export type AppendedRows = Array<[first: number, last: number]>;

/**
 * The new texts of the tables of worksheet `sheetPart` that grow over the rows appended; {} when none grows.
 * @example grownTables('xl/worksheets/sheet5.xml', [[9, 11]], text) // { 'xl/tables/table1.xml': '<table … ref="A1:J11">…' }
 */
export function grownTables(
  sheetPart: string,
  appended: AppendedRows,
  text: PartText,
): Record<string, string> {
  const rels = text(relsOf(sheetPart));
  if (rels === null) return {};
  const edits: Record<string, string> = {};
  for (const rel of xmlElements(rels, relsOf(sheetPart), ['Relationship'])) {
    if (rel.attributes.Type !== TABLE_TYPE || rel.attributes.TargetMode === 'External') continue;
    const target = rel.attributes.Target ?? '';
    const part = target.startsWith('/')
      ? target.slice(1)
      : posix.normalize(posix.join(posix.dirname(sheetPart), target));
    const table = text(part);
    const grown = table === null ? null : grownTable(table, appended);
    if (grown !== null) edits[part] = grown;
  }
  return edits;
}

/** A table part's text grown over the appended rows just below it, or null when it does not grow. */
function grownTable(xml: string, appended: AppendedRows): string | null {
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(xml);
  const ref = open ? attr(open[0], 'ref') : undefined;
  if (!open || !ref?.includes(':')) return null;
  if (Number(attr(open[0], 'totalsRowCount') ?? 0) > 0) return null;
  const range = parseRange(ref);
  const bottom = bottomAfter(range.bottom, appended);
  if (bottom === range.bottom) return null;
  const grow = (r: string) => {
    const own = parseRange(r);
    return own.bottom === range.bottom
      ? `${columnLetter(own.left)}${own.top}:${columnLetter(own.right)}${bottom}`
      : r;
  };
  let out = xml.slice(0, open.index) + withAttr(open[0], 'ref', grow(ref));
  let rest = xml.slice(open.index + open[0].length);
  // The table's own filter: the first <autoFilter> after the start tag (a table holds at most one).
  const filter = /<(?:\w+:)?autoFilter\b[^>]*>/.exec(rest);
  const filterRef = filter ? attr(filter[0], 'ref') : undefined;
  if (filter && filterRef?.includes(':')) {
    out += rest.slice(0, filter.index) + withAttr(filter[0], 'ref', grow(filterRef));
    rest = rest.slice(filter.index + filter[0].length);
  }
  return out + rest;
}

/** The last row of the appended rows that run on from `bottom` without a gap; `bottom` when none starts below it. */
export function bottomAfter(bottom: number, appended: AppendedRows): number {
  let last = bottom;
  for (let grown = true; grown; ) {
    grown = false;
    for (const [first, end] of appended)
      if (first <= last + 1 && end > last) {
        last = end;
        grown = true;
      }
  }
  return last;
}
