import { escapeHtml } from '../mail/notices';
import { noticeCountsZh } from '../scan/notice-counts';
import type { ScanSummary } from '../scan/types';
import { scanFailureText } from './scan-failure';
import type { ScanFailure } from './scan-service';

/** Where the scan's notices went, as the runtime reports it (runtime/service.ts `MailReport`). */
type WithMail = ScanSummary & { mail?: { transport: string; note?: string } };

/**
 * The local status page: the last scan's summary and the newest notices in the outbox. Notices only written to the
 * outbox folder are counted as 已存入发件箱, never 已发送, with the runtime's note on it. A scheduled scan that failed
 * since is said first: the summary below is then older than the clerk expects.
 */
export function homePage(
  summary: WithMail | null,
  outbox: string[] | null,
  failure: ScanFailure | null = null,
): string {
  const stored = summary?.mail?.transport === 'outbox';
  const rows = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`)
      .join('');
  const body = summary
    ? `<h2>最近一次扫描：${escapeHtml(summary.date)}（${summary.tasks}项）</h2>
<div class="grid"><table><caption>状态</caption>${rows(summary.byStatus)}</table>
<table><caption>预警</caption>${rows(summary.byCard)}</table>
<table><caption>通知</caption>${rows(Object.fromEntries(noticeCountsZh(summary.notices, stored)))}</table>
<table><caption>写入</caption>${rows({ 单元格: summary.cellsWritten, 着色: summary.fillsWritten, 新编号: summary.idsAssigned, 审计记录: summary.auditRows })}</table></div>
${summary.mail?.note ? `<p class="note">${escapeHtml(summary.mail.note)}</p>` : ''}
<h3>数据问题（${summary.problems.length}）</h3>
<ul>${summary.problems
        .slice(0, 200)
        .map(
          (p) =>
            `<li>${escapeHtml(p.tab)}${p.row ? ` 第${p.row}行` : ''}${p.id ? ` ${escapeHtml(p.id)}` : ''}：${escapeHtml(p.message)}</li>`,
        )
        .join('')}</ul>`
    : '<p>尚未扫描。</p>';
  const failed = failure ? `<p class="error">${escapeHtml(scanFailureText(failure))}</p>` : '';
  const mails = outbox
    ? `<h3>发件箱（最新${Math.min(outbox.length, 50)}封）</h3><ul>${outbox
        .slice(0, 50)
        .map((f) => `<li>${escapeHtml(f)}</li>`)
        .join('')}</ul>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>督查督办</title>
<style>body{font-family:system-ui,"Microsoft YaHei",sans-serif;margin:1em;max-width:1100px}
.grid{display:flex;gap:2em;flex-wrap:wrap}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}
caption{font-weight:bold;text-align:left}.error{color:#b00;background:#fff0f0;border:1px solid #f3c0c0;padding:8px}</style></head>
<body><h1>督查督办 · 挂图作战</h1>${failed}${body}${mails}</body></html>`;
}
