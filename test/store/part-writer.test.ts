import { describe, expect, it } from 'vitest';
import { PartWriter } from '../../src/store/drivers/xlsx-package/part-writer';

describe('PartWriter (a rewritten worksheet made in buffers)', () => {
  it('gives the same bytes whatever the buffer size: text, source ranges and other buffers in order', () => {
    const source = Buffer.from('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/></sheetData>');
    const patch = Buffer.from('xx<c r="B1"><v>2</v></c>yy');
    const expected =
      '<?xml version="1.0"?><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"/></sheetData>';
    for (const size of [1, 3, 7, 16, 1 << 20]) {
      const w = new PartWriter(source, size);
      const taken: Buffer[] = [];
      w.text('<?xml version="1.0"?>');
      w.source(0, 22);
      w.source(22, 44);
      if (w.filled) taken.push(...w.take());
      w.bytes(patch, 2, patch.length - 2);
      w.text('</row>');
      w.source(50, source.length);
      expect(w.length).toBe(expected.length);
      const all = Buffer.concat([...taken, ...w.finish()]);
      expect(all.toString()).toBe(expected);
    }
  });

  it('is one buffer when the size given is enough', () => {
    const source = Buffer.from('a'.repeat(100));
    const w = new PartWriter(source, 300);
    w.source(0, 100);
    w.text('b'.repeat(100));
    w.source(0, 50);
    expect(w.filled).toBe(false);
    const parts = w.finish();
    expect(parts).toHaveLength(1);
    expect(parts[0]!.toString()).toBe(`${'a'.repeat(100)}${'b'.repeat(100)}${'a'.repeat(50)}`);
  });

  it('passes a long source run on as a view of the source, after topping up the buffer being filled', () => {
    const source = Buffer.from('0123456789'.repeat(10));
    const w = new PartWriter(source, 16);
    w.text('<a>');
    w.source(0, 50);
    w.text('<b>');
    const taken = w.take();
    expect(taken.map((b) => b.toString())).toEqual(['<a>0123456789012', source.toString('latin1', 13, 50)]);
    expect(taken[1]!.buffer).toBe(source.buffer);
    w.recycle(taken[1]!);
    w.recycle(taken[0]!);
    w.source(50, 60);
    expect(Buffer.concat(w.finish()).toString()).toBe('<b>0123456789');
  });
});

