import { Document, Packer, type Paragraph, type Table } from 'docx';
import { cnFullDate, type Day } from '../calendar/day';
import type { Bulletin } from '../domain/bulletin';
import { cardFigures, deductionFigures, rankingFigures } from '../domain/scoring';
import { CARDS, STATUSES } from '../domain/glossary';
import { lateTaskList, lateTasksSentence } from '../domain/late-tasks';
import { bulletinTitle, bulletinTitleLines, opening, scoringMethod } from './bulletin-text';
import {
  addressee,
  body,
  docNumberWithSeparator,
  heading as sectionHeading,
  masthead,
  signature,
  table,
  title,
} from './docx-parts';
import { withFontFallbacks } from './font-fallbacks';
import { PAGE, SIZE } from './official-style';
import { pageNumberFooters } from './page-number';
import { recordBlock } from './record-block';

/** Who issues the 通报 and to whom: the 版头, 主送, 落款 and 版记 of the document. */
export interface BulletinLetterhead {
  /** 发文机关 (规则配置 机关名称), e.g. 临猗县人民政府办公室. */
  agencyName: string;
  /** 文号, e.g. 临政督通报〔2026〕10号. */
  docNo: string;
  /** 成文日期 and 印发 date. */
  issuedOn: Day;
  /** 主送机关 (规则配置 通报主送). */
  mainRecipients: string;
  /** 抄送机关 (规则配置 通报抄送). */
  copyTo: string;
}

/**
 * The 《政务督查通报》 of a bulletin as a .docx in the GB/T 9704-2012 layout: 版头 (发文机关标志 in red, 文号, red
 * separator), 标题, 主送, 正文 with the ranking, 红黑榜, threshold and 分管领导 tables, 落款 and 成文日期, and the 版记
 * (抄送 and 印发) at the foot of the last page.
 *
 * @example
 * const bytes = await bulletinDocx(bulletin, { agencyName: '临猗县人民政府办公室', docNo: '临政督通报〔2026〕10号', issuedOn: toDay('2026-11-03') });
 * await writeFile('通报.docx', bytes);
 */
export async function bulletinDocx(b: Bulletin, head: BulletinLetterhead): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    masthead(head.agencyName),
    masthead('政务督查通报'),
    docNumberWithSeparator(head.docNo),
    title(bulletinTitleLines(b)),
    addressee(head.mainRecipients),
    body(`${opening(b)}现将有关情况通报如下。`),
    ...sections(b),
    ...signature(head.agencyName, cnFullDate(head.issuedOn)),
    ...recordBlock(head.copyTo, head.agencyName, cnFullDate(head.issuedOn)),
  ];
  const doc = new Document({
    creator: head.agencyName,
    title: bulletinTitle(b),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: pageNumberFooters(),
        children,
      },
    ],
  });
  return withFontFallbacks(new Uint8Array(await Packer.toBuffer(doc)));
}

/** 一、二、… for the sections in order: the yearly 通报 has one more, so the numbers are counted, not written. */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function sections(b: Bulletin): Array<Paragraph | Table> {
  const summed = b.months.length > 1 ? '（各项为各月之和）' : '';
  let n = 0;
  const heading = (text: string) => sectionHeading(`${NUMERALS[n++]}、${text}`);
  const out: Array<Paragraph | Table> = [
    heading('各牵头单位得分排名'),
    // Not kept with the table: it cannot start on page 1 anyway, and the heading would leave that page half empty.
    body(`${scoringMethod(b.scoring)}，各牵头单位${b.period.label}得分及排名如下${summed}：`),
    rankingTable(b),
    heading('红榜'),
  ];
  if (b.redList.length)
    out.push(
      table(
        ['排名', '单位', '得分', '事由'],
        b.redList.map((e) => [e.rank, e.unit, e.score, e.reason]),
        [4, 10, 4, 22],
      ),
    );
  else out.push(body('本期无得分高于基础分且无预警的单位。'));
  out.push(heading('黑榜'));
  if (b.blackList.length)
    out.push(
      table(
        ['排名', '单位', '得分', '事由'],
        b.blackList.map((e) => [e.rank, e.unit, e.score, e.reason]),
        [4, 10, 4, 22],
      ),
    );
  else out.push(body('本期无上黑榜单位。'));
  out.push(heading('逾期、滞后事项'), ...lateTasks(b));
  out.push(heading('逾期报送情况'));
  out.push(
    body(
      b.thresholds.length
        ? `年内逾期报送达到3次的单位予以全县通报，达到5次的移交县纪委监委处理：${b.thresholds.map((t) => `${t.unit}（${t.times}次，${t.action}）`).join('；')}。`
        : '本期无单位年内逾期报送达到3次。',
    ),
  );
  out.push(heading('分管领导分管事项情况'));
  out.push(leaderTable(b));
  if (b.bottomThree) {
    out.push(heading('年度排名后三位'));
    const two = b.bottomTwoYears;
    out.push(
      body(
        `${b.bottomThree.join('、')}年度排名后三位，由县政府主要领导约谈，并在县政府全会上作反思发言。` +
          (two === null || two === undefined
            ? '（未提供上年度排名，连续两年排名后三位的情况未作判断。）'
            : two.length
              ? `${two.join('、')}连续两年排名后三位，建议县委进行组织调整。`
              : '无连续两年排名后三位的单位。'),
      ),
    );
  }
  out.push(heading('工作要求'));
  out.push(
    body(
      '各牵头单位要对照本通报逐项分析原因，对逾期、滞后事项于5个工作日内书面报送整改措施；亮红牌、黄牌的单位主要负责人要亲自研究部署，确保按期完成。',
    ),
  );
  return out;
}

