/**
 * Excel's calculation chain after a scan of the package driver: when the scan replaces a formula a clerk typed into a
 * system column, the chain (which would name a cell with no formula left, and make Excel offer a "repair") is dropped
 * with its relationship and content type, for Excel to rebuild; when no formula is replaced it stays byte for byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { STATUSES } from '../../src/domain/glossary';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { readWorkbookParts } from '../../src/store/drivers/xlsx-package/workbook-part';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import {
  entryBytes,
  newEntry,
  readZip,
  writeZip,
  type ZipEntry,
} from '../../src/store/drivers/xlsx-package/zip';
import { tempDir } from './xlsx-harness';

const scan = (file: string, iso: string) =>
  runScan({
    store: createXlsxPackageStore(file),
    mailer: createMemoryMailer(),
    now: new Date(`${iso}T00:30:00Z`),
    from: { address: 'duban@demo.gov.cn' },
  });

const textOf = (entries: ZipEntry[], name: string) => {
  const entry = entries.find((e) => e.name === name);
  return entry ? entryBytes(entry).toString('utf8') : null;
};

/** The scanned demo with a calcChain naming `cell` of the battle map, and (optionally) a formula typed into it. */
async function withCalcChain(file: string, formula: boolean): Promise<string> {
  const entries = readZip(await readFile(file));
  const parts = readWorkbookParts((name) => textOf(entries, name));
  const battle = parts.tabs.find((t) => t.name === '挂图作战表')!.part;
  let sheet = textOf(entries, battle)!;
  // A 状态 cell the first scan wrote (an inline string): the clerk typed a formula over it.
  const statuses = STATUSES.join('|');
  const m = new RegExp(`<c r="([A-Z]+\\d+)"([^>]*)><is><t>(${statuses})</t></is></c>`).exec(sheet)!;
  const cell = m[1]!;
  const style = / s="\d+"/.exec(m[2]!)?.[0] ?? '';
  if (formula) sheet = sheet.replace(m[0], `<c r="${cell}"${style} t="str"><f>"待核实"</f><v>待核实</v></c>`);
  const chain =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="${cell}" i="1"/></calcChain>`;
  const edits: Record<string, (text: string) => string> = {
    [battle]: () => sheet,
    'xl/_rels/workbook.xml.rels': (text) =>
      text.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    '[Content_Types].xml': (text) =>
      text.replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
  };
  const edited = entries.map((e) => {
    const edit = edits[e.name];
    return edit ? newEntry(e.name, Buffer.from(edit(textOf(entries, e.name)!), 'utf8'), e) : e;
  });
  await writeFile(file, writeZip([...edited, newEntry('xl/calcChain.xml', Buffer.from(chain))]));
  return cell;
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe("Excel's calculation chain", () => {
  it('is dropped, with its relationship and content type, when the scan replaces a formula cell', async () => {
    const file = join(dir, 'formula.xlsx');
    await createWorkbook(file, '2026-11-20');
    await scan(file, '2026-11-20');
    const cell = await withCalcChain(file, true);
    await scan(file, '2026-11-23');

    const after = readZip(await readFile(file));
    expect(after.map((e) => e.name)).not.toContain('xl/calcChain.xml');
    expect(textOf(after, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(textOf(after, '[Content_Types].xml')).not.toContain('calcChain');
    const parts = readWorkbookParts((name) => textOf(after, name));
    const sheet = textOf(after, parts.tabs.find((t) => t.name === '挂图作战表')!.part)!;
    expect(sheet).toMatch(new RegExp(`<c r="${cell}"[^>]*t="inlineStr"[^>]*>`));
    expect(sheet).not.toContain('待核实');
  });

  it('stays byte for byte when no formula is replaced', async () => {
    const file = join(dir, 'plain.xlsx');
    await createWorkbook(file, '2026-11-20');
    await scan(file, '2026-11-20');
    await withCalcChain(file, false);
    const before = readZip(await readFile(file));
    await scan(file, '2026-11-23');
    const after = readZip(await readFile(file));
    const raw = (entries: ZipEntry[], name: string) => Buffer.from(entries.find((e) => e.name === name)!.raw);
    expect(raw(after, 'xl/calcChain.xml').equals(raw(before, 'xl/calcChain.xml'))).toBe(true);
    expect(textOf(after, 'xl/_rels/workbook.xml.rels')).toContain('calcChain');
  });
});
