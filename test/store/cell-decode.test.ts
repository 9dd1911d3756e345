import { describe, expect, it } from 'vitest';
import { cellTags, decodeCellBytes, styleOfCellAt } from '../../src/store/drivers/xlsx-package/cell-decode';
import { decodeCell, styleOf, type CellContext } from '../../src/store/drivers/xlsx-package/cell-xml';

const shared = ['序号', '正常推进', '<b>&amp;'];
const ctx: CellContext = {
  shared: (i) => ({ text: shared[i] ?? '', runs: null }),
  isDate: (style) => style === 7,
  isPercent: (style) => style === 8,
  date1904: false,
};

/** The cell's XML inside a part's bytes, at an offset, as the sheet holds it. */
function inPart(xml: string): { bytes: Buffer; start: number } {
  const head = '<row r="3">';
  return { bytes: Buffer.from(`${head}${xml}</row>`, 'latin1'), start: head.length };
}

/** Cells the byte reader must decode itself: the kinds a battle map is made of. */
const COMMON = [
  '<c r="A3" t="s"><v>1</v></c>',
  '<c r="A3" s="3" t="s"><v>0</v></c>',
  '<c r="B3" s="2"><v>42</v></c>',
  '<c r="B3"><v>-3.25</v></c>',
  '<c r="B3"><v>1.5E-3</v></c>',
  '<c r="B3" t="n"><v>123456789012345678</v></c>',
  '<c r="K3" s="7"><v>46022</v></c>',
  '<c r="K3" s="7"><v>46022.5</v></c>',
  '<c r="P3" s="8"><v>0.6</v></c>',
  '<c r="C3" s="4"/>',
  '<c r="C3" s="4"></c>',
  '<c r="C3"><v></v></c>',
  '<c r="C3"><v>  </v></c>',
  '<x:c r="D3" t="s"><x:v>2</x:v></x:c>',
  '<c r="E3" s="12" t="s" cm="1"><v>1</v></c>',
  '<c r="A3"><v>abc</v></c>',
  '<c r="A3" t="inlineStr"><is><t>逾期</t></is></c>',
  '<c r="A3" s="9" t="inlineStr"><is><t xml:space="preserve"> 第1行\n第2行 </t></is></c>',
  '<c r="A3" t="inlineStr"><is><t>=HYPERLINK(&quot;x&quot;) &lt;b&gt; _x000D_</t></is></c>',
  '<x:c r="A3" t="inlineStr"><x:is><x:t>县委</x:t></x:is></x:c>',
];

/** Cells left to decodeCell: formulas, inline and formula strings, booleans, errors, odd quoting and escapes. */
const LEFT = [
  '<c r="A3" t="str"><f>A1&amp;B1</f><v>ab</v></c>',
  '<c r="A3" t="inlineStr"><is><r><rPr><b/></rPr><t>加粗</t></r></is></c>',
  '<c r="A3" t="inlineStr"><is><t>县委</t><rPh sb="0" eb="1"><t>けん</t></rPh></is></c>',
  '<c r="A3" t="inlineStr"></c>',
  '<c r="A3"><f>SUM(B1:B2)</f><v>3</v></c>',
  '<c r="A3" t="b"><v>1</v></c>',
  '<c r="A3" t="e"><v>#N/A</v></c>',
  '<c r="A3" t="d"><v>2026-05-01T00:00:00</v></c>',
  "<c r='A3' s='7'><v>46022</v></c>",
  '<c r="E3"\ts="7"><v>45000</v></c>',
  '<c r="A3"><v>&#49;</v></c>',
  '<c r="A3">\n  <v>5</v>\n</c>',
  '<c r="A3" t="s"><v> 1</v></c>',
];

describe('decodeCellBytes (cells read from the part bytes without a string of their XML)', () => {
  it('reads the common cells exactly as decodeCell reads their XML', () => {
    for (const xml of COMMON) {
      const { bytes, start } = inPart(xml);
      const prefix = xml.startsWith('<x:') ? 'x:' : '';
      const cell = decodeCellBytes(bytes, start, cellTags(prefix), ctx);
      expect(cell, xml).not.toBeUndefined();
      expect(cell, xml).toEqual(decodeCell(xml, ctx));
    }
  });

  it('leaves every other cell to decodeCell instead of guessing', () => {
    for (const xml of LEFT) {
      const { bytes, start } = inPart(xml);
      expect(decodeCellBytes(bytes, start, cellTags(''), ctx), xml).toBeUndefined();
    }
  });

  it('reads a date-styled serial as its date and a plain number as the number', () => {
    const date = inPart('<c r="K3" s="7"><v>46022</v></c>');
    const number = inPart('<c r="K3" s="2"><v>46022</v></c>');
    expect(decodeCellBytes(date.bytes, date.start, cellTags(''), ctx)).toEqual({ date: '2025-12-31' });
    expect(decodeCellBytes(number.bytes, number.start, cellTags(''), ctx)).toBe(46022);
  });

  it('reads a date-time serial with its time to the second, and an ISO t="d" cell (LibreOffice) the same', () => {
    const time = inPart('<c r="A3" s="7"><v>46359.587604166667</v></c>');
    const at = { date: '2026-12-03', time: '14:06:09' };
    expect(decodeCellBytes(time.bytes, time.start, cellTags(''), ctx)).toEqual(at);
    expect(decodeCell('<c r="A3" s="7"><v>46359.587604166667</v></c>', ctx)).toEqual(at);
    expect(decodeCell('<c r="A3" t="d"><v>2026-12-03T14:06:09</v></c>', ctx)).toEqual(at);
    expect(decodeCell('<c r="A3" t="d"><v>2026-12-03T00:00:00</v></c>', ctx)).toEqual({ date: '2026-12-03' });
    // 1904 date system (old Mac workbooks): the same wall time, 1,462 days lower.
    expect(decodeCell('<c r="A3" s="7"><v>44897.587604166667</v></c>', { ...ctx, date1904: true })).toEqual(
      at,
    );
  });

  it('reads a percent-styled number as the clerk typed it (60%), not the fraction stored', () => {
    const percent = inPart('<c r="P3" s="8"><v>0.6</v></c>');
    expect(decodeCellBytes(percent.bytes, percent.start, cellTags(''), ctx)).toBe('60%');
    expect(decodeCell('<c r="P3" s="8"><v>0.075</v></c>', ctx)).toBe('7.5%');
  });

  it('reads the style index as styleOf does, and gives the start tags it cannot read to styleOf', () => {
    for (const xml of [...COMMON, ...LEFT]) {
      const { bytes, start } = inPart(xml);
      const style = styleOfCellAt(bytes, start);
      if (/['\t]/.test(xml)) expect(style, xml).toBe(-1);
      else expect(style, xml).toBe(styleOf(xml));
    }
  });
});
