/**
 * The batchUpdate requests that turn an empty tab into one tab of the template, from the one definition
 * (src/workbook/schema/tabs.ts), mirroring what sheets-templates/xlsx/xlsx.ts writes into the .xlsx file.
 * The number of requests depends on the tab's layout only, never on the number of data rows.
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { SYSTEM_NOTE, type CellValue, type ColumnDef, type TabDef } from '../../src/workbook/schema/tabs';
import {
  DATA_CELL_FIELDS,
  TEMPLATE_FILLS,
  columnFormat,
  dataCell,
  headerFormat,
} from './google-create-cells';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

/** What a tab's requests need besides its definition. */
export interface TabLayout {
  sheetId: number;
  /** Rows of the grid: drop-downs and column formats reach the last one. */
  rowCount: number;
  /** Rows below the header rows, by header key. */
  rows: Array<Record<string, CellValue>>;
  /** Sole editor of the system-owned tabs (审计日志, 文书登记), when known. */
  serviceAccountEmail?: string;
}

/**
 * Column width in Excel character units → pixels, as Sheets sizes columns (about 7 px a character plus padding).
 * @example pixelsOfWidth(13) // 96
 */
export function pixelsOfWidth(width: number): number {
  return Math.round(width * 7 + 5);
}

function headerCell(text: string | undefined, fill: string, note?: string): CellData {
  return {
    ...(text ? { userEnteredValue: { stringValue: text } } : {}),
    userEnteredFormat: headerFormat(fill),
    ...(note ? { note } : {}),
  };
}

const fillOf = (c: ColumnDef) => (c.system ? TEMPLATE_FILLS.system : TEMPLATE_FILLS.header);

/** Runs of consecutive columns (0-based, end exclusive) sharing a key. */
function runsBy<T>(columns: readonly ColumnDef[], keyOf: (c: ColumnDef) => T): Array<[number, number, T]> {
  const runs: Array<[number, number, T]> = [];
  columns.forEach((c, i) => {
    const key = keyOf(c);
    const last = runs[runs.length - 1];
    if (last && last[1] === i && JSON.stringify(last[2]) === JSON.stringify(key)) last[1] = i + 1;
    else runs.push([i, i + 1, key]);
  });
  return runs;
}

/**
 * The header rows: texts, fills (system columns grey, month groups darker), notes; on a two-row tab the month groups
 * are merged across their pair and every other header is merged down over both rows.
 */
export function headerRequests(def: TabDef, sheetId: number): Request[] {
  const top: CellData[] = [];
  const bottom: CellData[] = [];
  def.columns.forEach((c, i) => {
    if (def.headerRows === 1 || !c.group) {
      top.push(headerCell(c.header, fillOf(c), c.note));
      bottom.push(headerCell(undefined, fillOf(c)));
      return;
    }
    const first = def.columns[i - 1]?.group !== c.group;
    top.push(headerCell(first ? c.group : undefined, TEMPLATE_FILLS.group));
    bottom.push(headerCell(c.header, fillOf(c), c.note));
  });
  const requests: Request[] = [
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: def.headerRows === 2 ? [{ values: top }, { values: bottom }] : [{ values: top }],
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    },
  ];
  if (def.headerRows === 1) return requests;
  for (const [start, end, group] of runsBy(def.columns, (c) => c.group ?? null)) {
    if (group && end - start < 2) continue;
    // MERGE_COLUMNS over a run of single headers merges each one down over both rows in one request.
    requests.push({
      mergeCells: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: group ? 1 : 2,
          startColumnIndex: start,
          endColumnIndex: end,
        },
        mergeType: group ? 'MERGE_ALL' : 'MERGE_COLUMNS',
      },
    });
  }
  return requests;
}

/** Column widths (runs of equal widths) and header row heights. */
export function dimensionRequests(def: TabDef, sheetId: number): Request[] {
  const widths: Request[] = runsBy(def.columns, (c) => c.width).map(([start, end, width]) => ({
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: end },
      properties: { pixelSize: pixelsOfWidth(width) },
      fields: 'pixelSize',
    },
  }));
  // The .xlsx heights in points (20 / 30) at 4/3 px per point.
  const heights = def.headerRows === 2 ? [27, 40] : [40];
  return [
    ...widths,
    ...heights.map((pixelSize, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize },
        fields: 'pixelSize',
      },
    })),
  ];
}

