import { cnFullDate, type Day } from '../../calendar/day';
import { INDENT, countsLine, provisionalNote, statusRank, STATUS_ORDER } from './common';
import { closingHtml, closingLines } from './digest-closing';
import { escapeHtml, htmlPage, linkHtml, multilineHtml } from './html';
import type { CardColour, RenderedMail } from './notice-doc';

/** One routine item in a recipient's daily digest. */
export interface DigestItem {
  /** 编号 */
  id: string;
  /** 工作任务 */
  title: string;
  /** 状态, e.g. `临期` */
  status: string;
  /** 预警 card, when one is shown */
  card?: CardColour;
  /** 当前节点, e.g. `3月：完成征地补偿（3月31日）` */
  node?: string;
  /** What is due from the recipient, e.g. `3月份完成情况，请于3月24日前反馈` */
  due?: string;
  /** 剩余工作日 (negative when overdue) */
  remainingWorkdays?: number;
  /** The unit answers this item with its 反馈 link (a routine 临期提醒); a leader's or signer's item has none. */
  answerable?: boolean;
  /** Signed link to answer for this item */
  answerUrl?: string;
  /** A draft waiting for this signer: the step and the notice's 去重键 (signing.ts). */
  draft?: { step: '同意' | '签发'; key: string };
  /** Signed link to the page where the signer reads and consents / signs the drafts waiting for them */
  signUrl?: string;
  /** A request waiting for this signer's decision (a 审批提醒): the completion card's step, or the 延期申请's 申请号. */
  approval?: { of: 'completion' | 'extension'; ref: string };
  /** Signed link to the page where the signer decides that request */
  approveUrl?: string;
  /** A numbered item delivered by this mail (a leader's 约谈建议), e.g. `《约谈建议》临政督谈〔2026〕3号` */
  notice?: string;
}

/** The daily digest: one mail per recipient per day listing all their routine items (SPEC §4.4). */
export interface DigestDoc {
  /** 落款, e.g. `临猗县人民政府督查室` */
  issuer: string;
  /** Who it is for, as addressed: `王五` (rendered `王五同志：`) */
  recipient: string;
  /** The recipient's unit, when useful in the subject */
  unit?: string;
  date: Day;
  items: DigestItem[];
  /** Link to the board page */
  boardUrl?: string;
  /** The 督查室 recipient's own signed link to the desk (desk-link.ts) */
  deskUrl?: string;
  provisionalYears?: number[];
}

/**
 * The daily digest mail: items worst status first, each with 编号, 工作任务, 状态, 预警, 当前节点, 剩余工作日 and what is due.
 *
 * @example
 * renderDigest({ issuer: '临猗县人民政府督查室', recipient: '王五', date: toDay('2026-03-21'), items }).subject;
 * // '【督办提醒】2026年3月21日 您有2项重点工作需关注（逾期1项、临期1项）'
 */
/** How long the desk link in a 督查室 digest stays valid (LINK_LIFETIME_DAYS.desk). */
const DESK_DAYS = 7;

