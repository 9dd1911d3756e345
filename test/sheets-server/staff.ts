/**
 * "Staff edits": what a clerk does in the browser between the system's read and write — type a cell, sort all
 * rows, insert or delete a row — applied straight to the server's state (not counted as API calls).
 */
import { columnIndex, parseA1 } from './a1';
import { cellOfSeed, rgbOf, type SeedCell } from './seed';
import { runBatch } from './batch-update';
import { fillOfCell, findSheetByTitle, type SpreadsheetRec } from './model';
import type { SheetsServerState } from './server';
import { readRange, writeValues } from './values-api';
import type { JsonCell } from './values';

export class StaffEditor {
  constructor(
    private readonly state: SheetsServerState,
    private readonly spreadsheetId: string,
  ) {}

  private get ss(): SpreadsheetRec {
    const ss = this.state.spreadsheets.get(this.spreadsheetId);
    if (!ss) throw new Error(`no spreadsheet ${this.spreadsheetId}`);
    return ss;
  }

  private batch(requests: object[]): void {
    const { next } = runBatch(this.ss, requests);
    this.state.spreadsheets.set(this.spreadsheetId, next);
  }

  private sheetId(tab: string): number {
    return findSheetByTitle(this.ss, tab).properties.sheetId;
  }

  /** Type a value into a cell as a user would (USER_ENTERED). */
  type(tab: string, a1: string, value: JsonCell): void {
    const copy = structuredClone(this.ss);
    writeValues(copy, `'${tab.replace(/'/g, "''")}'!${a1}`, [[value]], 'USER_ENTERED', 'ROWS');
    this.state.spreadsheets.set(this.spreadsheetId, copy);
  }

  /** Put an exact cell (no parsing: a string stays a string) into `a1`, keeping its format unless the seed sets a fill. */
  set(tab: string, a1: string, seed: SeedCell): void {
    const copy = structuredClone(this.ss);
    const sheet = findSheetByTitle(copy, tab);
    const a = parseA1(a1);
    const row = sheet.rows[a.startRow!]!;
    const old = row.cells[a.startCol!];
    const next = cellOfSeed(seed);
    const format = next?.userEnteredFormat ?? old?.userEnteredFormat;
    row.cells[a.startCol!] =
      next || format ? { ...next, ...(format ? { userEnteredFormat: format } : {}) } : undefined;
    this.state.spreadsheets.set(this.spreadsheetId, copy);
  }

  /** Paint (or clear, with null) a cell's fill as staff would. */
  setFill(tab: string, a1: string, fill: string | null): void {
    const a = parseA1(a1);
    const rgb = fill ? rgbOf(fill) : undefined;
    this.batch([
      {
        repeatCell: {
          range: {
            sheetId: this.sheetId(tab),
            startRowIndex: a.startRow,
            endRowIndex: a.endRow,
            startColumnIndex: a.startCol,
            endColumnIndex: a.endCol,
          },
          cell: rgb ? { userEnteredFormat: { backgroundColorStyle: { rgbColor: rgb } } } : {},
          fields: 'userEnteredFormat.backgroundColorStyle',
        },
      },
    ]);
  }

  /** Drag column `from` so it lands before column `before` (letters before the move). */
  moveColumn(tab: string, from: string, before: string): void {
    const at = columnIndex(from);
    this.batch([
      {
        moveDimension: {
          source: { sheetId: this.sheetId(tab), dimension: 'COLUMNS', startIndex: at, endIndex: at + 1 },
          destinationIndex: columnIndex(before),
        },
      },
    ]);
  }

  /** Hide a column (letter). */
  hideColumn(tab: string, column: string): void {
    const at = columnIndex(column);
    this.batch([
      {
        updateDimensionProperties: {
          range: { sheetId: this.sheetId(tab), dimension: 'COLUMNS', startIndex: at, endIndex: at + 1 },
          properties: { hiddenByUser: true },
          fields: 'hiddenByUser',
        },
      },
    ]);
  }

  /** Sort every row from `fromRow` (1-based) down by one column (letter), whole rows moving together. */
  sortRows(
    tab: string,
    column: string,
    fromRow: number,
    order: 'ASCENDING' | 'DESCENDING' = 'ASCENDING',
  ): void {
    this.batch([
      {
        sortRange: {
          range: { sheetId: this.sheetId(tab), startRowIndex: fromRow - 1 },
          sortSpecs: [{ dimensionIndex: columnIndex(column), sortOrder: order }],
        },
      },
    ]);
  }

  /** Insert an empty row so that it becomes row `row` (1-based), optionally typing values into it. */
  insertRow(tab: string, row: number, values?: JsonCell[]): void {
    this.batch([
      {
        insertDimension: {
          range: { sheetId: this.sheetId(tab), dimension: 'ROWS', startIndex: row - 1, endIndex: row },
        },
      },
    ]);
    if (values) values.forEach((v, c) => this.type(tab, `${String.fromCharCode(65 + c)}${row}`, v));
  }

  /** Delete row `row` (1-based). */
  deleteRow(tab: string, row: number): void {
    this.batch([
      {
        deleteDimension: {
          range: { sheetId: this.sheetId(tab), dimension: 'ROWS', startIndex: row - 1, endIndex: row },
        },
      },
    ]);
  }

  /** Insert an empty column before `column` (letter). */
  insertColumn(tab: string, column: string): void {
    const at = columnIndex(column);
    this.batch([
      {
        insertDimension: {
          range: { sheetId: this.sheetId(tab), dimension: 'COLUMNS', startIndex: at, endIndex: at + 1 },
        },
      },
    ]);
  }

  /** Values of a range as the API would answer (UNFORMATTED_VALUE), for assertions. */
  values(tab: string, a1 = ''): JsonCell[][] {
    const range = `'${tab.replace(/'/g, "''")}'${a1 ? `!${a1}` : ''}`;
    return (readRange(this.ss, range, { valueRenderOption: 'UNFORMATTED_VALUE' }).values ??
      []) as JsonCell[][];
  }

  /** The user-entered fill of a cell as 'RRGGBB', or null. */
  fill(tab: string, a1: string): string | null {
    const a = parseA1(a1);
    return fillOfCell(findSheetByTitle(this.ss, tab).rows[a.startRow!]?.cells[a.startCol!]);
  }

  /** Developer metadata values of one key by 1-based row number. */
  rowMetadata(tab: string, key: string): Record<number, string[]> {
    const out: Record<number, string[]> = {};
    findSheetByTitle(this.ss, tab).rows.forEach((row, i) => {
      const values = row.metadata.filter((m) => m.metadataKey === key).map((m) => m.metadataValue ?? '');
      if (values.length) out[i + 1] = values;
    });
    return out;
  }

  /** Only share the spreadsheet with these principals (e-mails); `undefined` opens it to anyone. */
  shareWith(principals: string[] | undefined): void {
    this.ss.sharedWith = principals;
  }
}
