import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PartWriter } from '../../src/store/drivers/xlsx-package/part-writer';
import { SheetXml } from '../../src/store/drivers/xlsx-package/sheet-xml';
import { entryBytes, streamedEntry } from '../../src/store/drivers/xlsx-package/zip';

const ROWS = 3000;

/** A worksheet whose rows say spans 1:5 though their cells reach column 3, as some writers leave them. */
function worksheet(): string {
  let rows = '';
  for (let r = 1; r <= ROWS; r++)
    rows += `<row r="${r}" spans="1:5"><c r="A${r}"><v>${r}</v></c><c r="B${r}" s="2" t="inlineStr"><is><t>x</t></is></c><c r="C${r}"><v>1</v></c></row>`;
  return `<?xml version="1.0"?><worksheet><dimension ref="A1:C${ROWS}"/><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
}

function edited(): SheetXml {
  const sheet = new SheetXml(Buffer.from(worksheet(), 'latin1'), 'xl/worksheets/sheet1.xml');
  sheet.setCell(5, 2, 7, '逾期');
  sheet.restyleCell(5, 2, 9);
  sheet.restyleCell(6, 3, 4);
  sheet.setCell(7, 4, 0, 12);
  sheet.setCell(ROWS + 1, 1, 0, 5);
  return sheet;
}

const all = (sheet: SheetXml, size: number) => Buffer.concat([...sheet.serialize(new PartWriter(sheet.xml, size))]);

describe('SheetXml.serialize (a worksheet rewritten in buffers)', () => {
  it('rewrites only the changed rows: new cells, spans of the cells now there, <dimension> grown', () => {
    const text = all(edited(), 1 << 20).toString('utf8');
    expect(text).toContain('<dimension ref="A1:D3001"/>');
    expect(text).toContain('<row r="4" spans="1:5"><c r="A4">');
    expect(text).toContain(
      '<row r="5" spans="1:3"><c r="A5"><v>5</v></c><c r="B5" t="inlineStr" s="9"><is><t>逾期</t></is></c><c r="C5"><v>1</v></c></row>',
    );
    expect(text).toContain('<c r="C6" s="4"><v>1</v></c></row>');
    expect(text).toContain('<row r="7" spans="1:4">');
    expect(text).toContain('<c r="D7"><v>12</v></c></row>');
    expect(text).toContain(`<row r="${ROWS + 1}"><c r="A${ROWS + 1}"><v>5</v></c></row></sheetData><mergeCells`);
  });

  it('gives the same bytes whatever the buffer size, and its buffers stream to the bytes deflated in one call', async () => {
    const sheet = edited();
    const whole = all(sheet, 1 << 20);
    for (const size of [1, 97, 4096]) expect(all(sheet, size).equals(whole)).toBe(true);
    const writer = new PartWriter(sheet.xml, 4096);
    const entry = await streamedEntry('xl/worksheets/sheet1.xml', sheet.serialize(writer), whole.length, undefined, (b) =>
      writer.recycle(b),
    );
    expect(entryBytes(entry).equals(whole)).toBe(true);
    expect(Buffer.from(entry.raw).equals(deflateRawSync(whole, { level: 1 }))).toBe(true);
  });

  it('numbers rows by their r wherever it stands in the tag, the one after the last without it, and refuses a bad r', () => {
    const part = (rows: string) =>
      new SheetXml(Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, 'latin1'), 'p.xml');
    const sheet = part(
      '<row spans="1:1" r="4" ht="20" customHeight="1"><c r="A4"><v>4</v></c></row><row><c><v>5</v></c></row><row r="1048576"/>',
    );
    expect([...sheet.rows.keys()]).toEqual([4, 5, 1_048_576]);
    expect(sheet.rowOpen(4)).toBe('<row spans="1:1" r="4" ht="20" customHeight="1">');
    expect(sheet.rowOpen(1_048_576)).toBe('<row r="1048576"/>');
    sheet.setCell(4, 2, 0, 'x');
    const text = all(sheet, 1 << 10).toString('utf8');
    expect(text).toContain('<row spans="1:2" r="4" ht="20" customHeight="1"><c r="A4"><v>4</v></c><c r="B4"');
    expect(() => part('<row r="x"><c><v>1</v></c></row>')).toThrow(/out of order/);
    expect(() => part('<row r="3"/><row r="2"/>')).toThrow(/row 2 is out of order/);
  });
});
