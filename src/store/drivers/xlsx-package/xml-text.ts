/** Small helpers for OOXML text: escaping, entities, attributes of a start tag. */
import { SaxesParser } from 'saxes';

/** Thrown when a part of the package is not well-formed XML; the store turns it into a Chinese message. */
export class CorruptPartError extends Error {
  override name = 'CorruptPartError';
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text of XML character data: entities and OOXML's `_xHHHH_` escapes decoded. */
export function unescapeXml(text: string): string {
  let out = text;
  if (out.includes('&'))
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name[0] === '#')
        return String.fromCodePoint(
          name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
        );
      return ENTITIES[name] ?? whole;
    });
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  return out;
}

/** Control characters XML 1.0 cannot hold (tab, newline and carriage return excepted). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters escapeXml rewrites
const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Text as XML character data; control characters Excel cannot store as such become `_xHHHH_`. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'))
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`)
    .replace(CONTROL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The value of attribute `name` in a start tag's attribute text, unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  const at2 = at < 0 ? tag.indexOf(`\n${name}="`) : at;
  if (at2 < 0) return undefined;
  const start = at2 + name.length + 3;
  const end = tag.indexOf('"', start);
  return unescapeXml(tag.slice(start, end));
}

/** An xsd:boolean attribute value: "1" as Excel writes it, "true" as LibreOffice does (spaces around allowed). */
export function isTrue(value: string | undefined): boolean {
  const v = value?.trim();
  return v === '1' || v === 'true';
}

/** The start tag with attribute `name` set to `value` (added when missing), or removed when `value` is null. */
export function withAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`(\\s)${name.replace(':', '\\:')}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, value === null ? '' : `$1${name}="${escapeXml(value)}"`);
  if (value === null) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeXml(value)}"${tag.slice(end)}`;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

/**
 * Check that `text` is well-formed XML and return the start tags named in `wanted` (local names, prefix ignored), in
 * document order. Throws CorruptPartError naming the part.
 * @example xmlElements(workbookXml, 'xl/workbook.xml', ['sheet', 'workbookPr'])
 */
export function xmlElements(text: string, part: string, wanted: string[]): XmlElement[] {
  const names = new Set(wanted);
  const out: XmlElement[] = [];
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    if (names.has(local)) out.push({ name: local, attributes: tag.attributes as Record<string, string> });
  });
  parser.write(text).close();
  if (failure) throw new CorruptPartError(part, (failure as Error).message);
  return out;
}
