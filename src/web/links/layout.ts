import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The shell of every link page: Chinese, 390 px first, no script, no external resource (offices are offline), one
 * inline stylesheet (the CSP allows inline styles and nothing else). Prints without the form controls.
 */
export function page(title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>${title}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;background:#f5f5f5}
main{max-width:720px;margin:0 auto;padding:12px 14px 40px;background:#fff;min-height:100vh}
h1{font-size:20px;margin:8px 0 12px;color:#b00}
h2{font-size:17px;margin:20px 0 8px;border-left:4px solid #b00;padding-left:8px}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{border:1px solid #ddd;padding:6px;text-align:left;vertical-align:top;word-break:break-all}
th{background:#fafafa;width:6.5em;white-space:nowrap}
label{display:block;margin:12px 0 4px;font-weight:bold}
input,textarea,select{width:100%;font:inherit;padding:8px;border:1px solid #bbb;border-radius:6px}
textarea{min-height:6em}
button{display:block;width:100%;margin:18px 0 0;padding:12px;font:inherit;font-size:18px;color:#fff;background:#b00;border:0;border-radius:8px}
button.secondary{background:#666}
.note{color:#666;font-size:14px}
.error{color:#b00;background:#fff0f0;border:1px solid #f3c0c0;padding:8px;border-radius:6px}
.ok{color:#064;background:#effaf3;border:1px solid #b7e4c7;padding:8px;border-radius:6px}
.card-红牌{color:#fff;background:#c00;padding:0 6px}.card-黄牌{background:#fc0;padding:0 6px}.card-蓝牌{color:#fff;background:#06c;padding:0 6px}
@media print{form,button,.note{display:none}main{max-width:none;padding:0;min-height:0}body{background:#fff}h1{text-align:center;color:#000}}
@page{size:A4;margin:15mm}
.a4card th{width:7em;white-space:normal}.a4card td{height:3em}.sign{text-align:right;color:#444;margin-top:6px}
`;

/** Cell text with its line breaks kept: each line escaped, joined by `<br>`. */
export function lines(text: string) {
  return text.split(/\r?\n/).map((line, i) => (i ? html`<br />${line}` : html`${line}`));
}

/**
 * A table of the desk: its header cells, one row per item (each cell escaped unless it is already html), and one
 * row saying 无 when there are none.
 * @example dataTable(['文号', '事项'], rows.map((r) => [r.docNo, r.id]))
 */
export function dataTable(heads: string[], rows: unknown[][]) {
  return html`<table>
    <tr>
      ${heads.map((h) => html`<th>${h}</th>`)}
    </tr>
    ${rows.map(
      (cells) =>
        html`<tr>
          ${cells.map((c) => html`<td>${c}</td>`)}
        </tr>`,
    )}
    ${
      rows.length
        ? ''
        : html`<tr>
            <td colspan="${heads.length}">无</td>
          </tr>`
    }
  </table>`;
}
