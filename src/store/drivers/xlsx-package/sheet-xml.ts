/**
 * A worksheet part as text with an index of where each row and cell is, and the cells and rows the driver changed.
 * Serialising copies every untouched row and everything outside <sheetData> as it was; only changed cells (and the
 * <row> tags whose height changed, and <dimension> when rows were added) are new text.
 */
import { columnLetter as columnLetters, parseRange, type CellRange } from '../../grid/a1';
import { CorruptPartError, attr, withAttr, xmlElements } from './xml-text';

export interface RowData {
  r: number;
  /** Offsets of `<row …>…</row>` in the source; -1 for a row the driver added. */
  start: number;
  end: number;
  open: string;
  /** Source cells: columns ascending, and their [start, end) offsets. */
  cols: number[];
  spans: number[];
  /** Changed or added cells by column, as their new XML. */
  patched: Map<number, string> | null;
  dirty: boolean;
}

export interface ColumnInfo {
  min: number;
  max: number;
  width?: number;
  style?: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

export class SheetXml {
  readonly rows = new Map<number, RowData>();
  readonly merges: CellRange[] = [];
  readonly columns: ColumnInfo[] = [];
  /** Namespace prefix of the part's elements ('' or e.g. 'x:'). */
  readonly prefix: string;
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly selfClosed: boolean;
  private changed = false;

  constructor(
    readonly xml: string,
    readonly part: string,
  ) {
    const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!open) throw new CorruptPartError(part, 'no <sheetData> element');
    const p = open[1] ?? '';
    this.prefix = p;
    this.selfClosed = open[2] === '/';
    this.dataStart = open.index + open[0].length;
    this.dataEnd = this.selfClosed ? this.dataStart : this.scanRows(this.dataStart);
    // Everything but the rows must be well-formed too; the rows were checked by the scan above.
    const outside = this.selfClosed ? xml : xml.slice(0, this.dataStart) + xml.slice(this.dataEnd);
    for (const el of xmlElements(outside, part, ['mergeCell', 'col'])) {
      if (el.name === 'mergeCell' && el.attributes.ref) {
        const ref = el.attributes.ref.includes(':')
          ? el.attributes.ref
          : `${el.attributes.ref}:${el.attributes.ref}`;
        this.merges.push(parseRange(ref));
      } else if (el.name === 'col') {
        const width = el.attributes.width;
        const style = el.attributes.style;
        this.columns.push({
          min: Number(el.attributes.min),
          max: Number(el.attributes.max),
          ...(width ? { width: Number(width) } : {}),
          ...(style ? { style: Number(style) } : {}),
        });
      }
    }
  }

  /** Index the rows of <sheetData>; returns the offset of `</sheetData>`. */
  private scanRows(from: number): number {
    const { xml, prefix: p } = this;
    const rowTag = new RegExp(`\\s*<${p}row\\b[^>]*?(/?)>`, 'y');
    const cellTag = new RegExp(`\\s*<${p}c\\b[^>]*?(/?)>`, 'y');
    const rowClose = `</${p}row>`;
    const cellClose = `</${p}c>`;
    let at = from;
    let lastRow = 0;
    for (;;) {
      rowTag.lastIndex = at;
      const m = rowTag.exec(xml);
      if (!m) break;
      const start = m.index + m[0].indexOf('<');
      const open = m[0].slice(m[0].indexOf('<'));
      const r = Number(attr(open, 'r') ?? lastRow + 1);
      if (!(r > lastRow)) throw new CorruptPartError(this.part, `row ${r} is out of order`);
      lastRow = r;
      const row: RowData = { r, start, end: 0, open, cols: [], spans: [], patched: null, dirty: false };
      at = rowTag.lastIndex;
      if (!m[1]) {
        const close = xml.indexOf(rowClose, at);
        if (close < 0) throw new CorruptPartError(this.part, `row ${r} is not closed`);
        let lastCol = 0;
        for (;;) {
          cellTag.lastIndex = at;
          const c = cellTag.exec(xml);
          if (!c || c.index >= close) break;
          const cellStart = c.index + c[0].indexOf('<');
          const ref = attr(c[0], 'r');
          const col = ref ? columnNumber(ref) : lastCol + 1;
          if (!(col > lastCol))
            throw new CorruptPartError(this.part, `cell ${ref} is out of order in row ${r}`);
          lastCol = col;
          let cellEnd = cellTag.lastIndex;
          if (!c[1]) {
            const end = xml.indexOf(cellClose, cellEnd);
            if (end < 0 || end > close)
              throw new CorruptPartError(this.part, `cell ${ref ?? col} is not closed`);
            cellEnd = end + cellClose.length;
          }
          row.cols.push(col);
          row.spans.push(cellStart, cellEnd);
          at = cellEnd;
        }
        const rest = xml.slice(at, close).trim();
        if (rest && !rest.startsWith(`<${p}extLst`))
          throw new CorruptPartError(this.part, `unexpected content in row ${r}: ${rest.slice(0, 40)}`);
        at = close + rowClose.length;
      }
      row.end = at;
      this.rows.set(r, row);
    }
    const close = new RegExp(`\\s*</${p}sheetData>`, 'y');
    close.lastIndex = at;
    if (!close.test(xml))
      throw new CorruptPartError(
        this.part,
        `unexpected content in <sheetData> near: ${xml.slice(at, at + 40)}`,
      );
    return at + (xml.slice(at).match(/^\s*/)?.[0].length ?? 0);
  }

