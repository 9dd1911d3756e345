import { html } from 'hono/html';
import { ACTION_NAMES, type HeldAnswer, submittedAt } from './held-answers';
import { dataTable } from './layout';

/**
 * The desk's list of answers by link waiting for the workbook to be closed (held-answers.ts), so the clerk sees why
 * to close it; nothing when none wait.
 */
export function heldHtml(answers: HeldAnswer[]) {
  if (!answers.length) return '';
  return html`<h2>等待记入的单位提交（${answers.length}份）</h2>
    <p class="error">
      督办工作簿正在 Excel、WPS 或 LibreOffice 中打开，下列通过链接提交的内容已收下、尚未记入。请保存并关闭工作簿，
      半分钟内自动记入（按提交时间计）。
    </p>
    ${dataTable(
      ['提交时间', '事项', '内容', '提交人'],
      answers.map((a) => [submittedAt(a), a.task, ACTION_NAMES[a.action], a.person]),
    )}`;
}
