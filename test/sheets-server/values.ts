/**
 * Cell values as the Sheets API renders and accepts them: render options for reads, RAW / USER_ENTERED parsing for
 * writes, and derived effective values and formatted strings.
 */
import type { CellFormat, CellRec, ExtendedValue } from './model';

export type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
export type JsonCell = string | number | boolean;

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date → its Sheets serial number (days since 1899-12-30). */
export function serialOf(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - EPOCH_1899) / DAY_MS;
}

/** The value Google computes: the entered value, or for a formula nothing (this server does not evaluate formulas). */
export function effectiveValue(cell: CellRec | undefined): ExtendedValue | undefined {
  const v = cell?.userEnteredValue;
  if (!v || (v.formulaValue !== undefined && v.formulaValue !== null)) return undefined;
  return v;
}

function isDateFormat(format: CellFormat | undefined): boolean {
  const type = format?.numberFormat?.type;
  return type === 'DATE' || type === 'DATE_TIME';
}

function formatDate(serial: number, pattern: string): string {
  const date = new Date(EPOCH_1899 + Math.floor(serial) * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const [day = '', time] = pattern.split(' ');
  const shown = day
    .replace(/yyyy/g, String(y))
    .replace(/mm/g, String(m).padStart(2, '0'))
    .replace(/dd/g, String(d).padStart(2, '0'))
    .replace(/m/g, String(m))
    .replace(/d/g, String(d));
  if (time === undefined) return shown;
  // The time of day of a DATE_TIME pattern (`yyyy-mm-dd hh:mm`): its mm are minutes.
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = time
    .replace(/hh/g, two(Math.floor(seconds / 3600)))
    .replace(/mm/g, two(Math.floor(seconds / 60) % 60))
    .replace(/ss/g, two(seconds % 60));
  return `${shown} ${clock}`;
}

/** The string Google shows in the cell. */
export function formattedValue(cell: CellRec | undefined): string | undefined {
  const v = effectiveValue(cell);
  if (!v) return cell?.userEnteredValue ? '' : undefined;
  if (v.stringValue !== undefined && v.stringValue !== null) return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue ? 'TRUE' : 'FALSE';
  if (typeof v.numberValue === 'number') {
    const format = cell?.userEnteredFormat;
    if (isDateFormat(format)) return formatDate(v.numberValue, format?.numberFormat?.pattern ?? 'yyyy-mm-dd');
    if (format?.numberFormat?.type === 'PERCENT') return `${Math.round(v.numberValue * 100)}%`;
    return String(v.numberValue);
  }
  if (v.errorValue) return v.errorValue.type === 'DIVIDE_BY_ZERO' ? '#DIV/0!' : '#ERROR!';
  return undefined;
}

/** Render a cell for values.get / values.batchGet; '' for an empty cell. */
export function renderCell(
  cell: CellRec | undefined,
  render: ValueRender,
  dateRender: DateTimeRender,
): JsonCell {
  const entered = cell?.userEnteredValue;
  if (!entered) return '';
  if (render === 'FORMULA' && typeof entered.formulaValue === 'string') return entered.formulaValue;
  if (render === 'FORMATTED_VALUE') return formattedValue(cell) ?? '';
  const v = effectiveValue(cell);
  if (!v) return '';
  if (typeof v.numberValue === 'number') {
    return isDateFormat(cell?.userEnteredFormat) && dateRender === 'FORMATTED_STRING'
      ? (formattedValue(cell) ?? '')
      : v.numberValue;
  }
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.stringValue === 'string') return v.stringValue;
  return formattedValue(cell) ?? '';
}

/** What a written JSON value becomes. RAW keeps strings as strings (even '=…'); USER_ENTERED parses like typing. */
export function parseInput(
  value: JsonCell,
  option: 'RAW' | 'USER_ENTERED',
): { value: ExtendedValue; format?: CellFormat } {
  if (typeof value === 'number') return { value: { numberValue: value } };
  if (typeof value === 'boolean') return { value: { boolValue: value } };
  const text = String(value);
  if (option === 'RAW') return { value: { stringValue: text } };
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  if (text.startsWith('=') && text.length > 1) return { value: { formulaValue: text } };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()))
    return { value: { numberValue: Number(text) } };
  if (/^(true|false)$/i.test(text)) return { value: { boolValue: text.toLowerCase() === 'true' } };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(text.trim());
  if (pct)
    return {
      value: { numberValue: Number(pct[1]) / 100 },
      format: { numberFormat: { type: 'PERCENT', pattern: '0%' } },
    };
  const date = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(text.trim());
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[3]), Number(date[4])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const pattern = date[2] === '-' ? 'yyyy-mm-dd' : 'yyyy/m/d';
      return {
        value: { numberValue: serialOf(y, m, d) },
        format: { numberFormat: { type: 'DATE', pattern } },
      };
    }
  }
  return { value: { stringValue: text } };
}

/** Trim trailing empty cells of each row and trailing empty rows, as Google does in value ranges. */
export function trimValues(rows: JsonCell[][]): JsonCell[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    return row.slice(0, end);
  });
  let last = out.length;
  while (last > 0 && out[last - 1]!.length === 0) last--;
  return out.slice(0, last);
}
