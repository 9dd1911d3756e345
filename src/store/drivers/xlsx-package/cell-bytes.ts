/**
 * The write path's view of one <c> element held as bytes (a range of the worksheet part or of a CellPatches chunk):
 * its style, whether it has a formula, and new cell XML written straight into CellPatches. A scan writes a value and
 * a fill on every row of a battle map; doing it on the bytes makes no string per cell, no regex run and no copy of
 * the UTF-8 text as a binary string. Each function gives exactly what its string twin in cell-xml.ts gives
 * (`styleOf`, the formula test of package-grid.ts, `restyled`, `cellXml`); test/store/cell-bytes.test.ts compares them.
 */
import type { PlainWrite } from '../../port';
import type { CellPatches } from './cell-patches';
import { escapeXml } from './xml-text';

/** `\s` of a JS regex over a binary (latin1) string: tab to carriage return, space and U+00A0. */
function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13) || b === 0xa0;
}

/** `\w` of a JS regex: ASCII letters, digits and underscore. */
function isWord(b: number | undefined): boolean {
  return (
    b !== undefined && ((b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 95)
  );
}

/**
 * The style index of the cell at bytes `start`–`end` (0 when its start tag has no ` s="`), like `styleOf`.
 * @example styleIn(Buffer.from('<c r="A1" s="12"/>'), 0, 18) // 12
 */
export function styleIn(xml: Uint8Array, start: number, end: number): number {
  for (let i = start; i + 3 < end; i++) {
    const b = xml[i]!;
    if (b === 62) return 0;
    if (b !== 32 || xml[i + 1] !== 115 || xml[i + 2] !== 61 || xml[i + 3] !== 34) continue;
    let n = 0;
    let at = i + 4;
    for (; at < end; at++) {
      const code = xml[at]!;
      if (code < 48 || code > 57) break;
      n = n * 10 + code - 48;
    }
    // Only inside a start tag that ends; always so for a cell the indexer found.
    for (; at < end; at++) if (xml[at] === 62) return n;
    return 0;
  }
  return 0;
}

/** `[\s>/]`: what may follow an element name `f` for `/<(?:\w+:)?f[\s>/]/` to match. */
function endsName(b: number | undefined): boolean {
  return b !== undefined && (b === 62 || b === 47 || isSpace(b));
}

/**
 * True when the cell at bytes `start`–`end` has a formula element (`/<(?:\w+:)?f[\s>/]/` over its XML).
 * @example hasFormulaIn(Buffer.from('<c r="A1"><f>1+1</f><v>2</v></c>'), 0, 32) // true
 */
export function hasFormulaIn(xml: Uint8Array, start: number, end: number): boolean {
  // Bytes at or past `end` read as undefined, which no test below accepts (no closure: this runs per cell written).
  for (let i = start; i < end; i++) {
    if (xml[i] !== 60) continue;
    if (xml[i + 1] === 102 && i + 2 < end && endsName(xml[i + 2])) return true;
    let j = i + 1;
    while (j < end && isWord(xml[j])) j++;
    if (j > i + 1 && j + 2 < end && xml[j] === 58 && xml[j + 1] === 102 && endsName(xml[j + 2])) return true;
  }
  return false;
}

/** True when bytes from `start` open a `<c>` element, as `/^<(?:\w+:)?c\b/` tests its XML. */
function opensCell(xml: Uint8Array, start: number, end: number): boolean {
  if (start >= end || xml[start] !== 60) return false;
  if (start + 1 < end && xml[start + 1] === 99 && !(start + 2 < end && isWord(xml[start + 2]))) return true;
  let j = start + 1;
  while (j < end && isWord(xml[j])) j++;
  return (
    j > start + 1 && j + 1 < end && xml[j] === 58 && xml[j + 1] === 99 && !(j + 2 < end && isWord(xml[j + 2]))
  );
}

/**
 * Store in `patches` the cell at bytes `start`–`end` of `xml` with its style index replaced; returns its place.
 * Byte for byte what `restyled` makes: the first ` s="…"` of the start tag is dropped and, unless `style` is 0,
 * ` s="style"` is added at the end of the start tag; XML that does not start a `<c>` is stored unchanged.
 * @example restyleInto(patches, Buffer.from('<c r="A1" s="2" t="b"><v>1</v></c>'), 0, 33, 7) // '<c r="A1" t="b" s="7">…'
 */
export function restyleInto(
  patches: CellPatches,
  xml: Uint8Array,
  start: number,
  end: number,
  style: number,
): number {
  patches.begin(end - start + 16);
  let tagEnd = -1;
  if (opensCell(xml, start, end))
    for (let i = start; i < end; i++)
      if (xml[i] === 62) {
        tagEnd = i;
        break;
      }
  if (tagEnd < 0) {
    patches.bytes(xml, start, end);
    return patches.end();
  }
  // The start tag without its first `\ss="[^"]*"`: bytes a.start–a.end, then b.start–b.end, then '>'.
  let aEnd = tagEnd;
  let bStart = tagEnd;
  for (let i = start; i + 3 < tagEnd; i++) {
    if (!(isSpace(xml[i]!) && xml[i + 1] === 115 && xml[i + 2] === 61 && xml[i + 3] === 34)) continue;
    let quote = -1;
    for (let q = i + 4; q < tagEnd; q++)
      if (xml[q] === 34) {
        quote = q;
        break;
      }
    if (quote < 0) continue;
    aEnd = i;
    bStart = quote + 1;
    break;
  }
  if (!style) {
    patches.bytes(xml, start, aEnd);
    patches.bytes(xml, bStart, end);
    return patches.end();
  }
  // The new attribute goes before the tag's '/>' or '>'.
  let bEnd = tagEnd;
  const selfClosed = bStart < bEnd ? xml[bEnd - 1] === 47 : aEnd > start && xml[aEnd - 1] === 47;
  if (selfClosed) {
    if (bStart < bEnd) bEnd--;
    else aEnd--;
  }
  patches.bytes(xml, start, aEnd);
  patches.bytes(xml, bStart, bEnd);
  patches.latin1(' s="');
  patches.digits(style);
  patches.latin1(selfClosed ? '"/' : '"');
  patches.bytes(xml, tagEnd, end);
  return patches.end();
}

/** Text that needs `xml:space="preserve"` to keep its spacing (`/^\s|\s$|\n/`). */
const SPACED = /^\s|\s$|\n/;
/** Text whose UTF-8 is not the same bytes as its characters (anything beyond ASCII). */
const WIDE = /[\u0080-\uffff]/;

/** A short text value as written: its escaped UTF-8 bytes, and whether it needs `xml:space="preserve"`. */
interface ShortText {
  bytes: Uint8Array;
  spaced: boolean;
}

/**
 * Short texts seen lately, in a few slots picked by length and first character: a scan writes the same few words
 * (状态, 预警) on thousands of rows, and escaping and encoding each again costs more than a look here. A text is
 * encoded on its second sight in a row, so texts written once (ids, dates, audit details) cost no extra copy.
 */
const SLOTS = 16;
const slotText: Array<string | null> = new Array(SLOTS).fill(null);
const slotBytes: Array<ShortText | null> = new Array(SLOTS).fill(null);
const SHORT_TEXT = 32;

/** The bytes of a short text seen just before in its slot; null when it was not (it is then written as it is). */
function shortText(value: string): ShortText | null {
  const slot = (value.length * 31 + value.charCodeAt(0)) & (SLOTS - 1);
  if (slotText[slot] !== value) {
    slotText[slot] = value;
    slotBytes[slot] = null;
    return null;
  }
  let known = slotBytes[slot];
  if (!known) {
    known = { bytes: Buffer.from(escapeXml(value), 'utf8'), spaced: SPACED.test(value) };
    slotBytes[slot] = known;
  }
  return known;
}

/**
 * Store in `patches` the XML of a written cell; returns its place. Byte for byte what `cellXml(ref, style, value,
 * prefix)` makes, with `ref` given as column letters and row: numbers as numbers, text as an inline string, null or
 * '' as a cell with only its style. With `restyledOrder`, what `restyled` makes of that XML in `style` (it moves the
 * style after the type): a fill written right after a value makes the cell again instead of editing its bytes.
 * @example putCell(patches, '', 'J', 4, 5, '逾期') // '<c r="J4" s="5" t="inlineStr"><is><t>逾期</t></is></c>'
 */
export function putCell(
  patches: CellPatches,
  prefix: string,
  letters: string,
  row: number,
  style: number,
  value: PlainWrite,
  restyledOrder = false,
): number {
  const short =
    typeof value === 'string' && value !== '' && value.length <= SHORT_TEXT ? shortText(value) : null;
  const text = typeof value === 'string' && !short ? escapeXml(value) : '';
  const number = typeof value === 'number' ? String(value) : '';
  // Tags, ref and style take under 100 bytes besides the prefixes; UTF-8 takes at most 3 bytes per UTF-16 unit.
  const size = short ? short.bytes.length : number.length + 3 * text.length;
  patches.begin(100 + 8 * prefix.length + letters.length + size);
  patches.latin1(prefix ? `<${prefix}c r="` : '<c r="');
  patches.latin1(letters);
  patches.digits(row);
  const isText = typeof value === 'string' && value !== '';
  if (style && !(restyledOrder && isText)) {
    patches.latin1('" s="');
    patches.digits(style);
  }
  if (value === null || value === '') patches.latin1('"/>');
  else if (typeof value === 'number') {
    patches.latin1(prefix ? `"><${prefix}v>` : '"><v>');
    patches.latin1(number);
    patches.latin1(prefix ? `</${prefix}v></${prefix}c>` : '</v></c>');
  } else {
    patches.latin1('" t="inlineStr');
    if (style && restyledOrder) {
      patches.latin1('" s="');
      patches.digits(style);
    }
    patches.latin1(prefix ? `"><${prefix}is><${prefix}t` : '"><is><t');
    patches.latin1((short ? short.spaced : SPACED.test(value)) ? ' xml:space="preserve">' : '>');
    if (short) patches.bytes(short.bytes, 0, short.bytes.length);
    else if (WIDE.test(text)) patches.utf8(text);
    else patches.latin1(text);
    patches.latin1(prefix ? `</${prefix}t></${prefix}is></${prefix}c>` : '</t></is></c>');
  }
  return patches.end();
}
