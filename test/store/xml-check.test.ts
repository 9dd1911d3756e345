import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { sharedStrings } from '../../src/store/drivers/xlsx-package/shared-strings';
import { checkXmlBytes } from '../../src/store/drivers/xlsx-package/xml-check';
import { CorruptPartError } from '../../src/store/drivers/xlsx-package/xml-text';

const SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">' +
  '<si><t>序号</t></si>' +
  '<si><t xml:space="preserve"> 正常推进 </t></si>' +
  '<si><t>A&amp;B &lt;1&gt; &#x4E2D;&#25991;</t></si>' +
  '<si><r><rPr><b/></rPr><t>加粗</t></r><r><t>普通</t></r></si>' +
  '<si><t>县委</t><rPh sb="0" eb="1"><t>けん</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si/>' +
  '<!-- a comment --><si><t>_x000D_换行</t></si>' +
  '</sst>';

function saxesAccepts(text: string): boolean {
  let ok = true;
  const parser = new SaxesParser();
  parser.on('error', () => {
    ok = false;
  });
  parser.write(text).close();
  return ok;
}

function checkAccepts(text: string): boolean {
  try {
    checkXmlBytes(Buffer.from(text, 'utf8'), 'xl/sharedStrings.xml');
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptPartError);
    expect((error as Error).message).toMatch(/^xl\/sharedStrings\.xml: .+ at byte \d+$/);
    return false;
  }
}

describe('checkXmlBytes (well-formedness of a part read as bytes)', () => {
  it('accepts a well-formed part and names each child of the root by its offsets', () => {
    const bytes = Buffer.from(SST, 'utf8');
    const children: string[] = [];
    checkXmlBytes(bytes, 'sst', (start, end) => children.push(bytes.toString('utf8', start, end)));
    expect(children).toHaveLength(7);
    expect(children[0]).toBe('<si><t>序号</t></si>');
    expect(children[5]).toBe('<si/>');
  });

  it('refuses what saxes refuses when the part is cut short or loses a byte of markup', () => {
    const cuts = Array.from({ length: 120 }, (_, i) => Math.floor((SST.length * (i + 1)) / 121));
    for (const cut of cuts) expect(checkAccepts(SST.slice(0, cut)), `cut at ${cut}`).toBe(false);
    for (let at = 0; at < SST.length; at++) {
      if (!'<>/"='.includes(SST[at]!)) continue;
      const broken = SST.slice(0, at) + SST.slice(at + 1);
      expect(checkAccepts(broken), `without byte ${at} (${SST.slice(at - 8, at + 8)})`).toBe(
        saxesAccepts(broken),
      );
    }
  });

  it('refuses unknown entities, text outside the root, a second root and a DOCTYPE', () => {
    for (const bad of [
      '<a>&nbsp;</a>',
      '<a>& b</a>',
      'x<a/>',
      '<a/><b/>',
      '<!DOCTYPE a><a/>',
      '<a b="1></a>',
      '<a b=1/>',
      '<a><b></a></b>',
      '',
    ])
      expect(checkAccepts(bad), bad).toBe(false);
    for (const good of ['<a/>', '<a b = "1" c=\'2\'><![CDATA[<&>]]></a>\n', '<x:a xmlns:x="u"><x:b/></x:a>'])
      expect(checkAccepts(good), good).toBe(true);
  });
});

describe('sharedStrings (read from the part bytes)', () => {
  it('decodes plain, spaced, escaped, rich, phonetic, empty and commented items by index', () => {
    const shared = sharedStrings(Buffer.from(SST, 'utf8'), 'xl/sharedStrings.xml');
    expect(shared(0)).toEqual({ text: '序号', runs: null });
    expect(shared(1)).toEqual({ text: ' 正常推进 ', runs: null });
    expect(shared(2)).toEqual({ text: 'A&B <1> 中文', runs: null });
    expect(shared(3).text).toBe('加粗普通');
    expect(shared(3).runs).toContain('<b/>');
    expect(shared(4)).toEqual({ text: '县委', runs: null });
    expect(shared(5)).toEqual({ text: '', runs: null });
    expect(shared(6)).toEqual({ text: '\r换行', runs: null });
    expect(shared(99)).toEqual({ text: '', runs: null });
  });

  it('refuses a damaged part before any string is read', () => {
    expect(() => sharedStrings(Buffer.from(SST.slice(0, -10), 'utf8'), 'xl/sharedStrings.xml')).toThrow(
      CorruptPartError,
    );
  });
});
