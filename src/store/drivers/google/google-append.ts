/**
 * SheetStore.append for Google Sheets: one spreadsheets.get for the header rows and merges, one values.append
 * (RAW, INSERT_ROWS). The range starts below the lowest merge so rows never land inside merged cells; Google's
 * table detection then puts them after the ledger's last row.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { columnLetter } from '../../grid/a1';
import { appendRowsToGrid } from '../../grid/apply-plan';
import { StoreError } from '../../errors';
import { NO_GAXIOS_RETRY, isMissingTabError, type GoogleCaller } from './google-call';
import { quoteTab, rowsOfRange } from './google-a1';
import {
  cellOfData,
  rangesOfMerges,
  recordingGrid,
  type RecordedWrite,
  type RecordingGrid,
} from './google-grid';
import { cellRequests } from './google-cells';
import { isDateCell, serialOf } from '../../grid/date-cell';
import type { AppendResult, CellWrite } from '../../port';
import type { TabOpener } from '../../grid/open-tab';

const HEADER_FIELDS = 'sheets(properties(sheetId,title),merges,data(rowData(values(effectiveValue))))';

/**
 * Append ledger rows; unknown columns or a missing tab throw before anything is written.
 * @example await appendGoogleRows(caller, '审计日志', [{ 时间: '2026-03-02 08:30', 动作: '扫描' }], () => 1) // { rows: [42] }
 */
export async function appendGoogleRows(
  caller: GoogleCaller,
  name: string,
  rows: Array<Record<string, CellWrite>>,
  tabOpener: TabOpener,
): Promise<AppendResult> {
  let data: sheets_v4.Schema$Spreadsheet;
  try {
    data = await caller.call('append', true, (s) =>
      s.spreadsheets.get(
        { spreadsheetId: caller.spreadsheetId, ranges: [`${quoteTab(name)}!1:2`], fields: HEADER_FIELDS },
        NO_GAXIOS_RETRY,
      ),
    );
  } catch (error) {
    if (isMissingTabError(error))
      throw new StoreError('google', `append: no tab '${name}'`, { cause: error });
    throw error;
  }
  const sheet = data.sheets?.[0];
  const merges = rangesOfMerges(sheet?.merges);
  const grid = recordingGrid({
    name,
    sheetId: sheet?.properties?.sheetId ?? 0,
    cells: (sheet?.data?.[0]?.rowData ?? []).map((row) => (row.values ?? []).map(cellOfData)),
    merges: merges.filter((m) => m.top <= 2),
    fills: new Map(),
    rowTags: new Map(),
  });
  const { layout } = tabOpener.open(grid, name);
  if (!rows.length) return { rows: [] };
  // The shared helper validates every header (throwing before any write) and records which column gets what.
  const landed = appendRowsToGrid('google', { grid, layout }, rows);
  const width = Math.max(1, ...layout.columns.values());
  const values = landed.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const w = grid.writes.get(row * 16_384 + c + 1);
      if (w?.value === undefined) return null;
      return isDateCell(w.value) ? serialOf(w.value) : w.value;
    }),
  );
  const start = Math.max(1, ...merges.map((m) => m.bottom + 1));
  const res = await caller.call<sheets_v4.Schema$AppendValuesResponse>('append', false, (s) =>
    s.spreadsheets.values.append(
      {
        spreadsheetId: caller.spreadsheetId,
        range: `${quoteTab(name)}!A${start}:${columnLetter(width)}`,
        valueInputOption: 'RAW',
        insertDataOption: 'INSERT_ROWS',
        fields: 'updates(updatedRange)',
        requestBody: { majorDimension: 'ROWS', values },
      },
      NO_GAXIOS_RETRY,
    ),
  );
  const range = res.updates?.updatedRange;
  if (!range) throw new StoreError('google', `append to '${name}': Google did not say where the rows landed`);
  const at = rowsOfRange(range);
  await formatDates(caller, grid, landed, at);
  return { rows: at };
}

/**
 * values.append cannot set a number format: the date cells just appended (serials, RAW) get theirs in one
 * batchUpdate, at the rows Google put them. Should that fail, the rows are in and their dates still sort as dates
 * (shown as numbers until formatted), so it is logged rather than thrown: a retried append would add them twice.
 */
async function formatDates(caller: GoogleCaller, grid: RecordingGrid, planned: number[], rows: number[]) {
  const landedAt = new Map(planned.map((row, i) => [row, rows[i]!]));
  const writes: RecordedWrite[] = [];
  for (const w of grid.writes.values()) {
    const row = landedAt.get(w.row);
    if (row !== undefined && isDateCell(w.value)) writes.push({ row, column: w.column, value: w.value });
  }
  if (!writes.length) return;
  try {
    await caller.call('append', true, (s) =>
      s.spreadsheets.batchUpdate(
        {
          spreadsheetId: caller.spreadsheetId,
          requestBody: { requests: cellRequests(grid.tab.sheetId, writes) },
        },
        NO_GAXIOS_RETRY,
      ),
    );
  } catch (error) {
    console.warn(
      `[store:google] append to '${grid.name}': date formats not set: ${(error as Error).message}`,
    );
  }
}
