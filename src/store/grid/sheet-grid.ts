import type { CellRange } from './a1';
import type { Cell, CellWrite, Fill } from '../port';

/** The last row of an .xlsx worksheet (Excel 2007 and later, WPS): a row past it makes the file unreadable. */
export const SHEET_ROW_LIMIT = 1_048_576;

/**
 * One tab as the shared read/apply logic sees it: 1-based rows and columns, whatever the medium.
 * Each driver adapts its own representation (arrays, an exceljs worksheet) to this.
 */
export interface SheetGrid {
  readonly name: string;
  /** Last row holding a typed value — not blank, not a formula (0 for an empty tab). */
  lastRow(): number;
  /** Last column holding any value in any row. */
  lastColumn(): number;
  value(row: number, column: number): Cell;
  fill(row: number, column: number): Fill;
  merges(): CellRange[];
  /** Write a value; strings are stored as plain text even when they start with '='. */
  setValue(row: number, column: number, value: CellWrite): void;
  /** Paint a solid fill, or clear it (null). */
  setFill(row: number, column: number, fill: Fill): void;
  /** Put `text` after the cell's current text on a new line, keeping the old text (and its formatting where the medium has it). */
  appendText(row: number, column: number, text: string): void;
  /** The last row the medium can hold (an .xlsx worksheet: 1,048,576); appends past it are refused. */
  readonly maxRow?: number;
  /** Give a new row at `row` the look of row `like` (fonts, borders, number formats; never fills). */
  styleRowLike?(row: number, like: number): void;
  /** Told once rows `first`..`last` were appended below the tab's last row (an Excel table ending just above grows over them). */
  rowsAppended?(first: number, last: number): void;
}

/** Last row of array-backed cells (1-based) whose cells include content by `isContent`; 0 when none. */
export function lastRowOf(
  cells: Array<Array<Cell | undefined> | undefined>,
  isContent: (cell: Cell) => boolean,
): number {
  for (let r = cells.length; r > 0; r--) if (cells[r - 1]?.some((c) => isContent(c ?? null))) return r;
  return 0;
}

/** Last column of array-backed cells (1-based) holding any value in any row. */
export function lastColumnOf(cells: Array<Array<Cell | undefined> | undefined>): number {
  let width = 0;
  for (const row of cells) {
    if (!row) continue;
    for (let c = row.length; c > width; c--) if (row[c - 1] !== null && row[c - 1] !== undefined) width = c;
  }
  return width;
}
