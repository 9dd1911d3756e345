/**
 * A ledger with a filter of its own (数据 → 筛选, no Excel table), as a clerk sets one on 文书登记 to see one unit's
 * notices: the rows the package driver appends below it fall inside the filter, in the sheet and in the hidden
 * `_xlnm._FilterDatabase` name LibreOffice and Excel keep for it, and LibreOffice reads the grown filter back.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { entryBytes, newEntry, readZip, writeZip } from '../../src/store/drivers/xlsx-package/zip';
import { toXlsx } from '../report/soffice';
import { changedEntries, packageParts, type PackageParts } from './package-parts';
import { tempDir } from './xlsx-harness';

const EXCEL_NAME =
  '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">\'文书登记\'!$A$1:$C$4</definedName></definedNames>';

let dir: string;
let cleanup: () => Promise<void>;
let before: PackageParts;
let after: PackageParts;
let reopened: PackageParts;

const SHEET = 'xl/worksheets/sheet2.xml';
const filterRef = (p: PackageParts) => /<autoFilter ref="([^"]+)"/.exec(p.text(SHEET))?.[1];
const filterName = (p: PackageParts) =>
  [...p.text('xl/workbook.xml').matchAll(/<definedName ([^>]*)>([^<]*)</g)].find(
    ([, attrs]) => attrs!.includes('name="_xlnm._FilterDatabase"') && attrs!.includes('localSheetId="1"'),
  )?.[2];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const built = join(dir, 'built.xlsx');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').getCell('A1').value = '文书登记设了筛选';
  const register = book.addWorksheet('文书登记');
  register.addRow(['文号', '类型', '编号']);
  for (let i = 1; i <= 3; i++) register.addRow([`某政督〔2026〕${i}号`, '催办单', `ZD-2026-00${i}`]);
  register.autoFilter = 'A1:C4';
  // With the hidden name Excel writes for a sheet's filter (exceljs writes none, and LibreOffice then drops the filter).
  const entries = readZip(Buffer.from(await book.xlsx.writeBuffer())).map((e) =>
    e.name === 'xl/workbook.xml'
      ? newEntry(e.name, Buffer.from(entryBytes(e).toString().replace('</sheets>', `</sheets>${EXCEL_NAME}`)), e)
      : e,
  );
  await writeFile(built, writeZip(entries));
  // Saved once by LibreOffice Calc, as on a 信创 PC.
  await mkdir(join(dir, 'lo'));
  const file = join(dir, '督办.xlsx');
  await copyFile(await toXlsx(built, join(dir, 'lo')), file);
  before = await packageParts(file);
  await createXlsxPackageStore(file).append('文书登记', [
    { 文号: '某政督〔2026〕4号', 类型: '督办单', 编号: 'ZD-2026-004' },
    { 文号: '某政督〔2026〕5号', 类型: '催办单', 编号: 'ZD-2026-005' },
  ]);
  after = await packageParts(file);
  await mkdir(join(dir, 'lo2'));
  reopened = await packageParts(await toXlsx(file, join(dir, 'lo2')));
}, 240_000);
afterAll(() => cleanup());

describe('a sheet filter on a ledger rows are appended to', () => {
  it('was set on the header and the three rows, with its hidden name', () => {
    expect(filterRef(before)).toBe('A1:C4');
    expect(filterName(before)).toMatch(/\$A\$1:\$C\$4$/);
  });

  it('grows over the appended rows: the filter and its name, nothing else in the two parts', () => {
    expect(filterRef(after)).toBe('A1:C6');
    expect(filterName(after)).toMatch(/\$A\$1:\$C\$6$/);
    expect(after.text('xl/workbook.xml')).toBe(
      before.text('xl/workbook.xml').replace(/(_FilterDatabase[^>]*>[^<]*\$)4</, '$16<'),
    );
    // Beside the rows, only <dimension> (over the new rows) and the filter's ref differ.
    const outsideRows = (p: PackageParts) =>
      p.text(SHEET).replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<dimension [^>]*\/>/, '');
    expect(outsideRows(after)).toBe(
      outsideRows(before).replace('<autoFilter ref="A1:C4"', '<autoFilter ref="A1:C6"'),
    );
    expect(changedEntries(before, after).sort()).toEqual([SHEET, 'xl/workbook.xml'].sort());
  });

  it('is read back by LibreOffice over the appended rows', () => {
    expect(filterRef(reopened)).toBe('A1:C6');
  });
});
