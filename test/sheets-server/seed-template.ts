/**
 * A Google spreadsheet laid out from src/workbook/schema/tabs.ts, with optional demo rows, as seed data for the
 * local Sheets server: the same tabs, header rows, merges and 规则配置 defaults as the .xlsx template.
 */
import { configRows } from '../../sheets-templates/config-rows';
import { GUIDE_TAB, TABS, type CellValue, type DemoData, type TabDef } from '../../src/workbook/schema/tabs';
import { guideLines } from '../../sheets-templates/guide';
import { columnLetters } from './a1';
import type { SeedCell, SeedSheet, SeedSpreadsheet } from './seed';

/** A template cell as a seed: dates (and date-times, which the store reads as their date) become real date cells. */
function seedOfValue(value: CellValue | undefined): SeedCell {
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  return value ?? null;
}

/** Row 1 (and row 2) of a tab, with the merges the template makes: groups over their columns, others over both rows. */
function headerRows(def: TabDef): { rows: SeedCell[][]; merges: string[] } {
  if (def.headerRows === 1) return { rows: [def.columns.map((c) => c.header)], merges: [] };
  const top: SeedCell[] = [];
  const bottom: SeedCell[] = [];
  const merges: string[] = [];
  let i = 0;
  while (i < def.columns.length) {
    const c = def.columns[i]!;
    if (!c.group) {
      top.push(c.header);
      bottom.push(null);
      merges.push(`${columnLetters(i)}1:${columnLetters(i)}2`);
      i += 1;
      continue;
    }
    let end = i;
    while (def.columns[end + 1]?.group === c.group) end += 1;
    for (let k = i; k <= end; k++) {
      top.push(k === i ? c.group : null);
      bottom.push(def.columns[k]!.header);
    }
    if (end > i) merges.push(`${columnLetters(i)}1:${columnLetters(end)}1`);
    i = end + 1;
  }
  return { rows: [top, bottom], merges };
}

function tabSheet(def: TabDef, data: Array<Record<string, CellValue>>): SeedSheet {
  const known = new Set(def.columns.map((c) => c.key));
  for (const row of data) {
    const unknown = Object.keys(row).find((k) => !known.has(k));
    if (unknown) throw new Error(`row key ${JSON.stringify(unknown)} is not a header of ${def.name}`);
  }
  const { rows, merges } = headerRows(def);
  for (const row of data) rows.push(def.columns.map((c) => seedOfValue(row[c.key])));
  return {
    title: def.name,
    rows,
    merges,
    frozenRowCount: def.headerRows,
    columnCount: def.columns.length,
  };
}

/**
 * Seed data for a spreadsheet made from the template: a 使用说明 tab, then every tab of SPEC §2 with its headers and
 * the 规则配置 defaults; with `demo`, its rows too.
 *
 * @example
 * const id = server.seed(templateSeed({ demo: generateDemo({ year: 2026, asOf: '2026-06-15' }) }));
 */
export function templateSeed(
  opts: { demo?: DemoData; id?: string; sharedWith?: string[] } = {},
): SeedSpreadsheet {
  const guide: SeedSheet = {
    title: GUIDE_TAB,
    rows: guideLines().map((line) => (line.style ? [line.text] : [line.tab ?? null, line.text])),
  };
  const sheets = TABS.map((def) =>
    tabSheet(def, def.name === '规则配置' ? configRows(opts.demo) : (opts.demo?.[def.name] ?? [])),
  );
  return {
    title: '督查督办工作簿',
    sheets: [guide, ...sheets],
    ...(opts.id ? { id: opts.id } : {}),
    ...(opts.sharedWith ? { sharedWith: opts.sharedWith } : {}),
  };
}
