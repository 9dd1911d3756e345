/**
 * SheetStore.read for Google Sheets in two calls whatever the row count: one values.batchGet for every tab, then
 * one spreadsheets.get with a tight field mask for sheet ids, merges, and the formats (fill, date type) of only the
 * columns that need them.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { NO_GAXIOS_RETRY, isMissingTabError, type GoogleCaller } from './google-call';
import { columnRuns, quoteTab, rangeA1 } from './google-a1';
import {
  cellOfValue,
  fillKey,
  fillOfFormat,
  numberKindOf,
  type NumberKind,
  rangesOfMerges,
  recordingGrid,
  type GoogleTab,
} from './google-grid';
import { missingTabProblem, monthGroup, normalizeHeader } from '../../grid/headers';
import type { Cell, Fill, Snapshot, TabSpec } from '../../port';
import { readTab } from '../../grid/read-tab';

type Json = string | number | boolean;

const FORMAT_FIELDS =
  'sheets(properties(sheetId,title),merges,data(startRow,startColumn,rowData(values(userEnteredFormat(backgroundColor,backgroundColorStyle,numberFormat/type)))))';

interface RawTab {
  spec: TabSpec;
  values: Json[][];
}

/** Titles of all tabs (only needed when a requested tab turned out to be missing). */
export async function tabTitles(caller: GoogleCaller, operation: string): Promise<Set<string>> {
  const data = await caller.call<sheets_v4.Schema$Spreadsheet>(operation, true, (s) =>
    s.spreadsheets.get(
      { spreadsheetId: caller.spreadsheetId, fields: 'sheets.properties.title' },
      NO_GAXIOS_RETRY,
    ),
  );
  return new Set((data.sheets ?? []).map((s) => s.properties?.title ?? ''));
}

async function batchGet(caller: GoogleCaller, specs: TabSpec[]): Promise<Json[][][]> {
  if (!specs.length) return [];
  const data = await caller.call<sheets_v4.Schema$BatchGetValuesResponse>('read', true, (s) =>
    s.spreadsheets.values.batchGet(
      {
        spreadsheetId: caller.spreadsheetId,
        ranges: specs.map((t) => quoteTab(t.name)),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
        fields: 'valueRanges(range,values)',
      },
      NO_GAXIOS_RETRY,
    ),
  );
  return specs.map((_, i) => (data.valueRanges?.[i]?.values ?? []) as Json[][]);
}

/**
 * Header keys a column might get, before merges are known: its own texts, and the row-1 text carried right over
 * empty row-1 cells (what a merged group looks like in values). A superset, so the fills asked for cover the real key.
 */
function candidateKeys(values: Json[][], headerRows: 1 | 2, column: number, carried: string): string[] {
  const text = (r: number) => normalizeHeader(String(values[r]?.[column] ?? ''));
  const top = text(0);
  if (headerRows === 1) return [top];
  const sub = text(1);
  const group = top || carried;
  const month = monthGroup(group);
  return [top, sub, `${group}/${sub}`, ...(month ? [`${month}/${sub}`] : [])].filter(
    (k) => k !== '' && !k.endsWith('/'),
  );
}

/** 1-based columns whose formats are worth fetching: possible fill columns and columns holding numbers (dates? percentages?). */
function formatColumns(raw: RawTab): number[] {
  const { spec, values } = raw;
  let width = 0; // a loop, not Math.max(...rows): a spread of 10⁵ rows overflows the stack
  for (const row of values) if (row.length > width) width = row.length;
  const wanted: number[] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const top = normalizeHeader(String(values[0]?.[c] ?? ''));
    if (top) carried = top;
    const keys = candidateKeys(values, spec.headerRows, c, carried);
    const fill = spec.fillsOf ? keys.some((k) => spec.fillsOf!(k)) : false;
    const numeric = values.some((row, r) => r >= spec.headerRows && typeof row[c] === 'number');
    if (fill || numeric) wanted.push(c + 1);
  }
  return wanted;
}

interface Formats {
  sheetId: number;
  merges: ReturnType<typeof rangesOfMerges>;
  fills: Map<number, Fill>;
  /** Cells read as dates or percentages, by fillKey; the others are plain numbers. */
  kinds: Map<number, NumberKind>;
  fetched: Set<number>;
}

