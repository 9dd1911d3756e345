import { describe, expect, it } from 'vitest';
import { hasFormulaIn, putCell, restyleInto, styleIn } from '../../src/store/drivers/xlsx-package/cell-bytes';
import { CellPatches } from '../../src/store/drivers/xlsx-package/cell-patches';
import { binary, cellXml, restyled, styleOf } from '../../src/store/drivers/xlsx-package/cell-xml';

/** Cells as a worksheet holds them: binary strings (UTF-8 bytes as latin1 characters). */
const CELLS = [
  '<c r="A1"/>',
  '<c r="A1" s="3"/>',
  '<c r="B2" s="12" t="s"><v>4</v></c>',
  '<c r="B2" t="s" s="7"><v>4</v></c>',
  '<x:c r="C3" s="5" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>',
  '<c r="D4"><f>SUM(A1:A3)</f><v>6</v></c>',
  '<c r="D4" s="2"><f t="shared" ref="D4:D9" si="0"/><v>6</v></c>',
  '<c r="D4"><x:f>1+1</x:f><v>2</v></c>',
  '<c r="E5" t="str"><v>fx</v></c>',
  binary('<c r="E5" t="inlineStr"><is><t>&lt;f&gt; 公式</t></is></c>'),
  '<c r="F6"\ts="9"\tt="b"><v>1</v></c>',
  '<c r="F6" s="9" s="10"><v>1</v></c>',
  '<c r="G7" s=""/>',
  '<c r="G7" s="4" />',
  '<c r="G7" cm="1" s="4"><v>1</v></c>',
  '<cell r="H8" s="4"/>',
  '<c r="I9" s="1"',
  binary('<c r="J4" s="5" t="inlineStr"><is><t>逾期 s="3"</t></is></c>'),
];

const bytes = (xml: string) => Buffer.from(xml, 'latin1');

describe('cell-bytes (the write path on cell bytes)', () => {
  it('reads the style of a cell as styleOf does', () => {
    for (const xml of CELLS) expect(styleIn(bytes(xml), 0, xml.length), xml).toBe(styleOf(xml));
  });

  it('finds formulas as the regex of the write path does', () => {
    for (const xml of CELLS)
      expect(hasFormulaIn(bytes(xml), 0, xml.length), xml).toBe(/<(?:\w+:)?f[\s>/]/.test(xml));
  });

  it('restyles a cell byte for byte as restyled does, from inside a larger buffer', () => {
    const patches = new CellPatches();
    for (const xml of CELLS)
      for (const style of [0, 1, 7, 123456]) {
        const padded = bytes(`<row>${xml}</row>`);
        const at = restyleInto(patches, padded, 5, 5 + xml.length, style);
        expect(patches.get(at), `${xml} → ${style}`).toBe(restyled(xml, style));
      }
  });

  it('writes a cell byte for byte as cellXml does, and as restyled makes it in another style', () => {
    const patches = new CellPatches();
    const values = [null, '', 0, -1.5, 1e21, 42, 'plain', ' lead', 'trail ', 'two\nlines', '逾期 3 天', 'a<b & "c"', '_x0041_', '\u0001', '😀', 'x'.repeat(40), ` ${'逾期'.repeat(20)}`, `${'a<'.repeat(20)}\n`];
    for (const prefix of ['', 'x:'])
      for (const style of [0, 5])
        for (const value of values) {
          const at = putCell(patches, prefix, 'AB', 1234, style, value);
          expect(patches.get(at), `${prefix} ${style} ${value}`).toBe(cellXml('AB1234', style, value, prefix));
          const again = putCell(patches, prefix, 'AB', 1234, style, value, true);
          const restyledXml = restyled(cellXml('AB1234', 3, value, prefix), style);
          expect(patches.get(again), `restyled ${prefix} ${style} ${value}`).toBe(restyledXml);
        }
  });
});