  /** The XML of a cell, or null when the sheet has no <c> there. */
  cellXml(r: number, c: number): string | null {
    const row = this.rows.get(r);
    if (!row) return null;
    const patched = row.patched?.get(c);
    if (patched !== undefined) return patched;
    const i = indexOf(row.cols, c);
    return i < 0 ? null : this.xml.slice(row.spans[2 * i]!, row.spans[2 * i + 1]!);
  }

  /** Columns holding a <c> in a row (source and added), ascending. */
  cellColumns(r: number): number[] {
    const row = this.rows.get(r);
    if (!row) return [];
    if (!row.patched) return row.cols;
    return [...new Set([...row.cols, ...row.patched.keys()])].sort((a, b) => a - b);
  }

  setCellXml(r: number, c: number, xml: string): void {
    const row = this.row(r);
    (row.patched ??= new Map()).set(c, xml);
    row.dirty = true;
    this.changed = true;
  }

  rowOpen(r: number): string | null {
    return this.rows.get(r)?.open ?? null;
  }

  setRowOpen(r: number, open: string): void {
    const row = this.row(r);
    row.open = open;
    row.dirty = true;
    this.changed = true;
  }

  /** Highest row number with a <row> element. */
  maxRow(): number {
    let max = 0;
    for (const r of this.rows.keys()) if (r > max) max = r;
    return max;
  }

  get isChanged(): boolean {
    return this.changed;
  }

  private row(r: number): RowData {
    let row = this.rows.get(r);
    if (!row) {
      row = {
        r,
        start: -1,
        end: -1,
        open: `<${this.prefix}row r="${r}">`,
        cols: [],
        spans: [],
        patched: null,
        dirty: true,
      };
      this.rows.set(r, row);
    }
    return row;
  }

  /** The part with the changes applied; untouched rows are copied as runs of the source text. */
  serialize(): string {
    const { xml, prefix: p } = this;
    const ordered = [...this.rows.values()].sort((a, b) => a.r - b.r);
    const out: string[] = [];
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart >= 0) out.push(xml.slice(runStart, runEnd));
      runStart = -1;
    };
    let maxCol = 0;
    for (const row of ordered) {
      if (!row.dirty) {
        if (runStart >= 0 && row.start === runEnd) runEnd = row.end;
        else {
          flush();
          runStart = row.start;
          runEnd = row.end;
        }
        continue;
      }
      flush();
      const columns = this.cellColumns(row.r);
      if (columns.length) maxCol = Math.max(maxCol, columns[columns.length - 1]!);
      const cells = columns.map((c) => this.cellXml(row.r, c)).join('');
      let open = row.open;
      if (attr(open, 'spans') !== undefined && columns.length)
        open = withAttr(open, 'spans', `${columns[0]}:${columns[columns.length - 1]}`);
      out.push(cells ? `${open.replace(/\s*\/>$/, '>')}${cells}</${p}row>` : open);
    }
    flush();
    const rowsXml = out.join('');
    if (this.selfClosed) {
      const open = /<(\w+:)?sheetData\b[^>]*?\/>/.exec(xml)!;
      return this.withDimension(
        xml.slice(0, open.index) +
          `<${p}sheetData>${rowsXml}</${p}sheetData>` +
          xml.slice(open.index + open[0].length),
        maxCol,
      );
    }
    return this.withDimension(xml.slice(0, this.dataStart) + rowsXml + xml.slice(this.dataEnd), maxCol);
  }

  /** Grow <dimension ref> to cover rows and columns the driver added (readers such as SheetJS trust it). */
  private withDimension(text: string, maxCol: number): string {
    const dim = /<(?:\w+:)?dimension\b[^>]*?\/>/.exec(text.slice(0, this.dataStart + 200));
    if (!dim) return text;
    const ref = attr(dim[0], 'ref') ?? 'A1';
    const range = parseRange(ref.includes(':') ? ref : `${ref}:${ref}`);
    const bottom = Math.max(range.bottom, this.maxRow());
    const right = Math.max(range.right, maxCol);
    if (bottom === range.bottom && right === range.right) return text;
    const next = `${columnLetters(range.left)}${range.top}:${columnLetters(right)}${bottom}`;
    return text.slice(0, dim.index) + withAttr(dim[0], 'ref', next) + text.slice(dim.index + dim[0].length);
  }
}

function indexOf(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
