/**
 * spreadsheets.create and spreadsheets.get (properties, merges, protected ranges, developer metadata, and grid data
 * for chosen ranges: values, effective values, formats, row / column metadata).
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { applyMask, maskSelects, parseMask } from './field-mask';
import { allMetadata } from './metadata';
import {
  DEFAULT_COL_PX,
  DEFAULT_ROW_PX,
  isEmptyCell,
  newSheet,
  type CellRec,
  type SheetRec,
  type SpreadsheetRec,
} from './model';
import { resolveRange } from './values-api';
import { effectiveValue, formattedValue } from './values';

const DEFAULT_FORMAT: sheets_v4.Schema$CellFormat = {
  backgroundColor: { red: 1, green: 1, blue: 1 },
  backgroundColorStyle: { rgbColor: { red: 1, green: 1, blue: 1 } },
  padding: { top: 2, right: 3, bottom: 2, left: 3 },
  verticalAlignment: 'BOTTOM',
  wrapStrategy: 'OVERFLOW_CELL',
  textFormat: {
    fontFamily: 'arial,sans,sans-serif',
    fontSize: 10,
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
  },
};

/** Build a spreadsheet record from a create request body. */
export function createSpreadsheet(
  id: string,
  body: sheets_v4.Schema$Spreadsheet | undefined,
): SpreadsheetRec {
  const ss: SpreadsheetRec = {
    spreadsheetId: id,
    properties: {
      title: 'Untitled spreadsheet',
      locale: 'zh_CN',
      timeZone: 'Asia/Shanghai',
      autoRecalc: 'ON_CHANGE',
      ...body?.properties,
    },
    sheets: [],
    metadata: [],
    nextId: 1,
  };
  const wanted = body?.sheets?.length ? body.sheets : [{ properties: { title: 'Sheet1' } }];
  wanted.forEach((s, index) => {
    const grid = s.properties?.gridProperties;
    const sheetId = s.properties?.sheetId ?? (index === 0 ? 0 : ss.nextId++ * 1000 + index);
    const sheet = newSheet(
      sheetId,
      s.properties?.title ?? `Sheet${index + 1}`,
      index,
      grid?.rowCount ?? 1000,
      grid?.columnCount ?? 26,
    );
    if (grid?.frozenRowCount) sheet.properties.gridProperties.frozenRowCount = grid.frozenRowCount;
    if (grid?.frozenColumnCount) sheet.properties.gridProperties.frozenColumnCount = grid.frozenColumnCount;
    ss.sheets.push(sheet);
  });
  return ss;
}

function cellOut(cell: CellRec | undefined): sheets_v4.Schema$CellData {
  if (isEmptyCell(cell)) return {};
  const out: sheets_v4.Schema$CellData = {};
  if (cell!.userEnteredValue) out.userEnteredValue = structuredClone(cell!.userEnteredValue);
  const eff = effectiveValue(cell);
  if (eff) out.effectiveValue = structuredClone(eff);
  const shown = formattedValue(cell);
  if (shown !== undefined && cell!.userEnteredValue) out.formattedValue = shown;
  if (cell!.userEnteredFormat) out.userEnteredFormat = structuredClone(cell!.userEnteredFormat);
  out.effectiveFormat = {
    ...structuredClone(DEFAULT_FORMAT),
    ...structuredClone(cell!.userEnteredFormat ?? {}),
  };
  if (cell!.note) out.note = cell!.note;
  if (cell!.dataValidation) out.dataValidation = structuredClone(cell!.dataValidation);
  return out;
}

function metaOf(ss: SpreadsheetRec) {
  const byRec = new Map<object, sheets_v4.Schema$DeveloperMetadata>();
  for (const entry of allMetadata(ss)) byRec.set(entry.meta, entry.out);
  return byRec;
}

