/**
 * SheetStore.apply for Google Sheets: one spreadsheets.get re-reads the touched tabs (values, merges, row
 * developer metadata), the shared plan logic re-finds every row by 编号 there, and everything it wrote goes out in
 * ONE atomic spreadsheets.batchUpdate — values as stringValue/numberValue (never evaluated), fills as
 * backgroundColorStyle, and a `duban.id` developer-metadata tag on every task row touched that lacks one.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { applyPlanToGrids, rowsKept } from '../../grid/apply-plan';
import { cellText } from '../../grid/cell-text';
import { NO_GAXIOS_RETRY, isMissingTabError, type GoogleCaller } from './google-call';
import { quoteTab } from './google-a1';
import { cellRequests, DATE_MASK, REQUEST_CHUNK_BYTES, VALUE_MASK, valueData } from './google-cells';
import { isDateCell } from '../../grid/date-cell';
import {
  cellOfData,
  rangesOfMerges,
  recordingGrid,
  type GoogleTab,
  type RecordingGrid,
  type RowTag,
} from './google-grid';
import { tabTitles } from './google-read';
import { tabWriteRequests } from './google-tab-write';
import { StaleSnapshotError, type ApplyResult, type WritePlan } from '../../port';
import { StoreError } from '../../errors';
import type { OpenTab, TabOpener } from '../../grid/open-tab';

/** Developer-metadata key tagging each task row with its 编号, so the row can be told apart whatever staff do. */
export const ROW_ID_KEY = 'duban.id';

const GRID_FIELDS =
  'sheets(properties(sheetId,title),merges,data(rowData(values(effectiveValue,userEnteredValue/formulaValue,userEnteredFormat/numberFormat/type)),rowMetadata/developerMetadata(metadataId,metadataKey,metadataValue)))';

/** Re-read the touched tabs in one call; `headersOnly` tabs (ledgers only appended to) just their header rows. */
async function fetchTabs(
  caller: GoogleCaller,
  names: string[],
  headersOnly = new Set<string>(),
): Promise<Map<string, GoogleTab>> {
  const tabs = new Map<string, GoogleTab>();
  if (!names.length) return tabs;
  const ranges = names.map((n) => (headersOnly.has(n) ? `${quoteTab(n)}!1:2` : quoteTab(n)));
  const data = await caller.call<sheets_v4.Schema$Spreadsheet>('apply', true, (s) =>
    s.spreadsheets.get({ spreadsheetId: caller.spreadsheetId, ranges, fields: GRID_FIELDS }, NO_GAXIOS_RETRY),
  );
  for (const sheet of data.sheets ?? []) {
    const grid = sheet.data?.[0];
    const rowTags = new Map<number, RowTag[]>();
    (grid?.rowMetadata ?? []).forEach((meta, i) => {
      const tags = (meta.developerMetadata ?? []).map((m) => ({
        metadataId: m.metadataId ?? 0,
        metadataKey: m.metadataKey ?? '',
        ...(m.metadataValue != null ? { metadataValue: m.metadataValue } : {}),
      }));
      if (tags.length) rowTags.set(i + 1, tags);
    });
    tabs.set(sheet.properties?.title ?? '', {
      name: sheet.properties?.title ?? '',
      sheetId: sheet.properties?.sheetId ?? 0,
      cells: (grid?.rowData ?? []).map((row) => (row.values ?? []).map(cellOfData)),
      merges: rangesOfMerges(sheet.merges),
      fills: new Map(),
      rowTags,
    });
  }
  return tabs;
}

/**
 * Google caps developer metadata per sheet (about 30,000 characters of keys and values). Tags are a convenience —
 * rows are re-found by 编号 — so new tags stop well below the cap rather than ever making the atomic write fail.
 */
export const ROW_TAG_BUDGET = 20_000;

const tagSize = (key: string, value = '') => key.length + value.length;

/**
 * createDeveloperMetadata / updateDeveloperMetadata so each touched task row carries `duban.id` = its 编号,
 * within ROW_TAG_BUDGET characters for the sheet.
 */
