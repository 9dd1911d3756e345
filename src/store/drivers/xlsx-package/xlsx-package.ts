/**
 * The package xlsx driver: a workbook file on disk (the local / offline default), edited in place as an OOXML package.
 *
 * - `read` opens the zip once, indexes only the worksheets asked for, and records the file's version.
 * - `apply` / `append` take the file's write lock; if anyone else saved the file since the snapshot (staff in WPS or
 *   Excel) `apply` throws StaleSnapshotError so the caller re-reads and re-plans. This store's own writes do not count.
 * - A write rewrites only the worksheets it changed, styles.xml (new fills and xfs appended) and, when a tab is added,
 *   workbook.xml, its rels and [Content_Types].xml; every other zip entry is copied as stored, byte for byte. New text
 *   is written as inline strings, so sharedStrings.xml is never rewritten.
 * - The file is replaced atomically (temp file in the same directory, fsync, rename).
 */
import type { SheetStore } from '../../port';
import { createFileStore, type FileStoreOptions } from '../xlsx/file-store';
import { XlsxPackage } from './package';

export type XlsxPackageStoreOptions = FileStoreOptions;

/**
 * Create a SheetStore over an .xlsx or .xlsm file that keeps every part it does not need to change.
 * @example
 * const store = createXlsxPackageStore('./督办-2026.xlsx');
 * const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2, required: ['编号', '完成时限'] }]);
 * const result = await store.apply(plan, snapshot); // throws StaleSnapshotError if staff saved the file meanwhile
 */
export function createXlsxPackageStore(file: string, options: XlsxPackageStoreOptions = {}): SheetStore {
  return createFileStore<XlsxPackage>(
    file,
    {
      open: (bytes) => new XlsxPackage(bytes, file),
      grid: (pkg, name) => pkg.grid(name),
      writeTab: (pkg, tab) => pkg.writeTab(tab),
      toBytes: (pkg) => pkg.toBytes(),
      // The next call re-indexes from the written bytes only the tabs it needs.
      afterWrite: (_, out) => new XlsxPackage(out, file),
    },
    options,
  );
}
