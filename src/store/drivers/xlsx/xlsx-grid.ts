import { fitRowHeight } from './row-fit';
import type ExcelJS from 'exceljs';
import type { CellRange } from '../../grid/a1';
import { cellText, isTyped, percentText } from '../../grid/cell-text';
import { isPercentFormat, showsDateAs } from '../../grid/number-format';
import { formatOf, isDateCell } from '../../grid/date-cell';
import { SHEET_ROW_LIMIT, type SheetGrid } from '../../grid/sheet-grid';
import type { Cell, CellWrite, DateCell, Fill } from '../../port';

// exceljs Cell.type values (Enums.ValueType); numbers so the heavy module is only loaded where it is used.
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
};

/**
 * The SheetGrid view of an exceljs worksheet. Cells are looked up without creating them (`findRow`/`findCell`),
 * so reading never adds empty cells to the file, and a covered cell of a merge reads as null like in every driver.
 * @example readTab(xlsxGrid(workbook.getWorksheet('挂图作战表')!), spec)
 */
export function xlsxGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const find = (row: number, column: number) => ws.findRow(row)?.findCell(column);
  const restyled = new WeakMap<object, Map<Fill, Partial<ExcelJS.Style>>>();
  /** One new style object per (old style, fill): exceljs dedupes styles by object identity when writing. */
  const withFill = (style: Partial<ExcelJS.Style>, fill: Fill) => {
    let byFill = restyled.get(style);
    if (!byFill) restyled.set(style, (byFill = new Map()));
    let next = byFill.get(fill);
    if (!next) byFill.set(fill, (next = { ...style, fill: fillStyle(fill) }));
    return next;
  };
  return {
    name: ws.name,
    maxRow: SHEET_ROW_LIMIT,
    lastRow() {
      for (let r = ws.rowCount; r > 0; r--) {
        const row = ws.findRow(r);
        if (row?.hasValues && rowHasContent(row)) return r;
      }
      return 0;
    },
    lastColumn: () => ws.columnCount,
    value(row, column) {
      const cell = find(row, column);
      return cell ? cellOf(cell) : null;
    },
    fill(row, column) {
      const cell = find(row, column);
      return cell ? fillOf(cell.fill) : null;
    },
    merges: () => mergesOf(ws),
    setValue(row, column, value: CellWrite) {
      if (isDateCell(value)) {
        setDate(ws.getCell(row, column), value);
        return;
      }
      // A plain string is stored as a shared string even when it starts with '=' (never as a formula).
      ws.getCell(row, column).value = value;
      if (typeof value === 'string') fitRowHeight(ws, row, column);
    },
    setFill(row, column, fill: Fill) {
      const cell = ws.getCell(row, column);
      // Loaded cells share style objects with every cell of the same style id: replace, never mutate.
      cell.style = withFill(cell.style ?? {}, fill);
    },
    appendText(row, column, text) {
      const cell = ws.getCell(row, column);
      const value = cell.value;
      if (value && typeof value === 'object' && 'richText' in value) {
        cell.value = { richText: [...value.richText, { text: `\n${text}` }] };
        return;
      }
      const old = cellText(cellOf(cell));
      cell.value = old.trim() === '' ? text : `${old}\n${text}`;
    },
    styleRowLike(row, like) {
      const source = ws.findRow(like);
      if (!source) return;
      const target = ws.getRow(row);
      if (source.height) target.height = source.height;
      source.eachCell({ includeEmpty: true }, (cell, column) => {
        const { fill: _fill, ...style } = cell.style ?? {};
        if (Object.keys(style).length) target.getCell(column).style = style;
      });
    },
  };
}

/**
 * A real date (-time) cell: exceljs writes a Date as the serial of its UTC reading, so the wall time goes in as UTC.
 * The cell keeps a format that already shows what is written (a staff's `yyyy/m/d h:mm`), else gets ours.
 */
function setDate(cell: ExcelJS.Cell, value: DateCell): void {
  cell.value = new Date(`${value.date}T${value.time ?? '00:00:00'}Z`);
  if (showsDateAs(cell.numFmt, value.time !== undefined)) return;
  // Loaded cells share style objects with every cell of the same style id: replace, never mutate.
  cell.style = { ...(cell.style ?? {}), numFmt: formatOf(value) };
}

function rowHasContent(row: ExcelJS.Row): boolean {
  let found = false;
  row.eachCell((cell) => {
    if (!found && cell.type !== T.Merge && isTyped(cellOf(cell))) found = true;
  });
  return found;
}

/** Merged ranges of a worksheet (exceljs keeps them in `_merges`, keyed by master address). */
export function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges: Record<string, { model: CellRange }> })._merges;
  return Object.values(merges).map(({ model: { top, left, bottom, right } }) => ({
    top,
    left,
    bottom,
    right,
  }));
}

/**
 * The port's Cell of an exceljs cell.
 * @example cellOf(ws.getCell('B3')) // { date: '2026-03-31' } for a real date cell
 */
export function cellOf(cell: ExcelJS.Cell): Cell {
  const value = cell.value as unknown;
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      return null;
    case T.Number:
      // A percentage typed as 60% is stored as 0.6: read as the clerk sees it, as the other drivers do.
      return isPercentFormat(cell.numFmt) ? percentText(value as number) : (value as number);
    case T.Boolean:
      return value as boolean;
    case T.String:
    case T.SharedString:
      return value as string;
    case T.Date:
      return dateCellOf(value as Date);
    case T.RichText:
      return richText(value);
    case T.Hyperlink: {
      const text = (value as { text?: unknown }).text;
      return typeof text === 'string' ? text : richText(text);
    }
    case T.Formula:
      return { formula: cell.formula ?? '', result: resultOf(cell.result) };
    case T.Error:
      return { error: String((value as { error?: unknown }).error ?? '#ERROR') };
    default:
      return cell.text ?? null;
  }
}

function richText(value: unknown): string {
  const runs = (value as { richText?: Array<{ text: string }> } | null)?.richText ?? [];
  return runs.map((run) => run.text).join('');
}

function resultOf(result: unknown): string | number | boolean | null {
  if (result === undefined || result === null) return null;
  if (result instanceof Date) return isoDate(result);
  if (typeof result === 'object') {
    if ('error' in result) return String((result as { error: unknown }).error);
    return richText(result);
  }
  return result as string | number | boolean;
}

/** exceljs turns a date serial into the Date whose UTC reading is its wall time (to the second). */
function dateCellOf(date: Date): Cell {
  if (Number.isNaN(date.getTime())) return { date: '' };
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? { date: iso.slice(0, 10) } : { date: iso.slice(0, 10), time };
}

/** exceljs turns date serials into UTC-midnight Dates: the civil date is the UTC date. */
function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** 6-hex RGB of a solid fill; theme and indexed colours (no fixed RGB) read as null. */
export function fillOf(fill: ExcelJS.Fill | undefined): Fill {
  if (fill?.type !== 'pattern' || fill.pattern === 'none') return null;
  const argb = fill.fgColor?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? argb.slice(-6).toUpperCase() : null;
}

export function fillStyle(fill: Fill): ExcelJS.Fill {
  return fill === null
    ? { type: 'pattern', pattern: 'none' }
    : {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: `FF${fill.toUpperCase()}` },
        bgColor: { indexed: 64 } as never,
      };
}
