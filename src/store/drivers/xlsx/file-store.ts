/**
 * The SheetStore over a workbook file that both file drivers (exceljs and the OOXML package) are: the file read with
 * its version, the opened workbook kept for the next call while the file is unchanged, writes under the file's lock
 * with a stale-snapshot check, and the result put in place atomically. A driver gives only its medium: how to open
 * the bytes, find a tab's grid, write a whole tab and make the bytes again.
 */
import { stat } from 'node:fs/promises';
import { applyPlanToGrids, appendRowsToGrid } from '../../grid/apply-plan';
import { missingTabProblem } from '../../grid/headers';
import { tabOpener, type OpenTab } from '../../grid/open-tab';
import { readTab } from '../../grid/read-tab';
import type { SheetGrid } from '../../grid/sheet-grid';
import { StoreError } from '../../errors';
import {
  StaleSnapshotError,
  type AppendResult,
  type ApplyResult,
  type CellWrite,
  type SheetStore,
  type Snapshot,
  type TabSpec,
  type TabWrite,
  type WritePlan,
} from '../../port';
import { writeFileAtomic, type AtomicWriteHooks } from './atomic-write';
import { ownWrites, readVersioned, versionOf, wroteSomething } from './file-version';
import { withFileLock, type LockOptions } from './file-lock';

export interface FileStoreOptions {
  lock?: LockOptions;
  /** How long an idle opened workbook is kept for the next call (default 5 minutes). */
  cacheMs?: number;
  hooks?: AtomicWriteHooks;
}

/** A file driver's medium: a workbook of type W opened from the file's bytes. */
export interface FileMedium<W> {
  open(bytes: Buffer): W | Promise<W>;
  /** The grid of a tab, matched by name with surrounding spaces ignored; null when there is none. */
  grid(workbook: W, name: string): SheetGrid | null;
  writeTab(workbook: W, tab: TabWrite): void;
  toBytes(workbook: W): Promise<Buffer>;
  /** The workbook to keep once `out` is written: the same one, or one opened from the written bytes. */
  afterWrite(workbook: W, out: Buffer): W;
}

/**
 * @example
 * const store = createFileStore(file, { open: (bytes) => new XlsxPackage(bytes, file), … }, options);
 */
export function createFileStore<W>(
  file: string,
  medium: FileMedium<W>,
  options: FileStoreOptions = {},
): SheetStore {
  const tabs = tabOpener();
  const own = ownWrites();
  /**
   * The workbook as last read or written, with the file version it matches: read → apply → append reuse it while
   * the file is unchanged. It is taken out while being edited and put back only after a successful write, so a
   * failed write never leaves a half-edited copy behind.
   */
  let cached: { version: string; workbook: W } | null = null;
  let expiry: NodeJS.Timeout | undefined;

  /** Keep a workbook for the next call; a long-running server lets it go after a few idle minutes. */
  function keep(version: string, workbook: W): void {
    cached = { version, workbook };
    clearTimeout(expiry);
    expiry = setTimeout(() => (cached = null), options.cacheMs ?? 5 * 60_000);
    expiry.unref();
  }

  async function workbookAt(bytes: Buffer, version: string): Promise<W> {
    const hit = cached?.version === version ? cached.workbook : null;
    cached = null;
    return hit ?? (await medium.open(bytes));
  }

  function openTab(workbook: W, name: string): OpenTab | null {
    const grid = medium.grid(workbook, name);
    return grid ? tabs.open(grid, grid.name) : null;
  }

  /** Open the file under the write lock, let `change` edit it, and put the result in place atomically. */
  function rewrite<T>(
    change: (workbook: W, version: string) => T,
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
        const out = await medium.toBytes(workbook);
        await writeFileAtomic(file, out, options.hooks);
        const written = versionOf(out, (await stat(file)).mtimeMs);
        own.record(version, written);
        keep(written, medium.afterWrite(workbook, out));
        return result;
      },
      options.lock,
    );
  }

  return {
    async read(specs: TabSpec[]): Promise<Snapshot> {
      const { bytes, version } = await readVersioned(file);
      const workbook = await workbookAt(bytes, version);
      const snapshot: Snapshot = { tabs: {}, problems: [], version };
      for (const spec of specs) {
        const grid = medium.grid(workbook, spec.name);
        if (!grid) {
          snapshot.problems.push(missingTabProblem(spec.name));
          continue;
        }
        tabs.remember([{ name: grid.name, headerRows: spec.headerRows }]);
        const { data, layout } = readTab(grid, spec);
        snapshot.tabs[spec.name] = data;
        snapshot.problems.push(...layout.problems);
      }
      keep(version, workbook);
      return snapshot;
    },
    apply(plan: WritePlan, snapshot: Snapshot): Promise<ApplyResult> {
      return rewrite(function applyToWorkbook(workbook, version) {
        if (!own.isCurrent(snapshot.version, version))
          throw new StaleSnapshotError(
            `[store:xlsx] ${file} was saved by someone else since it was read; read again and re-plan`,
          );
        const result = applyPlanToGrids(plan, (name) => openTab(workbook, name), 'xlsx');
        for (const tab of plan.tabs ?? []) medium.writeTab(workbook, tab);
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
