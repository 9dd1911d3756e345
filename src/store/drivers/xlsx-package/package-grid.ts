import { isTyped, cellText } from '../../grid/cell-text';
import { SHEET_ROW_LIMIT, type SheetGrid } from '../../grid/sheet-grid';
import type { Cell, Fill, PlainWrite } from '../../port';
import { formatOf, isDateCell, serialOf } from '../../grid/date-cell';
import { decodeCell, hasValue, richCellXml, styleOf, type CellContext } from './cell-xml';
import { columnLetter as columnLetters } from '../../grid/a1';
import { cellTags, decodeCellBytes, styleOfCellAt } from './cell-decode';
import { ABSENT, PATCHED, type ColumnInfo, type SheetXml } from './sheet-xml';
import type { Styles } from './styles';
import { attr, isTrue, withAttr } from './xml-text';

/** Points per line of wrapped 10–11 pt text, Excel's largest row height, the default row height and column width. */
const LINE_POINTS = 13.5;
const MAX_HEIGHT = 409;
const ROW_HEIGHT = 15;
const COLUMN_WIDTH = 9;

/** What the package is told of a grid's writes. */
export interface PackageGridEvents {
  /** A write replaced a formula cell (the package then drops Excel's calculation chain, calc-chain.ts). */
  formulaReplaced?(): void;
  /** Rows were appended (the package grows an Excel table ending just above them, tables.ts). */
  rowsAppended?(first: number, last: number): void;
}

/**
 * The SheetGrid view of a worksheet part: reads decode the <c> elements in place, writes replace single <c>
 * elements (a new fill is a new style appended to styles.xml). Nothing else in the part changes.
 * @example readTab(packageGrid('挂图作战表', sheet, styles, ctx), spec)
 */
