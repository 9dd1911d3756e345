/**
 * A workbook saved by Excel as "Strict Open XML Spreadsheet" (the same parts under purl.oclc.org namespaces) is
 * refused with a Chinese message that says how to save it as a plain .xlsx, and the file is left as it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { StoreError } from '../../src/store/errors';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { entryBytes, newEntry, readZip, writeZip } from '../../src/store/drivers/xlsx-package/zip';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { tempDir } from './xlsx-harness';

/** Transitional → Strict namespaces, as Excel's Strict save writes them. */
const STRICT: Array<[string, string]> = [
  [
    'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'http://purl.oclc.org/ooxml/spreadsheetml/main',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
  ],
];

let dir: string;
let cleanup: () => Promise<void>;
let strict: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const plain = join(dir, 'plain.xlsx');
  await createWorkbook(plain, '2026-11-20');
  const entries = readZip(await readFile(plain)).map((e) => {
    if (!/\.(xml|rels)$/.test(e.name)) return e;
    let text = entryBytes(e).toString('utf8');
    for (const [from, to] of STRICT) text = text.replaceAll(from, to);
    return newEntry(e.name, Buffer.from(text, 'utf8'));
  });
  strict = join(dir, 'strict.xlsx');
  await writeFile(strict, writeZip(entries));
});
afterAll(() => cleanup());

describe('a Strict Open XML workbook', () => {
  it('is refused with how to save it as .xlsx, and left as it was', async () => {
    const before = await readFile(strict);
    const error = await createXlsxPackageStore(strict)
      .read([...TAB_SPECS])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const message = (error as Error).message;
    expect(message).toContain('Strict Open XML');
    expect(message).toContain('另存为');
    expect(message).toContain('Excel 工作簿(*.xlsx)');
    expect(message).not.toContain('已损坏');
    expect((await readFile(strict)).equals(before)).toBe(true);
  });
});
