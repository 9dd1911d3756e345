import { CARDS, STATUSES } from '../../domain/glossary';
import { escapeHtml } from '../../mail/notices';
import { CARD_FILL, STATUS_FILL } from '../../workbook/palette';
import type { BoardData } from './board-data';
import { type BoardFilters, PAGE_SIZE, filterTasks, queryOf } from './board-filters';
import { boardHeader, boardRow } from './board-rows';
import { BOARD_CSS } from './board-style';

/** The parts of the page that do not depend on the filters, rendered once per scan. */
export interface RenderedBoard {
  data: BoardData;
  rows: string[];
  header: string;
  bulletin: string;
}

/**
 * The /board page for some filters: the filter form (works without script; a choice submits it), counts by 状态 and
 * 预警 of what the filters keep, the battle map's rows (a page of PAGE_SIZE, or all), then the last 通报.
 */
export function boardPage(board: RenderedBoard, f: BoardFilters): string {
  const { data } = board;
  const kept = filterTasks(data, f);
  const pages = Math.max(1, Math.ceil(kept.length / PAGE_SIZE));
  const page = f.page === 'all' ? null : Math.min(f.page, pages);
  const shown = page === null ? kept : kept.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const byStatus = new Map<string, number>();
  const byCard = new Map<string, number>();
  for (const i of kept) {
    const t = data.tasks[i]!;
    byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
    byCard.set(t.card ?? '无', (byCard.get(t.card ?? '无') ?? 0) + 1);
  }
  const chip = (key: 'status' | 'card', value: string, n: number, fill: string | null) =>
    `<a class="chip${f[key] === value ? ' on' : ''}" href="${escapeHtml(queryOf(f, { [key]: f[key] === value ? undefined : value, p: undefined }))}"${fill ? ` style="background:#${fill}"` : ''}>${value} ${n}</a>`;
  const counts =
    `<div class="counts" id="counts"><b>共${kept.length}项</b>` +
    STATUSES.filter((s) => byStatus.get(s))
      .map((s) => chip('status', s, byStatus.get(s)!, STATUS_FILL[s]))
      .join('') +
    '</div><div class="counts">' +
    [...CARDS, '无' as const]
      .filter((c) => byCard.get(c))
      .map((c) => chip('card', c, byCard.get(c)!, c === '无' ? null : CARD_FILL[c]))
      .join('') +
    '</div>';
  const pager =
    page === null
      ? `<nav class="pager"><a href="${escapeHtml(queryOf(f, { p: undefined }))}">分页显示</a></nav>`
      : `<nav class="pager">第${page}/${pages}页${page > 1 ? ` <a href="${escapeHtml(queryOf(f, { p: String(page - 1) }))}">上一页</a>` : ''}${page < pages ? ` <a href="${escapeHtml(queryOf(f, { p: String(page + 1) }))}">下一页</a>` : ''} <a href="${escapeHtml(queryOf(f, { p: 'all' }))}">全部显示（打印用）</a></nav>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>督办看板 · 挂图作战</title><style>${BOARD_CSS}</style></head><body>
<h1>督办看板 · 挂图作战</h1><p class="meta">状态截至 ${data.date}（${data.stamp} 计算）。颜色与表格一致。</p>
${filterForm(data, f)}${counts}${pager}
<input type="checkbox" id="all-months"><label for="all-months" class="all-months">显示全年各月（手机上默认只显示上月和本月）</label>
<div class="wrap"><table class="map" id="map">${board.header}<tbody>${shown.map((i) => board.rows[i]).join('')}</tbody></table></div>
${shown.length ? '' : '<p id="empty">没有符合条件的事项。</p>'}${page !== null && pages > 1 ? pager : ''}
${board.bulletin}
<script>document.querySelectorAll('form.filters select').forEach(function(s){s.addEventListener('change',function(){s.form.submit()})})</script>
</body></html>`;
}

function filterForm(data: BoardData, f: BoardFilters): string {
  const select = (name: string, label: string, values: readonly string[], current: string | undefined) =>
    `<label>${label}<select name="${name}"><option value="">全部</option>${values
      .map((v) => `<option${v === current ? ' selected' : ''}>${escapeHtml(v)}</option>`)
      .join('')}</select></label>`;
  return (
    '<form class="filters" method="get">' +
    select('leader', '分管领导', data.leaders, f.leader) +
    select('unit', '牵头单位', data.units, f.unit) +
    select('status', '状态', STATUSES, f.status) +
    select('card', '预警', [...CARDS, '无'], f.card) +
    `<label>搜索<input type="search" name="q" value="${escapeHtml(f.q ?? '')}" placeholder="编号、任务、单位"></label>` +
    '<button type="submit">筛选</button></form>'
  );
}

/** Render the parts that do not depend on the filters. */
export function renderBoard(data: BoardData, bulletin: string): RenderedBoard {
  const focus = new Set([data.month - 1, data.month].filter((m) => m >= 1));
  return { data, rows: data.tasks.map((t) => boardRow(t, focus)), header: boardHeader(focus), bulletin };
}
