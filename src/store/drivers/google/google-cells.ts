/**
 * The updateCells requests of a plan's cell writes, packed tight: a scan of 50,000 tasks changes a whole column
 * (剩余工作日) every working day, and every batchUpdate body must stay under Google's 10 MB limit.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { rgbOfFill } from './google-a1';
import type { RecordedWrite } from './google-grid';
import type { CellWrite, DateCell } from '../../port';
import { formatOf, isDateCell, serialOf } from '../../grid/date-cell';

/** One request carries at most this much, so `batches` can always keep a batchUpdate under its byte limit. */
export const REQUEST_CHUNK_BYTES = 1_000_000;

export const VALUE_MASK = 'userEnteredValue';
/** backgroundColor is the deprecated twin of backgroundColorStyle: Google keeps them as one property. */
const FILL_MASK = 'userEnteredFormat.backgroundColorStyle';
/** The number format of a date written (the value's mask goes with it). */
export const DATE_MASK = `${VALUE_MASK},userEnteredFormat.numberFormat`;

/**
 * A value as Sheets stores it, never evaluated: numbers as numberValue, text (even '=…') as stringValue, a date as
 * its serial number (shown as a date by `dateFormat`).
 */
export function extendedValue(value: CellWrite): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === null || value === '') return undefined;
  if (isDateCell(value)) return { numberValue: serialOf(value) };
  return typeof value === 'number' ? { numberValue: value } : { stringValue: value };
}

/**
 * The number format of a date cell written, as the template's date columns have it.
 * @example dateFormat({ date: '2026-12-03', time: '14:05:00' }) // { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' }
 */
export function dateFormat(value: DateCell): sheets_v4.Schema$NumberFormat {
  return { type: value.time ? 'DATE_TIME' : 'DATE', pattern: formatOf(value) };
}

/** A ledger cell appended or written: its value and, for a date, its number format. */
export function valueData(value: CellWrite): sheets_v4.Schema$CellData {
  const v = extendedValue(value);
  if (!v) return {};
  return isDateCell(value)
    ? { userEnteredValue: v, userEnteredFormat: { numberFormat: dateFormat(value) } }
    : { userEnteredValue: v };
}

function maskOf(w: RecordedWrite): string {
  if (w.value === undefined) return FILL_MASK;
  const value = isDateCell(w.value) ? DATE_MASK : VALUE_MASK;
  return w.fill === undefined ? value : `${value},${FILL_MASK}`;
}

function cellData(w: RecordedWrite): sheets_v4.Schema$CellData {
  const out = w.value === undefined ? {} : valueData(w.value);
  if (w.fill)
    out.userEnteredFormat = {
      ...out.userEnteredFormat,
      backgroundColorStyle: { rgbColor: rgbOfFill(w.fill) },
    };
  return out;
}

/** Adjacent cells of one row that share a field mask. */
interface RowRun {
  row: number;
  column: number;
  mask: string;
  values: sheets_v4.Schema$CellData[];
}

function rowRuns(writes: Iterable<RecordedWrite>): RowRun[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: RowRun[] = [];
  let run: RowRun | undefined;
  for (const w of sorted) {
    const mask = maskOf(w);
    if (!run || run.row !== w.row || run.column + run.values.length !== w.column || run.mask !== mask) {
      run = { row: w.row, column: w.column, mask, values: [] };
      runs.push(run);
    }
    run.values.push(cellData(w));
  }
  return runs;
}

/**
 * updateCells requests for a tab's writes. Runs of adjacent cells in a row that share a mask are stacked with the
 * runs starting in the same column on the rows just below, so a column changed on every row (剩余工作日 each
 * morning) or a block of system columns (a first scan) is one request, not one per row; each request stays
 * under REQUEST_CHUNK_BYTES.
 *
 * @example cellRequests(0, [{ row: 3, column: 5, value: 12 }, { row: 4, column: 5, value: 7 }]).length // 1
 */
export function cellRequests(sheetId: number, writes: Iterable<RecordedWrite>): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  const open = new Map<
    string,
    { request: sheets_v4.Schema$UpdateCellsRequest; lastRow: number; bytes: number }
  >();
  for (const run of rowRuns(writes)) {
    const key = `${run.column}|${run.mask}`;
    const bytes = Buffer.byteLength(JSON.stringify(run.values)) + 12;
    const block = open.get(key);
    if (block && block.lastRow + 1 === run.row && block.bytes + bytes <= REQUEST_CHUNK_BYTES) {
      block.request.rows!.push({ values: run.values });
      block.lastRow = run.row;
      block.bytes += bytes;
      continue;
    }
    const request: sheets_v4.Schema$UpdateCellsRequest = {
      start: { sheetId, rowIndex: run.row - 1, columnIndex: run.column - 1 },
      rows: [{ values: run.values }],
      fields: run.mask,
    };
    open.set(key, { request, lastRow: run.row, bytes });
    requests.push({ updateCells: request });
  }
  return requests;
}
