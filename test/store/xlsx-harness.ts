/** Builds contract-suite harnesses over real .xlsx files in a temp directory. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyStaffEdit } from './staff-edits';
import {
  fixtureFromGrid,
  gridFromFixture,
  type MemoryWorkbook,
} from '../../src/store/drivers/memory/workbook-model';
import { createXlsxStore, type XlsxStoreOptions } from '../../src/store/drivers/xlsx/xlsx';
import { readFixtureXlsx, writeFixtureXlsx } from './xlsx-fixture';
import type { StoreHarness } from './contract';
import type { SheetStore } from '../../src/store/port';

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'duban-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An xlsx store over a file built from the fixture; staff edits re-save the whole file, as WPS does. */
export async function makeXlsxHarness(
  fixture: MemoryWorkbook,
  options?: XlsxStoreOptions,
  create: (file: string, options?: XlsxStoreOptions) => SheetStore = createXlsxStore,
): Promise<StoreHarness & { file: string }> {
  const { dir, cleanup } = await tempDir();
  const file = join(dir, '督办-2026.xlsx');
  await writeFixtureXlsx(file, fixture);
  return {
    file,
    store: create(file, options),
    staleOnEdit: true,
    async staffEdit(tab, edit) {
      const workbook = await readFixtureXlsx(file);
      const index = workbook.tabs.findIndex((t) => t.name === tab);
      if (index < 0) throw new Error(`no tab ${tab}`);
      const grid = gridFromFixture(workbook.tabs[index]!);
      applyStaffEdit(grid, edit);
      workbook.tabs[index] = fixtureFromGrid(grid);
      await writeFixtureXlsx(file, workbook);
    },
    dump: () => readFixtureXlsx(file),
    cleanup,
  };
}
