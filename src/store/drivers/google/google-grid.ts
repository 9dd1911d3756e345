/**
 * The SheetGrid view of one Google Sheets tab as fetched in one call, with every write recorded (not sent) so the
 * driver can turn a whole plan into one atomic spreadsheets.batchUpdate.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import type { CellRange } from '../../grid/a1';
import { cellText, percentText } from '../../grid/cell-text';
import { fillOfRgb } from './google-a1';
import { dateCellOfSerial } from '../../grid/date-cell';
import { lastColumnOf, lastRowOf, type SheetGrid } from '../../grid/sheet-grid';
import type { Cell, CellWrite, Fill } from '../../port';

/** One cell write the plan asked for; `value` / `fill` undefined = leave as is. */
export interface RecordedWrite {
  row: number;
  column: number;
  value?: CellWrite;
  fill?: Fill;
}

/** A developer metadata entry on a row, as fetched. */
export interface RowTag {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
}

export interface GoogleTab {
  name: string;
  sheetId: number;
  /** Cells by 0-based row then column. */
  cells: Cell[][];
  merges: CellRange[];
  /** Fills of the cells that were fetched, by `row * 16384 + column` (1-based); others read as null. */
  fills: Map<number, Fill>;
  /** Row developer metadata by 1-based row, when fetched. */
  rowTags: Map<number, RowTag[]>;
}

export interface RecordingGrid extends SheetGrid {
  readonly tab: GoogleTab;
  /** Writes by `row * 16384 + column`, in the order first touched. */
  readonly writes: Map<number, RecordedWrite>;
}

export const fillKey = (row: number, column: number) => row * 16_384 + column;

/** A Sheets colour of a CellFormat as 'RRGGBB', preferring backgroundColorStyle; null when unset or a theme colour. */
export function fillOfFormat(format: sheets_v4.Schema$CellFormat | undefined | null): Fill {
  const rgb =
    format?.backgroundColorStyle?.rgbColor ??
    (format?.backgroundColorStyle ? undefined : format?.backgroundColor);
  return rgb ? fillOfRgb(rgb) : null;
}

/** How a number cell reads: a date, a percentage (`60%` typed becomes 0.6 with a PERCENT format), or a number. */
export type NumberKind = 'date' | 'percent' | 'plain';

/**
 * The kind of a Sheets number format type.
 * @example numberKindOf('PERCENT') // 'percent'
 */
export function numberKindOf(type: string | null | undefined): NumberKind {
  if (type === 'DATE' || type === 'DATE_TIME') return 'date';
  return type === 'PERCENT' ? 'percent' : 'plain';
}

/**
 * A value from values.batchGet (UNFORMATTED_VALUE, SERIAL_NUMBER) as a port Cell. A percentage reads as the clerk
 * typed and sees it (`60%`), never as the fraction Google stores (0.6 would read as 进度 0.6%).
 * @example cellOfValue(0.6, 'percent') // '60%'
 */
export function cellOfValue(value: unknown, kind: NumberKind = 'plain'): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (kind === 'date') return dateCellOfSerial(value);
    return kind === 'percent' ? percentText(value) : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A CellData from spreadsheets.get (effectiveValue, userEnteredValue.formulaValue, number format type) as a port Cell. */
export function cellOfData(data: sheets_v4.Schema$CellData | undefined): Cell {
  if (!data) return null;
  const eff = data.effectiveValue;
  const kind = numberKindOf(
    data.userEnteredFormat?.numberFormat?.type ?? data.effectiveFormat?.numberFormat?.type,
  );
  let value: Cell = null;
  if (eff?.errorValue) value = { error: eff.errorValue.message ?? eff.errorValue.type ?? '#ERROR!' };
  else if (eff) value = cellOfValue(eff.stringValue ?? eff.numberValue ?? eff.boolValue, kind);
  const formula = data.userEnteredValue?.formulaValue;
  if (formula) {
    const result = value === null || typeof value !== 'object' ? value : cellText(value);
    return { formula: formula.replace(/^=/, ''), result };
  }
  return value;
}

/**
 * A SheetGrid over a fetched tab that records writes instead of sending them.
 * @example
 * const grid = recordingGrid(tab);
 * applyPlanToGrids(plan, () => ({ grid, layout: mapHeaders(grid, tab.name, 2) }));
 * grid.writes // → the cells to put into one batchUpdate
 */
export function recordingGrid(tab: GoogleTab): RecordingGrid {
  const writes = new Map<number, RecordedWrite>();
  const record = (row: number, column: number) => {
    const key = fillKey(row, column);
    let w = writes.get(key);
    if (!w) writes.set(key, (w = { row, column }));
    return w;
  };
  const set = (row: number, column: number, value: Cell) => {
    const cells = (tab.cells[row - 1] ??= []);
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
  };
  return {
    tab,
    writes,
    name: tab.name,
    lastRow: () => lastRowOf(tab.cells, (c) => cellText(c).trim() !== ''),
    lastColumn: () => lastColumnOf(tab.cells),
    value: (row, column) => tab.cells[row - 1]?.[column - 1] ?? null,
    fill: (row, column) => tab.fills.get(fillKey(row, column)) ?? null,
    merges: () => tab.merges,
    setValue(row, column, value) {
      record(row, column).value = value;
      set(row, column, value);
    },
    setFill(row, column, fill) {
      const upper = fill === null ? null : fill.toUpperCase();
      record(row, column).fill = upper;
      tab.fills.set(fillKey(row, column), upper);
    },
    appendText(row, column, text) {
      const old = cellText(tab.cells[row - 1]?.[column - 1] ?? null);
      const next = old.trim() === '' ? text : `${old}\n${text}`;
      record(row, column).value = next;
      set(row, column, next);
    },
  };
}

/** 0-based GridRange merges → 1-based inclusive CellRanges. */
export function rangesOfMerges(merges: sheets_v4.Schema$GridRange[] | undefined | null): CellRange[] {
  return (merges ?? []).map((m) => ({
    top: (m.startRowIndex ?? 0) + 1,
    left: (m.startColumnIndex ?? 0) + 1,
    bottom: m.endRowIndex ?? 0,
    right: m.endColumnIndex ?? 0,
  }));
}
