/** xl/sharedStrings.xml, read only: the driver writes new text as inline strings, so this part is never rewritten. */
import { runsOf, textOf, type SharedString } from './cell-xml';
import { IntList } from './int-list';
import { startsAt } from './xml-bytes';
import { checkXmlBytes } from './xml-check';
import { unescapeXml } from './xml-text';

/**
 * The shared strings of a workbook from the part's bytes (without a byte-order mark): checked and indexed in one
 * pass, each decoded on first use.
 * @example sharedStrings(bytes, 'xl/sharedStrings.xml')(0) // { text: '序号', runs: null }
 */
export function sharedStrings(xml: Buffer, part: string): (index: number) => SharedString {
  // Room for every <si> the part could hold (16 bytes at least, two bounds each): no copy as the list grows.
  const bounds = new IntList(Math.ceil(xml.length / 8));
  checkXmlBytes(xml, part, (start, end) => {
    if (!isSi(xml, start)) return;
    bounds.push(start);
    bounds.push(end);
  });
  const decoded: Array<SharedString | undefined> = [];
  return function shared(index: number): SharedString {
    let s = decoded[index];
    if (!s) {
      s = decoded[index] =
        index * 2 < bounds.length ? decode(xml, bounds.at(index * 2), bounds.at(index * 2 + 1)) : EMPTY;
    }
    return s;
  };
}

const EMPTY: SharedString = { text: '', runs: null };

/** True when the element at `start` is an `<si>` (with or without a namespace prefix). */
function isSi(xml: Buffer, start: number): boolean {
  let name = start + 1;
  for (let at = name; at < start + 32; at++) {
    const code = xml[at]!;
    if (code === 58) name = at + 1;
    else if (!isNamePart(code)) return at - name === 2 && xml[name] === 115 && xml[name + 1] === 105;
  }
  return false;
}

/** True for a byte that continues an element name (so `<sink>` is not `<si>`). */
function isNamePart(code: number): boolean {
  return code !== 62 && code !== 47 && code !== 32 && code !== 10 && code !== 13 && code !== 9;
}

/**
 * One `<si>…</si>`: the common `<si><t>text</t></si>` decoded from its bytes; rich text, phonetic guides and prefixed
 * parts through the string reader.
 */
function decode(xml: Buffer, start: number, end: number): SharedString {
  const body = xml.indexOf(62, start) + 1;
  if (xml[body - 2] === 47) return EMPTY;
  const close = xml.lastIndexOf(60, end - 1);
  const text = plainText(xml, body, close);
  if (text !== null) return { text, runs: null };
  const inner = xml.toString('utf8', body, close);
  return { text: textOf(inner), runs: runsOf(inner) };
}

/** The text of an `<si>` body that is one unprefixed `<t>` and nothing else, or null. */
function plainText(xml: Buffer, from: number, to: number): string | null {
  const open = startsAt(xml, '<t>', from) ? 3 : startsAt(xml, '<t xml:space="preserve">', from) ? 24 : 0;
  if (!open || !startsAt(xml, '</t>', to - 4) || xml.indexOf(60, from + open) !== to - 4) return null;
  return unescapeXml(xml.toString('utf8', from + open, to - 4));
}
