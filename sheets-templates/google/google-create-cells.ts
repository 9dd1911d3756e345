/**
 * Template cells as Sheets API CellData: header styling mirrored from the .xlsx template, column number formats, and
 * typed values (strings always as stringValue, so `=…` typed by a demo or a form is never evaluated; dates as serials).
 */
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import type { CellValue, ColumnDef } from '../../src/workbook/schema/tabs';
import { rgbOfFill } from '../../src/store/drivers/google/google-a1';

/** The .xlsx template's palette (sheets-templates/xlsx.ts), without the alpha byte. */
export const TEMPLATE_FILLS = { header: 'DDEBF7', group: 'BDD7EE', system: 'D9D9D9' } as const;
const BORDER_RGB = rgbOfFill('8EA9C1');
export const TEMPLATE_FONT = '宋体';

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A JS Date (UTC wall clock, as the demo writes dates) → a Sheets serial number.
 * @example serialOfDate(new Date(Date.UTC(2026, 5, 30))) // 46203
 */
export function serialOfDate(date: Date): number {
  return (date.getTime() - EPOCH_1899) / DAY_MS;
}

function border(): sheets_v4.Schema$Border {
  return { style: 'SOLID', colorStyle: { rgbColor: BORDER_RGB } };
}

/**
 * A header cell's format: bold 宋体 11, centred, wrapped, thin borders, the given fill.
 * @example headerFormat(TEMPLATE_FILLS.system).backgroundColorStyle // { rgbColor: { red: 0.85, … } }
 */
export function headerFormat(fill: string): sheets_v4.Schema$CellFormat {
  const rgb = rgbOfFill(fill);
  return {
    backgroundColor: rgb,
    backgroundColorStyle: { rgbColor: rgb },
    textFormat: { fontFamily: TEMPLATE_FONT, fontSize: 11, bold: true },
    horizontalAlignment: 'CENTER',
    verticalAlignment: 'MIDDLE',
    wrapStrategy: 'WRAP',
    borders: { top: border(), bottom: border(), left: border(), right: border() },
  };
}

/**
 * The number format a column's cells get (as numFmtOf does for .xlsx); undefined = automatic.
 * @example numberFormatOf({ kind: 'date' } as ColumnDef) // { type: 'DATE', pattern: 'yyyy-mm-dd' }
 */
export function numberFormatOf(c: ColumnDef): sheets_v4.Schema$NumberFormat | undefined {
  if (c.forceText) return { type: 'TEXT' };
  if (c.kind === 'date') return { type: 'DATE', pattern: 'yyyy-mm-dd' };
  if (c.kind === 'datetime') return { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' };
  if (c.kind === 'integer') return { type: 'NUMBER', pattern: '0' };
  return undefined;
}

/** The body format of a column: 宋体 10, top-aligned, narrow columns centred, wide text wrapped. */
export function columnFormat(c: ColumnDef): sheets_v4.Schema$CellFormat {
  const numberFormat = numberFormatOf(c);
  return {
    textFormat: { fontFamily: TEMPLATE_FONT, fontSize: 10 },
    verticalAlignment: 'TOP',
    horizontalAlignment: c.width <= 10 ? 'CENTER' : 'LEFT',
    wrapStrategy: c.kind === 'text' && c.width >= 16 ? 'WRAP' : 'OVERFLOW_CELL',
    ...(numberFormat ? { numberFormat } : {}),
  };
}

/** Field mask for data cells: the value and the number format (a date typed into a text column needs a date format). */
export const DATA_CELL_FIELDS = 'userEnteredValue,userEnteredFormat.numberFormat';

/**
 * A template value as CellData under DATA_CELL_FIELDS. A Date becomes a serial with the column's date format (or
 * `yyyy-mm-dd` in a column that is not a date column); a string is always a stringValue.
 * @example dataCell('=HYPERLINK("x")', col) // { userEnteredValue: { stringValue: '=HYPERLINK("x")' } }
 */
export function dataCell(value: CellValue | undefined, c: ColumnDef): sheets_v4.Schema$CellData {
  const columnNumberFormat = numberFormatOf(c);
  const format = (nf: sheets_v4.Schema$NumberFormat | undefined) =>
    nf ? { userEnteredFormat: { numberFormat: nf } } : {};
  if (value === null || value === undefined || value === '') return format(columnNumberFormat);
  if (value instanceof Date) {
    const dated = columnNumberFormat?.type?.startsWith('DATE')
      ? columnNumberFormat
      : { type: 'DATE', pattern: 'yyyy-mm-dd' };
    return { userEnteredValue: { numberValue: serialOfDate(value) }, ...format(dated) };
  }
  if (typeof value === 'number')
    return { userEnteredValue: { numberValue: value }, ...format(columnNumberFormat) };
  return { userEnteredValue: { stringValue: value }, ...format(columnNumberFormat) };
}
