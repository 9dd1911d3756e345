/**
 * The SheetStore port: the only way the scan touches a workbook. Drivers: memory, xlsx (exceljs), google (googleapis).
 * Tabs are found by name and columns by header text, never by position; staff may reorder, insert and hide columns.
 */

/**
 * A cell as read. Dates in real date cells come back as `{ date }`; numbers may be date serials. A number shown as a
 * percentage reads as the clerk sees it, `'60%'`, never the 0.6 stored.
 */
export type Cell =
  | null
  | string
  | number
  | boolean
  | DateCell
  | { formula: string; result: string | number | boolean | null }
  | { error: string };

/**
 * A real date cell, read or written: `date` is YYYY-MM-DD and `time`, for a date-time, HH:mm:ss — both the
 * Asia/Shanghai wall clock (the office's), which is what an Excel / Sheets serial number means. A cell read has a
 * `time` only when its serial has a time of day. Written, every driver stores the serial with a date
 * (`yyyy-mm-dd`) or date-time (`yyyy-mm-dd hh:mm`) number format, so Excel, WPS and Sheets sort and filter it as a
 * date; `grid/date-cell.ts` makes them.
 */
export interface DateCell {
  date: string;
  time?: string;
}

/** A value without a type of its own: strings always stored as RAW text. */
export type PlainWrite = string | number | null;

/** What the scan can write into a cell: a plain value, or a real date / date-time (ledger 时间 columns). */
export type CellWrite = PlainWrite | DateCell;

/** A fill colour as 6-digit upper-case RGB hex without '#', e.g. 'FF0000'; null clears the fill. */
export type Fill = string | null;

/** How to read a tab: its name and how many header rows it has (挂图作战表 has 2: month groups + sub-headers). */
export interface TabSpec {
  name: string;
  headerRows: 1 | 2;
  /** Headers that must exist; a missing one is a TabProblem naming the tab and header. */
  required?: string[];
  /** Columns whose current fill the scan needs (system columns and month 完成情况 cells). */
  fillsOf?: (header: string) => boolean;
  /**
   * Only the rows this keeps, asked with the text of the row's cells by header before the row is decoded: a tab read
   * for a few rows among hundreds of thousands (the 审计日志's 生成通报 and 发送通报 rows) is not held row by row.
   */
  keepRow?: (text: (header: string) => string) => boolean;
}

export interface SheetRow {
  /** 1-based sheet row number at read time (only a hint: writes are matched by 编号). */
  row: number;
  /** Cells by header key. Two-row headers give keys like `3月/完成情况`; a header merged over both rows is its text. */
  cells: Record<string, Cell>;
  /** Current fills of the columns selected by `fillsOf`, by header key. */
  fills: Record<string, Fill>;
}

export interface TabData {
  name: string;
  /** Header keys in column order (after staff reordering). */
  headers: string[];
  /** Data rows (below the header rows), blank rows and those `keepRow` drops skipped. */
  rows: SheetRow[];
  /** The tab's last row holding a typed value (0 when none), whichever rows were kept. */
  lastRow: number;
}

export interface TabProblem {
  tab: string;
  code: 'missing-tab' | 'missing-header' | 'duplicate-header';
  header?: string;
  message: string; // Chinese, for users
}

export interface Snapshot {
  tabs: Record<string, TabData>;
  problems: TabProblem[];
  /** Opaque driver token (file mtime+size, spreadsheet revision…) used to detect edits between read and write. */
  version: string;
}

/** A write into a system-owned cell of the row whose 编号 is `id`. */
export interface CellChange {
  tab: string;
  id: string;
  /** Row where `id` was at read time; the driver re-finds `id` at write time and skips (reports) it if gone. */
  rowHint: number;
  column: string;
  value?: CellWrite; // omitted = leave the value, change only the fill
  fill?: Fill; // omitted = leave the fill
}

/** Give a row without 编号 its id; `fingerprint` (header → text at read time) must still match at write time. */
export interface IdAssignment {
  tab: string;
  row: number;
  id: string;
  fingerprint: Record<string, string>;
}

/** Append text to a staff cell (feedback from a signed link): the old text stays, `text` goes after a newline. */
export interface TextAppend {
  tab: string;
  id: string;
  rowHint: number;
  column: string;
  text: string;
}

/** Set columns of a ledger row found by a key column (e.g. 文书登记 by 去重键). */
export interface LedgerUpdate {
  tab: string;
  keyColumn: string;
  key: string;
  values: Record<string, CellWrite>;
}

/** Rows to append to a ledger tab (审计日志…) in the same batch as the rest of the plan. */
export interface LedgerRows {
  tab: string;
  rows: Array<Record<string, CellWrite>>;
  /** The column naming the task a row is about: a row about a task whose change was skipped is dropped too. */
  about?: string;
}

/**
 * A tab the system owns whole (the monthly 通报): created when missing, its cells, fills and merges replaced when it
 * exists. Strings are stored as RAW text.
 */
export interface TabWrite {
  name: string;
  /** Rows from sheet row 1, each row's cells from column A. */
  rows: PlainWrite[][];
  /** Fills by A1 address, 6-hex RGB: `{ A5: 'D9D9D9' }`. */
  fills?: Record<string, string>;
  /** Merged ranges in A1 notation: `['A1:P1']`. */
  merges?: string[];
  /** Column widths in Excel character units, from column A. */
  widths?: number[];
  /** Rows shown bold (headings and header rows), 1-based. */
  boldRows?: number[];
}

export interface WritePlan {
  cells: CellChange[];
  ids: IdAssignment[];
  appends: TextAppend[];
  ledgerUpdates: LedgerUpdate[];
  /** Appended below the tab's last row, all or nothing with the rest (Google: appendCells in the same batchUpdate). */
  rows?: LedgerRows[];
  /** Whole system-owned tabs written in the same batch (see TabWrite). */
  tabs?: TabWrite[];
}

export interface ApplyResult {
  /** Changes whose row could not be found again (deleted, or 编号 changed); nothing was written for them. */
  skipped: Array<{ tab: string; id: string; reason: string }>;
  cellsWritten: number;
  fillsWritten: number;
  idsAssigned: number;
  /** Ledger rows appended from `plan.rows`. */
  rowsAppended?: number;
  /** Whole tabs written from `plan.tabs`. */
  tabsWritten?: number;
}

export interface AppendResult {
  /** 1-based sheet row where each appended row landed, in order. */
  rows: number[];
}

export interface SheetStore {
  /** Read all the given tabs in one go. */
  read(tabs: TabSpec[]): Promise<Snapshot>;
  /**
   * Apply a plan in one batch, all or nothing. Throws `StaleSnapshotError` when the workbook changed since
   * `snapshot.version` in a way the driver cannot reconcile (the caller re-reads and re-plans).
   */
  apply(plan: WritePlan, snapshot: Snapshot): Promise<ApplyResult>;
  /** Append rows (values by header) to a ledger tab, below its last row. Strings are stored as RAW text. */
  append(tab: string, rows: Array<Record<string, CellWrite>>): Promise<AppendResult>;
  /** Where the workbook is on Google Sheets, for links to its cells (the desk's 工作簿问题); absent for files and memory. */
  location?(): Promise<SheetLocation>;
}

/** A Google spreadsheet: its id and each tab's gid (sheetId), for links to a cell. */
export interface SheetLocation {
  id: string;
  gids: Record<string, number>;
}

export class StaleSnapshotError extends Error {
  override name = 'StaleSnapshotError';
}

export const emptyPlan = (): WritePlan => ({ cells: [], ids: [], appends: [], ledgerUpdates: [] });
