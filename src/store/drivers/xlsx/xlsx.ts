/**
 * The xlsx driver: a workbook file on disk (the local / offline mode), read and written with exceljs.
 *
 * - `read` loads the file once and records its version (mtime + size + SHA-256 of the bytes).
 * - `apply` and `append` take the file's write lock, re-open the file, and if anyone else saved it since the
 *   snapshot (staff in WPS or Excel) `apply` throws StaleSnapshotError so the caller re-reads and re-plans.
 *   This store's own writes do not count as changes: a snapshot stays usable after this store appended to it.
 * - Writes go to a temp file in the same directory that is renamed over the target: a crash never leaves half a file.
 * - Everything the plan does not touch is carried through exceljs' read→write round trip; see
 *   test/store/xlsx-preserve.real.test.ts for what survives and the README of this folder for what exceljs drops.
 */
import type ExcelJS from 'exceljs';
import { StoreError } from '../../errors';
import type { SheetStore } from '../../port';
import { createFileStore, type FileStoreOptions } from './file-store';
import { xlsxGrid } from './xlsx-grid';
import { writeXlsxTab } from './xlsx-tab-write';

export type XlsxStoreOptions = FileStoreOptions;

/**
 * Create a SheetStore over an .xlsx file.
 * @example
 * const store = createXlsxStore('./督办-2026.xlsx');
 * const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2, required: ['编号', '完成时限'] }]);
 * const result = await store.apply(plan, snapshot); // throws StaleSnapshotError if staff saved the file meanwhile
 */
export function createXlsxStore(file: string, options: XlsxStoreOptions = {}): SheetStore {
  return createFileStore<ExcelJS.Workbook>(
    file,
    {
      // Loading dominates the cost on big files: the store keeps the loaded workbook while the file is unchanged.
      open: (bytes) => loadWorkbook(file, bytes),
      grid: (workbook, name) => {
        const ws = findWorksheet(workbook, name);
        return ws ? xlsxGrid(ws) : null;
      },
      writeTab: writeXlsxTab,
      toBytes: async (workbook) => Buffer.from(await workbook.xlsx.writeBuffer()),
      afterWrite: (workbook) => workbook,
    },
    options,
  );
}

/** Tabs are matched by name with surrounding spaces ignored (a trailing space typed by staff is invisible). */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.name.trim() === name.trim());
}

/** Load a workbook with exceljs, imported lazily so runtimes without the file driver never load it. */
export async function loadWorkbook(file: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new StoreError('xlsx', `cannot read ${file} as an .xlsx workbook: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return workbook;
}
