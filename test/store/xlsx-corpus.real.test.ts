/**
 * The corpus (test/fixtures/xlsx/, made by scripts/make-xlsx-corpus.ts) scanned with the package driver: a chart, a
 * pivot table, a slicer, sparklines, threaded comments, x14 data bars and validations, custom properties, a VBA
 * project saved by Excel, a WPS in-cell picture and a zip64 archive all come through a scan. Every zip entry but those the scan must change is
 * byte-identical; in the changed ones only the cells and the added tab differ; LibreOffice opens the result and
 * SheetJS reads the same staff values.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { SYSTEM_COLUMNS } from '../../src/workbook/schema/tabs';
import { readZip } from '../../src/store/drivers/xlsx-package/zip';
import { changedEntries, packageParts, restoredEntries, type PackageParts } from './package-parts';
import { tempDir } from './xlsx-harness';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'xlsx');
const SCANNED_TABS = ['挂图作战表', '督办台账', '文书登记', '审计日志'];
/** Ledgers the system owns: their rows are appended and their 发送状态 / 文号 settled by the scan. */
const SYSTEM_TABS = ['文书登记', '审计日志'];
const BULLETIN = '2026年10月通报';

/** The parts each fixture was made to carry (beyond the demo's own). */
const FEATURES: Record<string, string[]> = {
  'rich.xlsx': [
    'xl/charts/chart1.xml',
    'xl/drawings/drawing1.xml',
    'xl/pivotTables/pivotTable1.xml',
    'xl/pivotCache/pivotCacheDefinition1.xml',
    'xl/pivotCache/pivotCacheRecords1.xml',
    'xl/slicers/slicer1.xml',
    'xl/slicerCaches/slicerCache1.xml',
    'xl/threadedComments/threadedComment1.xml',
    'xl/persons/person.xml',
    'docProps/custom.xml',
  ],
  'macro.xlsm': ['xl/vbaProject.bin', 'docProps/custom.xml'],
  // rich.xlsx with zip64 records (Info-ZIP zip -fz): read through the zip64 end record and extra fields.
  'zip64.xlsx': ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'docProps/custom.xml'],
  'wps.xlsx': [
    'xl/cellimages.xml',
    'xl/_rels/cellimages.xml.rels',
    'xl/media/image1.png',
    'docProps/custom.xml',
  ],
  // 督办台账's table: the scan writes cells in it and appends nothing, so its table part stays as it was.
  'tables.xlsx': ['xl/tables/table2.xml'],
};
/** Parts a scan must change beyond the tabs it writes: the table on 文书登记 grows over the notices appended below it. */
const GROWN: Record<string, string[]> = { 'tables.xlsx': ['xl/tables/table1.xml'] };

interface Scanned {
  file: string;
  before: PackageParts;
  after: PackageParts;
}

let dir: string;
let cleanup: () => Promise<void>;
const scanned = new Map<string, Scanned>();

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  for (const name of Object.keys(FEATURES)) {
    const file = join(dir, name);
    await copyFile(join(FIXTURES, name), file);
    const before = await packageParts(file);
    await runScan({
      store: createXlsxPackageStore(file),
      mailer: createMemoryMailer(),
      now: new Date('2026-11-20T00:30:00Z'),
      from: { address: 'duban@demo.gov.cn' },
    });
    scanned.set(name, { file, before, after: await packageParts(file) });
  }
});
afterAll(() => cleanup());

/** The text of a worksheet with its <sheetData> taken out: everything a scan must not move. */
const outsideCells = (xml: string) =>
  xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<dimension [^>]*\/>/, '');

/** Staff values SheetJS reads in a workbook: every cell but the system columns of the tabs a scan writes. */
function staffValues(file: string): Map<string, unknown> {
  const book = XLSX.readFile(file);
  const out = new Map<string, unknown>();
  for (const name of book.SheetNames) {
    if (SYSTEM_TABS.includes(name) || name === BULLETIN) continue;
    const sheet = book.Sheets[name]!;
    const system = new Set<string>();
    for (const [address, cell] of Object.entries(sheet)) {
      const row = Number(address.replace(/^[A-Z]+/, ''));
      if (row <= 2 && (SYSTEM_COLUMNS as readonly string[]).includes(String((cell as XLSX.CellObject).v)))
        system.add(address.replace(/\d+$/, ''));
    }
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!') || system.has(address.replace(/\d+$/, ''))) continue;
      const { v, f, t } = cell as XLSX.CellObject;
      out.set(`${name}!${address}`, { v, f, t });
    }
  }
  return out;
}

