/**
 * In-memory model of a spreadsheet for the local Sheets server. Rows and columns are records so that cells, row
 * developer metadata and dimension properties move together when staff sort, insert or delete rows, as in Google.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';

export type ExtendedValue = sheets_v4.Schema$ExtendedValue;
export type CellFormat = sheets_v4.Schema$CellFormat;
export type GridRange = sheets_v4.Schema$GridRange;

/** A stored cell: only the user-entered parts; effective values and formats are derived when read. */
export interface CellRec {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: CellFormat;
  dataValidation?: sheets_v4.Schema$DataValidationRule;
  note?: string;
}

export interface MetaRec {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  visibility: string;
}

export interface DimRec {
  metadata: MetaRec[];
  pixelSize?: number;
  hiddenByUser?: boolean;
}

export interface RowRec extends DimRec {
  cells: Array<CellRec | undefined>;
}

export interface SheetRec {
  properties: sheets_v4.Schema$SheetProperties & {
    sheetId: number;
    title: string;
    gridProperties: sheets_v4.Schema$GridProperties & { rowCount: number; columnCount: number };
  };
  rows: RowRec[];
  cols: DimRec[];
  merges: GridRange[];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  metadata: MetaRec[];
}

export interface SpreadsheetRec {
  spreadsheetId: string;
  properties: sheets_v4.Schema$SpreadsheetProperties;
  sheets: SheetRec[];
  metadata: MetaRec[];
  /** Principals (service-account e-mails or raw bearer tokens) allowed in; undefined = anyone. */
  sharedWith?: string[];
  nextId: number;
}

/** An error answered in Google's JSON shape `{ error: { code, message, status } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new ApiError(400, 'INVALID_ARGUMENT', message);

export const DEFAULT_ROW_PX = 21;
export const DEFAULT_COL_PX = 100;

/** The longest row's length: a loop, as spreading 10⁵ rows into Math.max overflows the stack. */
export function widestRow(rows: ArrayLike<{ length: number }>): number {
  let width = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.length > width) width = rows[i]!.length;
  return width;
}

export function emptyRow(): RowRec {
  return { cells: [], metadata: [] };
}

export function emptyCol(): DimRec {
  return { metadata: [] };
}

/** Make a sheet with an empty grid of the given size. */
export function newSheet(
  sheetId: number,
  title: string,
  index: number,
  rowCount = 1000,
  columnCount = 26,
): SheetRec {
  return {
    properties: { sheetId, title, index, sheetType: 'GRID', gridProperties: { rowCount, columnCount } },
    rows: Array.from({ length: rowCount }, emptyRow),
    cols: Array.from({ length: columnCount }, emptyCol),
    merges: [],
    protectedRanges: [],
    metadata: [],
  };
}

export function findSheetById(ss: SpreadsheetRec, sheetId: number | null | undefined): SheetRec {
  const sheet = ss.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
  if (!sheet) throw invalid(`No grid with id: ${sheetId ?? 0}`);
  return sheet;
}

export function findSheetByTitle(ss: SpreadsheetRec, title: string | undefined): SheetRec {
  const sheet = title === undefined ? ss.sheets[0] : ss.sheets.find((s) => s.properties.title === title);
  if (!sheet) throw invalid(`Unable to parse range: ${title}`);
  return sheet;
}

/** Grow the grid so that row `rowIndex` and column `colIndex` exist (values writes expand the sheet as Google does). */
export function ensureGrid(sheet: SheetRec, rowCount: number, colCount: number): void {
  const grid = sheet.properties.gridProperties;
  while (sheet.rows.length < rowCount) sheet.rows.push(emptyRow());
  while (sheet.cols.length < colCount) sheet.cols.push(emptyCol());
  grid.rowCount = sheet.rows.length;
  grid.columnCount = sheet.cols.length;
}

export function cellAt(sheet: SheetRec, r: number, c: number): CellRec | undefined {
  return sheet.rows[r]?.cells[c];
}

/** The cell record at (r, c), created if missing. */
export function cellFor(sheet: SheetRec, r: number, c: number): CellRec {
  const row = sheet.rows[r]!;
  return (row.cells[c] ??= {});
}

/** The user-entered fill of a cell record as 'RRGGBB', or null. */
export function fillOfCell(rec: CellRec | undefined): string | null {
  const rgb =
    rec?.userEnteredFormat?.backgroundColorStyle?.rgbColor ?? rec?.userEnteredFormat?.backgroundColor;
  if (!rgb) return null;
  const hex = (x?: number | null) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0')
      .toUpperCase();
  return `${hex(rgb.red)}${hex(rgb.green)}${hex(rgb.blue)}`;
}

export function isEmptyCell(cell: CellRec | undefined): boolean {
  return (
    !cell ||
    (cell.userEnteredValue === undefined &&
      cell.userEnteredFormat === undefined &&
      !cell.note &&
      !cell.dataValidation)
  );
}

export function hasValue(cell: CellRec | undefined): boolean {
  return cell?.userEnteredValue !== undefined;
}

/** Resolve a GridRange against a sheet's grid into closed bounds, checking it lies inside the grid. */
export function boundsOf(
  sheet: SheetRec,
  range: GridRange,
): { r0: number; r1: number; c0: number; c1: number } {
  const grid = sheet.properties.gridProperties;
  const r0 = range.startRowIndex ?? 0;
  const r1 = range.endRowIndex ?? grid.rowCount;
  const c0 = range.startColumnIndex ?? 0;
  const c1 = range.endColumnIndex ?? grid.columnCount;
  if (r0 < 0 || c0 < 0 || r1 < r0 || c1 < c0)
    throw invalid(`Invalid range: startIndex must be before endIndex`);
  if (r1 > grid.rowCount)
    throw invalid(
      `Range ('${sheet.properties.title}'!R${r1}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  if (c1 > grid.columnCount)
    throw invalid(
      `Range ('${sheet.properties.title}'!C${c1}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  return { r0, r1, c0, c1 };
}
