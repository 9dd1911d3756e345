import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { SYSTEM_COLUMNS } from '../../src/workbook/schema/tabs';
import { inspectXlsx, type Inspected } from '../store/xlsx-inspect';
import { columnOf, insertColumn, mergeDown, reverseRows, swapColumns } from './xlsx-staff-edits';

const DATE = '2026-11-20';
const APPEND_ONLY = new Set(['审计日志', '文书登记']);

/** Header text of each column (row 2 under a month group on 挂图作战表), as staff see it. */
function headersOf(ws: XLSX.WorkSheet, twoRows: boolean): string[] {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  const text = (r: number, c: number) => String(ws[XLSX.utils.encode_cell({ r, c })]?.v ?? '').trim();
  return Array.from({ length: range.e.c + 1 }, (_, c) => (twoRows && text(1, c) ? text(1, c) : text(0, c)));
}

function covered(ws: XLSX.WorkSheet, r: number, c: number): boolean {
  return (ws['!merges'] ?? []).some(
    (m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c && !(m.s.r === r && m.s.c === c),
  );
}

/**
 * Every cell of `before` that is not system-owned must read the same in `after`: value and resolved style.
 * System-owned: the system columns, 完成情况 fills (not their text), 编号 cells that were empty, rows appended to ledgers.
 */
function unchangedStaffCells(before: Inspected, after: Inspected): string[] {
  const diffs: string[] = [];
  before.book.SheetNames.forEach((name, index) => {
    const b = before.book.Sheets[name]!;
    const a = after.book.Sheets[name]!;
    const headers = headersOf(b, name === '挂图作战表');
    const [bs, as] = [before.styles(index), after.styles(index)];
    const range = XLSX.utils.decode_range(b['!ref']!);
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        const address = XLSX.utils.encode_cell({ r, c });
        const header = headers[c] ?? '';
        if ((SYSTEM_COLUMNS as readonly string[]).includes(header) && r > 0) continue;
        const bv = b[address]?.v ?? null;
        if (header === '编号' && bv === null) continue;
        if ((a[address]?.v ?? null) !== bv)
          diffs.push(`${name}!${address} value ${JSON.stringify(bv)} → ${JSON.stringify(a[address]?.v)}`);
        // A cell absent from the file has no look of its own (it shows its column's style); filling it writes that
        // style out explicitly, so only cells that existed are compared style by style.
        // Likewise a cell hidden under a merge is never seen: exceljs gives it its master's style on load.
        const [sb, sa] = [bs.get(address), as.get(address)];
        if (sb === undefined || covered(b, r, c)) continue;
        const ignoreFill = header === '完成情况' && r > 1;
        const keys = ['font', 'border', 'alignment', 'numFmt', 'fill'] as const;
        for (const k of ignoreFill ? keys.slice(0, 4) : keys) {
          if (sb[k] !== (sa?.[k] ?? '')) diffs.push(`${name}!${address} ${k} changed`);
        }
      }
    }
    if (!APPEND_ONLY.has(name) && XLSX.utils.decode_range(a['!ref']!).e.r !== range.e.r)
      diffs.push(`${name}: row count changed`);
  });
  return diffs;
}

async function scenario(
  edit: (book: ExcelJS.Workbook) => void,
): Promise<{ diffs: string[]; summary: Awaited<ReturnType<typeof runScan>> }> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-staff-'));
  const file = join(dir, 'demo.xlsx');
  await createWorkbook(file, DATE);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  edit(book);
  await book.xlsx.writeFile(file);
  const before = await inspectXlsx(file);
  const summary = await runScan({
    store: createXlsxPackageStore(file),
    mailer: createMemoryMailer(),
    now: new Date(`${DATE}T00:30:00Z`),
    from: { address: 'd@demo.gov.cn' },
  });
  return { diffs: unchangedStaffCells(before, await inspectXlsx(file)), summary };
}

describe('a scan never changes a staff cell (values and styles, cell by cell)', () => {
  it('on the demo workbook as generated', async () => {
    const { diffs, summary } = await scenario(() => {});
    expect(summary.cellsWritten).toBeGreaterThan(100);
    expect(diffs.join('\n')).toBe('');
  }, 120_000);

  it('after staff reordered columns, inserted a column of their own, sorted the rows and merged cells in a ledger', async () => {
    const { diffs, summary } = await scenario((book) => {
      const map = book.getWorksheet('挂图作战表')!;
      swapColumns(map, columnOf(map, '年度目标'), columnOf(map, '完成时限'));
      insertColumn(map, columnOf(map, '工作任务'), 2, '科室备注', ['自用备注：重点盯办', '', '=1+1']);
      reverseRows(map, 3);
      const ledger = book.getWorksheet('督办台账')!;
      ledger.getCell(2, columnOf(ledger, '分管领导')).font = { bold: true, color: { argb: 'FFC00000' } };
      mergeDown(ledger, columnOf(ledger, '分管领导'), 2, 4);
      reverseRows(book.getWorksheet('反馈记录')!, 2);
    });
    expect(summary.tasks).toBeGreaterThanOrEqual(80);
    expect(summary.problems.filter((p) => p.code === 'missing-header' || p.code === 'row-moved')).toEqual([]);
    expect(summary.cellsWritten).toBeGreaterThan(100);
    expect(diffs.join('\n')).toBe('');
  }, 120_000);
});
