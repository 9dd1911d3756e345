/**
 * A worksheet part as text with an index of where each row and cell is, and the cells and rows the driver changed.
 * Serialising copies every untouched row and everything outside <sheetData> as it was; only changed cells (and the
 * <row> tags whose height changed, and <dimension> when rows were added) are new text.
 */
import { columnLetter as columnLetters, parseRange, type CellRange } from '../../grid/a1';
import type { PlainWrite } from '../../port';
import { hasFormulaIn, putCell, restyleInto, styleIn } from './cell-bytes';
import { CellPatches } from './cell-patches';
import { IntList } from './int-list';
import type { PartWriter } from './part-writer';
import {
  digitsAt,
  endTagAt,
  indexOfText,
  isNameEnd,
  lettersAt,
  referenceAt,
  skipSpace,
  startsAt,
} from './xml-bytes';
import { CorruptPartError, attr, withAttr, xmlElements } from './xml-text';

export interface RowData {
  r: number;
  /** Offsets of `<row …>…</row>` in the source; -1 for a row the driver added. */
  start: number;
  end: number;
  /** Its start tag when the driver made or changed it; null: the source's, read when asked (`openOf`). */
  open: string | null;
  /** Source cells: `count` entries from `first` in the sheet's cell index (columns ascending). */
  first: number;
  count: number;
  /** Changed or added cells as pairs of column and place of their XML in the sheet's CellPatches, by column. */
  patched: number[] | null;
  dirty: boolean;
}

export interface ColumnInfo {
  min: number;
  max: number;
  width?: number;
  style?: number;
}

/** sourceCell's answers for a cell with no <c> in the part, and for one the driver has written. */
export const ABSENT = -1;
export const PATCHED = -2;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/**
 * The longest <c> element looked for: a cell holds at most 32,767 characters of text, up to 4 bytes each in UTF-8,
 * plus markup and rich-text runs.
 */
