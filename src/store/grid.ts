import type { CellRange } from './a1';
import type { Cell, CellWrite, Fill } from './port';

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
  /** Give a new row at `row` the look of row `like` (fonts, borders, number formats; never fills). */
  styleRowLike?(row: number, like: number): void;
}