async function fetchFormats(
  caller: GoogleCaller,
  wanted: Map<string, { columns: number[]; lastRow: number }>,
) {
  const ranges: string[] = [];
  for (const [name, { columns, lastRow }] of wanted) {
    const runs = columnRuns(columns);
    if (!runs.length || lastRow < 1) ranges.push(rangeA1(name, 1, 1, 1, 1));
    else for (const [l, r] of runs) ranges.push(rangeA1(name, 1, l, lastRow, r));
  }
  const data = await caller.call<sheets_v4.Schema$Spreadsheet>('read', true, (s) =>
    s.spreadsheets.get(
      { spreadsheetId: caller.spreadsheetId, ranges, fields: FORMAT_FIELDS },
      NO_GAXIOS_RETRY,
    ),
  );
  const out = new Map<string, Formats>();
  for (const sheet of data.sheets ?? []) {
    const name = sheet.properties?.title ?? '';
    const formats: Formats = {
      sheetId: sheet.properties?.sheetId ?? 0,
      merges: rangesOfMerges(sheet.merges),
      fills: new Map(),
      kinds: new Map(),
      fetched: new Set(wanted.get(name)?.columns ?? []),
    };
    for (const grid of sheet.data ?? []) {
      const r0 = grid.startRow ?? 0;
      const c0 = grid.startColumn ?? 0;
      (grid.rowData ?? []).forEach((row, i) => {
        (row.values ?? []).forEach((cell, j) => {
          const key = fillKey(r0 + i + 1, c0 + j + 1);
          const fill = fillOfFormat(cell.userEnteredFormat);
          if (fill) formats.fills.set(key, fill);
          const kind = numberKindOf(cell.userEnteredFormat?.numberFormat?.type);
          if (kind !== 'plain') formats.kinds.set(key, kind);
        });
      });
    }
    out.set(name, formats);
  }
  return out;
}

function tabOf(raw: RawTab, formats: Formats): GoogleTab {
  const cells: Cell[][] = raw.values.map((row, r) =>
    row.map((v, c) => cellOfValue(v, formats.kinds.get(fillKey(r + 1, c + 1)))),
  );
  return {
    name: raw.spec.name,
    sheetId: formats.sheetId,
    cells,
    merges: formats.merges,
    fills: formats.fills,
    rowTags: new Map(),
  };
}

/** FNV-1a of the values read: a cheap version token (the driver reconciles by 编号 rather than refusing on change). */
function versionOf(raws: RawTab[]): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(raws.map((r) => [r.spec.name, r.values]));
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `google:${h.toString(16)}`;
}

/**
 * Read tabs: ≤ 2 API calls in the normal case (a missing tab costs one more to list the titles; a fill column that
 * only merges revealed costs one more to fetch its fills).
 * @example const snapshot = await readGoogleTabs(caller, [{ name: '挂图作战表', headerRows: 2, required: ['编号'] }]);
 */
export async function readGoogleTabs(caller: GoogleCaller, specs: TabSpec[]): Promise<Snapshot> {
  const snapshot: Snapshot = { tabs: {}, problems: [], version: '' };
  let present = specs;
  let values: Json[][][];
  try {
    values = await batchGet(caller, present);
  } catch (error) {
    if (!isMissingTabError(error)) throw error;
    const titles = await tabTitles(caller, 'read');
    present = specs.filter((s) => titles.has(s.name));
    values = await batchGet(caller, present);
  }
  const raws: RawTab[] = present.map((spec, i) => ({ spec, values: values[i]! }));
  if (!raws.length) {
    for (const spec of specs) snapshot.problems.push(missingTabProblem(spec.name));
    snapshot.version = versionOf(raws);
    return snapshot;
  }
  const wanted = new Map(
    raws.map((raw) => [raw.spec.name, { columns: formatColumns(raw), lastRow: raw.values.length }]),
  );
  const formats = await fetchFormats(caller, wanted);

  // Merges may reveal a fill column the value-only guess missed: fetch just those (rare) in one more call.
  const results = new Map<string, ReturnType<typeof readTab>>();
  const missing = new Map<string, { columns: number[]; lastRow: number }>();
  for (const raw of raws) {
    const f = formats.get(raw.spec.name)!;
    const result = readTab(recordingGrid(tabOf(raw, f)), raw.spec);
    results.set(raw.spec.name, result);
    const need = result.layout.keys
      .filter((k) => raw.spec.fillsOf?.(normalizeHeader(k)))
      .map((k) => result.layout.columns.get(k)!)
      .filter((c) => !f.fetched.has(c));
    if (need.length && raw.values.length > raw.spec.headerRows)
      missing.set(raw.spec.name, { columns: need, lastRow: raw.values.length });
  }
  if (missing.size) {
    const extra = await fetchFormats(caller, missing);
    for (const raw of raws) {
      const more = extra.get(raw.spec.name);
      if (!more || !missing.has(raw.spec.name)) continue;
      const f = formats.get(raw.spec.name)!;
      for (const [k, v] of more.fills) f.fills.set(k, v);
      results.set(raw.spec.name, readTab(recordingGrid(tabOf(raw, f)), raw.spec));
    }
  }

  for (const spec of specs) {
    const result = results.get(spec.name);
    if (!result) {
      snapshot.problems.push(missingTabProblem(spec.name));
      continue;
    }
    snapshot.tabs[spec.name] = result.data;
    snapshot.problems.push(...result.layout.problems);
  }
  snapshot.version = versionOf(raws);
  return snapshot;
}
