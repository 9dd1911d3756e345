/**
 * The `YYYY年M月通报` tab (SPEC §2.5, §4.7): written whole by the system each month (and for a quarter or year on
 * demand). Its sections and their headers, in order; src/workbook/bulletin-tab.ts lays them out.
 */

/** The per-unit ranking table. Quarter and year figures are the sums of the months (seed 002 §四(二)). */
export const UNIT_HEADERS = [
  '排名',
  '牵头单位',
  '事项数',
  '按期办结',
  '滞后',
  '逾期',
  '按时反馈率',
  '收到督办文书',
  '红牌',
  '黄牌',
  '蓝牌',
  '缺报',
  '迟报',
  '督办单',
  '年内逾期报送次数',
  '得分',
] as const;

export const BOARD_HEADERS = ['排名', '单位', '得分', '事由'] as const;
export const RED_CARD_HEADERS = ['单位', '编号', '事项', '红牌原因'] as const;
/** The 逾期 and 滞后 tasks named with their 牵头单位 (seed 003 §六(三)), as the .docx lists them. */
export const LATE_TASK_HEADERS = ['编号', '工作任务', '牵头单位', '逾期、滞后情况'] as const;
export const THRESHOLD_HEADERS = ['单位', '年内逾期报送次数', '处理'] as const;
export const BOTTOM_HEADERS = ['单位', '排名', '得分', '说明'] as const;
/** 分管领导, 合计, then the statuses of SPEC §4.1 and the three cards. */
export const LEADER_LEAD_HEADERS = ['分管领导', '合计'] as const;

export const SECTION_TITLES = {
  ranking: '一、各牵头单位得分排名',
  redList: '二、红榜',
  blackList: '三、黑榜',
  redCards: '四、红牌事项',
  lateTasks: '五、逾期、滞后事项',
  thresholds: '六、逾期报送达到通报、移交标准的单位',
  leaders: '七、分管领导分管事项状态',
  bottom: '八、年度排名后三位',
} as const;

/**
 * The tab's name for a period label: 2026年10月 → `2026年10月通报`.
 *
 * @example bulletinTabName('2026年第三季度'); // '2026年第三季度通报'
 */
export function bulletinTabName(periodLabel: string): string {
  return `${periodLabel}通报`;
}

/** Column widths (characters) of the tab: the ranking table is the widest section. */
export const BULLETIN_WIDTHS = [8, 16, 8, 8, 7, 7, 10, 10, 7, 7, 7, 7, 7, 8, 12, 8];
