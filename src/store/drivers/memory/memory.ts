/**
 * The memory driver: a workbook held in arrays. The default for tests and the scan's unit tests; it behaves like a
 * shared online sheet (staff edits between read and apply are reconciled by 编号) unless `staleOnEdit` asks it to
 * behave like a file (any staff edit since the read makes `apply` throw StaleSnapshotError).
 */
import { applyPlanToGrids, appendRowsToGrid } from '../../grid/apply-plan';
import { StoreError } from '../../errors';
import { missingTabProblem } from '../../grid/headers';
import { memoryGrid } from './memory-grid';
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
import { readTab } from '../../grid/read-tab';
import {
  fixtureOfTabWrite,
  fixtureFromGrid,
  gridFromFixture,
  type FixtureTab,
  type GridTab,
  type MemoryWorkbook,
} from './workbook-model';
import { tabOpener, type OpenTab } from '../../grid/open-tab';

export type { FixtureTab, GridTab, MemoryWorkbook } from './workbook-model';

export interface MemoryStore extends SheetStore {
  /** The whole workbook, normalised (see `normalizeWorkbook`), for assertions. */
  dump(): MemoryWorkbook;
  /** One tab, normalised, or undefined when there is no such tab. */
  tab(name: string): Required<FixtureTab> | undefined;
  /**
   * A person edits the tab meanwhile (tests simulate sorting, inserting a row, typing in a cell… with it): `change`
   * works on the tab's grid in place, and a `staleOnEdit` store refuses plans read before it.
   */
  editTab(tab: string, change: (grid: GridTab) => void): void;
  /** Add a tab, as staff would. */
  addTab(tab: FixtureTab): void;
  /** How often each port method was called: a scan reads once and applies once. */
  readonly calls: { read: number; apply: number; append: number };
}

export interface MemoryStoreOptions {
  /** Throw StaleSnapshotError from `apply` when a staff edit happened since the read (file-like behaviour). */
  staleOnEdit?: boolean;
}

/**
 * Create an in-memory SheetStore.
 * @example
 * const store = createMemoryStore({ tabs: [{ name: '督办台账', rows: [['编号', '状态'], ['DB-2026-001', null]] }] });
 * const snapshot = await store.read([{ name: '督办台账', headerRows: 1, required: ['编号'] }]);
 * await store.apply({ ...emptyPlan(), cells: [{ tab: '督办台账', id: 'DB-2026-001', rowHint: 2, column: '状态', value: '正常推进' }] }, snapshot);
 */
export function createMemoryStore(
  initial: MemoryWorkbook = { tabs: [] },
  options: MemoryStoreOptions = {},
): MemoryStore {
  let tabs: GridTab[] = initial.tabs.map(gridFromFixture);
  let revision = 0;
  let lastStaffEdit = 0;
  const opener = tabOpener();
  const calls = { read: 0, apply: 0, append: 0 };

  const find = (name: string) => tabs.find((t) => t.name.trim() === name.trim());

  const open = (tab: GridTab): OpenTab => opener.open(memoryGrid(tab), tab.name);

  /** Run `change` on copies of the tabs and keep them only if it finishes: all or nothing. */
  function transact<T>(
    change: (copy: (name: string) => GridTab | undefined) => T,
    whole: TabWrite[] = [],
  ): T {
    const copies = new Map<string, GridTab>();
    const copy = (name: string) => {
      const original = find(name);
      if (!original) return undefined;
      if (!copies.has(original.name)) copies.set(original.name, structuredClone(original));
      return copies.get(original.name);
    };
    const result = change(copy);
    const written = new Map(whole.map((t) => [t.name.trim(), gridFromFixture(fixtureOfTabWrite(t))]));
    tabs = tabs.map((t) => written.get(t.name.trim()) ?? copies.get(t.name) ?? t);
    for (const [name, tab] of written) if (!find(name)) tabs.push(tab);
    revision++;
    return result;
  }

  return {
    calls,
    async read(specs: TabSpec[]): Promise<Snapshot> {
      calls.read++;
      const snapshot: Snapshot = { tabs: {}, problems: [], version: `memory:${revision}` };
      for (const spec of specs) {
        const tab = find(spec.name);
        if (!tab) {
          snapshot.problems.push(missingTabProblem(spec.name));
          continue;
        }
        opener.remember([{ name: tab.name, headerRows: spec.headerRows }]);
        const { data, layout } = readTab(memoryGrid(tab), spec);
        snapshot.tabs[spec.name] = data;
        snapshot.problems.push(...layout.problems);
      }
      return snapshot;
    },
    async apply(plan: WritePlan, snapshot: Snapshot): Promise<ApplyResult> {
      calls.apply++;
      const seen = /^memory:(\d+)$/.exec(snapshot.version);
      if (options.staleOnEdit && (!seen || Number(seen[1]) < lastStaffEdit))
        throw new StaleSnapshotError(
          '[store:memory] the workbook was edited since it was read; read again and re-plan',
        );
      const result = transact(
        (copy) =>
          applyPlanToGrids(plan, (name) => {
            const tab = copy(name);
            return tab ? open(tab) : null;
          }),
        plan.tabs,
      );
      if (plan.tabs?.length) result.tabsWritten = plan.tabs.length;
      return result;
    },
    async append(name: string, rows: Array<Record<string, CellWrite>>): Promise<AppendResult> {
      calls.append++;
      if (!find(name)) throw new StoreError('memory', `append: no tab '${name}'`);
      return transact((copy) => ({ rows: appendRowsToGrid('memory', open(copy(name)!), rows) }));
    },
    dump: () => ({ tabs: tabs.map(fixtureFromGrid) }),
    tab(name) {
      const tab = find(name);
      return tab && fixtureFromGrid(tab);
    },
    editTab(name, change) {
      const tab = find(name);
      if (!tab) throw new StoreError('memory', `editTab: no tab '${name}'`);
      change(tab);
      lastStaffEdit = ++revision;
    },
    addTab(tab) {
      tabs.push(gridFromFixture(tab));
      lastStaffEdit = ++revision;
    },
  };
}
