/**
 * spreadsheets.values.*: get, batchGet, update, batchUpdate, append, clear — on the in-memory model.
 */
import { formatA1, parseA1 } from './a1';
import { ensureGrid, hasValue, invalid, widestRow, type SheetRec, type SpreadsheetRec } from './model';
import {
  parseInput,
  renderCell,
  trimValues,
  type DateTimeRender,
  type JsonCell,
  type ValueRender,
} from './values';

export interface Resolved {
  sheet: SheetRec;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  /** Whether the range had explicit ends (a write may not spill past them). */
  boundedRows: boolean;
  boundedCols: boolean;
}

/** Resolve an A1 range against the grid; open ends stop at the grid edge, explicit ends past it are an error on reads. */
export function resolveRange(ss: SpreadsheetRec, a1: string, forWrite = false): Resolved {
  let parsed;
  try {
    parsed = parseA1(a1);
  } catch {
    throw invalid(`Unable to parse range: ${a1}`);
  }
  const sheet =
    ss.sheets.find((s) => s.properties.title === parsed.sheet) ??
    (parsed.sheet === undefined ? ss.sheets[0] : undefined);
  if (!sheet) throw invalid(`Unable to parse range: ${a1}`);
  const grid = sheet.properties.gridProperties;
  const r0 = parsed.startRow ?? 0;
  const c0 = parsed.startCol ?? 0;
  const r1 = parsed.endRow ?? Math.max(grid.rowCount, r0 + 1);
  const c1 = parsed.endCol ?? Math.max(grid.columnCount, c0 + 1);
  if (!forWrite && (r1 > grid.rowCount || c1 > grid.columnCount)) {
    throw invalid(
      `Range (${a1}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  }
  return {
    sheet,
    r0,
    r1,
    c0,
    c1,
    boundedRows: parsed.endRow !== undefined && !parsed.single,
    boundedCols: parsed.endCol !== undefined && !parsed.single,
  };
}

export interface ReadOptions {
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
  majorDimension?: string;
}

/** values.get for one range: a ValueRange with trailing empties trimmed and `values` omitted when empty. */
export function readRange(ss: SpreadsheetRec, a1: string, opts: ReadOptions) {
  const { sheet, r0, r1, c0, c1 } = resolveRange(ss, a1);
  const render = (opts.valueRenderOption ?? 'FORMATTED_VALUE') as ValueRender;
  const dateRender = (opts.dateTimeRenderOption ?? 'SERIAL_NUMBER') as DateTimeRender;
  const rows: JsonCell[][] = [];
  for (let r = r0; r < r1; r++) {
    const cells = sheet.rows[r]!.cells;
    const row: JsonCell[] = [];
    for (let c = c0; c < Math.min(c1, cells.length); c++) row.push(renderCell(cells[c], render, dateRender));
    rows.push(row);
  }
  const major = opts.majorDimension ?? 'ROWS';
  let values = trimValues(rows);
  if (major === 'COLUMNS') values = trimValues(transpose(values));
  return {
    range: formatA1(sheet.properties.title, r0, c0, r1, c1),
    majorDimension: major,
    ...(values.length ? { values } : {}),
  };
}

function transpose(rows: JsonCell[][]): JsonCell[][] {
  const width = widestRow(rows);
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ''));
}

type InputRows = Array<Array<JsonCell | null | undefined>>;

/** Write a ValueRange at a resolved origin; null skips a cell, '' clears it. Returns the UpdateValuesResponse. */
export function writeValues(
  ss: SpreadsheetRec,
  a1: string,
  values: InputRows | undefined,
  option: string | undefined,
  majorDimension: string | undefined,
  origin?: { row: number; col: number },
) {
  if (option !== 'RAW' && option !== 'USER_ENTERED')
    throw invalid("'valueInputOption' is required but not specified");
  const target = resolveRange(ss, a1, true);
  const r0 = origin?.row ?? target.r0;
  const c0 = origin?.col ?? target.c0;
  let rows: InputRows = values ?? [];
  if (majorDimension === 'COLUMNS') rows = transposeInput(rows);
  const height = rows.length;
  const width = widestRow(rows);
  if (
    !origin &&
    ((target.boundedRows && r0 + height > target.r1) || (target.boundedCols && c0 + width > target.c1))
  ) {
    throw invalid(
      `Requested writing within range [${a1}], but tried writing ${height > target.r1 - r0 ? `to row [${r0 + height}]` : `to column [${c0 + width}]`}`,
    );
  }
  ensureGrid(target.sheet, r0 + height, c0 + width);
  let cells = 0;
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value === null || value === undefined) return;
      const rec = target.sheet.rows[r0 + i]!;
      const cell = (rec.cells[c0 + j] ??= {});
      cells++;
      if (value === '') {
        delete cell.userEnteredValue;
        return;
      }
      const parsed = parseInput(value, option);
      cell.userEnteredValue = parsed.value;
      if (parsed.format?.numberFormat)
        cell.userEnteredFormat = { ...cell.userEnteredFormat, numberFormat: parsed.format.numberFormat };
    });
  });
  return {
    spreadsheetId: ss.spreadsheetId,
    updatedRange: formatA1(
      target.sheet.properties.title,
      r0,
      c0,
      r0 + Math.max(height, 1),
      c0 + Math.max(width, 1),
    ),
    updatedRows: height,
    updatedColumns: width,
    updatedCells: cells,
  };
}

function transposeInput(rows: InputRows): InputRows {
  const width = widestRow(rows);
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? null));
}

function rowHasData(sheet: SheetRec, r: number, c0: number, c1: number): boolean {
  const cells = sheet.rows[r]?.cells ?? [];
  for (let c = c0; c < Math.min(c1, cells.length); c++) if (hasValue(cells[c])) return true;
  return false;
}

/**
 * values.append: find the table (the first run of non-empty rows) inside the range, then write below its last row,
 * starting at the table's first column. INSERT_ROWS inserts fresh rows there; OVERWRITE writes over what is below.
 */
export function appendValues(
  ss: SpreadsheetRec,
  a1: string,
  values: InputRows | undefined,
  option: string | undefined,
  insertDataOption: string | undefined,
  majorDimension: string | undefined,
  insertRows: (sheet: SheetRec, at: number, count: number) => void,
) {
  const target = resolveRange(ss, a1, true);
  const { sheet, c0 } = target;
  const grid = sheet.properties.gridProperties;
  const c1 = Math.min(target.c1, grid.columnCount);
  const r1 = Math.min(target.r1, grid.rowCount);
  let first = -1;
  for (let r = target.r0; r < r1; r++) {
    if (rowHasData(sheet, r, c0, c1)) {
      first = r;
      break;
    }
  }
  let last = first;
  if (first >= 0) while (last + 1 < r1 && rowHasData(sheet, last + 1, c0, c1)) last++;
  let tableCol = c0;
  let tableEndCol = c0;
  if (first >= 0) {
    tableCol = c1;
    for (let r = first; r <= last; r++) {
      const cells = sheet.rows[r]!.cells;
      for (let c = c0; c < Math.min(c1, cells.length); c++) {
        if (hasValue(cells[c])) {
          tableCol = Math.min(tableCol, c);
          tableEndCol = Math.max(tableEndCol, c + 1);
        }
      }
    }
  }
  const at = first >= 0 ? last + 1 : target.r0;
  const rows = majorDimension === 'COLUMNS' ? transposeInput(values ?? []) : (values ?? []);
  if ((insertDataOption ?? 'OVERWRITE') === 'INSERT_ROWS' && rows.length > 0) {
    if (at < grid.rowCount) insertRows(sheet, at, rows.length);
  }
  const updates = writeValues(ss, a1, rows, option, undefined, { row: at, col: tableCol });
  return {
    spreadsheetId: ss.spreadsheetId,
    ...(first >= 0
      ? { tableRange: formatA1(sheet.properties.title, first, tableCol, last + 1, tableEndCol) }
      : {}),
    updates,
  };
}

/** values.clear: remove values (formats stay). */
export function clearValues(ss: SpreadsheetRec, a1: string) {
  const { sheet, r0, r1, c0, c1 } = resolveRange(ss, a1);
  for (let r = r0; r < r1; r++) {
    const cells = sheet.rows[r]!.cells;
    for (let c = c0; c < Math.min(c1, cells.length); c++) if (cells[c]) delete cells[c]!.userEnteredValue;
  }
  return { spreadsheetId: ss.spreadsheetId, clearedRange: formatA1(sheet.properties.title, r0, c0, r1, c1) };
}
