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
import { stat } from 'node:fs/promises';
import { applyPlanToGrids, appendRowsToGrid } from '../../grid/apply-plan';
import { missingTabProblem } from '../../grid/headers';
import { tabOpener, type OpenTab } from '../../grid/open-tab';
import { readTab } from '../../grid/read-tab';
import { StoreError } from '../../errors';
import { ownWrites, readVersioned, versionOf, wroteSomething } from '../xlsx/file-version';
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
import { writeFileAtomic, type AtomicWriteHooks } from '../xlsx/atomic-write';
import { withFileLock, type LockOptions } from '../xlsx/file-lock';
import { XlsxPackage } from './package';

export interface XlsxPackageStoreOptions {
  lock?: LockOptions;
  /** How long an idle opened package is kept for the next call (default 5 minutes). */
  cacheMs?: number;
  hooks?: AtomicWriteHooks;
}

/**
 * Create a SheetStore over an .xlsx or .xlsm file that keeps every part it does not need to change.
 * @example
 * const store = createXlsxPackageStore('./督办-2026.xlsx');
 * const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2, required: ['编号', '完成时限'] }]);
 * const result = await store.apply(plan, snapshot); // throws StaleSnapshotError if staff saved the file meanwhile
 */
export function createXlsxPackageStore(file: string, options: XlsxPackageStoreOptions = {}): SheetStore {
  const tabs = tabOpener();
  const own = ownWrites();
  /** The package as last read or written, with the file version it matches (read → apply → append reuse it). */
  let cached: { version: string; bytes: Buffer; pkg: XlsxPackage | null } | null = null;
  let expiry: NodeJS.Timeout | undefined;

  function keep(version: string, bytes: Buffer, pkg: XlsxPackage | null): void {
    cached = { version, bytes, pkg };
    clearTimeout(expiry);
    expiry = setTimeout(() => (cached = null), options.cacheMs ?? 5 * 60_000);
    expiry.unref();
  }

  /** A package for the file's current bytes: the cached one (taken out while it is edited) or a fresh one. */
  function packageAt(bytes: Buffer, version: string): XlsxPackage {
    const hit = cached?.version === version ? cached.pkg : null;
    cached = null;
    return hit ?? new XlsxPackage(bytes, file);
  }

  function openTab(pkg: XlsxPackage, name: string): OpenTab | null {
    const grid = pkg.grid(name);
    return grid ? tabs.open(grid, grid.name) : null;
  }

  /** Open the file under the write lock, let `change` edit it, and put the result in place atomically. */
  function rewrite<T>(
    change: (pkg: XlsxPackage, version: string) => T,
    changed: (result: T) => boolean,
  ): Promise<T> {
    return withFileLock(
      file,
      async function rewriteLocked() {
        const { bytes, version } = await readVersioned(file);
        const pkg = packageAt(bytes, version);
        const result = change(pkg, version);
        if (!changed(result)) {
          keep(version, bytes, pkg);
          return result;
        }
        const out = await pkg.toBytes();
        await writeFileAtomic(file, out, options.hooks);
        const written = versionOf(out, (await stat(file)).mtimeMs);
        own.record(version, written);
        // The next call re-indexes from the written bytes only the tabs it needs.
        keep(written, out, new XlsxPackage(out, file));
        return result;
      },
      options.lock,
    );
  }

  return {
    async read(specs: TabSpec[]): Promise<Snapshot> {
      const { bytes, version } = await readVersioned(file);
      const pkg = packageAt(bytes, version);
      const snapshot: Snapshot = { tabs: {}, problems: [], version };
      for (const spec of specs) {
        const grid = pkg.grid(spec.name);
        if (!grid) {
          snapshot.problems.push(missingTabProblem(spec.name));
          continue;
        }
        tabs.remember([{ name: grid.name, headerRows: spec.headerRows }]);
        const { data, layout } = readTab(grid, spec);
        snapshot.tabs[spec.name] = data;
        snapshot.problems.push(...layout.problems);
      }
      keep(version, bytes, pkg);
      return snapshot;
    },
    apply(plan: WritePlan, snapshot: Snapshot): Promise<ApplyResult> {
      return rewrite(function applyToPackage(pkg, version) {
        if (!own.isCurrent(snapshot.version, version))
          throw new StaleSnapshotError(
            `[store:xlsx] ${file} was saved by someone else since it was read; read again and re-plan`,
          );
        const result = applyPlanToGrids(plan, (name) => openTab(pkg, name), 'xlsx');
        for (const tab of plan.tabs ?? []) pkg.writeTab(tab);
        if (plan.tabs?.length) result.tabsWritten = plan.tabs.length;
        return result;
      }, wroteSomething);
    },
    append(tab: string, rows: Array<Record<string, CellWrite>>): Promise<AppendResult> {
      return rewrite(
        function appendToPackage(pkg) {
          const opened = openTab(pkg, tab);
          if (!opened) throw new StoreError('xlsx', `append: no tab '${tab}' in ${file}`);
          return { rows: appendRowsToGrid('xlsx', opened, rows) };
        },
        (result) => result.rows.length > 0,
      );
    },
  };
}
