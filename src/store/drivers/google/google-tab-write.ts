import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { parseAddress, parseRange } from '../../grid/a1';
import type { TabWrite } from '../../port';
import { NO_GAXIOS_RETRY, type GoogleCaller } from './google-call';
import { rgbOfFill } from './google-a1';
import { extendedValue } from './google-cells';

/** Excel character units → pixels, as Sheets shows a column the .xlsx template sizes in characters. */
const pixels = (chars: number) => Math.round(chars * 7 + 5);

/**
 * The batchUpdate requests that write whole system-owned tabs (the monthly 通报): an existing tab of that name is
 * deleted and added again, so no cell of an older version survives; one spreadsheets.get finds the existing tabs.
 * They go in the same atomic batchUpdate as the rest of the plan.
 * @example requests.push(...(await tabWriteRequests(caller, plan.tabs)));
 */
export async function tabWriteRequests(
  caller: GoogleCaller,
  tabs: TabWrite[],
): Promise<sheets_v4.Schema$Request[]> {
  const data = await caller.call<sheets_v4.Schema$Spreadsheet>('apply', true, (s) =>
    s.spreadsheets.get(
      { spreadsheetId: caller.spreadsheetId, fields: 'sheets.properties(sheetId,title)' },
      NO_GAXIOS_RETRY,
    ),
  );
  const existing = new Map((data.sheets ?? []).map((s) => [s.properties?.title?.trim() ?? '', s.properties]));
  const taken = new Set([...existing.values()].map((p) => p?.sheetId ?? 0));
  const requests: sheets_v4.Schema$Request[] = [];
  for (const tab of tabs) {
    const old = existing.get(tab.name.trim());
    if (old) requests.push({ deleteSheet: { sheetId: old.sheetId ?? 0 } });
    let sheetId = 1_000_000 + (hash(tab.name) % 1_000_000_000);
    while (taken.has(sheetId)) sheetId++;
    taken.add(sheetId);
    requests.push({ addSheet: { properties: { sheetId, title: tab.name } } });
    requests.push(...contentRequests(sheetId, tab));
  }
  return requests;
}

function contentRequests(sheetId: number, tab: TabWrite): sheets_v4.Schema$Request[] {
  const fills = new Map<string, string>();
  for (const [address, rgb] of Object.entries(tab.fills ?? {})) {
    const { row, column } = parseAddress(address);
    fills.set(`${row}:${column}`, rgb);
  }
  const bold = new Set(tab.boldRows ?? []);
  const width = Math.max(0, ...tab.rows.map((r) => r.length));
  const rows = tab.rows.map((values, r) => ({
    values: Array.from({ length: width }, (_, c): sheets_v4.Schema$CellData => {
      const value = extendedValue(values[c] ?? null);
      const fill = fills.get(`${r + 1}:${c + 1}`);
      return {
        ...(value ? { userEnteredValue: value } : {}),
        userEnteredFormat: {
          wrapStrategy: 'WRAP',
          verticalAlignment: 'MIDDLE',
          ...(bold.has(r + 1) ? { textFormat: { bold: true } } : {}),
          ...(fill ? { backgroundColorStyle: { rgbColor: rgbOfFill(fill) } } : {}),
        },
      };
    }),
  }));
  const out: sheets_v4.Schema$Request[] = [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows,
        fields: 'userEnteredValue,userEnteredFormat',
      },
    },
  ];
  for (const range of tab.merges ?? []) {
    const m = parseRange(range);
    out.push({
      mergeCells: {
        mergeType: 'MERGE_ALL',
        range: {
          sheetId,
          startRowIndex: m.top - 1,
          endRowIndex: m.bottom,
          startColumnIndex: m.left - 1,
          endColumnIndex: m.right,
        },
      },
    });
  }
  (tab.widths ?? []).forEach((w, i) => {
    out.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: pixels(w) },
        fields: 'pixelSize',
      },
    });
  });
  return out;
}

/** A stable small number from a tab name, so the same 通报 gets the same sheetId when nothing is in the way. */
function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}
