import { cnFullDate } from '../../calendar/day';
import { INDENT, dateOrText, joinNames, provisionalNote, shortTitle } from './common';
import { escapeHtml, htmlPage, linkHtml, multilineHtml } from './html';
import { KIND_FORMS } from './kinds';
import { interviewerOf, intervieweesOf, openingOf } from './openings';
import type { NoticeDoc, RecipientLinks, RenderedMail } from './notice-doc';

/** One labelled line of the notice body (`事项编号：ZD-2026-001`); `html` is already escaped when given. */
interface Field {
  label: string;
  text: string;
  html?: string;
}

/**
 * The official notice as a mail: subject, plain text and HTML with the same parts in the same order —
 * 发文机关, title, 文号, 主送, the opening sentence, 事项 (编号, 来源, 工作任务, 完成时限), 事由 (a 交办单's 时间节点), 整改期限 / 约谈,
 * 时限要求, the answer (the reader's own links), the provisional-calendar note, 签发, 落款 and date, 抄送. Pure: no I/O, no clock.
 *
 * @example
 * const mail = renderNotice(doc);
 * mail.subject; // '【催办单】临政督〔2026〕15号 关于“完成土地征收”的催办'
 */
export function renderNotice(doc: NoticeDoc): RenderedMail {
  const form = KIND_FORMS[doc.kind];
  const card = cardOf(doc);
  const title = card ? `${form.title}（${card}）` : form.title;
  const fields = itemFields(doc);
  const requirement = requirementOf(doc, form.action);
  const note = provisionalNote(doc.provisionalYears);
  const office = doc.office?.trim() || doc.issuer;
  const date = cnFullDate(doc.issuedOn);
  const cc = joinNames(doc.cc);
  const answer = answerLine(doc, office);
  const reasonsLabel = form.reasonsLabel ?? '事由';

  const text = [
    doc.issuer,
    title,
    ...(doc.docNo ? [doc.docNo] : []),
    '',
    `${doc.to}：`,
    `${INDENT}${openingOf(doc)}`,
    '',
    ...fields.map((f) => `${f.label}：${f.text}`),
    `${reasonsLabel}：`,
    ...reasonLines(doc.reasons).map((r) => `${INDENT}${r}`),
    ...(requirement ? [`时限要求：${requirement}`] : []),
    ...answerTextLines(doc, answer),
    ...(note ? ['', note] : []),
    '',
    ...(doc.signer ? [`签发：${doc.signer}`] : []),
    office,
    date,
    ...(cc ? ['', `抄送：${cc}`] : []),
    '',
  ].join('\n');

  const rows = [...fields, { label: reasonsLabel, text: '', html: reasonsHtml(doc.reasons) }];
  if (requirement) rows.push({ label: '时限要求', text: requirement });
  rows.push({ label: answer.label, text: answer.text, html: answer.html });
  const body = [
    `<div style="text-align:center;color:#c00;font-size:26px;font-weight:bold;letter-spacing:2px">${escapeHtml(doc.issuer)}</div>`,
    `<div style="text-align:center;font-size:22px;font-weight:bold;margin-top:8px">${escapeHtml(title)}</div>`,
    doc.docNo ? `<div style="text-align:center;margin-top:4px">${escapeHtml(doc.docNo)}</div>` : '',
    '<hr style="border:0;border-top:2px solid #c00;margin:12px 0 20px">',
    `<p style="margin:0">${escapeHtml(doc.to)}：</p>`,
    `<p style="margin:0;text-indent:2em">${escapeHtml(openingOf(doc))}</p>`,
    '<table style="width:100%;border-collapse:collapse;margin:16px 0" cellpadding="6">',
    ...rows.map(fieldRowHtml),
    '</table>',
    note ? `<p style="color:#a15c00">${escapeHtml(note)}</p>` : '',
    doc.signer ? `<p style="text-align:right;margin:24px 0 0">签发：${escapeHtml(doc.signer)}</p>` : '',
    `<p style="text-align:right;margin:${doc.signer ? 0 : 24}px 0 0">${escapeHtml(office)}<br>${escapeHtml(date)}</p>`,
    cc
      ? `<p style="border-top:1px solid #999;margin-top:24px;padding-top:8px">抄送：${escapeHtml(cc)}</p>`
      : '',
  ]
    .filter(Boolean)
    .join('\n');

  const headers: Record<string, string> = { 'X-Duban-Kind': form.slug, 'X-Duban-Item-Id': doc.item.id };
  if (doc.docNo) headers['X-Duban-Doc-No'] = doc.docNo;
  const subject = subjectOf(doc, form.subjectTail);
  return { subject, text, html: htmlPage(subject, body), headers };
}

/** The card a notice goes with: its kind's own (提醒函 = 蓝牌), or the one a 约谈建议 was raised for. */
function cardOf(doc: NoticeDoc): string | undefined {
  return KIND_FORMS[doc.kind].card ?? (doc.kind === '约谈建议' ? doc.card : undefined);
}

function subjectOf(doc: NoticeDoc, tail: string): string {
  const card = cardOf(doc);
  const tag = card ? `${doc.kind}·${card}` : doc.kind;
  const no = doc.docNo ? `${doc.docNo} ` : '';
  return `【${tag}】${no}关于“${shortTitle(doc.item.title)}”的${tail}`;
}

