/** The demo county as a plain workbook for the memory store: the template's tabs with the demo rows of `asOf`. */
import type { Cell } from '../../src/store/port';
import type { DemoData } from '../../src/workbook/schema/tabs';
import type { MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import { generateDemo } from '../../sheets-templates/demo';
import { templateSeed } from '../sheets-server/seed-template';

export function demoWorkbook(asOf = '2026-06-15'): MemoryWorkbook {
  const year = Number(asOf.slice(0, 4));
  return templateWorkbook(generateDemo({ year, asOf }));
}

/** The template's tabs with `demo`'s rows, or empty (a new office's workbook). */
export function templateWorkbook(demo?: DemoData): MemoryWorkbook {
  const seed = templateSeed(demo ? { demo } : {});
  return {
    tabs: seed.sheets.map((sheet) => ({
      name: sheet.title,
      rows: (sheet.rows ?? []).map((row) =>
        row.map((cell) => (cell === undefined ? null : (cell as Cell))),
      ),
      merges: sheet.merges ?? [],
    })),
  };
}

/** The scan's instant on a day: 08:30 Beijing time, as the cron runs. */
export const at830 = (day: string) => new Date(`${day}T00:30:00Z`);

export const FROM = { name: '县政府督查室', address: 'duban@example.gov.cn' };

/** The workbook with one 规则配置 value typed in (the row whose first cell is `key`). */
export function withSetting(wb: MemoryWorkbook, key: string, value: string): MemoryWorkbook {
  const tab = wb.tabs.find((t) => t.name === '规则配置')!;
  const row = tab.rows.find((r) => r[0] === key);
  if (!row) throw new Error(`规则配置 has no row ${key}`);
  row[1] = value;
  return wb;
}