const MAX_CELL_BYTES = 1 << 20;

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
  /** New text for everything after the rows (`tail`), when the driver changed it; null: copied from the source. */
  private newTail: string | null = null;
  /** The cell index: column, start and end offset of every source <c>, row after row. */
  private readonly cellCol: IntList;
  private readonly cellStart: IntList;
  private readonly cellEnd: IntList;
  private readonly patches = new CellPatches();
  /** The row and cell sourceCell found last (reads go row by row, column after column). */
  private lastRead: RowData | null = null;
  private lastFound = -1;
  /** Rows whose start tag was set (height, style): written from `open`, not copied from the source. */
  private readonly reopened = new Set<number>();
  /** Column letters by column number, for the refs of written cells. */
  private readonly columnLetters: string[] = [];
  /**
   * The cell `setCell` made last (its patch, style and value): its style is known without reading its bytes, and a
   * fill written next makes it again in the new style (a patch's place is only ever reused by its own cell).
   */
  private madePlace = -1;
  private madeStyle = 0;
  private madeValue: PlainWrite = null;
  /** Where `locate` found a cell: its bytes are `found` from `foundStart` to `foundEnd`; its patch, or -1. */
  private foundPlace = -1;
  private found: Buffer = Buffer.alloc(0);
  private foundStart = 0;
  private foundEnd = 0;

  /**
   * @param xml the part's bytes (UTF-8, without a byte-order mark); kept, never copied into a string as a whole
   */
  constructor(
    readonly xml: Buffer,
    readonly part: string,
  ) {
    // Room for as many cells as the part could hold (`<c r="A1"/>` is 11 bytes): a list that grew by doubling would
    // touch its memory about twice, and new memory is dear (README, "Speed and memory"); untouched room costs none.
    const cells = Math.ceil(xml.length / 11);
    this.cellCol = new IntList(cells);
    this.cellStart = new IntList(cells);
    this.cellEnd = new IntList(cells);
    const open = sheetDataOpen(xml);
    if (!open) throw new CorruptPartError(part, 'no <sheetData> element');
    const p = open[1] ?? '';
    this.prefix = p;
    this.selfClosed = open[2] === '/';
    this.dataStart = open.index + open[0].length;
    this.dataEnd = this.selfClosed ? this.dataStart : this.scanRows(this.dataStart);
    // Everything but the rows must be well-formed too; the rows were checked by the scan above.
    const outside = this.selfClosed
      ? xml.toString('latin1')
      : xml.toString('latin1', 0, this.dataStart) + xml.toString('latin1', this.dataEnd);
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

  /** Index the rows of <sheetData> without copying them; returns the offset of `</sheetData>`. */
  private scanRows(from: number): number {
    const { xml, prefix: p } = this;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const cellOpen = `<${p}c`;
    const cellClose = `</${p}c>`;
    let at = skipSpace(xml, from);
    let lastRow = 0;
    while (startsAt(xml, rowOpen, at) && isNameEnd(xml[at + rowOpen.length])) {
      const start = at;
      const tagEnd = indexOfText(xml, '>', at);
      if (tagEnd < 0) throw new CorruptPartError(this.part, `row tag after row ${lastRow} is not closed`);
      const ref = referenceAt(xml, start, tagEnd);
      const r = ref < 0 ? lastRow + 1 : digitsAt(xml, ref);
      if (!(r > lastRow)) throw new CorruptPartError(this.part, `row ${r} is out of order`);
      lastRow = r;
      const row: RowData = {
        r,
        start,
        end: 0,
        open: null,
        first: this.cellCol.length,
        count: 0,
        patched: null,
        dirty: false,
      };
      at = tagEnd + 1;
      if (xml[tagEnd - 1] !== 47) {
        let lastCol = 0;
        for (
          at = skipSpace(xml, at);
          startsAt(xml, cellOpen, at) && isNameEnd(xml[at + cellOpen.length]);
          at = skipSpace(xml, at)
        ) {
          const end = xml.indexOf(62, at);
          if (end < 0) throw new CorruptPartError(this.part, `a cell of row ${r} is not closed`);
          const ref = referenceAt(xml, at, end);
          const col = ref >= 0 ? lettersAt(xml, ref) : lastCol + 1;
          if (!(col > lastCol))
            throw new CorruptPartError(this.part, `cell ${col} is out of order in row ${r}`);
          lastCol = col;
          let cellEnd = end + 1;
          if (xml[end - 1] !== 47) {
            // A cell is short: a missing end tag is told apart from a long search through the rest of the sheet.
            const c = endTagAt(
              xml,
              cellOpen,
              cellClose,
              cellEnd,
              Math.min(xml.length, cellEnd + MAX_CELL_BYTES),
            );
            if (c < 0) throw new CorruptPartError(this.part, `a cell of row ${r} is not closed`);
            cellEnd = c + cellClose.length;
          }
          this.cellCol.push(col);
          this.cellStart.push(at);
          this.cellEnd.push(cellEnd);
          row.count++;
          at = cellEnd;
        }
        if (startsAt(xml, `<${p}extLst`, at)) at = xml.indexOf(rowClose, at, 'latin1');
        if (at < 0 || !startsAt(xml, rowClose, at))
          throw new CorruptPartError(
            this.part,
            at < 0
              ? `row ${r} is not closed`
              : `unexpected content in row ${r}: ${xml.toString('latin1', at, at + 40)}`,
          );
        at += rowClose.length;
      }
      row.end = at;
      this.rows.set(r, row);
      at = skipSpace(xml, at);
    }
    if (!startsAt(xml, `</${p}sheetData>`, at))
      throw new CorruptPartError(
        this.part,
        `unexpected content in <sheetData> near: ${xml.toString('latin1', at, at + 40)}`,
      );
    return at;
  }

  /** The XML of a cell, or null when the sheet has no <c> there. */
  cellXml(r: number, c: number): string | null {
    const row = this.rows.get(r);
    if (!row) return null;
    const patched = patchAt(row, c);
    if (patched >= 0) return this.patches.get(patched);
    const i = this.find(row, c);
    return i < 0 ? null : this.xml.toString('latin1', this.cellStart.at(i), this.cellEnd.at(i));
  }

  /**
   * Where the cell at (r, c) is: its index in the cell index when it is the part's own, unchanged <c> (its start is
   * then `cellStartAt(index)`), ABSENT when the sheet has no <c> there, PATCHED when the driver wrote it.
   */
  sourceCell(r: number, c: number): number {
    const row = this.lastRead?.r === r ? this.lastRead : this.rows.get(r);
    if (!row) return ABSENT;
    this.lastRead = row;
    if (row.patched && patchAt(row, c) >= 0) return PATCHED;
    // A tab is read row by row, column after column: the cell after the last one found is the likely next.
    const next = this.lastFound + 1;
    if (next >= row.first && next < row.first + row.count && this.cellCol.at(next) === c)
      return (this.lastFound = next);
    const found = this.find(row, c);
    if (found >= 0) this.lastFound = found;
    return found;
  }

  /** The offset of the `<c` of a cell by its index (see sourceCell). */
  cellStartAt(index: number): number {
    return this.cellStart.at(index);
  }

  /** Index of column `c` of a row in the cell index, or -1. */
  private find(row: RowData, c: number): number {
    let lo = row.first;
    let hi = row.first + row.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.cellCol.at(mid);
      if (v === c) return mid;
      if (v < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The last column whose cell passes `test`, over every row. */
  lastColumnWhere(test: (xml: string) => boolean): number {
    let width = 0;
    for (const row of this.rows.values()) {
      const columns = row.patched ? this.cellColumns(row.r) : null;
      const count = columns ? columns.length : row.count;
      for (let i = count - 1; i >= 0; i--) {
        const c = columns ? columns[i]! : this.cellCol.at(row.first + i);
        if (c <= width) break;
        if (test(this.cellXml(row.r, c)!)) {
          width = c;
          break;
        }
      }
    }
    return width;
  }

  /** Columns holding a <c> in a row (source and added), ascending. */
  cellColumns(r: number): number[] {
    const row = this.rows.get(r);
    if (!row) return [];
    const own = this.cellCol.slice(row.first, row.first + row.count);
    return row.patched
      ? mergeSorted(
          own,
          row.patched.filter((_, i) => i % 2 === 0),
        )
      : own;
  }

  setCellXml(r: number, c: number, xml: string): void {
    this.patch(r, c, this.patches.add(xml));
  }

  /** Style index of the cell at (r, c) (0 when it has none), or -1 when the sheet has no <c> there. */
  cellStyle(r: number, c: number): number {
    if (!this.locate(r, c)) return -1;
    return this.foundPlace >= 0 && this.foundPlace === this.madePlace
      ? this.madeStyle
      : styleIn(this.found, this.foundStart, this.foundEnd);
  }

  /** True when the cell at (r, c) has a formula (its calculation chain entry then goes, calc-chain.ts). */
  cellHasFormula(r: number, c: number): boolean {
    return this.locate(r, c) && hasFormulaIn(this.found, this.foundStart, this.foundEnd);
  }

  /** Write the cell at (r, c) as `cellXml` would make it from its style and value, without a string of it. */
  setCell(r: number, c: number, style: number, value: PlainWrite): void {
    const place = putCell(this.patches, this.prefix, this.letters(c), r, style, value);
    this.made(place, style, value);
    this.patch(r, c, place);
  }

  /** Give the cell at (r, c) a new style index, as `restyled` would; false when the sheet has no <c> there. */
  restyleCell(r: number, c: number, style: number): boolean {
    if (!this.locate(r, c)) return false;
    // The cell's new XML was the last stored (its value, then its fill): the restyled XML takes its room.
    let place: number;
    if (this.foundPlace >= 0 && this.foundPlace === this.madePlace && this.patches.rewind(this.foundPlace)) {
      // Made by setCell just before: made again in the new style, in its room (no scan of its bytes).
      place = putCell(this.patches, this.prefix, this.letters(c), r, style, this.madeValue, true);
      this.made(place, style, this.madeValue);
    } else {
      const own = this.foundPlace >= 0 ? this.patches.release(this.foundPlace) : -1;
      place =
        own >= 0
          ? restyleInto(this.patches, this.patches.scratch, 0, own, style)
          : restyleInto(this.patches, this.found, this.foundStart, this.foundEnd, style);
    }
    this.patch(r, c, place);
    return true;
  }

  /** Remember the cell `setCell` made last: its patch, style and value. */
  private made(place: number, style: number, value: PlainWrite): void {
    this.madePlace = place;
    this.madeStyle = style;
    this.madeValue = value;
  }

  /**
   * Find the bytes of the cell at (r, c): its new XML when written, else its source bytes. Sets `found`, `foundStart`
   * and `foundEnd` (fields, not a returned object: this runs for every cell a write touches).
   */
  private locate(r: number, c: number): boolean {
    const row = this.rows.get(r);
    if (!row) return false;
    const patched = patchAt(row, c);
    this.foundPlace = patched;
    if (patched >= 0) {
      this.found = this.patches.chunkOf(patched);
      this.foundStart = this.patches.startOf(patched);
      this.foundEnd = this.patches.endOf(patched);
      return true;
    }
    const i = this.find(row, c);
    if (i < 0) return false;
    this.found = this.xml;
    this.foundStart = this.cellStart.at(i);
    this.foundEnd = this.cellEnd.at(i);
    return true;
  }

  /** Column letters of column `c`, made once per column. */
  private letters(c: number): string {
    return (this.columnLetters[c] ??= columnLetters(c));
  }

  /** Record that the XML of the cell at (r, c) is now the patch at `place`; pairs stay ordered by column. */
  private patch(r: number, c: number, place: number): void {
    const row = this.row(r);
    const pairs = (row.patched ??= []);
    let i = pairs.length;
    while (i > 0 && pairs[i - 2]! > c) i -= 2;
    if (i > 0 && pairs[i - 2] === c) pairs[i - 1] = place;
    else {
      // Shift the pairs after column c up by one pair (no splice: it makes an array of what it removes).
      pairs.push(c, place);
      for (let k = pairs.length - 1; k > i + 1; k--) pairs[k] = pairs[k - 2]!;
      pairs[i] = c;
      pairs[i + 1] = place;
    }
    row.dirty = true;
    this.changed = true;
  }

  /**
   * Everything after the rows, as binary text (UTF-8 bytes one character each): `</sheetData>` when the part has
   * rows, then the filter, merges, validations, conditional formats… in their order.
   */
  tail(): string {
    return this.newTail ?? this.xml.toString('latin1', this.tailStart());
  }

  /** Replace the text after the rows (a filter grown over appended rows, sheet-filter.ts). */
  setTail(text: string): void {
    this.newTail = text;
    this.changed = true;
  }

  /** Where the text after the rows begins: at `</sheetData>`, or after a self-closed `<sheetData/>`. */
  private tailStart(): number {
    if (!this.selfClosed) return this.dataEnd;
    const open = sheetDataOpen(this.xml)!;
    return open.index + open[0].length;
  }

  rowOpen(r: number): string | null {
    const row = this.rows.get(r);
    return row ? this.openOf(row) : null;
  }

  /** A row's start tag: not kept as a string for every row of a big part, most of which are only copied. */
  private openOf(row: RowData): string {
    return row.open ?? this.xml.toString('latin1', row.start, this.xml.indexOf(62, row.start) + 1);
  }

  setRowOpen(r: number, open: string): void {
    const row = this.row(r);
    row.open = open;
    this.reopened.add(r);
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
        first: 0,
        count: 0,
        patched: null,
        dirty: true,
      };
      this.rows.set(r, row);
    }
    return row;
  }

  /**
   * The part with the changes applied, written into `out` (part-writer.ts), whose buffers are given as each fills so
   * the part streams into the deflate as it is made. Untouched rows (and the head, when <dimension> stays) are
   * runs of the source bytes; a dirty row is its start tag, then its cells (unchanged ones as source bytes, changed
   * ones as their patch), then its close tag. Contiguous source bytes are copied as one run (part-writer.ts).
   * @example for (const buffer of sheet.serialize(new PartWriter(sheet.xml, 1 << 18))) deflate.write(buffer)
   */
  *serialize(out: PartWriter): Generator<Buffer> {
    const { xml, prefix: p } = this;
    const rows = this.orderedRows();
    let maxCol = 0;
    for (const row of rows) if (row.dirty) maxCol = Math.max(maxCol, this.lastColumn(row));
    const open = this.selfClosed ? sheetDataOpen(xml)! : null;
    const headEnd = open ? open.index : this.dataStart;
    const head = xml.toString('latin1', 0, headEnd);
    const grown = this.withDimension(head, maxCol);
    if (grown === head) out.source(0, headEnd);
    else out.text(grown);
    if (open) out.text(`<${p}sheetData>`);
    const close = `</${p}row>`;
    for (const row of rows) {
      if (!row.dirty) out.source(row.start, row.end);
      else this.writeRow(out, row, close);
      if (out.filled) yield* out.take();
    }
    if (open) out.text(`</${p}sheetData>`);
    if (this.newTail === null) out.source(this.tailStart(), xml.length);
    else out.text(this.newTail);
    yield* out.finish();
  }

  /** The rows by number: the map's own order unless a row was added above an existing one. */
  private orderedRows(): RowData[] {
    const rows = [...this.rows.values()];
    for (let i = 1; i < rows.length; i++)
      if (rows[i]!.r < rows[i - 1]!.r) return rows.sort((a, b) => a.r - b.r);
    return rows;
  }

  /** The last column with a <c> in a row (source or added), 0 when it has none. */
  private lastColumn(row: RowData): number {
    const own = row.count ? this.cellCol.at(row.first + row.count - 1) : 0;
    const pairs = row.patched;
    return pairs?.length ? Math.max(own, pairs[pairs.length - 2]!) : own;
  }

  /** A dirty row: start tag (spans updated), its cells in column order, close tag. */
  private writeRow(out: PartWriter, row: RowData, close: string): void {
    const { cellCol, cellStart, cellEnd, xml } = this;
    const pairs = row.patched ?? NO_PAIRS;
    const { first, count } = row;
    if (!count && !pairs.length) {
      out.text(this.openOf(row).replace(/\s*\/?>$/, '/>'));
      return;
    }
    const left = Math.min(count ? cellCol.at(first) : Infinity, pairs.length ? pairs[0]! : Infinity);
    const right = this.lastColumn(row);
    const { start } = row;
    const open = this.openOf(row);
    // A source row's start tag is copied, with only its spans value new when the cells now span other columns.
    const at = start >= 0 && !this.reopened.has(row.r) && !open.endsWith('/>') ? spansAt(open) : UNUSUAL;
    if (at === NO_SPANS) out.source(start, start + open.length);
    else if (at >= 0) {
      const quote = open.indexOf('"', at);
      const spans = `${left}:${right}`;
      out.source(start, start + at);
      if (quote !== at + spans.length || !open.startsWith(spans, at)) out.text(spans);
      else out.source(start + at, start + quote);
      out.source(start + quote, start + open.length);
    } else {
      let tag = open;
      if (attr(tag, 'spans') !== undefined) tag = withAttr(tag, 'spans', `${left}:${right}`);
      out.text(tag.replace(/\s*\/>$/, '>'));
    }
    let j = 0;
    for (let i = first; i < first + count; i++) {
      const c = cellCol.at(i);
      while (j < pairs.length && pairs[j]! < c) {
        this.patches.writeTo(pairs[j + 1]!, out);
        j += 2;
      }
      if (j < pairs.length && pairs[j] === c) {
        this.patches.writeTo(pairs[j + 1]!, out);
        j += 2;
      } else out.source(cellStart.at(i), cellEnd.at(i));
    }
    for (; j < pairs.length; j += 2) this.patches.writeTo(pairs[j + 1]!, out);
    // A source row that was not self-closed ends with this very close tag: copied, it joins the run after it.
    if (row.start >= 0 && xml[row.end - 2] !== 47) out.source(row.end - close.length, row.end);
    else out.text(close);
  }

  /** Grow <dimension ref> in the part's head to cover rows and columns the driver added (SheetJS trusts it). */
  private withDimension(head: string, maxCol: number): string {
    const dim = /<(?:\w+:)?dimension\b[^>]*?\/>/.exec(head);
    if (!dim) return head;
    const ref = attr(dim[0], 'ref') ?? 'A1';
    const range = parseRange(ref.includes(':') ? ref : `${ref}:${ref}`);
    const bottom = Math.max(range.bottom, this.maxRow());
    const right = Math.max(range.right, maxCol);
    if (bottom === range.bottom && right === range.right) return head;
    const next = `${columnLetters(range.left)}${range.top}:${columnLetters(right)}${bottom}`;
    return head.slice(0, dim.index) + withAttr(dim[0], 'ref', next) + head.slice(dim.index + dim[0].length);
  }
}

