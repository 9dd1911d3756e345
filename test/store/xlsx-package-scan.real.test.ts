/**
 * The package driver under a real scan of the demo workbook: only the parts the scan must change are rewritten,
 * the template's drop-downs stay as they were (once, not overlapping) however often it scans, and a damaged part
 * stops the scan with a Chinese message before anything is written.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { parseRange } from '../../src/store/grid/a1';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { newEntry, readZip, writeZip } from '../../src/store/drivers/xlsx-package/zip';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { changedEntries, packageParts, rangesOf, restoredEntries, type PackageParts } from './package-parts';
import { tempDir } from './xlsx-harness';

const scan = (file: string, iso: string) =>
  runScan({
    store: createXlsxPackageStore(file),
    mailer: createMemoryMailer(),
    now: new Date(`${iso}T00:30:00Z`),
    from: { address: 'duban@demo.gov.cn' },
  });

/** True when two ranges of one sqref list share a cell. */
function overlapping(sqrefs: string[]): string[] {
  const ranges = sqrefs
    .flatMap((s) => s.split(/\s+/))
    .map((r) => ({ r, ...parseRange(r.includes(':') ? r : `${r}:${r}`) }));
  const out: string[] = [];
  for (let i = 0; i < ranges.length; i++)
    for (let j = i + 1; j < ranges.length; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      if (a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom)
        out.push(`${a.r} ${b.r}`);
    }
  return out;
}

let dir: string;
let cleanup: () => Promise<void>;
let template: PackageParts;
let first: PackageParts;
let second: PackageParts;
let demo: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  demo = join(dir, 'demo.xlsx');
  await createWorkbook(demo, '2026-11-20');
  await copyFile(demo, join(dir, 'template.xlsx'));
  template = await packageParts(demo);
  await scan(demo, '2026-11-20');
  first = await packageParts(demo);
  await scan(demo, '2026-11-23');
  second = await packageParts(demo);
});
afterAll(() => cleanup());

describe('a scan with the package driver', () => {
  it('rewrites only the tabs it writes, styles.xml and (for the new 通报 tab) the workbook index; every other part is copied as stored', () => {
    const written = ['挂图作战表', '督办台账', '文书登记', '审计日志'].map((t) => template.tabParts.get(t)!);
    const bulletin = first.tabParts.get('2026年10月通报');
    expect(bulletin).toBeDefined();
    expect(changedEntries(template, first)).toEqual(
      [
        ...written,
        bulletin!,
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        '[Content_Types].xml',
      ].sort(),
    );
    const untouched = [...template.entries.keys()].filter(
      (n) => !changedEntries(template, first).includes(n),
    );
    expect(untouched.length).toBeGreaterThan(10);
    expect(restoredEntries(template, first).filter((n) => untouched.includes(n))).toEqual([]);
  });

  it('keeps the drop-downs and conditional formats of the template as they were: once each, none overlapping, none added by a rescan', () => {
    for (const [tab, part] of template.tabParts) {
      const before = rangesOf(template.text(part));
      expect(rangesOf(first.text(part)), tab).toEqual(before);
      expect(rangesOf(second.text(part)), tab).toEqual(before);
      expect(overlapping(before.validations), tab).toEqual([]);
      expect(overlapping(before.conditional), tab).toEqual([]);
    }
  });

  it('a damaged part inside the workbook stops the read with a Chinese message, and nothing is written', async () => {
    const cases: Array<[string, (xml: string) => string]> = [
      [template.tabParts.get('挂图作战表')!, (xml) => xml.replace('</row>', '')],
      // A cell that lost its end tag: read on, it would swallow the next cell of its row.
      [template.tabParts.get('挂图作战表')!, (xml) => xml.replace(/(<c r="B4"[^>]*>[^]*?)<\/c>/, '$1')],
      [template.tabParts.get('挂图作战表')!, (xml) => xml.slice(0, xml.indexOf('<c r="C9"') + 6)],
      ['xl/sharedStrings.xml', (xml) => xml.slice(0, xml.length >> 1)],
      ['xl/sharedStrings.xml', (xml) => xml.replace('</si>', '</s>')],
      ['xl/workbook.xml', (xml) => xml.replace('</sheets>', '</sheet>')],
    ];
    for (const [part, damage] of cases) {
      const file = join(dir, 'damaged.xlsx');
      const entries = readZip(await readFile(demo)).map((e) =>
        e.name === part ? newEntry(e.name, Buffer.from(damage(first.text(part)))) : e,
      );
      await writeFile(file, writeZip(entries));
      const bytes = await readFile(file);
      const store = createXlsxPackageStore(file);
      await expect(store.read([...TAB_SPECS]), part).rejects.toThrow(
        /工作簿「damaged\.xlsx」已损坏.*文件未作任何改动/,
      );
      await expect(scan(file, '2026-11-24'), part).rejects.toThrow(/已损坏/);
      expect((await readFile(file)).equals(bytes), part).toBe(true);
    }
  });
});
