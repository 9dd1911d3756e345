/**
 * Inserting, deleting and sorting rows and columns. Row records carry their cells and developer metadata, so
 * metadata moves with its row (and disappears with it), as Google does; merges and protected ranges shift.
 */
import { emptyCol, emptyRow, invalid, type CellRec, type GridRange, type SheetRec } from './model';
import { effectiveValue } from './values';

type Dim = 'ROWS' | 'COLUMNS';

function keys(dim: Dim): ['startRowIndex' | 'startColumnIndex', 'endRowIndex' | 'endColumnIndex'] {
  return dim === 'ROWS' ? ['startRowIndex', 'endRowIndex'] : ['startColumnIndex', 'endColumnIndex'];
}

/** Shift a grid range for `count` inserted (count > 0) or deleted (count < 0) indexes at `at`; null when it vanishes. */
function shiftRange(range: GridRange, dim: Dim, at: number, count: number): GridRange | null {
  const [sk, ek] = keys(dim);
  const out = { ...range };
  const s = range[sk];
  const e = range[ek];
  if (count > 0) {
    if (s !== undefined && s !== null && s >= at) out[sk] = s + count;
    if (e !== undefined && e !== null && e > at) out[ek] = e + count;
    return out;
  }
  const del = -count;
  const map = (i: number) => (i <= at ? i : Math.max(at, i - del));
  if (s !== undefined && s !== null) out[sk] = map(s);
  if (e !== undefined && e !== null) out[ek] = map(e);
  if (out[sk] !== undefined && out[ek] !== undefined && out[sk] === out[ek]) return null;
  return out;
}

function shiftAll(sheet: SheetRec, dim: Dim, at: number, count: number): void {
  sheet.merges = sheet.merges
    .map((m) => shiftRange(m, dim, at, count))
    .filter((m): m is GridRange => m !== null);
  sheet.protectedRanges = sheet.protectedRanges.filter((p) => {
    if (!p.range) return true;
    const next = shiftRange(p.range, dim, at, count);
    if (next) p.range = next;
    return next !== null;
  });
}

/** Insert `count` empty rows or columns before index `at` (inheriting formats from before when asked). */
export function insertDimension(
  sheet: SheetRec,
  dim: Dim,
  at: number,
  count: number,
  inheritFromBefore = false,
): void {
  const grid = sheet.properties.gridProperties;
  const size = dim === 'ROWS' ? grid.rowCount : grid.columnCount;
  if (at < 0 || at > size || count <= 0) throw invalid(`Invalid dimension range: [${at}, ${at + count})`);
  if (dim === 'ROWS') {
    const fresh = Array.from({ length: count }, () => {
      const row = emptyRow();
      const model = inheritFromBefore ? sheet.rows[at - 1] : undefined;
      if (model)
        row.cells = model.cells.map((c) =>
          c?.userEnteredFormat ? { userEnteredFormat: structuredClone(c.userEnteredFormat) } : undefined,
        );
      return row;
    });
    sheet.rows.splice(at, 0, ...fresh);
    grid.rowCount = sheet.rows.length;
  } else {
    sheet.cols.splice(at, 0, ...Array.from({ length: count }, emptyCol));
    for (const row of sheet.rows)
      if (row.cells.length > at) row.cells.splice(at, 0, ...new Array<CellRec | undefined>(count));
    grid.columnCount = sheet.cols.length;
  }
  shiftAll(sheet, dim, at, count);
}

/** Delete rows or columns [start, end); their developer metadata goes with them. */
export function deleteDimension(sheet: SheetRec, dim: Dim, start: number, end: number): void {
  const grid = sheet.properties.gridProperties;
  const size = dim === 'ROWS' ? grid.rowCount : grid.columnCount;
  if (start < 0 || end > size || end <= start) throw invalid(`Invalid dimension range: [${start}, ${end})`);
  if (end - start >= size)
    throw invalid(`You can't delete all the ${dim === 'ROWS' ? 'rows' : 'columns'} on the sheet.`);
  if (dim === 'ROWS') {
    sheet.rows.splice(start, end - start);
    grid.rowCount = sheet.rows.length;
  } else {
    sheet.cols.splice(start, end - start);
    for (const row of sheet.rows) row.cells.splice(start, end - start);
    grid.columnCount = sheet.cols.length;
  }
  shiftAll(sheet, dim, start, -(end - start));
}

