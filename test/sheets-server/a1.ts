/**
 * A1 notation for the local Sheets server, written independently of the driver's own helpers so the server stays an
 * honest oracle: `'挂图作战表'!A1:Z`, `Sheet1!A:A`, `'it''s'!3:3`, a bare tab name, or a bare `A1:B2` (first tab).
 */

/** A parsed A1 range; undefined bounds are open (whole column / whole row / to the grid edge). Indexes are 0-based, ends exclusive. */
export interface A1Range {
  sheet?: string;
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
  /** Written as one cell (`A2`): a write may start there and spill over, as in Google's values.update. */
  single?: boolean;
}

/** Column letters → 0-based index: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based index → column letters. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Quote a tab name the way Google echoes it: plain ASCII words bare, everything else in single quotes. */
export function quoteSheet(title: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

/** Split `'tab'!A1:B2` into the tab name (unescaped) and the cell part. */
function splitSheet(text: string): { sheet?: string; cells: string } {
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    const rest = text.slice(i + 1);
    if (rest === '') return { sheet: name, cells: '' };
    if (!rest.startsWith('!')) throw new Error(`Unable to parse range: ${text}`);
    return { sheet: name, cells: rest.slice(1) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheet: text.slice(0, bang), cells: text.slice(bang + 1) };
  return /^[A-Za-z]{0,3}\d*(:[A-Za-z]{0,3}\d*)?$/.test(text) && text !== ''
    ? { cells: text }
    : { sheet: text, cells: '' };
}

interface Corner {
  col?: number;
  row?: number;
}

function parseCorner(part: string, whole: string): Corner {
  const m = /^([A-Za-z]{1,3})?(\d+)?$/.exec(part);
  if (!m || (!m[1] && !m[2])) throw new Error(`Unable to parse range: ${whole}`);
  return {
    col: m[1] ? columnIndex(m[1]) : undefined,
    row: m[2] ? Number(m[2]) - 1 : undefined,
  };
}

/**
 * Parse an A1 range. Throws `Unable to parse range: …` like Google for anything malformed.
 * @example parseA1("'挂图作战表'!A3:Z") // { sheet: '挂图作战表', startRow: 2, startCol: 0, endCol: 26 }
 */
export function parseA1(text: string): A1Range {
  const { sheet, cells } = splitSheet(text.trim());
  if (cells === '') return { sheet };
  const [a, b] = cells.split(':');
  const from = parseCorner(a!, text);
  if (b === undefined) {
    if (from.col === undefined || from.row === undefined) {
      // `A` or `3` alone: a whole column or row
      return {
        sheet,
        startCol: from.col,
        endCol: from.col === undefined ? undefined : from.col + 1,
        startRow: from.row,
        endRow: from.row === undefined ? undefined : from.row + 1,
      };
    }
    return {
      sheet,
      startRow: from.row,
      endRow: from.row + 1,
      startCol: from.col,
      endCol: from.col + 1,
      single: true,
    };
  }
  const to = parseCorner(b, text);
  return {
    sheet,
    startCol: from.col ?? (to.col === undefined ? undefined : 0),
    startRow: from.row ?? (to.row === undefined ? undefined : 0),
    endCol: to.col === undefined ? undefined : to.col + 1,
    endRow: to.row === undefined ? undefined : to.row + 1,
  };
}

/** Format a closed 0-based range as Google echoes it: `'挂图作战表'!A1:Z1000` (a single cell stays `A1`). */
export function formatA1(title: string, r0: number, c0: number, r1: number, c1: number): string {
  const a = `${columnLetters(c0)}${r0 + 1}`;
  const b = `${columnLetters(c1 - 1)}${r1}`;
  return `${quoteSheet(title)}!${a === b ? a : `${a}:${b}`}`;
}
