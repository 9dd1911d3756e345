import { cellText, isTyped } from '../../grid/cell-text';
import { lastColumnOf, lastRowOf, type SheetGrid } from '../../grid/sheet-grid';
import type { Cell, CellWrite, Fill } from '../../port';
import type { GridTab } from './workbook-model';

/**
 * The SheetGrid view of an in-memory tab.
 * @example readTab(memoryGrid(gridTab), { name: '督办台账', headerRows: 1 })
 */
export function memoryGrid(tab: GridTab): SheetGrid {
  return {
    name: tab.name,
    lastRow: () => lastRowOf(tab.cells, isTyped),
    lastColumn: () => lastColumnOf(tab.cells),
    value: (row, column) => tab.cells[row - 1]?.[column - 1] ?? null,
    fill: (row, column) => tab.fills[row - 1]?.[column - 1] ?? null,
    merges: () => tab.merges,
    setValue(row, column, value: CellWrite) {
      put(tab.cells, row, column, value);
    },
    setFill(row, column, fill: Fill) {
      put(tab.fills, row, column, fill === null ? null : fill.toUpperCase());
    },
    appendText(row, column, text) {
      const old = cellText(tab.cells[row - 1]?.[column - 1] ?? null);
      put(tab.cells, row, column, old.trim() === '' ? text : `${old}\n${text}`);
    },
  };
}

function put<T extends Cell | Fill>(grid: T[][], row: number, column: number, value: T): void {
  for (let r = grid.length; r < row; r++) grid[r] ??= [];
  const cells = (grid[row - 1] ??= []);
  for (let c = cells.length; c < column - 1; c++) cells[c] = null as T;
  cells[column - 1] = value;
}
