/** The XML of a whole system-owned tab (the monthly 通报), written fresh: values, fills, merges, widths, bold rows; a binary (latin1) string like every worksheet the driver holds (see cell-xml.ts). */
import { parseRange } from '../../grid/a1';
import type { TabWrite } from '../../port';
import { cellXml } from './cell-xml';
import { columnLetter as columnLetters } from '../../grid/a1';
import type { Styles } from './styles';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A worksheet part for `tab`. Strings are inline text, never formulas; every written cell gets a 宋体 11 style
 * (bold on `boldRows`) and its fill from `tab.fills`.
 * @example tabXml(bulletinTab(bulletin), styles)
 */
export function tabXml(tab: TabWrite, styles: Styles): string {
  const bold = new Set(tab.boldRows ?? []);
  const fills = new Map(Object.entries(tab.fills ?? {}).map(([a, rgb]) => [a.toUpperCase(), rgb]));
  const rows: string[] = [];
  let width = 1;
  const height = Math.max(tab.rows.length, ...[...fills.keys()].map((a) => parseRange(`${a}:${a}`).bottom));
  for (let r = 1; r <= height; r++) {
    const values = tab.rows[r - 1] ?? [];
    const cells: string[] = [];
    const last = Math.max(
      values.length,
      ...[...fills.keys()]
        .map((a) => parseRange(`${a}:${a}`))
        .filter((x) => x.top === r)
        .map((x) => x.left),
    );
    for (let c = 1; c <= last; c++) {
      const ref = `${columnLetters(c)}${r}`;
      const value = values[c - 1] ?? null;
      const fill = fills.get(ref) ?? null;
      if (value === null && fill === null) continue;
      cells.push(cellXml(ref, styles.plain(bold.has(r), fill), value));
      width = Math.max(width, c);
    }
    if (cells.length) rows.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  const cols = (tab.widths ?? [])
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const merges = tab.merges ?? [];
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="A1:${columnLetters(width)}${Math.max(1, height)}"/>`,
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>',
    cols ? `<cols>${cols}</cols>` : '',
    `<sheetData>${rows.join('')}</sheetData>`,
    merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '</worksheet>',
  ].join('');
}
