/**
 * Building a spreadsheet directly from plain rows, for test set-up (no API calls, so call counts stay clean).
 */
import { randomUUID } from 'node:crypto';
import { parseA1 } from './a1';
import { newSheet, widestRow, type CellRec, type SpreadsheetRec } from './model';
import { serialOf } from './values';

/** A seeded cell: a plain value stored exactly (strings are never parsed), a formula, a real date, or any of these with a fill. */
export type SeedValue = string | number | boolean | null | undefined | { formula: string } | { date: string };
export type SeedCell = SeedValue | { value: SeedValue; fill?: string };

export interface SeedSheet {
  title: string;
  rows?: SeedCell[][];
  rowCount?: number;
  columnCount?: number;
  /** Merged ranges in A1 without the tab, e.g. `K1:L1`. */
  merges?: string[];
  frozenRowCount?: number;
  /** Hidden columns by letter. */
  hiddenColumns?: string[];
}

export interface SeedSpreadsheet {
  id?: string;
  title?: string;
  sheets: SeedSheet[];
  /** Principals allowed in (service-account e-mails); omitted = anyone. */
  sharedWith?: string[];
}

/** 'FF0000' → { red: 1 } (zero components omitted, as Google answers). */
export function rgbOf(hex: string): Record<string, number> {
  const out: Record<string, number> = {};
  const parts: Array<[string, number]> = [
    ['red', parseInt(hex.slice(0, 2), 16) / 255],
    ['green', parseInt(hex.slice(2, 4), 16) / 255],
    ['blue', parseInt(hex.slice(4, 6), 16) / 255],
  ];
  for (const [k, v] of parts) if (v) out[k] = v;
  return out;
}

/** A seed value as a stored cell. */
export function cellOfSeed(seed: SeedCell): CellRec | undefined {
  if (seed === null || seed === undefined) return undefined;
  if (typeof seed === 'object' && 'value' in seed) {
    const cell = cellOfSeed(seed.value) ?? {};
    if (seed.fill) {
      const rgb = rgbOf(seed.fill);
      cell.userEnteredFormat = {
        ...cell.userEnteredFormat,
        backgroundColor: rgb,
        backgroundColorStyle: { rgbColor: { ...rgb } },
      };
    }
    return cell;
  }
  if (typeof seed === 'string') return seed === '' ? undefined : { userEnteredValue: { stringValue: seed } };
  if (typeof seed === 'number') return { userEnteredValue: { numberValue: seed } };
  if (typeof seed === 'boolean') return { userEnteredValue: { boolValue: seed } };
  if ('formula' in seed) return { userEnteredValue: { formulaValue: seed.formula } };
  const [y, m, d] = seed.date.split('-').map(Number) as [number, number, number];
  return {
    userEnteredValue: { numberValue: serialOf(y, m, d) },
    userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } },
  };
}

/** Build a spreadsheet record from a seed. */
export function seedSpreadsheet(spec: SeedSpreadsheet): SpreadsheetRec {
  const ss: SpreadsheetRec = {
    spreadsheetId: spec.id ?? randomUUID().replace(/-/g, ''),
    properties: { title: spec.title ?? '督查督办', locale: 'zh_CN', timeZone: 'Asia/Shanghai' },
    sheets: [],
    metadata: [],
    sharedWith: spec.sharedWith,
    nextId: 1000,
  };
  spec.sheets.forEach((s, index) => {
    const rows = s.rows ?? [];
    const width = widestRow(rows);
    const sheet = newSheet(
      index === 0 ? 0 : 1000 + index,
      s.title,
      index,
      Math.max(s.rowCount ?? 1000, rows.length),
      Math.max(s.columnCount ?? 26, width),
    );
    rows.forEach((row, r) => row.forEach((value, c) => (sheet.rows[r]!.cells[c] = cellOfSeed(value))));
    for (const m of s.merges ?? []) {
      const a = parseA1(m);
      sheet.merges.push({
        startRowIndex: a.startRow,
        endRowIndex: a.endRow,
        startColumnIndex: a.startCol,
        endColumnIndex: a.endCol,
      });
    }
    for (const letter of s.hiddenColumns ?? []) sheet.cols[parseA1(letter).startCol!]!.hiddenByUser = true;
    if (s.frozenRowCount) sheet.properties.gridProperties.frozenRowCount = s.frozenRowCount;
    ss.sheets.push(sheet);
  });
  return ss;
}