/** Body formats of the data rows (font, alignment, number format), one request per run of alike columns. */
export function columnFormatRequests(def: TabDef, sheetId: number, rowCount: number): Request[] {
  return runsBy(def.columns, columnFormat).map(([start, end, format]) => ({
    repeatCell: {
      range: {
        sheetId,
        startRowIndex: def.headerRows,
        endRowIndex: rowCount,
        startColumnIndex: start,
        endColumnIndex: end,
      },
      cell: { userEnteredFormat: format },
      fields: 'userEnteredFormat',
    },
  }));
}

/** A drop-down on every list column: a suggestion (strict false), as the .xlsx template's warning-style lists. */
export function validationRequests(def: TabDef, sheetId: number, rowCount: number): Request[] {
  return def.columns.flatMap((c, i) =>
    c.list
      ? [
          {
            setDataValidation: {
              range: {
                sheetId,
                startRowIndex: def.headerRows,
                endRowIndex: rowCount,
                startColumnIndex: i,
                endColumnIndex: i + 1,
              },
              rule: {
                condition: { type: 'ONE_OF_LIST', values: c.list.map((v) => ({ userEnteredValue: v })) },
                strict: false,
                showCustomUi: true,
                inputMessage: `建议从下拉列表选择：${c.list.join('、')}`,
              },
            },
          },
        ]
      : [],
  );
}

/**
 * Protections: the system columns of a staff tab warn before a manual edit (SPEC §2.1); a system-owned ledger
 * (文书登记, 审计日志) is editable only by the service account that appends to it.
 */
export function protectionRequests(def: TabDef, sheetId: number, serviceAccountEmail?: string): Request[] {
  if (def.owner === 'system') {
    return [
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId },
            description: `${def.name}：系统追加，请勿编辑`,
            ...(serviceAccountEmail ? { editors: { users: [serviceAccountEmail] } } : {}),
          },
        },
      },
    ];
  }
  return runsBy(def.columns, (c) => c.system)
    .filter(([, , system]) => system)
    .map(([start, end]) => ({
      addProtectedRange: {
        protectedRange: {
          range: { sheetId, startColumnIndex: start, endColumnIndex: end },
          description: `${def.name}系统列：${SYSTEM_NOTE}`,
          warningOnly: true,
        },
      },
    }));
}

/** The rows below the header rows in one updateCells; an unknown key throws, as the .xlsx writer does. */
export function rowRequests(def: TabDef, sheetId: number, rows: Array<Record<string, CellValue>>): Request[] {
  if (!rows.length) return [];
  const known = new Set(def.columns.map((c) => c.key));
  for (const row of rows) {
    const unknown = Object.keys(row).find((k) => !known.has(k));
    if (unknown) throw new Error(`row key ${JSON.stringify(unknown)} is not a header of ${def.name}`);
  }
  return [
    {
      updateCells: {
        start: { sheetId, rowIndex: def.headerRows, columnIndex: 0 },
        rows: rows.map((row) => ({ values: def.columns.map((c) => dataCell(row[c.key], c)) })),
        fields: DATA_CELL_FIELDS,
      },
    },
  ];
}

/**
 * Every request for one tab: headers and merges, sizes, formats, drop-downs, protections, then the rows.
 * @example const requests = tabRequests(tabDef('督办台账'), { sheetId: 2, rowCount: 1000, rows: [] });
 */
export function tabRequests(def: TabDef, layout: TabLayout): Request[] {
  const { sheetId, rowCount } = layout;
  return [
    ...headerRequests(def, sheetId),
    ...dimensionRequests(def, sheetId),
    ...columnFormatRequests(def, sheetId, rowCount),
    ...validationRequests(def, sheetId, rowCount),
    ...protectionRequests(def, sheetId, layout.serviceAccountEmail),
    ...rowRequests(def, sheetId, layout.rows),
  ];
}
