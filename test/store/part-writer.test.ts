import { describe, expect, it } from 'vitest';
import { PartWriter } from '../../src/store/drivers/xlsx-package/part-writer';

describe('PartWriter (a rewritten worksheet made in pieces)', () => {
  it('gives the same bytes whatever the chunk size: text, source ranges and other buffers in order', () => {
    const source = Buffer.from('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/></sheetData>');
    const patch = Buffer.from('xx<c r="B1"><v>2</v></c>yy');
    const w = new PartWriter(source);
    w.source(0, 22);
    w.source(22, 44);
    w.bytes(patch, 2, patch.length - 2);
    w.text('</row>');
    w.prepend('<?xml version="1.0"?>');
    w.source(50, source.length);
    const expected =
      '<?xml version="1.0"?><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"/></sheetData>';
    expect(w.length).toBe(expected.length);
    for (const size of [1, 3, 7, 16, 1 << 20])
      expect(Buffer.concat([...w.chunks(size)]).toString()).toBe(expected);
  });
});