export function packageGrid(
  name: string,
  sheet: SheetXml,
  styles: Styles,
  ctx: CellContext,
  events: PackageGridEvents = {},
): SheetGrid {
  const p = sheet.prefix;
  const ref = (row: number, column: number) => `${columnLetters(column)}${row}`;
  const xmlAt = (row: number, column: number) => sheet.cellXml(row, column);
  const tags = cellTags(p);
  const value = (row: number, column: number): Cell => {
    const at = sheet.sourceCell(row, column);
    if (at === ABSENT) return null;
    if (at !== PATCHED) {
      const cell = decodeCellBytes(sheet.xml, sheet.cellStartAt(at), tags, ctx);
      if (cell !== undefined) return cell;
    }
    return decodeCell(xmlAt(row, column)!, ctx);
  };
  const columnInfos: Array<ColumnInfo | undefined> = [];
  /** The <col> of a column, looked up once per column: it is asked for every cell written. */
  const columnInfo = (column: number): ColumnInfo | undefined => {
    if (!(column in columnInfos))
      columnInfos[column] = sheet.columns.find((c) => c.min <= column && column <= c.max);
    return columnInfos[column];
  };
  /** The style of a row start tag that sets one (customFormat), else null; the last tag asked about is remembered. */
  let styledOpen: string | null = null;
  let styledOpenStyle: number | null = null;
  const rowStyle = (open: string): number | null => {
    if (open !== styledOpen) {
      styledOpen = open;
      styledOpenStyle = isTrue(attr(open, 'customFormat')) ? Number(attr(open, 's') ?? 0) : null;
    }
    return styledOpenStyle;
  };
  /** The style a cell written gets: its own, or for a new cell the row's style when it has one, else the column's. */
  const styleAt = (row: number, column: number): number => {
    const own = sheet.cellStyle(row, column);
    if (own >= 0) return own;
    const open = sheet.rowOpen(row);
    const style = open ? rowStyle(open) : null;
    return style ?? columnInfo(column)?.style ?? 0;
  };
  const write = (row: number, column: number, style: number, v: PlainWrite) => {
    if (sheet.cellHasFormula(row, column)) events.formulaReplaced?.();
    sheet.setCell(row, column, style, v);
  };

  /** Grow the row so a wrapped cell just written (in `style`) shows all its lines; never shrinks. */
  const fitRow = (row: number, column: number, style: number, text: string) => {
    if (!styles.wraps(style) && !styles.wraps(columnInfo(column)?.style ?? 0)) return;
    const width = columnInfo(column)?.width ?? COLUMN_WIDTH;
    const lines = text
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(unitsOf(line) / Math.max(1, width - 1))), 0);
    if (lines <= 1) return;
    const needed = Math.min(MAX_HEIGHT, Math.ceil(lines * LINE_POINTS + 4));
    const open = sheet.rowOpen(row) ?? `<${p}row r="${row}">`;
    if (needed > Number(attr(open, 'ht') ?? ROW_HEIGHT))
      sheet.setRowOpen(row, withAttr(withAttr(open, 'ht', String(needed)), 'customHeight', '1'));
  };

  return {
    name,
    maxRow: SHEET_ROW_LIMIT,
    lastRow() {
      const rows = [...sheet.rows.keys()].sort((a, b) => b - a);
      for (const r of rows)
        for (const c of sheet.cellColumns(r)) {
          const xml = xmlAt(r, c)!;
          if (hasValue(xml) && isTyped(decodeCell(xml, ctx))) return r;
        }
      return 0;
    },
    lastColumn: () => sheet.lastColumnWhere(hasValue),
    value,
    fill(row, column) {
      const at = sheet.sourceCell(row, column);
      if (at === ABSENT) return null;
      const style = at === PATCHED ? -1 : styleOfCellAt(sheet.xml, sheet.cellStartAt(at));
      return styles.fillOf(style >= 0 ? style : styleOf(xmlAt(row, column)!));
    },
    merges: () => sheet.merges,
    rowsAppended: (first, last) => events.rowsAppended?.(first, last),
    setValue(row, column, v) {
      if (isDateCell(v)) {
        // A serial in a date (-time) style: Excel and WPS sort and filter it as a date, not as text.
        write(
          row,
          column,
          styles.withDateFormat(styleAt(row, column), formatOf(v)),
          serialOf(v, ctx.date1904),
        );
        return;
      }
      const style = styleAt(row, column);
      write(row, column, style, v);
      if (typeof v === 'string') fitRow(row, column, style, v);
    },
    setFill(row, column, fill: Fill) {
      // A cell with only its style when there is none: `restyled` of that is the same cell in the new style.
      const style = styleAt(row, column);
      if (!sheet.restyleCell(row, column, styles.withFill(style, fill)))
        sheet.setCell(row, column, styles.withFill(style, fill), null);
    },
    appendText(row, column, text) {
      const xml = xmlAt(row, column);
      const style = styleAt(row, column);
      const old = xml ? decodeCell(xml, ctx) : null;
      const runs =
        xml && /\bt="s"/.test(xml) ? ctx.shared(Number(/<(?:\w+:)?v>(\d+)</.exec(xml)?.[1])).runs : null;
      if (runs) {
        sheet.setCellXml(row, column, richCellXml(ref(row, column), style, runs, `\n${text}`, p));
        return;
      }
      const before = cellText(old);
      write(row, column, style, before.trim() === '' ? text : `${before}\n${text}`);
    },
    styleRowLike(row, like) {
      const source = sheet.rowOpen(like);
      if (!source) return;
      let open = sheet.rowOpen(row) ?? `<${p}row r="${row}">`;
      for (const name of ['ht', 'customHeight']) {
        const value = attr(source, name) ?? null;
        // withAttr of nothing on a tag without the attribute is the tag: no regex for each ledger row appended.
        if (value !== null || open.includes(`${name}="`)) open = withAttr(open, name, value);
      }
      sheet.setRowOpen(row, open);
      for (const column of sheet.cellColumns(like)) {
        const style = sheet.cellStyle(like, column);
        if (style <= 0) continue;
        const bare = styles.withFill(style, null);
        if (!sheet.restyleCell(row, column, bare)) sheet.setCell(row, column, bare, null);
      }
    },
  };
}

/** Width of text in Excel column units: a CJK character takes about two. */
function unitsOf(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1.1;
  return units;
}
