/** xl/sharedStrings.xml, read only: the driver writes new text as inline strings, so this part is never rewritten. */
import { runsOf, textOf, type SharedString } from './cell-xml';
import { xmlElements } from './xml-text';

/**
 * The shared strings of a workbook, decoded on first use.
 * @example sharedStrings(xml)(0) // { text: '序号', runs: null }
 */
export function sharedStrings(xml: string, part: string): (index: number) => SharedString {
  xmlElements(xml, part, []);
  const items = [...xml.matchAll(/<(\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1?si>)/g)].map((m) => m[2] ?? '');
  const decoded: Array<SharedString | undefined> = [];
  return function shared(index: number): SharedString {
    let s = decoded[index];
    if (!s) {
      const inner = items[index] ?? '';
      s = decoded[index] = { text: textOf(inner), runs: runsOf(inner) };
    }
    return s;
  };
}
