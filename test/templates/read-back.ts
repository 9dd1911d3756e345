/**
 * Reading a generated workbook back with SheetJS (not exceljs, which wrote it), the way another spreadsheet would.
 */
import * as XLSX from 'xlsx';

export interface ReadBack {
  wb: XLSX.WorkBook;
  /** Raw XML of a worksheet part, for what SheetJS does not parse (drop-downs, frozen panes). */
  sheetXml(name: string): string;
}

export function readBack(buffer: Uint8Array): ReadBack {
  const wb = XLSX.read(buffer, { type: 'buffer', bookFiles: true, cellDates: true });
  const files = (wb as unknown as { files: Record<string, { content: Uint8Array }> }).files;
  return {
    wb,
    sheetXml(name) {
      const index = wb.SheetNames.indexOf(name);
      if (index < 0) throw new Error(`no sheet ${name}`);
      // exceljs writes sheet parts in workbook order as sheet1.xml, sheet2.xml, …
      const part = files[`xl/worksheets/sheet${index + 1}.xml`];
      if (!part) throw new Error(`no worksheet part for ${name}`);
      return Buffer.from(part.content).toString('utf8');
    },
  };
}

function text(ws: XLSX.WorkSheet, r: number, c: number): string {
  const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  return cell?.v === undefined || cell.v === null ? '' : String(cell.v);
}

/** The merge range holding a cell, if any. */
export function mergeAt(ws: XLSX.WorkSheet, r: number, c: number): XLSX.Range | undefined {
  return (ws['!merges'] ?? []).find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c);
}

/** A merged cell reads as its top-left value. */
function mergedText(ws: XLSX.WorkSheet, r: number, c: number): string {
  const m = mergeAt(ws, r, c);
  return m ? text(ws, m.s.r, m.s.c) : text(ws, r, c);
}

/**
 * Header keys as a reader locates columns: one header row → its text; two header rows → `group/sub`, or the
 * text alone when the header is merged over both rows.
 */
export function headerKeysOf(ws: XLSX.WorkSheet, headerRows: 1 | 2): string[] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const keys: string[] = [];
  for (let c = range.s.c; c <= range.e.c; c++) {
    const top = mergedText(ws, 0, c);
    if (headerRows === 1) {
      keys.push(top);
      continue;
    }
    const m = mergeAt(ws, 0, c);
    const spansBoth = m !== undefined && m.e.r >= 1;
    const sub = text(ws, 1, c);
    keys.push(spansBoth || !sub ? top : `${top}/${sub}`);
  }
  return keys;
}

/** Data rows (below the header rows) keyed by header key; blank rows skipped. */
export function rowsOf(ws: XLSX.WorkSheet, headerRows: 1 | 2): Array<Record<string, unknown>> {
  const keys = headerKeysOf(ws, headerRows);
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const rows: Array<Record<string, unknown>> = [];
  for (let r = headerRows; r <= range.e.r; r++) {
    const row: Record<string, unknown> = {};
    keys.forEach((k, c) => {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell?.v !== undefined && cell.v !== '') row[k] = cell.v;
    });
    if (Object.keys(row).length) rows.push(row);
  }
  return rows;
}
