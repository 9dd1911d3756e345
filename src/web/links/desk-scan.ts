/**
 * The desk's 立即扫描 (issue 14 item 8): 预览 runs a dry run and lists what the scan would write (cells and fills per
 * tab) and every notice it would create; 执行扫描 runs the real scan through the same service as POST /api/scan.
 */
import { html } from 'hono/html';
import { noticeCountsZh } from '../../scan/notice-counts';
import type { ScanSummary } from '../../scan/types';
import { dataTable } from './layout';

/** The two forms: a dry run first, the real scan second. */
export function scanForms(csrf: string) {
  return html`<form method="post" action="/desk/scan">
    <input type="hidden" name="csrf" value="${csrf}" />
    <button type="submit" name="mode" value="preview">立即扫描（预览，不写入不发送）</button>
    <button type="submit" name="mode" value="run">执行扫描（写入工作簿并发送通知）</button>
  </form>`;
}

/**
 * A dry run's preview, or the real scan's counts; the notices named as the status page names them, 已存入发件箱 when the
 * runtime's mail report (runtime/service.ts) says they only went to the outbox folder.
 */
export function scanResultHtml(summary: ScanSummary & { mail?: { transport: string } }, csrf: string) {
  if (!summary.dryRun) {
    const notices = noticeCountsZh(summary.notices, summary.mail?.transport === 'outbox')
      .map(([label, n]) => `${label}${n}份`)
      .join('，');
    return html`<h2>扫描已执行</h2>
      <p class="note">
        ${summary.date}：写入单元格${summary.cellsWritten}个，填充颜色${summary.fillsWritten}个；通知${notices}；问题${summary.problems.length}条。
      </p>
      <p><a href="/desk">返回工作台</a></p>`;
  }
  const preview = summary.preview ?? { tabs: [], notices: [] };
  return html`<h2>扫描预览（未写入、未发送）</h2>
    <p class="note">
      ${summary.date}：将写入单元格${summary.cellsWritten}个，填充颜色${summary.fillsWritten}个，审计日志${summary.auditRows}行，新建通知${preview.notices.length}份。
    </p>
    ${dataTable(
      ['工作表', '单元格', '填充'],
      preview.tabs.map((t) => [t.tab, t.cells, t.fills]),
    )}
    <h2>将新建的通知</h2>
    ${dataTable(
      ['类型', '事项', '单位', '事由'],
      preview.notices.map((n) => [`${n.type}${n.draft ? '（待签发）' : ''}`, n.id, n.unit, n.reasons]),
    )}
    ${scanForms(csrf)}
    <p><a href="/desk">返回工作台</a></p>`;
}
