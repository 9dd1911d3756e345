/**
 * The desk's 工作簿问题 (issue 14 item 8): the last scan's problems with tab, row, cell and message. A cell's A1 reference
 * comes from its header's column in the tab as read now; with a Google spreadsheet's id and tab gids, it links to the cell.
 */
import { html } from 'hono/html';
import type { SheetLocation } from '../../store/port';
import type { ScanProblem } from '../../workbook/scan-problem';
import { dataTable } from './layout';

export type { SheetLocation };

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `H22` for a problem's cell, `A22` for its row, null when it has no row. */
export function a1Of(problem: ScanProblem, headers: string[] | undefined): string | null {
  if (problem.row === null) return null;
  const col = problem.cell && headers ? headers.indexOf(problem.cell) : -1;
  return `${col >= 0 ? columnLetters(col) : 'A'}${problem.row}`;
}

/** The Google Sheets address of a cell, or null when the tab's gid is unknown. */
export function cellUrl(sheet: SheetLocation | undefined, tab: string, a1: string | null): string | null {
  const gid = sheet?.gids[tab];
  if (!sheet || gid === undefined) return null;
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(sheet.id)}/edit#gid=${gid}${a1 ? `&range=${a1}` : ''}`;
}

export function problemsHtml(
  problems: ScanProblem[] | null,
  headersOf: (tab: string) => string[] | undefined,
  sheet?: SheetLocation,
) {
  if (problems === null)
    return html`<h2>工作簿问题</h2>
      <p class="note">尚无扫描记录：请先执行扫描。</p>`;
  return html`<h2>工作簿问题（上次扫描，${problems.length}条）</h2>
    ${dataTable(
      ['位置', '工作表', '行', '列', '问题'],
      problems.map((p) => {
        const a1 = a1Of(p, headersOf(p.tab));
        const ref = a1 ? `${p.tab}!${a1}` : p.tab;
        const url = cellUrl(sheet, p.tab, a1);
        return [
          url ? html`<a href="${url}" rel="noreferrer">${ref}</a>` : ref,
          p.tab,
          p.row ?? '',
          p.cell ?? '',
          p.message,
        ];
      }),
    )}`;
}
