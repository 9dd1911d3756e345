/** A1 ranges as the Sheets API wants them: quoted tab names, column runs, and rows out of an `updatedRange`. */
import { columnLetter } from '../../grid/a1';

/**
 * A tab name quoted for an A1 range; quotes inside are doubled.
 * @example quoteTab("挂图作战表") // "'挂图作战表'"
 * @example quoteTab("it's") // "'it''s'"
 */
export function quoteTab(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Runs of consecutive 1-based column numbers, for asking about several columns in few ranges.
 * @example columnRuns([5, 3, 4, 9]) // [[3, 5], [9, 9]]
 */
export function columnRuns(columns: Iterable<number>): Array<[number, number]> {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * `'tab'!C3:E40` for 1-based inclusive bounds.
 * @example rangeA1('挂图作战表', 3, 10, 40, 12) // "'挂图作战表'!J3:L40"
 */
export function rangeA1(tab: string, top: number, left: number, bottom: number, right: number): string {
  return `${quoteTab(tab)}!${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
}

/**
 * The 1-based rows an `updatedRange` covers.
 * @example rowsOfRange("'文书登记'!A4:E5") // [4, 5]
 */
export function rowsOfRange(range: string): number[] {
  const cells = range.slice(range.lastIndexOf('!') + 1);
  const m = /^[A-Z]*(\d+)(?::[A-Z]*(\d+))?$/i.exec(cells);
  if (!m) throw new Error(`cannot read rows of range ${range}`);
  const top = Number(m[1]);
  const bottom = m[2] ? Number(m[2]) : top;
  return Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
}

/**
 * 'FF0000' → { red: 1, green: 0, blue: 0 }. Four decimals tell the 256 levels apart and keep request bodies short.
 * @example rgbOfFill('00B050') // { red: 0, green: 0.6902, blue: 0.3137 }
 */
export function rgbOfFill(fill: string): { red: number; green: number; blue: number } {
  const channel = (i: number) => Math.round((parseInt(fill.slice(i, i + 2), 16) / 255) * 1e4) / 1e4;
  return { red: channel(0), green: channel(2), blue: channel(4) };
}

/**
 * A Sheets colour → 'RRGGBB' (missing components are 0, as proto3 JSON omits zeros).
 * @example fillOfRgb({ red: 1 }) // 'FF0000'
 */
export function fillOfRgb(rgb: { red?: number | null; green?: number | null; blue?: number | null }): string {
  const hex = (x?: number | null) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0')
      .toUpperCase();
  return `${hex(rgb.red)}${hex(rgb.green)}${hex(rgb.blue)}`;
}
