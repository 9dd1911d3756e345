/**
 * One English name per domain term, used for code identifiers. The Chinese term is what users see.
 *
 * | code                | 中文            | meaning                                                        |
 * |---------------------|-----------------|----------------------------------------------------------------|
 * | battle map          | 挂图作战表      | one row per annual key task, planned/done pair per month        |
 * | ledger              | 督办台账 / 台账 | assigned items from meetings, instructions, documents           |
 * | sub-item            | 子项（任务清单）| a task's breakdown in the four lists                            |
 * | status              | 状态            | 已办结 / 已调出 / 待办结审批 / 逾期 / 临期 / 滞后 / 未启动 / 正常推进 / 数据有误 |
 * | card                | 预警（红黄蓝牌）| 红 / 黄 / 蓝 warning card                                       |
 * | feedback            | 反馈            | a unit's report of progress (完成情况 cell or 反馈记录 row)      |
 * | feedback deadline   | 反馈截止日      | by default the 5th working day of the next month                |
 * | due-soon reminder   | 临期提醒        | routine reminder before the deadline (daily digest)             |
 * | urging notice       | 催办单          | first formal notice: overdue or feedback missing                |
 * | supervision notice  | 督办单          | second formal notice: still unresolved after 催办单             |
 * | rectification order | 督办通知书      | formal order with a rectification deadline                      |
 * | reminder letter     | 提醒函          | 蓝牌 notice from 督查室 to the unit                              |
 * | interview proposal  | 约谈建议        | to leaders: talk with the unit head (黄/红牌 or end of ladder)   |
 * | doc number          | 文号            | 临政督催〔2026〕15号, one sequence per type and year             |
 * | notice register     | 文书登记        | the ledger of every formal notice                               |
 * | extension           | 延期申请        | request to move 完成时限, approved by the 分管领导               |
 * | acknowledgement     | 签收            | the unit confirms a notice and names its 具体责任人 (ack)       |
 * | signed link         | 链接（签名链接）| a mailed URL scoped to one task, action and person (src/web/links) |
 * | completion card     | 办结审批卡      | signatures in order; the last one closes the item (销号)        |
 * | adjustment          | 调整记录        | 调入 / 调出 / 调整目标 / 调整时限                                |
 * | evaluation level    | 评价等级        | 落实好 / 落实较好 / 基本落实 / 落实不力 / 落实较差              |
 * | bulletin            | 通报            | the monthly report with ranking and 红黑榜                       |
 * | unit head / liaison | 单位负责人 / 联络员 | recipients of notices for a lead unit                       |
 * | leader in charge    | 分管领导        | deputy head responsible for an area                             |
 * | chief               | 主要领导        | the county head                                                 |
 */
export const STATUSES = [
  '已办结',
  '已调出',
  '待办结审批',
  '逾期',
  '临期',
  '滞后',
  '未启动',
  '正常推进',
  '数据有误',
] as const;
export type Status = (typeof STATUSES)[number];

export const CARDS = ['红牌', '黄牌', '蓝牌'] as const;
export type Card = (typeof CARDS)[number];

/** Formal notices carry a 文号; 临期提醒 is routine and goes into the daily digest. The kinds: notice-kinds.ts. */
export { NOTICE_TYPES, type NoticeType } from './notice-kinds';

export const EVALUATION_LEVELS = ['落实好', '落实较好', '基本落实', '落实不力', '落实较差'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];
