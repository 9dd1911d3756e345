import { cnFullDate, type Day } from '../../calendar/day';
import { CARD_ORDER, INDENT, STATUS_ORDER, countsLine, provisionalNote, statusRank } from './common';
import { closingHtml, closingLines } from './digest-closing';
import { escapeHtml, htmlPage, multilineHtml } from './html';
import type { CardColour, RenderedMail } from './notice-doc';

/** One task in a 分管领导's area. */
export interface WeeklyItem {
  id: string;
  title: string;
  /** 牵头单位 */
  unit: string;
  status: string;
  card?: CardColour;
  node?: string;
  remainingWorkdays?: number;
}

/** What changed on one task since last week's digest, as a Chinese phrase: `状态：正常推进 → 临期`. */
export interface WeeklyChange {
  id: string;
  title: string;
  change: string;
}

/** Something waiting for the leader: an approval, a signature, a 约谈建议. `what` is a Chinese phrase. */
export interface WeeklyWaiting {
  id: string;
  title: string;
  what: string;
}

/** The Monday digest for a 分管领导, before the 周一例会 (seed 004 §二.1). */
export interface WeeklyDigestDoc {
  issuer: string;
  /** The leader addressed, e.g. `李四` */
  leader: string;
  /** The Monday of the week */
  weekOf: Day;
  items: WeeklyItem[];
  changes: WeeklyChange[];
  /** 待您处理: approvals, signatures and 约谈建议 waiting for this leader. */
  waiting?: WeeklyWaiting[];
  boardUrl?: string;
  provisionalYears?: number[];
}

/**
 * The weekly digest: counts by 状态 and 预警, the tasks grouped by 状态 (worst first), and what changed since last week.
 *
 * @example
 * renderWeeklyDigest({ issuer: '临猗县人民政府督查室', leader: '李四', weekOf: toDay('2026-03-23'), items, changes: [] }).subject;
 * // '【每周督办摘要】2026年3月23日 分管领域重点工作3项（逾期1项）'
 */
export function renderWeeklyDigest(d: WeeklyDigestDoc): RenderedMail {
  const date = cnFullDate(d.weekOf);
  const byStatus = countsLine(
    d.items.map((i) => i.status),
    STATUS_ORDER,
  );
  // The subject names what needs attention first (a phone shows its first ~30 characters): what waits for the leader,
  // then only the statuses before 正常推进 — the daily digest's rule.
  const urgent = countsLine(
    d.items.map((i) => i.status).filter((s) => statusRank(s) < statusRank('正常推进')),
    STATUS_ORDER,
  );
  const byCard = countsLine(
    d.items.flatMap((i) => (i.card ? [i.card] : [])),
    CARD_ORDER,
    '张',
  );
  const waitingHead = d.waiting?.length ? `待您处理${d.waiting.length}件，` : '';
  const subject = `【每周督办摘要】${date} ${waitingHead}分管领域重点工作${d.items.length}项${urgent ? `（${urgent}）` : ''}`;
  const groups = groupByStatus(d.items);
  const waiting = (d.waiting ?? []).map((w) => ({ id: w.id, title: w.title, change: w.what }));
  const closing = { issuer: d.issuer, date, boardUrl: d.boardUrl, note: provisionalNote(d.provisionalYears) };
  const summary = `截至${date}，您分管领域的重点工作共${d.items.length}项${byStatus ? `：${byStatus}` : ''}。`;
  const cards = `预警：${byCard || '无'}`;

  const text = [
    `${d.leader}同志：`,
    `${INDENT}${summary}`,
    `${INDENT}${cards}`,
    '',
    // What waits for the leader and what changed first: on a phone they came after a screenful of 正常推进 tasks.
    '【待您处理】',
    ...(waiting.length > 0 ? waiting.map((w) => `  ${w.id} ${w.title}：${w.change}`) : ['  无。']),
    '',
    '【本周变化】',
    ...(d.changes.length > 0
      ? d.changes.map((c) => `  ${c.id} ${c.title}：${c.change}`)
      : ['  与上周相比无变化。']),
    '',
    ...groups.flatMap(([status, items]) => [
      `【${status}】${items.length}项`,
      ...items.map((i) => `  ${i.id} ${i.title}（${[i.unit, ...itemFacts(i)].join('，')}）`),
      '',
    ]),
    ...closingLines(closing),
    '',
  ].join('\n');

  const body = [
    `<p style="margin:0">${escapeHtml(d.leader)}同志：</p>`,
    `<p style="margin:0;text-indent:2em">${escapeHtml(summary)}</p>`,
    `<p style="margin:0;text-indent:2em">${escapeHtml(cards)}</p>`,
    '<h3 style="font-size:16px;margin:20px 0 8px">待您处理</h3>',
    waiting.length > 0
      ? `<ul style="margin:0;padding-left:20px">${waiting.map(changeHtml).join('')}</ul>`
      : '<p style="margin:0">无。</p>',
    '<h3 style="font-size:16px;margin:20px 0 8px">本周变化</h3>',
    d.changes.length > 0
      ? `<ul style="margin:0;padding-left:20px">${d.changes.map(changeHtml).join('')}</ul>`
      : '<p style="margin:0">与上周相比无变化。</p>',
    ...groups.map(([status, items]) => groupHtml(status, items)),
    ...closingHtml(closing),
  ]
    .filter(Boolean)
    .join('\n');

  return { subject, text, html: htmlPage(subject, body), headers: { 'X-Duban-Kind': 'weekly' } };
}

function groupByStatus(items: readonly WeeklyItem[]): [string, WeeklyItem[]][] {
  const groups = new Map<string, WeeklyItem[]>();
  for (const item of items) groups.set(item.status, [...(groups.get(item.status) ?? []), item]);
  return [...groups.entries()]
    .sort(([a], [b]) => statusRank(a) - statusRank(b) || a.localeCompare(b))
    .map(([status, list]) => [status, list.sort((x, y) => x.id.localeCompare(y.id))]);
}

function itemFacts(item: WeeklyItem): string[] {
  const facts: string[] = [];
  if (item.card) facts.push(item.card);
  if (item.node) facts.push(`当前节点：${item.node}`);
  if (item.remainingWorkdays !== undefined) facts.push(`剩余工作日：${item.remainingWorkdays}`);
  return facts;
}

function groupHtml(status: string, items: readonly WeeklyItem[]): string {
  const rows = items.map((i) => {
    const cells = [
      escapeHtml(i.id),
      multilineHtml(i.title),
      escapeHtml(i.unit),
      escapeHtml(i.card ?? '无'),
      i.node ? multilineHtml(i.node) : '',
      i.remainingWorkdays !== undefined ? String(i.remainingWorkdays) : '',
    ];
    return `<tr>${cells.map((c) => `<td style="vertical-align:top;word-break:break-all">${c}</td>`).join('')}</tr>`;
  });
  return [
    `<h3 style="font-size:16px;margin:20px 0 8px">${escapeHtml(status)}（${items.length}项）</h3>`,
    '<table style="width:100%;border-collapse:collapse;font-size:14px" cellpadding="6" border="1">',
    '<tr style="background:#eee"><th>编号</th><th>工作任务</th><th>牵头单位</th><th>预警</th><th>当前节点</th><th>剩余工作日</th></tr>',
    ...rows,
    '</table>',
  ].join('\n');
}

function changeHtml(change: Pick<WeeklyChange, 'id' | 'title' | 'change'>): string {
  return `<li>${escapeHtml(change.id)} ${multilineHtml(change.title)}：${multilineHtml(change.change)}</li>`;
}
