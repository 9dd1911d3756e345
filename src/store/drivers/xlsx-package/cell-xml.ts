/**
 * One <c> element: what the port reads from it, and the XML of a cell the driver writes. Worksheet parts are held as
 * "binary" strings (latin1: one character per byte of the UTF-8 part — half the memory of decoded CJK text, and
 * offsets that are byte offsets), so text read from a cell is decoded from UTF-8 here and text written is encoded.
 */
import type { Cell, PlainWrite } from '../../port';
import { cellText, percentText } from '../../grid/cell-text';
import { dateCellOfSerial } from '../../grid/date-cell';
import { attr, escapeXml, isTrue, unescapeXml } from './xml-text';

export interface CellContext {
  /** The shared string at an index: its text and, for rich text, the XML of its runs. */
  shared(index: number): SharedString;
  isDate(style: number): boolean;
  /** A percent format (`0%`): the cell reads as the clerk sees it, `60%`, not the 0.6 stored. */
  isPercent(style: number): boolean;
  date1904: boolean;
}

export interface SharedString {
  text: string;
  /** Inner XML of the <si> when it holds formatted runs (<r>…</r>), else null. */
  runs: string | null;
}

const OPEN = /^<(?:\w+:)?c\b([^>]*?)(\/?)>/;
const V = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const IS = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

/** The style index of a cell's XML (0 when it has none). */
export function styleOf(xml: string): number {
  const end = xml.indexOf('>');
  const at = xml.indexOf(' s="');
  if (at < 0 || at > end) return 0;
  let n = 0;
  for (let i = at + 4, code = xml.charCodeAt(i); code >= 48 && code <= 57; code = xml.charCodeAt(++i))
    n = n * 10 + code - 48;
  return n;
}

/** The text between `<name>` and `</name>` (prefix-free parts only; else the regex), or undefined. */
function inner(xml: string, from: number, name: string, re: RegExp): string | undefined {
  const open = xml.indexOf(`<${name}>`, from);
  if (open >= 0) {
    const close = xml.indexOf(`</${name}>`, open);
    return close < 0 ? undefined : xml.slice(open + name.length + 2, close);
  }
  return xml.includes(':') ? re.exec(xml.slice(from))?.[1] : undefined;
}

/** True when the cell holds a value (not only a style). */
export function hasValue(xml: string): boolean {
  return !xml.endsWith('/>') && /<(?:\w+:)?(?:v|is)>/.test(xml);
}

/**
 * The port's Cell of a <c> element: shared and inline strings as text, date-formatted numbers as `{ date }`, formulas
 * with their cached result, errors as `{ error }`.
 * @example decodeCell('<c r="A1" t="inlineStr"><is><t>x</t></is></c>', ctx) // 'x'
 */
export function decodeCell(xml: string, ctx: CellContext): Cell {
  const open = OPEN.exec(xml);
  if (!open || open[2]) return null;
  const tag = open[1]!;
  const type = attr(tag, 't') ?? 'n';
  const from = open[0].length;
  const body = xml.slice(from);
  const f = xml.includes('f', from) && /<(?:\w+:)?f[\s>/]/.test(body) ? F.exec(body) : null;
  const v = inner(xml, from, 'v', V);
  const value = ((): Cell => {
    switch (type) {
      case 's':
        return v === undefined ? null : ctx.shared(Number(v)).text;
      case 'inlineStr': {
        const is = inner(xml, from, 'is', IS);
        return is === undefined ? null : utf8(textOf(is));
      }
      case 'str':
        return v === undefined ? null : utf8(unescapeXml(v));
      case 'b':
        return v === undefined ? null : isTrue(v);
      case 'e':
        return v === undefined ? null : { error: utf8(unescapeXml(v)) };
      case 'd':
        return v === undefined ? null : isoDateCell(v);
      default: {
        if (v === undefined || v.trim() === '') return null;
        return numberCell(Number(v), Number(attr(tag, 's') ?? 0), ctx);
      }
    }
  })();
  if (!f) return value;
  const result =
    value === null || typeof value !== 'object'
      ? value
      : 'date' in value
        ? cellText(value)
        : 'error' in value
          ? value.error
          : null;
  return { formula: utf8(unescapeXml(f[1] ?? '')), result };
}

/** A binary (latin1) string's UTF-8 text; ASCII comes through unchanged. */
export function utf8(binary: string): string {
  return /[\u0080-\uffff]/.test(binary) ? Buffer.from(binary, 'latin1').toString('utf8') : binary;
}

/** A text as the binary (latin1) string of its UTF-8 bytes, for splicing into a worksheet part. */
export function binary(text: string): string {
  return /[\u0080-\uffff]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** The text of an <si> or <is>: its <t> runs joined, phonetic guides (<rPh>) left out. */
export function textOf(inner: string): string {
  const bare = inner.includes('rPh') ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : inner;
  let out = '';
  for (const m of bare.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

/** The runs of an <si>/<is> when it has formatted runs, else null. */
export function runsOf(inner: string): string | null {
  return /<(?:\w+:)?r>/.test(inner)
    ? inner.replace(/<(?:\w+:)?(rPh|phoneticPr)\b[\s\S]*?(?:\/>|<\/(?:\w+:)?\1>)/g, '')
    : null;
}

/**
 * The date cell of an ISO 8601 `t="d"` value (LibreOffice and some writers store dates so).
 * @example isoDateCell('2026-12-03T14:05:00') // { date: '2026-12-03', time: '14:05:00' }
 */
export function isoDateCell(v: string): Cell {
  const time = v.slice(11, 19);
  return /^\d\d:\d\d:\d\d$/.test(time) && time !== '00:00:00'
    ? { date: v.slice(0, 10), time }
    : { date: v.slice(0, 10) };
}

/**
 * The XML of a written cell: numbers as numbers, text as an inline string (never a formula, whatever it starts with),
 * null as a cell with only its style.
 * @example cellXml('J4', 5, '逾期') // '<c r="J4" s="5" t="inlineStr"><is><t>逾期</t></is></c>'
 */
export function cellXml(ref: string, style: number, value: PlainWrite, prefix = ''): string {
  const s = style ? ` s="${style}"` : '';
  const c = `${prefix}c`;
  if (value === null || value === '') return `<${c} r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<${c} r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${c}>`;
  return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is>${tText(value, prefix)}</${prefix}is></${c}>`;
}

/** Rich text kept: the old runs, then a new run with `text`. */
export function richCellXml(ref: string, style: number, runs: string, text: string, prefix = ''): string {
  const s = style ? ` s="${style}"` : '';
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is>${binary(runs)}<${prefix}r>${tText(text, prefix)}</${prefix}r></${prefix}is></${prefix}c>`;
}

function tText(text: string, prefix: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${space}>${binary(escapeXml(text))}</${prefix}t>`;
}

/** The cell's XML with its style index replaced. */
export function restyled(xml: string, style: number): string {
  const open = OPEN.exec(xml);
  if (!open) return xml;
  const tag = open[0].replace(/\ss="[^"]*"/, '');
  const at = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  const next = style ? `${tag.slice(0, at)} s="${style}"${tag.slice(at)}` : tag;
  return next + xml.slice(open[0].length);
}

/**
 * A number cell as the port reads it, by its style: a date, a percentage as shown (`60%`), or the number.
 * @example numberCell(0.6, percentStyle, ctx) // '60%'
 */
export function numberCell(n: number, style: number, ctx: CellContext): Cell {
  if (!Number.isFinite(n)) return n;
  if (ctx.isDate(style)) return dateCellOfSerial(n, ctx.date1904);
  return ctx.isPercent(style) ? percentText(n) : n;
}
