/**
 * The common cells of a worksheet read straight from the part's bytes, with no string made of their XML: empty and
 * style-only cells, shared strings, and numbers (dates by their style). A city's battle map holds hundreds of
 * thousands of these, and making a string of each one's XML and matching it was most of a read. Anything else —
 * formulas, inline and formula strings, booleans, errors, escaped or oddly quoted text — is left to `decodeCell`,
 * which reads the cell's XML (`cell-xml.ts`); this file only ever answers what `decodeCell` would.
 */
import type { Cell } from '../../port';
import { numberCell, type CellContext } from './cell-xml';
import { startsAt } from './xml-bytes';
import { unescapeXml } from './xml-text';

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;
/** readStartTag's type for `t="inlineStr"`. */
const INLINE = 1;

/** What a cell's start tag says: its one-letter `t` (0 when absent, -1 when longer), its `s`, where its content starts. */
interface StartTag {
  type: number;
  style: number;
  /** Offset just after `>`; -1 when the tag cannot be read here (then decodeCell reads it). */
  end: number;
  selfClosed: boolean;
}

const tag: StartTag = { type: 0, style: 0, end: -1, selfClosed: false };

/**
 * Read the start tag of the <c> at `start`: its type letter, style index and end. Reuses one object: the caller reads
 * it before the next call.
 */
function readStartTag(xml: Uint8Array, start: number): StartTag {
  tag.type = 0;
  tag.style = 0;
  tag.end = -1;
  tag.selfClosed = false;
  for (let at = start + 2; at < xml.length; at++) {
    const code = xml[at]!;
    if (code === GT) {
      tag.selfClosed = xml[at - 1] === SLASH;
      tag.end = at + 1;
      return tag;
    }
    // Other quoting, escapes and other whitespace between attributes: left to the string reader.
    if (code === APOSTROPHE || code === AMPERSAND || code === 10 || code === 13 || code === 9) return tag;
    if (code !== 32 || xml[at + 2] !== 61 || xml[at + 3] !== QUOTE) continue;
    const name = xml[at + 1];
    if (name === 116 /* t */) {
      // Read here: "s", "n" and "inlineStr" (what the driver writes); "str", "b", "e", "d" go to decodeCell.
      tag.type = xml[at + 5] === QUOTE ? xml[at + 4]! : startsAt(xml, 'inlineStr"', at + 4) ? INLINE : -1;
      at += 4;
    } else if (name === 115 /* s */) {
      let n = 0;
      for (at += 4; xml[at]! >= 48 && xml[at]! <= 57; at++) n = n * 10 + xml[at]! - 48;
      tag.style = n;
    }
  }
  return tag;
}

/** The style index of the <c> at `start` (0 when it has none), or -1 when its start tag is left to the string reader. */
export function styleOfCellAt(xml: Uint8Array, start: number): number {
  const t = readStartTag(xml, start);
  return t.end < 0 ? -1 : t.style;
}

/** The tags a cell's value is read between, with the part's namespace prefix. */
export interface CellTags {
  v: string;
  /** `<is><t>` and `<is><t xml:space="preserve">`: an inline string of one plain run, as the driver writes it. */
  inline: [string, string];
  inlineEnd: string;
}

/** @example cellTags('') // { v: '<v>', inline: ['<is><t>', '<is><t xml:space="preserve">'], inlineEnd: '</t></is>' } */
export function cellTags(prefix: string): CellTags {
  const is = `<${prefix}is><${prefix}t`;
  return {
    v: `<${prefix}v>`,
    inline: [`${is}>`, `${is} xml:space="preserve">`],
    inlineEnd: `</${prefix}t></${prefix}is>`,
  };
}

/**
 * The port's Cell of the <c> at `start`, or undefined when it is not one of the common kinds (read it as a string).
 * @example decodeCellBytes(sheet.xml, sheet.cellStartAt(i), cellTags(''), ctx) // '正常推进', 42, { date: '2026-06-30' }, null or undefined
 */
export function decodeCellBytes(
  xml: Buffer,
  start: number,
  tags: CellTags,
  ctx: CellContext,
): Cell | undefined {
  const t = readStartTag(xml, start);
  if (t.end < 0 || t.type < 0) return undefined;
  if (t.selfClosed) return null;
  const type = t.type;
  if (type === INLINE) return inlineText(xml, t.end, tags);
  if (type !== 0 && type !== 115 /* s */ && type !== 110 /* n */) return undefined;
  if (xml[t.end] === LT && xml[t.end + 1] === SLASH) return null;
  if (!startsAt(xml, tags.v, t.end)) return undefined;
  const from = t.end + tags.v.length;
  let to = from;
  let digits = true;
  for (let code = xml[to]; code !== LT; code = xml[++to]) {
    if (code === undefined || code === AMPERSAND) return undefined;
    if (code < 48 || code > 57) digits = false;
  }
  if (type === 115) return digits && to > from ? ctx.shared(integer(xml, from, to)).text : undefined;
  if (to === from) return null;
  let n: number;
  if (digits && to - from < 15) n = integer(xml, from, to);
  else {
    const text = xml.toString('latin1', from, to);
    if (text.trim() === '') return null;
    n = Number(text);
  }
  return numberCell(n, t.style, ctx);
}

/** The text of an inline string of one plain `<t>` run at `at`, or undefined for anything else (rich text…). */
function inlineText(xml: Buffer, at: number, tags: CellTags): string | undefined {
  if (xml[at] === LT && xml[at + 1] === SLASH) return undefined;
  const open = startsAt(xml, tags.inline[0], at)
    ? tags.inline[0]
    : startsAt(xml, tags.inline[1], at)
      ? tags.inline[1]
      : null;
  if (open === null) return undefined;
  const from = at + open.length;
  let to = from;
  while (to < xml.length && xml[to] !== LT) to++;
  if (!startsAt(xml, tags.inlineEnd, to)) return undefined;
  const text = xml.toString('utf8', from, to);
  return text.includes('&') || text.includes('_x') ? unescapeXml(text) : text;
}

function integer(xml: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let at = from; at < to; at++) n = n * 10 + xml[at]! - 48;
  return n;
}