function gridData(
  sheet: SheetRec,
  b: { r0: number; r1: number; c0: number; c1: number },
  meta: Map<object, sheets_v4.Schema$DeveloperMetadata>,
): sheets_v4.Schema$GridData {
  const rowData: sheets_v4.Schema$RowData[] = [];
  for (let r = b.r0; r < b.r1; r++) {
    const values: sheets_v4.Schema$CellData[] = [];
    const cells = sheet.rows[r]!.cells;
    for (let c = b.c0; c < Math.min(b.c1, cells.length); c++) values.push(cellOut(cells[c]));
    while (values.length && Object.keys(values[values.length - 1]!).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && !rowData[rowData.length - 1]!.values) rowData.pop();
  const dim = (rec: { metadata: object[]; pixelSize?: number; hiddenByUser?: boolean }, px: number) => ({
    pixelSize: rec.pixelSize ?? px,
    ...(rec.hiddenByUser ? { hiddenByUser: true } : {}),
    ...(rec.metadata.length ? { developerMetadata: rec.metadata.map((m) => meta.get(m)!) } : {}),
  });
  return {
    ...(b.r0 ? { startRow: b.r0 } : {}),
    ...(b.c0 ? { startColumn: b.c0 } : {}),
    ...(rowData.length ? { rowData } : {}),
    rowMetadata: sheet.rows.slice(b.r0, b.r1).map((row) => dim(row, DEFAULT_ROW_PX)),
    columnMetadata: sheet.cols.slice(b.c0, b.c1).map((col) => dim(col, DEFAULT_COL_PX)),
  };
}

function sheetOut(
  ss: SpreadsheetRec,
  sheet: SheetRec,
  meta: Map<object, sheets_v4.Schema$DeveloperMetadata>,
) {
  const sheetId = sheet.properties.sheetId;
  return {
    properties: structuredClone(sheet.properties),
    ...(sheet.merges.length ? { merges: sheet.merges.map((m) => ({ ...m, sheetId })) } : {}),
    ...(sheet.protectedRanges.length ? { protectedRanges: structuredClone(sheet.protectedRanges) } : {}),
    ...(sheet.metadata.length ? { developerMetadata: sheet.metadata.map((m) => meta.get(m)!) } : {}),
  } as sheets_v4.Schema$Sheet;
}

export interface GetOptions {
  ranges?: string[];
  includeGridData?: boolean;
  fields?: string;
}

/** spreadsheets.get. With `ranges`, only the sheets those ranges touch; grid data when asked or when the mask wants it. */
export function getSpreadsheet(ss: SpreadsheetRec, opts: GetOptions, baseUrl: string): unknown {
  const mask = opts.fields ? parseMask(opts.fields) : undefined;
  // Google: includeGridData is ignored when a field mask is set; the mask decides.
  const wantGrid = mask ? maskSelects(mask, ['sheets', 'data']) : opts.includeGridData === true;
  const meta = metaOf(ss);
  const bySheet = new Map<SheetRec, sheets_v4.Schema$GridData[]>();
  if (opts.ranges?.length) {
    for (const a1 of opts.ranges) {
      const r = resolveRange(ss, a1);
      const list = bySheet.get(r.sheet) ?? [];
      bySheet.set(r.sheet, list);
      if (wantGrid) list.push(gridData(r.sheet, r, meta));
    }
  } else {
    for (const sheet of ss.sheets) {
      const g = sheet.properties.gridProperties;
      bySheet.set(
        sheet,
        wantGrid ? [gridData(sheet, { r0: 0, r1: g.rowCount, c0: 0, c1: g.columnCount }, meta)] : [],
      );
    }
  }
  const sheets = ss.sheets
    .filter((s) => bySheet.has(s))
    .map((s) => {
      const out = sheetOut(ss, s, meta);
      const data = bySheet.get(s)!;
      return data.length ? { ...out, data } : out;
    });
  const body = {
    spreadsheetId: ss.spreadsheetId,
    properties: structuredClone(ss.properties),
    sheets,
    ...(ss.metadata.length ? { developerMetadata: ss.metadata.map((m) => meta.get(m)!) } : {}),
    spreadsheetUrl: `${baseUrl}/spreadsheets/d/${ss.spreadsheetId}/edit`,
  };
  return mask ? applyMask(body, mask) : body;
}
