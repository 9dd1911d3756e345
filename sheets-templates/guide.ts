/**
 * The text of the `使用说明` tab: what each tab is for, what the colours mean, and what the system touches.
 * Kept apart from the layout code so a clerk-facing wording change is a one-file edit.
 */
import { CARD_FILL, MONTH_FILL, STATUS_FILL } from '../src/workbook/palette';
import { SYSTEM_NOTE, TABS } from '../src/workbook/schema/tabs';

export interface GuideLine {
  text: string;
  style?: 'title' | 'heading';
  /** Tab the line describes (shown in the first column). */
  tab?: string;
  /** The first column painted in this fill: a legend swatch (RGB hex). */
  fill?: string;
}

const STATUS_LEGEND: Array<[keyof typeof STATUS_FILL, string]> = [
  ['已办结', '灰绿：办结审批卡签批完毕，或办理状态“已完成”经督查室核实'],
  ['已调出', '灰色：调出申请经分管领导和主要领导同意，不参与排名'],
  ['待办结审批', '蓝灰：完成时限前已申请办结，办结审批卡正在签批（不亮牌、不催办，签批人超时会收到提醒）'],
  ['逾期', '红色：已过完成时限仍未办结'],
  ['临期', '黄色：距完成时限不超过5个工作日（时限很短的事项按比例缩短，不会从交办当日起即临期）'],
  ['滞后', '橙色：某月应完成工作任务过了反馈截止日（次月第5个工作日）仍无完成情况或为“未完成”，或子项逾期'],
  ['未启动', '米色：事项自身计划启动（首个有应完成工作任务的月份，或交办日期）后10个工作日仍无任何反馈'],
  ['正常推进', '绿色：其他情况'],
  ['数据有误', '淡紫：完成时限等必要单元格无法识别，见系统提示'],
];

const CARD_LEGEND: Array<[keyof typeof CARD_FILL, string]> = [
  ['蓝牌', '蓝色：一个月未完成，或填报进度落后时序进度20个百分点以上 → 督查室发提醒函'],
  [
    '黄牌',
    '琥珀色：应启动未启动，或连续两个月未完成，或临期且已填报进度不足50%（未填报不算）→ 分管领导约谈单位负责人',
  ],
  [
    '红牌',
    '红色：逾期超过10个工作日，或同一问题两次督办单仍无结果，或人工红牌标记（虚报进度）→ 主要领导约谈',
  ],
];

const MONTH_LEGEND: Array<[string, keyof typeof MONTH_FILL, string]> = [
  ['已完成', 'done', '浅绿：完成情况为已完成、完成、√、100% 等'],
  ['部分完成', 'partial', '浅黄：推进中、部分完成或写了百分比'],
  ['未完成', 'missing', '粉红：过了反馈截止日（次月第5个工作日）仍未填写，或填写“未完成”'],
  ['（无底色）', 'done', '本月尚未到反馈截止日，或本月无应完成工作任务；工作人员自己涂的底色系统不会清除'],
];

/**
 * The guide's lines, top to bottom.
 *
 * @example
 * guideLines()[0].text; // '督查督办工作簿使用说明'
 */
export function guideLines(): GuideLine[] {
  return [
    { text: '督查督办工作簿使用说明', style: 'title' },
    {
      text: '各单位照常在表格中填写；系统每个工作日早上8:30扫描全部事项，计算状态和红黄蓝牌，给单元格着色，并发送催办通知。',
    },
    { text: '系统按工作表名称和表头文字识别列：可以插入、调整、隐藏列，但请不要修改表头文字和编号。' },
    {
      text: `灰色表头的列为系统列（${SYSTEM_NOTE}）。Excel 文件无法设置“仅警告”保护，请勿手工修改；Google 表格版本对这些列设置了仅警告保护。`,
    },
    { text: '工作表', style: 'heading' },
    ...TABS.map((t) => ({ tab: t.name, text: t.note })),
    { text: '状态颜色（规则配置中可调整阈值）', style: 'heading' },
    ...STATUS_LEGEND.map(([tab, text]) => ({ tab, text, fill: STATUS_FILL[tab] })),
    { text: '预警列：红黄蓝牌', style: 'heading' },
    ...CARD_LEGEND.map(([tab, text]) => ({ tab, text, fill: CARD_FILL[tab] })),
    { text: '各月“完成情况”单元格', style: 'heading' },
    ...MONTH_LEGEND.map(([tab, fill, text]) => ({
      tab,
      text,
      ...(tab.startsWith('（') ? {} : { fill: MONTH_FILL[fill] }),
    })),
    {
      text: '色盲友好：以上颜色在红绿色弱（红色盲、绿色盲）下也能相互区分，单元格内同时写有文字，不单靠颜色辨认。',
    },
    { text: '系统提示与打印', style: 'heading' },
    {
      tab: '系统提示',
      text: '自动换行，系统写入时按内容调高行高；内容很长时请拉宽该列或在编辑栏查看全文。',
    },
    {
      tab: '打印',
      text: '挂图作战表按 A3 横向打印：前几页为编号、工作任务、完成时限与状态、预警、系统提示等系统列，之后各页为各月情况；每页重复表头和序号至工作任务列，不隐藏任何数据。',
    },
  ];
}
