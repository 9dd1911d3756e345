import { escapeHtml } from '../../mail/notices';
import { CARD_FILL, MONTH_FILL, STATUS_FILL } from '../../workbook/palette';
import type { BoardTask } from './board-data';

const bg = (hex: string | null | undefined) => (hex ? ` style="background:#${hex}"` : '');

/**
 * The months a phone shows (last month, whose 完成情况 is being reported, and this one): the other months' columns
 * carry class `mo` and are hidden below 700 px until 显示全年各月 is ticked (board-style.ts).
 */
export type FocusMonths = ReadonlySet<number>;

const monthClass = (month: number, focus: FocusMonths) => (focus.has(month) ? 'm' : 'm mo');

/** The battle map's two header rows: the task, its 状态 and 预警 first (on screen and on paper), then the month pairs. */
export function boardHeader(focus: FocusMonths): string {
  const each = (cell: (month: number) => string) => Array.from({ length: 12 }, (_, i) => cell(i + 1)).join('');
  const months = each((m) => `<th colspan="2"${focus.has(m) ? ' class="now"' : ' class="mo"'}>${m}月</th>`);
  const pairs = each(
    (m) =>
      `<th class="${monthClass(m, focus)}">应完成工作任务</th><th class="${monthClass(m, focus)}">完成情况</th>`,
  );
  return (
    '<thead><tr><th rowspan="2" class="task">编号 / 工作任务</th><th rowspan="2">状态</th><th rowspan="2">预警</th>' +
    '<th rowspan="2" class="opt">分管领导</th><th rowspan="2" class="opt">牵头单位</th><th rowspan="2" class="day">完成时限</th>' +
    `<th rowspan="2" class="day">剩余<br>工作日</th><th rowspan="2" class="hint">系统提示</th>${months}</tr><tr>${pairs}</tr></thead>`
  );
}

/**
 * One task as a table row, coloured with the sheet's own palette (src/workbook/palette.ts): 状态 and 预警 cells, and
 * each month's 完成情况 as the scan paints it. Rendered once per scan and reused by every filter.
 */
export function boardRow(t: BoardTask, focus: FocusMonths): string {
  // On a phone the 系统提示 column is hidden: the hint is shown under the task instead.
  const hint = t.hint ? `<small class="hint-m">${escapeHtml(t.hint)}</small>` : '';
  const cells = [
    `<td class="task"><b>${escapeHtml(t.id)}</b> ${escapeHtml(t.title)}<small>${escapeHtml(t.unit)} · ${escapeHtml(t.leader)}</small>${hint}</td>`,
    `<td class="st"${bg(STATUS_FILL[t.status])}>${t.status}</td>`,
    `<td class="st"${bg(t.card ? CARD_FILL[t.card] : null)}>${t.card ?? ''}</td>`,
    `<td class="opt">${escapeHtml(t.leader)}</td>`,
    `<td class="opt">${escapeHtml(t.unit)}</td>`,
    `<td class="day">${t.deadline}</td>`,
    `<td class="num">${t.remaining ?? ''}</td>`,
    `<td class="hint">${escapeHtml(t.hint)}</td>`,
  ];
  const months = t.months.length
    ? t.months.map((m, i) => {
        const c = monthClass(i + 1, focus);
        return `<td class="${c}">${escapeHtml(m.planned)}</td><td class="${c}"${bg(m.fill ? MONTH_FILL[m.fill] : null)}>${escapeHtml(m.done)}</td>`;
      })
    : ['<td class="m" colspan="24"></td>'];
  return `<tr data-id="${escapeHtml(t.id)}">${cells.join('')}${months.join('')}</tr>`;
}
