/** A1 notation helpers: column letters ↔ 1-based numbers, cell addresses and ranges. */

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Letters of a 1-based column number.
 * @example columnLetter(1) // 'A'
 * @example columnLetter(28) // 'AB'
 */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * 1-based column number of column letters.
 * @example columnNumber('AB') // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Row and column of an A1 address (`$` anchors allowed).
 * @example parseAddress('C3') // { row: 3, column: 3 }
 */
export function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`invalid A1 address: ${JSON.stringify(address)}`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

/** A1 address of a row and column. */
export function addressOf(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * A range from `A1:B2` (a single address is a 1×1 range).
 * @example parseRange('M1:N1') // { top: 1, left: 13, bottom: 1, right: 14 }
 */
export function parseRange(range: string): CellRange {
  const [from, to = from] = range.split(':') as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to!);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** `A1:B2` of a range. */
export function rangeText(range: CellRange): string {
  return `${addressOf(range.top, range.left)}:${addressOf(range.bottom, range.right)}`;
}