export function renderDigest(d: DigestDoc): RenderedMail {
  const items = [...d.items].sort(
    (a, b) => statusRank(a.status) - statusRank(b.status) || a.id.localeCompare(b.id),
  );
  const date = cnFullDate(d.date);
  // A task with two items (a 约谈建议 and a draft to sign) is one task: counted once, at its worst status.
  const byTask = new Map<string, string>();
  for (const i of items) if (!byTask.has(i.id)) byTask.set(i.id, i.status);
  const urgent = countsLine(
    [...byTask.values()].filter((s) => statusRank(s) < STATUS_ORDER.indexOf('正常推进')),
    STATUS_ORDER,
  );
  const who = d.unit ? `${d.unit} ` : '';
  const subject = `【督办提醒】${date} ${who}您有${byTask.size}项重点工作需关注${urgent ? `（${urgent}）` : ''}`;
  // Only the tasks needing attention, not all the recipient is responsible for (a 县长's digest lists a few of 86);
  // a task with two entries (a 约谈建议 and a draft to sign) is one task but two numbered entries below.
  const entries = items.length > byTask.size ? `以下${items.length}条（同一项工作有几件文书的分条列出）` : '以下事项';
  const summary = `截至${date}，您有${byTask.size}项重点工作需关注${urgent ? `，其中${urgent}` : ''}。请关注${entries}：`;
  const closing = { issuer: d.issuer, date, boardUrl: d.boardUrl, note: provisionalNote(d.provisionalYears) };
  const footer =
    '本邮件由督办系统每日汇总发送，每人每天一封；正式编号的催办单、督办单等另行发送；发给您的约谈建议等编号文书列在本邮件中。';

  const text = [
    `${d.recipient}同志：`,
    `${INDENT}${summary}`,
    '',
    ...items.flatMap((item, i) => [...itemLines(item, i + 1), '']),
    ...(d.deskUrl ? [`督查室工作台（本人专用，${DESK_DAYS}天内有效）：${d.deskUrl}`, ''] : []),
    ...closingLines(closing),
    '',
    footer,
    '',
  ].join('\n');

  const body = [
    `<p style="margin:0">${escapeHtml(d.recipient)}同志：</p>`,
    `<p style="margin:0;text-indent:2em">${escapeHtml(summary)}</p>`,
    '<table style="width:100%;border-collapse:collapse;margin:16px 0;font-size:14px" cellpadding="6" border="1">',
    '<tr style="background:#eee"><th>编号</th><th>工作任务</th><th>状态</th><th>预警</th><th>当前节点</th><th>待办事项</th></tr>',
    ...items.map(itemRowHtml),
    '</table>',
    d.deskUrl ? `<p>${linkHtml(d.deskUrl, '打开督查室工作台')}（本人专用，${DESK_DAYS}天内有效）</p>` : '',
    ...closingHtml(closing),
    `<p style="color:#777;font-size:12px">${escapeHtml(footer)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');

  return { subject, text, html: htmlPage(subject, body), headers: { 'X-Duban-Kind': 'digest' } };
}

function itemLines(item: DigestItem, n: number): string[] {
  const facts = [`状态：${item.status}`, `预警：${item.card ?? '无'}`];
  if (item.remainingWorkdays !== undefined) facts.push(`剩余工作日：${item.remainingWorkdays}`);
  return [
    `${n}. ${item.id} ${item.title}`,
    `   ${facts.join('　')}`,
    ...(item.notice ? [`   文书：${item.notice}`] : []),
    ...(item.node ? [`   当前节点：${item.node}`] : []),
    ...(item.due ? [`   待办：${item.due}`] : []),
    ...(item.answerUrl ? [`   反馈链接：${item.answerUrl}`] : []),
    ...(item.signUrl ? [`   ${item.draft?.step === '签发' ? '签发' : '审核同意'}链接：${item.signUrl}`] : []),
    ...(item.approveUrl ? [`   审批链接：${item.approveUrl}`] : []),
  ];
}

function itemRowHtml(item: DigestItem): string {
  const due = [
    item.notice ? escapeHtml(item.notice) : '',
    item.due ? multilineHtml(item.due) : '',
    item.remainingWorkdays !== undefined ? `剩余工作日：${item.remainingWorkdays}` : '',
    item.answerUrl ? linkHtml(item.answerUrl, '填报反馈') : '',
    item.signUrl ? linkHtml(item.signUrl, item.draft?.step === '签发' ? '阅后签发' : '阅后同意') : '',
    item.approveUrl ? linkHtml(item.approveUrl, '打开审批') : '',
  ].filter(Boolean);
  const cells = [
    escapeHtml(item.id),
    multilineHtml(item.title),
    escapeHtml(item.status),
    escapeHtml(item.card ?? '无'),
    item.node ? multilineHtml(item.node) : '',
    due.join('<br>'),
  ];
  return `<tr>${cells.map((c) => `<td style="vertical-align:top;word-break:break-all">${c}</td>`).join('')}</tr>`;
}
