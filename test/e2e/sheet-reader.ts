/**
 * Reading a scanned workbook the way an outsider would: SheetJS (not exceljs, not our store), rows keyed by header
 * (two header rows on 挂图作战表: `3月/完成情况`), with fills.
 */
import { readFileSync } from 'node:fs';
import XLSX from 'xlsx';

export interface ReadRow {
  row: number; // 1-based sheet row
  values: Record<string, string>;
  fills: Record<string, string | null>;
}

export function readBook(file: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(file), { type: 'buffer', cellStyles: true, cellNF: true });
}

export function readRows(book: XLSX.WorkBook, tab: string): ReadRow[] {
  const ws = book.Sheets[tab];
  if (!ws) throw new Error(`no tab ${tab}`);
  const range = XLSX.utils.decode_range(ws['!ref']!);
  const at = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  const text = (r: number, c: number) => {
    const cell = at(r, c);
    const v = cell?.v;
    if (v === undefined || v === null) return '';
    // A date cell as it shows (2026-06-15 08:30), not the serial number it holds.
    if (cell!.t === 'n' && cell!.z !== undefined && XLSX.SSF.is_date(String(cell!.z)))
      return cell!.w ?? String(v);
    return String(v);
  };
  const twoRows = tab === '挂图作战表';
  const keys: string[] = [];
  let group = '';
  for (let c = range.s.c; c <= range.e.c; c++) {
    const top = text(0, c).trim();
    const sub = twoRows ? text(1, c).trim() : '';
    if (/^\d{1,2}月$/.test(top)) group = top;
    else if (top) group = '';
    keys.push(sub && group ? `${group}/${sub}` : top || sub);
  }
  const rows: ReadRow[] = [];
  for (let r = twoRows ? 2 : 1; r <= range.e.r; r++) {
    const values: Record<string, string> = {};
    const fills: Record<string, string | null> = {};
    let blank = true;
    keys.forEach((key, c) => {
      const cell = at(r, c);
      values[key] = text(r, c);
      if (values[key]) blank = false;
      const s = cell?.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
      fills[key] = s?.patternType === 'solid' ? (s.fgColor?.rgb ?? null) : null;
    });
    if (!blank) rows.push({ row: r + 1, values, fills });
  }
  return rows;
}

export function rowWhere(rows: ReadRow[], key: string, value: string): ReadRow {
  const found = rows.filter((r) => r.values[key] === value);
  if (found.length !== 1) throw new Error(`expected one row with ${key} = ${value}, found ${found.length}`);
  return found[0]!;
}
