/**
 * The demo county as a memory workbook, laid out like the template (header rows, merges, 规则配置 defaults): what the
 * bulletin tests read through the memory store instead of writing an .xlsx file.
 */
import type { Cell } from '../../src/store/port';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import type { FixtureTab, MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import { generateDemo } from '../../sheets-templates/demo';
import { templateSeed } from '../sheets-server/seed-template';
import type { SeedCell } from '../sheets-server/seed';

function cellOf(seed: SeedCell): Cell {
  if (seed === undefined) return null;
  if (seed !== null && typeof seed === 'object' && 'value' in seed) return cellOf(seed.value);
  if (seed !== null && typeof seed === 'object' && 'formula' in seed)
    return { formula: seed.formula, result: null };
  return seed as Cell;
}

/** The demo of `year` as of `asOf` as plain tabs. */
export function demoWorkbook(year: number, asOf: string): MemoryWorkbook {
  const seed = templateSeed({ demo: generateDemo({ year, asOf }) });
  const tabs: FixtureTab[] = seed.sheets.map((s) => ({
    name: s.title,
    rows: (s.rows ?? []).map((row) => row.map(cellOf)),
    merges: s.merges ?? [],
  }));
  return { tabs };
}

/** A memory store holding the demo of `year` as of `asOf`. */
export function demoStore(year: number, asOf: string): MemoryStore {
  return createMemoryStore(demoWorkbook(year, asOf));
}
