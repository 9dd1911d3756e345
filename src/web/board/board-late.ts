import type { Bulletin } from '../../domain/bulletin';
import { lateTaskList, lateTasksSentence } from '../../domain/late-tasks';
import { escapeHtml } from '../../mail/notices';
import { STATUS_FILL } from '../../workbook/palette';
import { LATE_TASK_HEADERS } from '../../workbook/schema/bulletin';

/** The column classes of LATE_TASK_HEADERS: 编号, 工作任务, 牵头单位, 逾期、滞后情况. */
const COLUMNS = ['id', 'title', 'unit', 'how'] as const;

/**
 * The 通报's 逾期、滞后事项 on the board, as the .docx and the 通报 tab name them (seed 003 §六(三) 指名道姓点问题):
 * the .docx's opening sentence (how many, and where the rest are), then the same rows — 逾期 first, the longest
 * first, at most LATE_TASKS_SHOWN — with the 逾期、滞后情况 cell in the 状态's colour as the tab paints it. On a
 * phone each task folds onto two lines instead of four columns (board-style.ts).
 *
 * @example lateTasksSection(bulletin); // '<div class="late" id="late"><h3>逾期、滞后事项</h3><p>截至2026年5月31日，…'
 */
export function lateTasksSection(b: Bulletin): string {
  const { shown } = lateTaskList(b.lateTasks);
  const sentence = `<p class="late-note">${escapeHtml(lateTasksSentence(b.lateTasks, b.asOf))}</p>`;
  const rows = shown.map((t) => {
    const cells = [t.id, t.title, t.unit, t.how].map((text, i) => {
      const fill = COLUMNS[i] === 'how' ? ` style="background:#${STATUS_FILL[t.status]}"` : '';
      return `<td class="${COLUMNS[i]}"${fill}>${escapeHtml(text)}</td>`;
    });
    return `<tr data-late="${escapeHtml(t.id)}">${cells.join('')}</tr>`;
  });
  const table = shown.length
    ? `<table class="list late"><thead><tr>${LATE_TASK_HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '';
  return `<div class="late" id="late"><h3>逾期、滞后事项</h3>${sentence}${table}</div>`;
}
