import type { InlineImage } from './notice-doc';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text → HTML text or attribute value. Every string from a sheet cell goes through this.
 *
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A link only for http(s) URLs; anything else (a `javascript:` URL typed into a cell) is shown as text. */
export function linkHtml(url: string, label = url): string {
  if (!/^https?:\/\//i.test(url)) return escapeHtml(url);
  return `<a href="${escapeHtml(url)}" style="color:#1a56db">${escapeHtml(label)}</a>`;
}

/** How wide a mail's content may be: what Outlook, webmail panes and a printed A4 page show without scrolling. */
export const MAIL_WIDTH = 600;

/**
 * An inline image (`cid:`) at most MAIL_WIDTH wide, its height in proportion. The width and height attributes are what
 * Outlook 2010–2016 obey (they ignore max-width and would show a 1440-pixel chart at full size); the style lets phones
 * shrink it further.
 *
 * @example
 * imageHtml({ cid: 'chart-1@duban', width: 1440, height: 1228 }, '通报图表');
 * // '<img src="cid:chart-1@duban" alt="通报图表" width="600" height="512" style="…">'
 */
export function imageHtml(image: InlineImage, alt: string): string {
  const width = Math.min(MAIL_WIDTH, image.width);
  const height = Math.round((image.height * width) / image.width);
  return `<img src="cid:${escapeHtml(image.cid)}" alt="${escapeHtml(alt)}" width="${width}" height="${height}" style="display:block;width:${width}px;max-width:100%;height:auto;border:0">`;
}

/** Multi-line cell text as HTML: escaped, line breaks kept. */
export function multilineHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/**
 * The HTML document around a body: inline styles only, since mail clients drop `<style>` and scripts. At most
 * MAIL_WIDTH wide, with narrow margins: a phone 360 pixels wide keeps over 300 of them for the text and the tables.
 */
export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:12px 4px;background:#f5f5f5">',
    `<div style="max-width:${MAIL_WIDTH}px;margin:0 auto;padding:24px 16px;background:#fff;color:#222;`,
    "font-family:FangSong,STFangsong,'Songti SC',SimSun,serif;font-size:16px;line-height:1.8\">",
    body,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