/**
 * The tasks 逾期 or 滞后 at the period's end, each with its 牵头单位 and how late (seed 003 §六(三) 指名道姓点问题),
 * the longest overdue first and at most LATE_TASKS_SHOWN: the sentence above the table says how many there are.
 */
function lateTasks(b: Bulletin): Array<Paragraph | Table> {
  const sentence = body(lateTasksSentence(b.lateTasks, b.asOf), { keepNext: true });
  const { shown } = lateTaskList(b.lateTasks);
  if (!shown.length) return [sentence];
  return [
    sentence,
    table(
      ['编号', '工作任务', '牵头单位', '逾期、滞后情况'],
      shown.map((t) => [t.id, t.title, t.unit, t.how]),
      // Twips: `DB-2026-002` and `逾期24个工作日` on one line, six-character units too; the 工作任务 takes the rest.
      [1950, PAGE.text - 1950 - 1680 - 2150, 1680, 2150],
    ),
  ];
}

/**
 * Per unit, the figures of the 通报 tab's ranking in its order, down to 缺报, 迟报 and 督办单, so a unit can check its
 * score against the stated weights from the document alone (the tab's 年内逾期报送次数 is in section 四 instead).
 * Thirteen columns fit the 156 mm 版心 at 五号 with 1 mm cell margins: every two-character heading on one line (四字
 * headings on two), 督办单 on one, and the 牵头单位 column takes the rest — seven characters. Widths in twips.
 */
function rankingTable(b: Bulletin): Table {
  const two = 580;
  const columns: Array<[string, number]> = [
    ['排名', two],
    ['牵头单位', 0],
    ['事项', two],
    ['按期办结', two],
    ['滞后', two],
    ['逾期', two],
    ['按时反馈', 740],
    ['督办文书', two],
    ['红/黄/蓝牌', 680],
    ['缺报', two],
    ['迟报', two],
    ['督办单', 790],
    ['得分', two],
  ];
  const rest = PAGE.text - columns.reduce((n, [, w]) => n + w, 0);
  return table(
    columns.map(([h]) => h),
    b.units.map((u) => [...rankingFigures(u), cardFigures(u), ...deductionFigures(u), u.score]),
    columns.map(([, w]) => w || rest),
    { size: SIZE.wideTable, cellMargin: 57 },
  );
}

/**
 * Statuses and cards down, 分管领导 across: a county has a handful of leaders, and 11 columns would not fit A4. The
 * 合计 row sums the statuses, so it comes right under them; the cards (张, not 项) follow it and are not in it.
 */
function leaderTable(b: Bulletin): Table {
  const leaders = b.leaders;
  const total = (pick: (l: Bulletin['leaders'][number]) => number) =>
    leaders.reduce((n, l) => n + pick(l), 0);
  const rows = [
    ...STATUSES.map((s) => [s, ...leaders.map((l) => l.byStatus[s]), total((l) => l.byStatus[s])]),
    ['合计', ...leaders.map((l) => l.total), total((l) => l.total)],
    ...CARDS.map((c) => [`亮${c}`, ...leaders.map((l) => l.byCard[c]), total((l) => l.byCard[c])]),
  ];
  return table(['状态 \\ 分管领导', ...leaders.map((l) => l.leader), '合计'], rows, [
    8,
    ...leaders.map(() => 5),
    5,
  ]);
}