export function tagRequests(
  grid: RecordingGrid,
  idColumn: number | undefined,
  rows: Set<number>,
): sheets_v4.Schema$Request[] {
  if (idColumn === undefined) return [];
  const requests: sheets_v4.Schema$Request[] = [];
  let used = 0;
  for (const tags of grid.tab.rowTags.values())
    for (const t of tags) used += tagSize(t.metadataKey, t.metadataValue);
  for (const row of [...rows].sort((a, b) => a - b)) {
    const id = cellText(grid.value(row, idColumn)).trim();
    if (!id) continue;
    const tag = grid.tab.rowTags.get(row)?.find((t) => t.metadataKey === ROW_ID_KEY);
    if (tag?.metadataValue === id) continue;
    const growth = tagSize(ROW_ID_KEY, id) - (tag ? tagSize(tag.metadataKey, tag.metadataValue) : 0);
    if (used + growth > ROW_TAG_BUDGET) continue;
    used += growth;
    if (tag) {
      requests.push({
        updateDeveloperMetadata: {
          dataFilters: [{ developerMetadataLookup: { metadataId: tag.metadataId } }],
          developerMetadata: { metadataValue: id },
          fields: 'metadataValue',
        },
      });
      continue;
    }
    requests.push({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: ROW_ID_KEY,
          metadataValue: id,
          visibility: 'DOCUMENT',
          location: {
            dimensionRange: {
              sheetId: grid.tab.sheetId,
              dimension: 'ROWS',
              startIndex: row - 1,
              endIndex: row,
            },
          },
        },
      },
    });
  }
  return requests;
}

function planTabs(plan: WritePlan): { all: string[]; tasks: Set<string>; headersOnly: Set<string> } {
  const tasks = new Set([...plan.cells, ...plan.ids, ...plan.appends].map((c) => c.tab));
  const full = new Set([...tasks, ...plan.ledgerUpdates.map((u) => u.tab)]);
  const headersOnly = new Set((plan.rows ?? []).map((r) => r.tab).filter((t) => !full.has(t)));
  return { all: [...full, ...headersOnly], tasks, headersOnly };
}

/**
 * appendCells requests for ledger rows: Google appends them after the sheet's last row with data, atomically with
 * the rest of the batch, so two scans appending at once never overwrite each other.
 */
function appendRequests(
  plan: WritePlan,
  skipped: ApplyResult['skipped'],
  opened: (tab: string) => (OpenTab & { grid: RecordingGrid }) | null,
): { requests: sheets_v4.Schema$Request[]; count: number } {
  const requests: sheets_v4.Schema$Request[] = [];
  let count = 0;
  for (const ledger of plan.rows ?? []) {
    const { tab } = ledger;
    const rows = rowsKept(ledger, skipped);
    const open = opened(tab);
    if (!open) throw new StoreError('google', `apply: no tab '${tab}' to append ${rows.length} rows to`);
    let dated = false;
    const rowData = rows.map((values) => {
      const cells: sheets_v4.Schema$CellData[] = [];
      for (const [header, value] of Object.entries(values)) {
        const column = open.layout.columns.get(header);
        if (column === undefined)
          throw new StoreError(
            'google',
            `apply: no column '${header}' in '${tab}' (headers: ${open.layout.keys.join(', ')})`,
          );
        cells[column - 1] = valueData(value);
        if (isDateCell(value)) dated = true;
      }
      return { values: Array.from(cells, (c) => c ?? {}) };
    });
    const fields = dated ? DATE_MASK : VALUE_MASK;
    // Several appendCells of bounded size, so `batches` can keep every batchUpdate under Google's body limit.
    let chunk: sheets_v4.Schema$RowData[] = [];
    let bytes = 0;
    const flush = () => {
      if (chunk.length)
        requests.push({ appendCells: { sheetId: open.grid.tab.sheetId, rows: chunk, fields } });
      chunk = [];
      bytes = 0;
    };
    for (const row of rowData) {
      const size = Buffer.byteLength(JSON.stringify(row));
      if (bytes + size > REQUEST_CHUNK_BYTES) flush();
      chunk.push(row);
      bytes += size;
    }
    flush();
    count += rows.length;
  }
  return { requests, count };
}

