/**
 * A workbook a clerk opened and saved in LibreOffice Calc (as on a 信创 PC with no Excel): LibreOffice rewrites every
 * part its own way (booleans as "true"/"false", its own styles and shared strings, every row's attributes spelled
 * out). Scanned by the package driver, it must come out as the workbook saved by the template would: the same
 * summary, the same values in every tab and the same fills on the battle map.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { toXlsx } from '../report/soffice';
import { tempDir } from './xlsx-harness';

let dir: string;
let cleanup: () => Promise<void>;
const files = { template: '', libreoffice: '' };
const summaries: Record<string, unknown> = {};

const scan = async (file: string) => {
  const mailer = createMemoryMailer();
  const result = await runScan({
    store: createXlsxPackageStore(file),
    mailer,
    now: new Date('2026-11-20T00:30:00Z'),
    from: { address: 'duban@demo.gov.cn' },
  });
  const { timings: _, ...counts } = result;
  return { counts, subjects: mailer.sent.map((m) => m.subject).sort() };
};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  files.template = join(dir, 'demo.xlsx');
  await createWorkbook(files.template, '2026-11-20');
  await mkdir(join(dir, 'lo'));
  files.libreoffice = join(dir, 'lo-saved.xlsx');
  await copyFile(await toXlsx(files.template, join(dir, 'lo')), files.libreoffice);
  for (const [name, file] of Object.entries(files)) summaries[name] = await scan(file);
}, 240_000);
afterAll(() => cleanup());

/** Every cell's value in every tab, as SheetJS (an independent reader) reads the file. */
function values(file: string): Map<string, unknown> {
  const book = XLSX.readFile(file);
  const out = new Map<string, unknown>();
  for (const name of book.SheetNames)
    for (const [address, cell] of Object.entries(book.Sheets[name]!))
      if (!address.startsWith('!') && (cell as XLSX.CellObject).v !== '')
        out.set(`${name}!${address}`, (cell as XLSX.CellObject).w ?? (cell as XLSX.CellObject).v);
  return out;
}

describe('a workbook saved by LibreOffice Calc, then scanned', () => {
  it('is a LibreOffice file (its own parts, "true"/"false" booleans), not the template copied', async () => {
    const { readZip, entryBytes } = await import('../../src/store/drivers/xlsx-package/zip');
    const { readFile } = await import('node:fs/promises');
    const app = readZip(await readFile(join(dir, 'lo', 'demo.xlsx'))).find((e) => e.name === 'docProps/app.xml')!;
    expect(entryBytes(app).toString('utf8')).toContain('LibreOffice');
  });

  it('gives the same scan: the same counts, notices and mails', () => {
    expect(summaries.libreoffice).toEqual(summaries.template);
  });

  it('leaves the same values in every tab', () => {
    const template = values(files.template);
    const libreoffice = values(files.libreoffice);
    expect(template.size).toBeGreaterThan(1000);
    const differ = [...template].filter(([address, v]) => String(libreoffice.get(address)) !== String(v));
    expect(differ).toEqual([]);
    expect([...libreoffice.keys()].filter((a) => !template.has(a))).toEqual([]);
  });

  it('paints the same fills on the battle map', async () => {
    const read = async (file: string) => {
      const snapshot = await createXlsxPackageStore(file).read([
        { name: '挂图作战表', headerRows: 2, required: ['编号'], fillsOf: () => true },
      ]);
      return snapshot.tabs['挂图作战表']!.rows.map((r) => r.fills);
    };
    const template = await read(files.template);
    expect(template.flatMap((f) => Object.values(f)).filter(Boolean).length).toBeGreaterThan(20);
    expect(await read(files.libreoffice)).toEqual(template);
  });
});
