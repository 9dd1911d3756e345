/**
 * Searching a worksheet part held as its bytes (ASCII markup, UTF-8 text): the few scans the row indexer needs,
 * as plain loops over the buffer, so a big part is never also held as a string.
 */

/** The offset of the first byte at or after `from` that is not XML whitespace. */
export function skipSpace(xml: Uint8Array, from: number): number {
  let at = from;
  for (let c = xml[at]; c === 32 || c === 10 || c === 13 || c === 9; c = xml[++at]);
  return at;
}

/** True when the byte after a tag name ends it (so `<c` does not match `<col`). */
export function isNameEnd(code: number | undefined): boolean {
  return code === 32 || code === 62 || code === 47 || code === 10 || code === 13 || code === 9;
}

/** The column number of the letters at `at` (an A1 reference). */
export function lettersAt(xml: Uint8Array, at: number): number {
  let n = 0;
  for (let code = xml[at]!; code >= 65 && code <= 90; code = xml[++at]!) n = n * 26 + code - 64;
  return n;
}

/** The number written in decimal digits at `at` (a row's `r`); NaN when there are none. */
export function digitsAt(xml: Uint8Array, from: number): number {
  let n = 0;
  let at = from;
  for (let code = xml[at]!; code >= 48 && code <= 57; code = xml[++at]!) n = n * 10 + code - 48;
  return at > from ? n : Number.NaN;
}

/** True when the ASCII text `text` is at `at`. */
export function startsAt(xml: Uint8Array, text: string, at: number): boolean {
  if (at + text.length > xml.length) return false;
  for (let i = 0; i < text.length; i++) if (xml[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The offset of the ASCII text `text` at or after `from` and ending by `to`, or -1; for matches a few bytes away. */
export function indexOfText(xml: Uint8Array, text: string, from: number, to = xml.length): number {
  const first = text.charCodeAt(0);
  for (let at = from; at <= to - text.length; at++)
    if (xml[at] === first && startsAt(xml, text, at)) return at;
  return -1;
}

/** The offset of the value of the ` r="` attribute in the start tag from `from` to `end`, or -1. */
export function referenceAt(xml: Uint8Array, from: number, end: number): number {
  for (let at = from; at < end; at++)
    if (xml[at] === 32 && xml[at + 1] === 114 && xml[at + 2] === 61 && xml[at + 3] === 34) return at + 4;
  return -1;
}

/**
 * The offset of the end tag `close` (e.g. `</c>`) of an element `open` (e.g. `<c`) at or after `from` and before
 * `to`; -1 when it is missing or another `open` element starts first (a lost end tag, not a nested cell). Only a `<`
 * is looked at further, so the `<v>` and `</v>` of a cell are stepped over quickly.
 */
export function endTagAt(xml: Uint8Array, open: string, close: string, from: number, to: number): number {
  for (let at = from; at < to; at++) {
    if (xml[at] !== 60) continue;
    if (xml[at + 1] === 47) {
      if (startsAt(xml, close, at)) return at;
    } else if (startsAt(xml, open, at) && isNameEnd(xml[at + open.length])) return -1;
  }
  return -1;
}
