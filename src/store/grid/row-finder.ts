import { cellText } from './cell-text';
import type { IdAssignment } from '../port';
import { cellKey, verticalMergeMasters } from './read-tab';
import type { OpenTab } from './open-tab';
import type { SheetGrid } from './sheet-grid';
import type { HeaderLayout } from './headers';

const ID = '编号';
const norm = (text: string) => text.trim();

/**
 * Finds rows of one tab by 编号 or by a ledger key at write time; each index is built once per tab (no O(n²))
 * and kept current as ids land. Methods return a Chinese skip reason instead of throwing.
 * @example new RowFinder(openTab).locate('ZD-2026-001', 3, '状态') // { row: 5, column: 14 } after a sort
 */
export class RowFinder {
  readonly grid: SheetGrid;
  /** Column of 编号, when the tab has one. */
  readonly idColumn: number | undefined;
  private readonly layout: HeaderLayout;
  private readonly masters: Map<number, number>;
  private readonly indexes = new Map<number, Map<string, number | number[]>>();
  /**
   * The last task looked for (its row hint and 编号) and what was found: a plan changes several cells of a task one
   * after another, and each would read and decode the same 编号 cell again. Forgotten whenever a 编号 is written.
   */
  private lastHint = -1;
  private lastId = '';
  private lastFound: number | string = '';

  constructor({ grid, layout }: OpenTab) {
    this.grid = grid;
    this.layout = layout;
    this.masters = verticalMergeMasters(grid, layout.headerRows);
    this.idColumn = layout.columns.get(ID);
  }

  /** Row and column of `column` in the row whose 编号 is `id`, trying `rowHint` first; a string is the skip reason. */
  locate(id: string, rowHint: number, column: string): { row: number; column: number } | string {
    const col = this.layout.columns.get(column);
    if (col === undefined) return `缺少列「${column}」`;
    const row = this.findById(id, rowHint);
    return typeof row === 'string' ? row : { row, column: col };
  }

  locateByKey(
    keyColumn: string,
    key: string,
    headers: string[],
  ): { row: number; columns: Array<[number, string]> } | string {
    const keyCol = this.layout.columns.get(keyColumn);
    if (keyCol === undefined) return `缺少列「${keyColumn}」`;
    const columns: Array<[number, string]> = [];
    for (const header of headers) {
      const col = this.layout.columns.get(header);
      if (col === undefined) return `缺少列「${header}」`;
      columns.push([col, header]);
    }
    const rows = this.rowsOf(keyCol, norm(key));
    // Ledgers are append-only: when a key repeats, the latest row is the live one.
    if (!rows.length) return `找不到「${keyColumn}」为「${key}」的行`;
    return { row: rows[rows.length - 1]!, columns };
  }


  /** Forget the row last found by its hint: a 编号 was written (through this finder or another on the same sheet). */
  forgetHint(): void {
    this.lastHint = -1;
  }

  assignId(a: IdAssignment): 'assigned' | 'already' | string {
    const idCol = this.layout.columns.get(ID);
    if (idCol === undefined) return `缺少列「${ID}」`;
    const holders = this.rowsOf(idCol, norm(a.id));
    if (holders.includes(a.row) && holders.length === 1) return 'already';
    if (holders.length) return `编号「${a.id}」已被第 ${holders.join('、')} 行使用`;
    const row = this.matchFingerprint(a, idCol);
    if (row === null) return `第 ${a.row} 行内容已变化，未写入编号`;
    this.grid.setValue(row, idCol, a.id);
    this.forgetHint();
    this.index(idCol).set(norm(a.id), row);
    return 'assigned';
  }

  private findById(id: string, hint: number): number | string {
    if (hint !== this.lastHint || id !== this.lastId) {
      this.lastFound = this.lookUp(id, hint);
      this.lastHint = hint;
      this.lastId = id;
    }
    return this.lastFound;
  }

  private lookUp(id: string, hint: number): number | string {
    const idCol = this.layout.columns.get(ID);
    if (idCol === undefined) return `缺少列「${ID}」`;
    // The row read there still holds the 编号: write there. When the 编号 repeats (the scan marks each such row
    // 数据有误), this is the only way to reach each row; rows holding one 编号 get the same verdict either way.
    if (hint > this.layout.headerRows && norm(this.text(hint, idCol)) === norm(id)) return hint;
    const rows = this.rowsOf(idCol, norm(id));
    if (!rows.length) return `编号「${id}」的行已不存在（可能被删除或改了编号）`;
    if (rows.length > 1) return `编号「${id}」重复出现在第 ${rows.join('、')} 行`;
    return rows[0]!;
  }

  /** The row without 编号 whose cells still read as the fingerprint; the planned row first, then a unique match elsewhere. */
  private matchFingerprint(a: IdAssignment, idCol: number): number | null {
    const entries = Object.entries(a.fingerprint).map(
      ([h, text]) => [this.layout.columns.get(h), norm(text)] as const,
    );
    if (entries.some(([col]) => col === undefined)) return null;
    const matches = (row: number) =>
      norm(this.text(row, idCol)) === '' &&
      entries.every(([col, text]) => norm(this.text(row, col!)) === text);
    if (a.row > this.layout.headerRows && matches(a.row)) return a.row;
    let found: number | null = null;
    const last = this.grid.lastRow();
    for (let r = this.layout.headerRows + 1; r <= last; r++) {
      if (!matches(r)) continue;
      if (found !== null) return null;
      found = r;
    }
    return found;
  }

  private text(row: number, column: number): string {
    const own = this.grid.value(row, column);
    const master = own === null ? this.masters.get(cellKey(row, column)) : undefined;
    return cellText(master === undefined ? own : this.grid.value(master, column));
  }

  /** The rows whose cell in `column` reads as `key`, top to bottom. */
  private rowsOf(column: number, key: string): number[] {
    const rows = this.index(column).get(key);
    return rows === undefined ? [] : typeof rows === 'number' ? [rows] : rows;
  }

  /** Rows by the text of their cell in `column`: a row number, or the rows when the text repeats (no array each). */
  private index(column: number): Map<string, number | number[]> {
    let index = this.indexes.get(column);
    if (!index) {
      index = new Map();
      const last = this.grid.lastRow();
      for (let r = this.layout.headerRows + 1; r <= last; r++) {
        const key = norm(this.text(r, column));
        if (key === '') continue;
        const rows = index.get(key);
        if (rows === undefined) index.set(key, r);
        else if (typeof rows === 'number') index.set(key, [rows, r]);
        else rows.push(r);
      }
      this.indexes.set(column, index);
    }
    return index;
  }
}