/** Sort order of Google Sheets: numbers, then text, then booleans; blanks always last. */
function compareCells(a: CellRec | undefined, b: CellRec | undefined): number {
  const rank = (c: CellRec | undefined): [number, number | string | boolean] => {
    const v = effectiveValue(c);
    if (!v) return [3, ''];
    if (typeof v.numberValue === 'number') return [0, v.numberValue];
    if (typeof v.stringValue === 'string') return v.stringValue === '' ? [3, ''] : [1, v.stringValue];
    if (typeof v.boolValue === 'boolean') return [2, v.boolValue ? 1 : 0];
    return [3, ''];
  };
  const [ra, va] = rank(a);
  const [rb, vb] = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof va === 'string' && typeof vb === 'string') return va < vb ? -1 : va > vb ? 1 : 0;
  return Number(va) - Number(vb);
}

/**
 * sortRange. A range spanning every column moves whole rows (cells, metadata and sizes together); a narrower
 * range moves only the cells inside it, like Google.
 */
export function sortRange(
  sheet: SheetRec,
  bounds: { r0: number; r1: number; c0: number; c1: number },
  specs: Array<{ dimensionIndex?: number | null; sortOrder?: string | null }>,
): void {
  const { r0, r1, c0, c1 } = bounds;
  const descending = (o?: string | null) => o === 'DESCENDING';
  const order = Array.from({ length: r1 - r0 }, (_, i) => r0 + i);
  order.sort((x, y) => {
    for (const spec of specs) {
      const col = spec.dimensionIndex ?? 0;
      const a = sheet.rows[x]!.cells[col];
      const b = sheet.rows[y]!.cells[col];
      let cmp = compareCells(a, b);
      // blanks stay last whatever the order
      if (cmp !== 0 && descending(spec.sortOrder) && effectiveValue(a) && effectiveValue(b)) cmp = -cmp;
      if (cmp !== 0) return cmp;
    }
    return x - y;
  });
  const wholeRows = c0 === 0 && c1 >= sheet.properties.gridProperties.columnCount;
  if (wholeRows) {
    const moved = order.map((i) => sheet.rows[i]!);
    sheet.rows.splice(r0, moved.length, ...moved);
    return;
  }
  const slices = order.map((i) => sheet.rows[i]!.cells.slice(c0, c1));
  slices.forEach((cells, k) => {
    const row = sheet.rows[r0 + k]!;
    for (let c = c0; c < c1; c++) row.cells[c] = cells[c - c0];
  });
}

/** moveDimension: move [start, end) so it lands before `destination` (an index in the grid before the move). */
export function moveDimension(
  sheet: SheetRec,
  dim: Dim,
  start: number,
  end: number,
  destination: number,
): void {
  const grid = sheet.properties.gridProperties;
  const size = dim === 'ROWS' ? grid.rowCount : grid.columnCount;
  if (start < 0 || end > size || end <= start || destination < 0 || destination > size)
    throw invalid(`Invalid dimension range: [${start}, ${end}) to ${destination}`);
  if (destination >= start && destination <= end) return;
  const count = end - start;
  const target = destination > end ? destination - count : destination;
  const move = <T>(list: T[]) => {
    const moved = list.splice(start, count);
    list.splice(target, 0, ...moved);
  };
  if (dim === 'ROWS') move(sheet.rows);
  else {
    move(sheet.cols);
    for (const row of sheet.rows) {
      while (row.cells.length < Math.max(end, destination)) row.cells.push(undefined);
      move(row.cells);
    }
  }
  // merges and protected ranges follow the indexes they covered when they stay contiguous
  const map = (i: number) =>
    i >= start && i < end
      ? target + (i - start)
      : i < start
        ? i >= target
          ? i + count
          : i
        : i < target + count
          ? i - count
          : i;
  const [sk, ek] =
    dim === 'ROWS'
      ? (['startRowIndex', 'endRowIndex'] as const)
      : (['startColumnIndex', 'endColumnIndex'] as const);
  const remap = (r: GridRange): GridRange | null => {
    const s = r[sk];
    const e = r[ek];
    if (s == null || e == null) return r;
    const idx = Array.from({ length: e - s }, (_, k) => map(s + k)).sort((a, b) => a - b);
    if (idx[idx.length - 1]! - idx[0]! !== idx.length - 1) return null;
    return { ...r, [sk]: idx[0]!, [ek]: idx[idx.length - 1]! + 1 };
  };
  sheet.merges = sheet.merges.map(remap).filter((m): m is GridRange => m !== null);
}
