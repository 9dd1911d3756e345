/**
 * The text of the `使用说明` tab: what each tab is for, what the colours mean, and what the system touches.
 * Kept apart from the layout code so a clerk-facing wording change is a one-file edit.
 */
import { SYSTEM_NOTE, TABS } from '../src/workbook/schema/tabs';

export interface GuideLine {
  text: string;
  style?: 'title' | 'heading';
  /** Tab the line describes (shown in the first column). */
  tab?: string;
}

const STATUS_LEGEND: Array<[string, string]> = [
  ['已办结', '灰绿：办结审批卡签批完毕，或办理状态“已完成”经督查室核实'],
  ['已调出', '灰色：调出申请经分管领导和主要领导同意，不参与排名'],
  ['逾期', '红色：已过完成时限仍未办结'],
  ['临期', '黄色：距完成时限不超过5个工作日'],
  ['滞后', '橙色：某月应完成工作任务过了反馈截止日（次月第5个工作日）仍无完成情况或为“未完成”，或子项逾期'],
  ['未启动', '浅黄：交办（或年初）后10个工作日仍无任何反馈'],
  ['正常推进', '绿色：其他情况'],
  ['数据有误', '紫色：完成时限等必要单元格无法识别，见系统提示'],
];

const CARD_LEGEND: Array<[string, string]> = [
  ['蓝牌', '一个月未完成，或填报进度落后时间进度20个百分点以上 → 督查室发提醒函'],
  ['黄牌', '应启动未启动，或连续两个月未完成，或临期且进度不足50% → 分管领导约谈单位负责人'],
  ['红牌', '逾期超过10个工作日，或两次督办单仍无结果，或人工红牌标记（虚报进度）→ 主要领导约谈'],
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
    ...STATUS_LEGEND.map(([tab, text]) => ({ tab, text })),
    { text: '红黄蓝牌', style: 'heading' },
    ...CARD_LEGEND.map(([tab, text]) => ({ tab, text })),
  ];
}