describe.each(Object.keys(FEATURES))('the corpus workbook %s after a scan', (name) => {
  it('keeps every part the scan need not change byte for byte, its own features included', () => {
    const { before, after } = scanned.get(name)!;
    const bulletin = after.tabParts.get(BULLETIN);
    expect(bulletin).toBeDefined();
    const allowed = [
      ...SCANNED_TABS.map((t) => before.tabParts.get(t)!),
      bulletin!,
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      ...(GROWN[name] ?? []),
    ];
    const changed = changedEntries(before, after);
    expect(changed.filter((n) => !allowed.includes(n))).toEqual([]);
    for (const part of FEATURES[name]!) expect(before.entries.has(part), part).toBe(true);
    const kept = [...before.entries.keys()].filter((n) => !allowed.includes(n));
    expect(kept).toEqual(expect.arrayContaining(FEATURES[name]!));
    expect(restoredEntries(before, after).filter((n) => kept.includes(n))).toEqual([]);
  });

  it('changes nothing in the rewritten tabs but their cells, and adds the 通报 tab without touching the rest of the index', () => {
    const { before, after } = scanned.get(name)!;
    for (const tab of SCANNED_TABS) {
      const part = before.tabParts.get(tab)!;
      expect(outsideCells(after.text(part)), tab).toBe(outsideCells(before.text(part)));
    }
    const added = (a: string, b: string) => {
      // What b has that a has not, as one contiguous insertion.
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      while (i > 0 && b[i] !== '<') i--; // the insertion starts at a tag
      expect(b.slice(i + (b.length - a.length))).toBe(a.slice(i));
      return b.slice(i, i + b.length - a.length);
    };
    expect(added(before.text('xl/workbook.xml'), after.text('xl/workbook.xml'))).toMatch(
      /^<sheet name="2026年10月通报" [^>]*\/>$/,
    );
    expect(
      added(before.text('xl/_rels/workbook.xml.rels'), after.text('xl/_rels/workbook.xml.rels')),
    ).toMatch(/^<Relationship [^>]*\/>$/);
    expect(added(before.text('[Content_Types].xml'), after.text('[Content_Types].xml'))).toMatch(
      /^<Override [^>]*\/>$/,
    );
    if (name.endsWith('.xlsm'))
      expect(after.text('[Content_Types].xml')).toContain(
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      );
  });

  it('reads the same staff values with SheetJS before and after', () => {
    const { file } = scanned.get(name)!;
    // SheetJS reads no zip64 archive: zip64.xlsx holds rich.xlsx's parts, so it is compared with rich.xlsx.
    const before = staffValues(join(FIXTURES, name === 'zip64.xlsx' ? 'rich.xlsx' : name));
    const after = staffValues(file);
    expect(before.size).toBeGreaterThan(500);
    for (const [address, value] of before) expect(after.get(address), address).toEqual(value);
  });
});

describe('an Excel table (套用表格格式) on a ledger the scan appends to', () => {
  it('grows over the rows appended just below it; only its ref and its autoFilter change', () => {
    const { file, before, after } = scanned.get('tables.xlsx')!;
    const table = (p: PackageParts) => p.text('xl/tables/table1.xml');
    const refOf = (xml: string) => /<table [^>]*?ref="A1:N(\d+)"/.exec(xml)?.[1];
    const rowsBefore = Number(refOf(table(before)));
    const rowsAfter = Number(refOf(table(after)));
    // The last row of 文书登记 holding a value, as SheetJS reads the file.
    const register = XLSX.readFile(file).Sheets['文书登记']!;
    const last = Math.max(
      ...Object.keys(register)
        .filter((a) => !a.startsWith('!') && (register[a] as XLSX.CellObject).v !== '')
        .map((a) => Number(a.replace(/^[A-Z]+/, ''))),
    );
    expect(rowsAfter).toBeGreaterThan(rowsBefore);
    expect(rowsAfter).toBe(last);
    expect(table(after)).toBe(
      table(before).replaceAll(`A1:N${rowsBefore}`, `A1:N${rowsAfter}`),
    );
    expect(table(after)).toContain(`<autoFilter ref="A1:N${rowsAfter}"/>`);
  });
});

describe('the exceljs driver, for comparison (src/store/README.md)', () => {
  // (exceljs keeps Excel tables, though it does not grow them: tables.xlsx is left out.)
  const dropped = Object.keys(FEATURES).filter((name) => name !== 'tables.xlsx');
  it.each(dropped)('loses every one of those parts of %s in a load and save', async (name) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(FIXTURES, name));
    const saved = new Set(readZip(Buffer.from(await book.xlsx.writeBuffer())).map((e) => e.name));
    // (exceljs keeps media files it finds, but not the cellimages.xml that places them in cells.)
    const parts = FEATURES[name]!.filter((part) => !/media\/|_rels\//.test(part));
    expect(parts.filter((part) => saved.has(part))).toEqual([]);
  });
});

describe('LibreOffice', () => {
  it('opens every scanned corpus workbook (converts it to PDF)', async () => {
    const out = join(dir, 'pdf');
    await mkdir(out);
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...[...scanned.values()].map((s) => s.file),
      ],
      { stdio: 'pipe', timeout: 240_000 },
    );
    for (const name of scanned.keys()) {
      const pdf = join(out, name.replace(/\.xls[xm]$/, '.pdf'));
      expect((await stat(pdf)).size, pdf).toBeGreaterThan(10_000);
    }
  }, 300_000);
});
