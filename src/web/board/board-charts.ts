import type { Bulletin } from '../../domain/bulletin';
import { escapeHtml } from '../../mail/notices';
import { leaderChart, rankingChart, trendChart } from '../../report/chart-spec';
import { chartSvg } from '../../report/chart-svg';
import { CARD_FILL, STATUS_FILL } from '../../workbook/palette';
import { lateTasksSection } from './board-late';

/**
 * The last 通报's 红黑榜, its 逾期、滞后事项 (board-late.ts) and its charts (the same definitions as the .docx and the
 * mail, as inline SVG), once per scan.
 * No script and no CDN: the SVG is drawn on the server.
 */
export function bulletinSection(b: Bulletin | null): string {
  if (!b)
    return '<section class="bulletin"><h2>通报</h2><p>尚无月度通报（每月反馈截止后的第一个工作日由扫描生成）。</p></section>';
  const colours = { status: STATUS_FILL, card: CARD_FILL };
  const charts = [rankingChart(b), leaderChart(b, colours), trendChart(b, colours)]
    .map((spec) => `<figure class="chart">${chartSvg(spec)}</figure>`)
    .join('');
  const list = (title: string, entries: Bulletin['redList'], cls: string) =>
    `<table class="list ${cls}"><caption>${title}</caption><tr><th>名次</th><th>单位</th><th>得分</th><th>事由</th></tr>${entries
      .map(
        (e) =>
          `<tr><td>${e.rank}</td><td>${escapeHtml(e.unit)}</td><td>${e.score}</td><td>${escapeHtml(e.reason)}</td></tr>`,
      )
      .join('')}</table>`;
  return (
    `<section class="bulletin"><h2>${escapeHtml(b.period.label)}通报 · 红黑榜、逾期滞后事项</h2><div class="lists">` +
    list('红榜', b.redList, 'red') +
    list('黑榜', b.blackList, 'black') +
    `</div>${lateTasksSection(b)}<div class="charts">${charts}</div></section>`
  );
}
