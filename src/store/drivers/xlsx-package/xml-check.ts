/**
 * A well-formedness check of a part held as its bytes, in one pass with no string made of it: tags nested and closed,
 * attributes quoted, entities known, nothing but markup outside the root. The shared strings of a city's workbook
 * (hundreds of thousands of them) are checked here instead of through saxes, which decodes the whole part to text
 * and cost more than reading every cell. It also tells where each child of the root element is, so the caller can
 * index them in the same pass. A part that fails throws CorruptPartError naming the part and the offset.
 */
import { skipSpace, startsAt } from './xml-bytes';
import { CorruptPartError } from './xml-text';

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMPERSAND = 38;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;

/**
 * Throw unless `xml` is well-formed; call `onChild(start, end)` with the offsets of each element directly under the
 * root (`start` at its `<`, `end` just after its end tag).
 * @example checkXmlBytes(bytes, 'xl/sharedStrings.xml', (start, end) => items.push(start, end));
 */
export function checkXmlBytes(
  xml: Buffer,
  part: string,
  onChild: (start: number, end: number) => void = () => {},
): void {
  const fail = (at: number, what: string): never => {
    throw new CorruptPartError(part, `${what} at byte ${at}`);
  };
  /** Start and end offsets of the names of the open elements. */
  const names: number[] = [];
  let childStart = -1;
  let rootDone = false;
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf(LT, at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (names.length === 0) {
      for (let i = at; i < textEnd; i++) if (!isSpace(xml[i]!)) fail(i, 'text outside the root element');
    } else checkText(xml, at, textEnd, fail);
    if (lt < 0) break;
    const next = xml[lt + 1];
    if (next === QUESTION) {
      at = after(xml, '?>', lt + 2, fail);
      if (
        startsAt(xml, '<?xml', lt) &&
        isSpace(xml[lt + 5]!) &&
        !DECLARATION.test(xml.toString('latin1', lt, at))
      )
        fail(lt, 'a malformed XML declaration');
    } else if (next === BANG) {
      if (startsAt(xml, '<!--', lt)) at = after(xml, '-->', lt + 4, fail);
      else if (startsAt(xml, '<![CDATA[', lt) && names.length > 0) at = after(xml, ']]>', lt + 9, fail);
      else fail(lt, 'a DOCTYPE or other declaration');
    } else if (next === SLASH) {
      const nameEnd = nameEndAt(xml, lt + 2);
      const openEnd = names.pop();
      const openStart = names.pop();
      if (openStart === undefined || !sameBytes(xml, openStart, openEnd!, lt + 2, nameEnd))
        fail(lt, 'an end tag that closes no open element');
      const gt = skipSpace(xml, nameEnd);
      if (xml[gt] !== GT) fail(gt, 'an unclosed end tag');
      at = gt + 1;
      if (names.length === 2) onChild(childStart, at);
      if (names.length === 0) rootDone = true;
    } else {
      if (rootDone) fail(lt, 'a second root element');
      const nameEnd = nameEndAt(xml, lt + 1);
      if (nameEnd === lt + 1) fail(lt, 'a tag with no name');
      const end = startTagEnd(xml, nameEnd, fail);
      at = end + 1;
      if (names.length === 2) childStart = lt;
      if (xml[end - 1] === SLASH) {
        if (names.length === 2) onChild(lt, at);
        if (names.length === 0) rootDone = true;
      } else names.push(lt + 1, nameEnd);
    }
  }
  if (names.length > 0) fail(xml.length, 'an element not closed before the end of the part');
  if (!rootDone) fail(xml.length, 'no root element');
}

/** The XML declaration's grammar (XML 1.0 §2.8). */
const DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>$/;

/** The offset of the `>` ending a start tag whose name ends at `from`, checking its attributes on the way. */
function startTagEnd(xml: Buffer, from: number, fail: (at: number, what: string) => never): number {
  let at = from;
  for (;;) {
    const space = skipSpace(xml, at);
    const code = xml[space];
    if (code === GT) return space;
    if (code === SLASH && xml[space + 1] === GT) return space + 1;
    if (space === at) fail(at, 'a malformed start tag');
    const nameEnd = nameEndAt(xml, space);
    if (nameEnd === space) fail(space, 'a malformed attribute');
    const equals = skipSpace(xml, nameEnd);
    if (xml[equals] !== EQUALS) fail(equals, 'an attribute with no value');
    const open = skipSpace(xml, equals + 1);
    const quote = xml[open];
    if (quote !== 34 && quote !== 39) fail(open, 'an unquoted attribute value');
    const close = xml.indexOf(quote!, open + 1);
    if (close < 0) fail(open, 'an unclosed attribute value');
    for (let i = open + 1; i < close; i++) if (xml[i] === LT) fail(i, 'a < inside an attribute value');
    checkText(xml, open + 1, close, fail);
    at = close + 1;
  }
}

/** Character data: every `&` starts a known entity or a character reference. */
function checkText(xml: Buffer, from: number, to: number, fail: (at: number, what: string) => never): void {
  for (let at = from; at < to; at++) {
    if (xml[at] !== AMPERSAND) continue;
    const semi = xml.indexOf(59, at);
    if (semi < 0 || semi > to || semi - at > 12 || !isEntity(xml, at + 1, semi))
      fail(at, 'an unknown entity');
  }
}

const ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

function isEntity(xml: Buffer, from: number, to: number): boolean {
  const name = xml.toString('latin1', from, to);
  return ENTITIES.has(name) || /^#(?:[0-9]+|x[0-9a-fA-F]+)$/.test(name);
}

/** The offset just after `text`, searched from `from`. */
function after(xml: Buffer, text: string, from: number, fail: (at: number, what: string) => never): number {
  const at = xml.indexOf(text, from, 'latin1');
  if (at < 0) fail(from, `no closing ${text}`);
  return at + text.length;
}

/** The end of the name starting at `from` (a name runs until whitespace or one of `/ > = < " ' &`). */
function nameEndAt(xml: Buffer, from: number): number {
  let at = from;
  for (let code = xml[at]; code !== undefined; code = xml[++at])
    if (
      isSpace(code) ||
      code === SLASH ||
      code === GT ||
      code === EQUALS ||
      code === LT ||
      code === 34 ||
      code === 39 ||
      code === AMPERSAND
    )
      break;
  return at;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function sameBytes(xml: Buffer, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (xml[a + i] !== xml[b + i]) return false;
  return true;
}