/**
 * Apply a plan: 2 API calls (re-read the touched tabs, then one batchUpdate) while its requests fit BATCH_BYTES —
 * a daily scan of 50,000 tasks does; a first scan of thousands of tasks takes one more batchUpdate per 8 MB.
 * @example const result = await applyGooglePlan(caller, plan, tabOpener());
 */
export async function applyGooglePlan(
  caller: GoogleCaller,
  plan: WritePlan,
  tabOpener: TabOpener,
): Promise<ApplyResult> {
  const { all, tasks, headersOnly } = planTabs(plan);
  const whole = plan.tabs?.length ? await tabWriteRequests(caller, plan.tabs) : [];
  if (!all.length && !whole.length) return { skipped: [], cellsWritten: 0, fillsWritten: 0, idsAssigned: 0 };
  let tabs: Map<string, GoogleTab>;
  try {
    tabs = await fetchTabs(caller, all, headersOnly);
  } catch (error) {
    if (!isMissingTabError(error)) throw error;
    const titles = await tabTitles(caller, 'apply');
    tabs = await fetchTabs(
      caller,
      all.filter((t) => titles.has(t)),
      headersOnly,
    );
  }
  const opened = new Map<string, OpenTab<RecordingGrid>>();
  const open = (name: string) => {
    const tab = tabs.get(name);
    if (!tab) return null;
    let o = opened.get(name);
    if (!o) {
      o = tabOpener.open(recordingGrid(tab), name);
      opened.set(name, o);
    }
    return o;
  };
  const result = applyPlanToGrids({ ...plan, rows: [] }, open, 'google');
  const requests: sheets_v4.Schema$Request[] = [];
  for (const [name, { grid, layout }] of opened) {
    // One push per request: a big first scan has ~10^5 of them, too many to spread as arguments.
    for (const r of cellRequests(grid.tab.sheetId, grid.writes.values())) requests.push(r);
    if (tasks.has(name)) {
      const rows = new Set([...grid.writes.values()].map((w) => w.row));
      for (const r of tagRequests(grid, layout.columns.get('编号'), rows)) requests.push(r);
    }
  }
  for (const r of whole) requests.push(r);
  if (whole.length) result.tabsWritten = plan.tabs!.length;
  const appended = appendRequests(plan, result.skipped, open);
  for (const r of appended.requests) requests.push(r);
  if (appended.count) result.rowsAppended = appended.count;
  for (const batch of batches(requests)) {
    try {
      await caller.call('apply', true, (s) =>
        s.spreadsheets.batchUpdate(
          { spreadsheetId: caller.spreadsheetId, requestBody: { requests: batch } },
          NO_GAXIOS_RETRY,
        ),
      );
    } catch (error) {
      // Another writer (a concurrent scan) added the tab this plan adds since it was read: re-read and re-plan.
      if (
        whole.length &&
        /addSheet: A sheet with the name .* already exists/.test(String((error as Error).message))
      )
        throw new StaleSnapshotError(`[store:google] ${(error as Error).message}; read again and re-plan`);
      throw error;
    }
  }
  return result;
}

/**
 * Google refuses a request body over 10 MB. A plan that big (the first scan of a few thousand tasks) goes out as
 * several batchUpdates of at most BATCH_BYTES, in order, each atomic; the ledger appends come last, so the audit
 * rows land only when every change before them did. A failure midway leaves earlier batches written — system
 * cells only — and the next scan's diff writes the rest.
 */
export const BATCH_BYTES = 8_000_000;

export function batches(
  requests: sheets_v4.Schema$Request[],
  limit = BATCH_BYTES,
): sheets_v4.Schema$Request[][] {
  const out: sheets_v4.Schema$Request[][] = [];
  let current: sheets_v4.Schema$Request[] = [];
  let size = 0;
  for (const request of requests) {
    const bytes = Buffer.byteLength(JSON.stringify(request));
    if (current.length && size + bytes > limit) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(request);
    size += bytes;
  }
  if (current.length) out.push(current);
  return out;
}