function itemFields(doc: NoticeDoc): Field[] {
  const fields: Field[] = [];
  if (doc.kind === '约谈建议') fields.push({ label: '责任单位', text: doc.unit });
  fields.push({ label: '事项编号', text: doc.item.id });
  if (doc.item.source?.trim()) fields.push({ label: '事项来源', text: doc.item.source.trim() });
  fields.push({ label: '工作任务', text: doc.item.title, html: multilineHtml(doc.item.title) });
  const deadline = dateOrText(doc.item.deadline, doc.item.deadlineText);
  if (deadline) fields.push({ label: '完成时限', text: deadline });
  if (doc.kind === '督办通知书')
    fields.push({ label: '整改期限', text: `${cnFullDate(doc.rectifyBy)}前整改到位` });
  if (doc.kind === '约谈建议') {
    fields.push({ label: '约谈人', text: interviewerOf(doc) });
    fields.push({ label: '约谈对象', text: joinNames(intervieweesOf(doc)) });
  }
  return fields;
}

function requirementOf(doc: NoticeDoc, action: string): string | null {
  if (doc.requirement?.trim()) return doc.requirement.trim();
  const by = doc.replyBy ?? (doc.kind === '督办通知书' ? doc.rectifyBy : undefined);
  return by === undefined ? null : `请于${cnFullDate(by)}前${action}。`;
}

/** The answer in plain text: the reader's own links on lines of their own (a URL ends its line), or one line. */
function answerTextLines(doc: NoticeDoc, answer: Field): string[] {
  const own = doc.ownLinks;
  if (!own?.links.length) return [`${answer.label}：${answer.text}`];
  const validity = validityOf(own);
  const ack = ackLine(doc);
  return [
    `${answer.label}：${answer.text}`,
    ...(ack ? [`${INDENT}${ack}`] : []),
    `${INDENT}${own.name}：`,
    ...own.links.map((l) => `${INDENT}${INDENT}${l.label} ${l.url}`),
    ...(validity ? [`${INDENT}${validity}`] : []),
  ];
}

/** `请于2026年11月23日前点击“签收”。`: the 签收 day registered with the notice, when it has one. */
function ackLine(doc: NoticeDoc): string | null {
  return doc.ackBy === undefined ? null : `收到后请于${cnFullDate(doc.ackBy)}前点击“签收”。`;
}

/** `以上链接有效期至2026年4月3日。`: the last day the links open. */
function validityOf(own: RecipientLinks): string | null {
  return own.validUntil === undefined ? null : `以上链接有效期至${cnFullDate(own.validUntil)}。`;
}

const OWN_LINKS = '以下链接为您本人专用，请勿转发（无需表格账号，打开即可办理）';

function answerLine(doc: NoticeDoc, office: string): Field {
  const own = doc.ownLinks;
  if (own?.links.length) {
    const validity = validityOf(own);
    const ack = ackLine(doc);
    const html = [
      ...(ack ? [escapeHtml(ack)] : []),
      `${escapeHtml(own.name)}：${own.links.map((l) => linkHtml(l.url, l.label)).join('　')}`,
      ...(validity ? [escapeHtml(validity)] : []),
    ].join('<br>');
    return { label: '办理链接', text: OWN_LINKS, html: `${OWN_LINKS}<br>${html}` };
  }
  if (doc.linksSentToRecipients) {
    return { label: '办理链接', text: '签收、反馈等办理链接已分别发给各收件人本人，本抄送件不含链接。' };
  }
  if (doc.answerUrl) {
    return {
      // The URL ends the line: mail clients that auto-link plain text would swallow a trailing bracket.
      label: '反馈链接',
      text: `无需表格账号，打开即可填报 ${doc.answerUrl}`,
      html: `无需表格账号，打开即可填报 ${linkHtml(doc.answerUrl)}`,
    };
  }
  return { label: '反馈方式', text: `请将办理情况书面报送${office}。` };
}

/** Reasons numbered `1. …` when there are several, as in a 督查 notice; one reason stands alone. */
function reasonLines(reasons: readonly string[]): string[] {
  const list = reasons
    .map((r) => r.trim())
    .filter(Boolean)
    .map(asSentence);
  if (list.length === 0) return ['（无）'];
  return list.length === 1 ? list : list.map((r, i) => `${i + 1}. ${r}`);
}

/** The rules write some reasons as phrases (`3月21日已下发催办单，至今未解决`); a notice prints sentences. */
function asSentence(reason: string): string {
  const tight = withoutDateSpaces(reason);
  return /[。！？；.!?;]$/.test(tight) ? tight : `${tight}。`;
}

/**
 * The workbook's 系统提示 set dates apart (`已超过完成时限 9月10日，…`) for a clerk scanning a cell; printed Chinese
 * runs on: the spaces before a date and after 月/日 go.
 */
function withoutDateSpaces(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff])[ \t]+(?=\d)|(?<=\d[月日])[ \t]+(?=[\u4e00-\u9fff])/g, '');
}

function reasonsHtml(reasons: readonly string[]): string {
  return reasonLines(reasons).map(multilineHtml).join('<br>');
}

function fieldRowHtml(field: Field): string {
  const label = `<td style="width:6em;vertical-align:top;white-space:nowrap;font-weight:bold">${escapeHtml(field.label)}：</td>`;
  return `<tr>${label}<td style="vertical-align:top;word-break:break-all">${field.html ?? escapeHtml(field.text)}</td></tr>`;
}
