/**
 * An .xlsx worksheet ends at row 1,048,576. An append that would go past it is refused before anything is written, in
 * Chinese, naming the tab; the rows that still fit are appended as usual (package and exceljs drivers).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEET_ROW_LIMIT } from '../../src/store/grid/sheet-grid';
import { createXlsxStore } from '../../src/store/drivers/xlsx/xlsx';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import type { SheetStore } from '../../src/store/port';
import { tempDir } from './xlsx-harness';

const HEADERS = ['时间', '动作', '编号'];

/** A 审计日志 whose last record is on row `last`. */
async function logEndingAt(file: string, last: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计日志');
  ws.addRow(HEADERS);
  ws.getRow(last).values = ['2026-06-12 08:30:00', '状态变更', 'ZD-2026-001'];
  await wb.xlsx.writeFile(file);
}

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ 时间: '2026-06-15 08:30:00', 动作: '发文', 编号: `ZD-2026-${i}` }));

describe.each([
  ['package', createXlsxPackageStore],
  ['exceljs', createXlsxStore],
] as Array<[string, (file: string) => SheetStore]>)(
  '%s driver at the last row of a worksheet',
  (name, create) => {
    it('refuses an append past row 1,048,576 in Chinese and leaves the file as it was; one that fits lands', async () => {
      const { dir, cleanup } = await tempDir();
      const file = join(dir, `${name}.xlsx`);
      await logEndingAt(file, SHEET_ROW_LIMIT - 3);
      const before = await readFile(file);
      const store = create(file);
      await expect(store.append('审计日志', rows(4))).rejects.toThrow(
        /工作表「审计日志」已写到第 1,048,576 行.*无法再追加记录。工作簿未作任何改动。.*存档/,
      );
      expect((await readFile(file)).equals(before)).toBe(true);
      const landed = await store.append('审计日志', rows(3));
      expect(landed.rows).toEqual([SHEET_ROW_LIMIT - 2, SHEET_ROW_LIMIT - 1, SHEET_ROW_LIMIT]);
    await cleanup();
    });
  },
);