const NO_PAIRS: number[] = [];

/** `spansAt`: the start tag has no spans attribute (as `attr` finds attributes), or one it cannot edit in place. */
const NO_SPANS = -1;
const UNUSUAL = -2;

/**
 * Where the value of a row start tag's `spans` begins, when `withAttr` would replace exactly that value: one
 * `spans="` in the tag, after a space or newline, with its closing quote. NO_SPANS when `attr` finds no spans there
 * (the tag is kept as it is); UNUSUAL for anything else (the caller rewrites the tag with `withAttr`).
 */
function spansAt(open: string): number {
  const at = open.indexOf('spans="');
  if (at < 0) return NO_SPANS;
  if (open.indexOf('spans="', at + 1) >= 0) return UNUSUAL;
  const before = open[at - 1];
  if (before !== ' ' && before !== '\n') return NO_SPANS;
  return open.indexOf('"', at + 7) < 0 ? UNUSUAL : at + 7;
}

/** The place in CellPatches of the new XML of a row's cell in column `c`, or -1 when it was not changed. */
function patchAt(row: RowData, c: number): number {
  const pairs = row.patched;
  if (pairs) for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === c) return pairs[i + 1]!;
  return -1;
}

/** Two ascending lists of columns as one, without repeats. */
function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** The `<sheetData …>` start tag (groups: prefix, '/' when self-closed), found in the part's head only. */
function sheetDataOpen(xml: Buffer): RegExpExecArray | null {
  for (let at = xml.indexOf('sheetData'); at >= 0; at = xml.indexOf('sheetData', at + 1)) {
    const end = xml.indexOf('>', at);
    if (end < 0) return null;
    const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml.toString('latin1', 0, end + 1));
    if (open) return open;
  }
  return null;
}
