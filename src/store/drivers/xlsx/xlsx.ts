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
import { stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { applyPlanToGrids, appendRowsToGrid } from '../../grid/apply-plan';
import { writeFileAtomic, type AtomicWriteHooks } from './atomic-write';
import { StoreError } from '../../errors';
import { ownWrites, readVersioned, versionOf, wroteSomething } from './file-version';
import { withFileLock, type LockOptions } from './file-lock';
import { missingTabProblem } from '../../grid/headers';
import {
  StaleSnapshotError,
  type AppendResult,
  type ApplyResult,
  type CellWrite,
  type SheetStore,
  type Snapshot,
  type TabSpec,
  type WritePlan,
} from '../../port';
import { readTab } from '../../grid/read-tab';
import { xlsxGrid } from './xlsx-grid';
import { writeXlsxTab } from './xlsx-tab-write';
import { tabOpener, type OpenTab } from '../../grid/open-tab';

export interface XlsxStoreOptions {
  lock?: LockOptions;
  /** How long an idle loaded workbook is kept for the next call (default 5 minutes). */
  cacheMs?: number;
  hooks?: AtomicWriteHooks;
}

/**
 * Create a SheetStore over an .xlsx file.
 * @example
 * const store = createXlsxStore('./督办-2026.xlsx');
 * const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2, required: ['编号', '完成时限'] }]);
 * const result = await store.apply(plan, snapshot); // throws StaleSnapshotError if staff saved the file meanwhile
 */
export function createXlsxStore(file: string, options: XlsxStoreOptions = {}): SheetStore {
  const tabs = tabOpener();
  const own = ownWrites();
  /**
   * The workbook as last loaded or written, with the file version it matches. Loading dominates the cost on big
   * files, so read → apply → append reuses it while the file is unchanged; it is taken out while being edited and
   * put back only after a successful write, so a failed write never leaves a half-edited copy behind.
   */
  let cached: { version: string; workbook: ExcelJS.Workbook } | null = null;
  let expiry: NodeJS.Timeout | undefined;

  /** Keep a workbook for the next call; a long-running server lets it go after a few idle minutes. */
  function keep(version: string, workbook: ExcelJS.Workbook): void {
    cached = { version, workbook };
    clearTimeout(expiry);
    expiry = setTimeout(() => (cached = null), options.cacheMs ?? 5 * 60_000);
    expiry.unref();
  }

  async function workbookAt(bytes: Buffer, version: string): Promise<ExcelJS.Workbook> {
    const hit = cached?.version === version ? cached.workbook : null;
    cached = null;
    return hit ?? loadWorkbook(file, bytes);
  }

  function openTab(workbook: ExcelJS.Workbook, name: string): OpenTab | null {
    const ws = findWorksheet(workbook, name);
    if (!ws) return null;
    return tabs.open(xlsxGrid(ws), ws.name);
  }

  /** Load the file under the write lock, let `change` edit it, and put the result in place atomically. */
  function rewrite<T>(
    change: (workbook: ExcelJS.Workbook, version: string) => T,
    changed: (result: T) => boolean,
  ): Promise<T> {
    return withFileLock(
      file,
      async function rewriteLocked() {
        const { bytes, version } = await readVersioned(file);
        const workbook = await workbookAt(bytes, version);
        const result = change(workbook, version);
        if (!changed(result)) {
          keep(version, workbook);
          return result;
        }
        const out = Buffer.from(await workbook.xlsx.writeBuffer());
        await writeFileAtomic(file, out, options.hooks);
        const written = versionOf(out, (await stat(file)).mtimeMs);
        own.record(version, written);
        keep(written, workbook);
        return result;
      },
      options.lock,
    );
  }

  return {
    async read(specs: TabSpec[]): Promise<Snapshot> {
      const { bytes, version } = await readVersioned(file);
      const workbook = await workbookAt(bytes, version);
      keep(version, workbook);
      const snapshot: Snapshot = { tabs: {}, problems: [], version };
      for (const spec of specs) {
        const ws = findWorksheet(workbook, spec.name);
        if (!ws) {
          snapshot.problems.push(missingTabProblem(spec.name));
          continue;
        }
        tabs.remember([{ name: ws.name, headerRows: spec.headerRows }]);
        const { data, layout } = readTab(xlsxGrid(ws), spec);
        snapshot.tabs[spec.name] = data;
        snapshot.problems.push(...layout.problems);
      }
      return snapshot;
    },
    apply(plan: WritePlan, snapshot: Snapshot): Promise<ApplyResult> {
      return rewrite(function applyToWorkbook(workbook, version) {
        if (!own.isCurrent(snapshot.version, version))
          throw new StaleSnapshotError(
            `[store:xlsx] ${file} was saved by someone else since it was read; read again and re-plan`,
          );
        const result = applyPlanToGrids(plan, (name) => openTab(workbook, name), 'xlsx');
        for (const tab of plan.tabs ?? []) writeXlsxTab(workbook, tab);
        if (plan.tabs?.length) result.tabsWritten = plan.tabs.length;
        return result;
      }, wroteSomething);
    },
    append(tab: string, rows: Array<Record<string, CellWrite>>): Promise<AppendResult> {
      return rewrite(
        function appendToWorkbook(workbook) {
          const opened = openTab(workbook, tab);
          if (!opened) throw new StoreError('xlsx', `append: no tab '${tab}' in ${file}`);
          return { rows: appendRowsToGrid('xlsx', opened, rows) };
        },
        (result) => result.rows.length > 0,
      );
    },
  };
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
