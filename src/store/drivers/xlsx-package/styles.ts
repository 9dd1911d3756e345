/**
 * xl/styles.xml as the driver needs it: the fill, number format and wrap of a cell style (xf), and new styles made by
 * appending fills, fonts and xfs — never by changing or reordering the ones there, so every styled cell keeps its look.
 */
import type { Fill } from '../../port';
import { attr, escapeXml, withAttr, xmlElements } from './xml-text';
import { isDateFormat, isPercentFormat, showsDateAs, showsTime } from '../../grid/number-format';

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
/** Built-in formats that show a day without its time (the others above show a time, 22 both). */
const BUILTIN_DAY_FORMATS = new Set([14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
/** Custom number formats are numbered from here (0–163 are built in). */
const FIRST_CUSTOM_FORMAT = 164;

export interface Styles {
  /** 6-hex RGB of a style's solid fill; null for no fill, patterns, theme and indexed colours. */
  fillOf(style: number): Fill;
  isDate(style: number): boolean;
  /** A percent number format: built-in 9 / 10 (`0%`, `0.00%`) or a format code with % outside quotes. */
  isPercent(style: number): boolean;
  wraps(style: number): boolean;
  /** The style like `style` but with `fill` (null: no fill). */
  withFill(style: number, fill: Fill): number;
  /**
   * A style showing a date (`code` without a time) or a date-time (`code` with one): `style` itself when its format
   * already shows that (a staff's own `yyyy/m/d h:mm` stays), else `style` with the number format `code` appended.
   */
  withDateFormat(style: number, code: string): number;
  /** A style with the bold (or regular) 宋体 11 font, wrapped and centred vertically, with `fill`. */
  plain(bold: boolean, fill: Fill): number;
  /** True once a style was added; `xml()` is then the new part. */
  readonly changed: boolean;
  xml(): string;
}

/** A section such as `<cellXfs count="3">…</cellXfs>`: where its items are and their raw XML. */
interface Section {
  items: string[];
  added: string[];
  /** Offsets of the section in the original text: start of the open tag, end of the close tag. */
  start: number;
  end: number;
  tag: string;
  /** The open tag to write for a section the part did not have. */
  open?: string;
}

function section(xml: string, name: string, item: string): Section | null {
  const open = new RegExp(`<(\\w+:)?${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const prefix = open[1] ?? '';
  if (open[2])
    return {
      items: [],
      added: [],
      start: open.index,
      end: open.index + open[0].length,
      tag: `${prefix}${name}`,
    };
  const close = xml.indexOf(`</${prefix}${name}>`, open.index);
  const body = xml.slice(open.index + open[0].length, close);
  const re = new RegExp(`<${prefix}${item}\\b(?:[^>]*?/>|[\\s\\S]*?</${prefix}${item}>)`, 'g');
  return {
    items: body.match(re) ?? [],
    added: [],
    start: open.index,
    end: close + name.length + prefix.length + 3,
    tag: `${prefix}${name}`,
  };
}

function render(s: Section, xml: string): string {
  const all = [...s.items, ...s.added];
  const openTag = s.open ?? /^<[^>]*?\/?>/.exec(xml.slice(s.start))![0].replace(/\/>$/, '>');
  return `${withAttr(openTag, 'count', String(all.length))}${all.join('')}</${s.tag}>`;
}

/**
 * Parse styles.xml (checked well-formed).
 * @example const styles = parseStyles(xml); styles.fillOf(3) // 'FF0000'
 */
export function parseStyles(xml: string): Styles {
  xmlElements(xml, 'xl/styles.xml', []);
  const fills = section(xml, 'fills', 'fill');
  const fonts = section(xml, 'fonts', 'font');
  const xfs = section(xml, 'cellXfs', 'xf');
  if (!fills || !fonts || !xfs) throw new Error('styles.xml has no fills, fonts or cellXfs');
  const numFmts = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g))
    numFmts.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const formats =
    section(xml, 'numFmts', 'numFmt') ?? missingFormats(xml, fonts.tag.slice(0, -'fonts'.length));
  const xf = (style: number) =>
    xfs.items[style] ?? xfs.added[style - xfs.items.length] ?? xfs.items[0] ?? '<xf/>';
  const fill = (id: number) => fills.items[id] ?? fills.added[id - fills.items.length] ?? '';
  const derived = new Map<string, number>();
  let changed = false;
  const addFill = (rgb: Fill): number => {
    if (rgb === null) {
      const none = fills.items.findIndex((f) => /patternType="none"/.test(f));
      if (none >= 0) return none;
    }
    const body =
      rgb === null
        ? '<patternFill patternType="none"/>'
        : `<patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill>`;
    const key = `<fill>${body}</fill>`;
    const known = [...fills.items, ...fills.added].indexOf(key);
    if (known >= 0) return known;
    fills.added.push(key);
    changed = true;
    return fills.items.length + fills.added.length - 1;
  };
  const addXf = (key: string, make: () => string): number => {
    let id = derived.get(key);
    if (id === undefined) {
      xfs.added.push(make());
      id = xfs.items.length + xfs.added.length - 1;
      derived.set(key, id);
      changed = true;
    }
    return id;
  };
  /** The id of number format `code`: one the part has, else a new one. */
  const addFormat = (code: string): number => {
    for (const [id, known] of numFmts) if (known === code && id >= FIRST_CUSTOM_FORMAT) return id;
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...numFmts.keys()) + 1;
    const p = formats.tag.slice(0, -'numFmts'.length);
    formats.added.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    numFmts.set(id, code);
    changed = true;
    return id;
  };
  const fontIds = new Map<boolean, number>();
  const addFont = (bold: boolean): number => {
    let id = fontIds.get(bold);
    if (id === undefined) {
      fonts.added.push(
        `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`,
      );
      id = fonts.items.length + fonts.added.length - 1;
      fontIds.set(bold, id);
      changed = true;
    }
    return id;
  };

  const memo = <T>(compute: (style: number) => T) => {
    const known = new Map<number, T>();
    return (style: number): T => {
      let v = known.get(style);
      if (v === undefined && !known.has(style)) known.set(style, (v = compute(style)));
      return v as T;
    };
  };
  const fillOfStyle = memo((style): Fill => {
    const f = fill(Number(attr(xf(style), 'fillId') ?? 0));
    if (!/patternType="solid"/.test(f)) return null;
    const rgb = /<(?:\w+:)?fgColor\b[^>]*\brgb="([0-9A-Fa-f]{6,8})"/.exec(f)?.[1];
    return rgb ? rgb.slice(-6).toUpperCase() : null;
  });
  const isDateStyle = memo((style): boolean => {
    const id = Number(attr(xf(style), 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = numFmts.get(id);
    return code !== undefined && isDateFormat(code);
  });
  const isPercentStyle = memo((style): boolean => {
    const id = Number(attr(xf(style), 'numFmtId') ?? 0);
    if (id === 9 || id === 10) return true;
    const code = numFmts.get(id);
    return isPercentFormat(code);
  });
  /** True when the style's format shows a day and, exactly when `time`, the time of day. */
  const showsDate = (style: number, time: boolean): boolean => {
    const id = Number(attr(xf(style), 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id)) return time ? id === 22 : BUILTIN_DAY_FORMATS.has(id);
    return showsDateAs(numFmts.get(id), time);
  };
  const wrapsStyle = memo((style) => /<(?:\w+:)?alignment\b[^>]*\bwrapText="(1|true)"/.test(xf(style)));

  /** The style like `style` but with fill `rgb` (a new xf when there is none yet). */
  const makeWithFill = (style: number, rgb: Fill): number => {
    const fillId = Number(attr(xf(style), 'fillId') ?? 0);
    if (rgb === null ? fillId === 0 || /patternType="none"/.test(fill(fillId)) : fillOfStyle(style) === rgb)
      return style;
    return addXf(`${style}|${rgb}`, () => {
      const fillId = addFill(rgb);
      const tag = /^<[^>]*?\/?>/.exec(xf(style))![0];
      const rest = xf(style).slice(tag.length);
      return withAttr(withAttr(tag, 'fillId', String(fillId)), 'applyFill', '1') + rest;
    });
  };
  /** Asked for every fill a scan paints (a row's 状态, its months): the answer for a style and colour never changes. */
  const withFills = new Map<number, Map<Fill, number>>();

  return {
    fillOf: fillOfStyle,
    isDate: isDateStyle,
    isPercent: isPercentStyle,
    wraps: wrapsStyle,
    withFill(style, rgb) {
      let byFill = withFills.get(style);
      if (!byFill) withFills.set(style, (byFill = new Map()));
      let known = byFill.get(rgb);
      if (known === undefined) byFill.set(rgb, (known = makeWithFill(style, rgb)));
      return known;
    },
    withDateFormat(style, code) {
      if (showsDate(style, showsTime(code))) return style;
      return addXf(`${style}|format|${code}`, () => {
        const id = addFormat(code);
        const tag = /^<[^>]*?\/?>/.exec(xf(style))![0];
        return (
          withAttr(withAttr(tag, 'numFmtId', String(id)), 'applyNumberFormat', '1') +
          xf(style).slice(tag.length)
        );
      });
    },
    plain(bold, rgb) {
      return addXf(`plain|${bold}|${rgb}`, () => {
        const fontId = addFont(bold);
        const fillId = addFill(rgb);
        return `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>`;
      });
    },
    get changed() {
      return changed;
    },
    xml() {
      const parts = [formats, fills, fonts, xfs]
        .filter((s) => s.added.length)
        .sort((a, b) => a.start - b.start);
      let out = '';
      let at = 0;
      for (const s of parts) {
        out += xml.slice(at, s.start) + render(s, xml);
        at = s.end;
      }
      return out + xml.slice(at);
    },
  };
}

/** Where a part without <numFmts> gets one: first in the style sheet, as the schema orders it. */
function missingFormats(xml: string, prefix: string): Section {
  const sheet = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)!;
  const at = sheet.index + sheet[0].length;
  return { items: [], added: [], start: at, end: at, tag: `${prefix}numFmts`, open: `<${prefix}numFmts>` };
}
