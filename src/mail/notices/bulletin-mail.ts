import { cnFullDate, type Day } from '../../calendar/day';
import type { Bulletin } from '../../domain/bulletin';
import { lateTasksCounted } from '../../domain/late-tasks';
import { escapeHtml, htmlPage, imageHtml } from './html';
import type { InlineImage, RenderedMail } from './notice-doc';

export interface BulletinMailDoc {
  issuer: string;
  docNo: string;
  /** 《…通报》's title, as the .docx has it. */
  title: string;
  bulletin: Bulletin;
  issuedOn: Day;
  /** The chart images attached, in order (ranking, 分管领导, trend); none without a PNG renderer. */
  charts: InlineImage[];
}

/**
 * The mail that carries the monthly 通报 to the county leaders: the 红榜, 黑榜, 逾期、滞后 counts and threshold units in a few lines, the
 * charts inline, the full 《政务督查通报》 attached as .docx.
 *
 * @example renderBulletinMail(doc).subject // '【督查通报】2026年5月重点工作督查通报（临政督通报〔2026〕5号）'
 */
export function renderBulletinMail(d: BulletinMailDoc): RenderedMail {
  const b = d.bulletin;
  const subject = `【督查通报】${d.title}（${d.docNo}）`;
  const lines = [
    `${b.period.label}共${b.units.length}个牵头单位参加排名。`,
    `红榜：${b.redList.map((e) => `${e.unit}（${e.score}分）`).join('、') || '无'}`,
    `黑榜：${b.blackList.map((e) => `${e.unit}（${e.score}分）`).join('、') || '无'}`,
    `红牌事项：${b.redCards.length}项`,
    `逾期、滞后事项：${b.lateTasks.length ? `${lateTasksCounted(b.lateTasks)}，逐项见附件` : '无'}`,
    ...b.thresholds.map((t) => `${t.unit}本年逾期反馈${t.times}次，按规定${t.action}`),
  ];
  const text = [
    '各位县领导：',
    `　　《${d.title}》（${d.docNo}）已印发，全文见附件。要点如下：`,
    ...lines.map((l) => `　　${l}`),
    '',
    d.issuer,
    cnFullDate(d.issuedOn),
    '',
  ].join('\n');
  const charts = d.charts.map((image) => `<p>${imageHtml(image, '通报图表')}</p>`);
  const body = [
    '<p>各位县领导：</p>',
    `<p style="text-indent:2em">《${escapeHtml(d.title)}》（${escapeHtml(d.docNo)}）已印发，全文见附件。要点如下：</p>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    ...charts,
    `<p style="text-align:right">${escapeHtml(d.issuer)}<br>${escapeHtml(cnFullDate(d.issuedOn))}</p>`,
  ].join('\n');
  return { subject, text, html: htmlPage(subject, body), headers: { 'X-Duban-Kind': 'bulletin' } };
}
