import { partsOf, type Day } from '../calendar/day';
import type { WorkCalendar } from '../calendar/types';
import type { RulesConfig } from './config';
import type { Card, EvaluationLevel, NoticeType, Status } from './glossary';

/** A data problem in one cell of a row; 数据有误 when `blocking`. */
export interface RowProblem {
  cell: string; // header key, e.g. 完成时限
  code: string; // bad-date | missing-value | unknown-source | unknown-unit | formula | too-long | ...
  message: string; // Chinese, says what is wrong and what is accepted
  blocking: boolean;
}

export type Deadline = { kind: 'date'; day: Day } | { kind: 'ongoing' } | { kind: 'blank' } | { kind: 'bad' };

export interface MonthCell {
  month: number; // 1–12
  planned: string;
  done: string;
}

export type TaskKind = 'battle' | 'ledger' | 'subitem';

/** One row of 挂图作战表 / 督办台账 / 任务清单, typed. Built by src/workbook from a snapshot. */
export interface TaskRecord {
  kind: TaskKind;
  tab: string;
  row: number;
  id: string;
  parentId: string | null; // sub-items: the task's 编号
  source: string; // 事项来源
  sourceRef: string; // 来源文号/会议
  leader: string; // 分管领导
  leadUnit: string;
  coUnits: string[];
  head: string; // 主要负责人
  owner: string; // 具体责任人
  title: string;
  target: string;
  deadline: Deadline;
  assigned: Day | null; // 交办日期
  itemType: '一般' | '复杂' | '长期' | null;
  handling: string; // 办理状态
  stars: number | null;
  redFlag: boolean; // 红牌标记 (false progress reports)
  months: MonthCell[]; // 12 entries on the battle map; [] elsewhere
  problems: RowProblem[];
}

export interface FeedbackEntry {
  day: Day;
  month: number | null; // the month reported on (battle map), null for ledger items
  progress: number | null; // 进度(%)
  text: string;
}

export interface ExtensionEntry {
  requestNo: string;
  original: Day | null;
  requested: Day | null;
  status: '待审批' | '同意' | '不同意';
  decided: Day | null;
  /** 申请时间: an extension asked after the deadline is refused (seed 002 §三(五)). */
  asked?: Day | null;
  /** 审批人 and 审批意见 as typed or written by the approval page. */
  approver?: string;
  opinion?: string;
}

/** A 调整记录 row of kind 调整时限 / 调整目标 (seed 000 §二(四) 动态管理). */
export interface AdjustmentEntry {
  kind: '调整时限' | '调整目标';
  day: Day | null; // 日期: when it was asked
  approved: boolean; // 状态 = 同意
  leaderOpinion: string; // 分管领导意见
  chiefOpinion: string; // 主要领导意见
  newDeadline: Day | null; // 调整后完成时限
  newTarget: string; // 调整后目标
}

export interface CompletionEntry {
  approved: boolean; // every signer of the chain signed (or 状态 = 已办结)
  submitted: Day | null; // the unit's application (first signature)
  closed: Day | null; // the last signature
  level: EvaluationLevel | null; // 评价等级 decided by the signer
  verified: boolean; // 督查室核实 signed
  /** The first refusal on the card (不同意, 退回, 不予办结, 暂缓 …) or 状态 = 退回: the item returns to 正在办理. */
  refused?: { signer: string; opinion: string } | null;
  /** The signer the card waits for (null when approved or refused). */
  pendingSigner?: string | null;
  /** Date of the last signature before the waiting signer (the application itself when none). */
  pendingSince?: Day | null;
  /** 状态 审批中: the card is moving through its chain (a 办结申请 by link), so only its signatures close the item. */
  underway?: boolean;
  /** Key item: the card needs the 主要领导 (seed 002 §三(六)). */
  keyItem?: boolean;
  /** Opinions that say neither consent nor refusal (reported, never read as consent). */
  problems?: string[];
}

export interface IssuedNotice {
  type: NoticeType;
  docNo: string;
  day: Day;
  period: string;
  level: string;
  sent: boolean;
}

/** Everything the ledgers say about one task. */
export interface TaskFacts {
  feedback: FeedbackEntry[];
  extensions: ExtensionEntry[];
  completion: CompletionEntry | null;
  transferredOut: boolean;
  /** 调整记录 rows 调整时限 / 调整目标. */
  adjustments?: AdjustmentEntry[];
  notices: IssuedNotice[];
  /** 编号 of this task's sub-items that are late (滞后 or worse). */
  lateSubItems: string[];
  /**
   * Its sub-items (任务清单) not done, with their 完成时限, so a past month's 通报 counts only those late by then
   * (facts-as-of.ts); `lateSubItems` are those past their 完成时限 today.
   */
  openSubItems?: Array<{ id: string; deadline: Day }>;
  /** 签收 of its notices by the unit (signed links), oldest first. */
  acknowledgements?: AckEntry[];
  /**
   * A task with 红牌标记: the day the scan first showed its manual 红牌 (the 审计日志's 预警变更 row), from which a
   * past month counts it; absent when no scan has, and then it counts from the day asked only (facts-as-of.ts).
   */
  redFlagSince?: Day;
}

/** The unit signed for a notice (签收) and named its 具体责任人. */
export interface AckEntry {
  day: Day;
  /** The notice's 文号 ('' when it named none). */
  ref: string;
  owner: string;
}

export const noFacts = (): TaskFacts => ({
  feedback: [],
  extensions: [],
  completion: null,
  transferredOut: false,
  notices: [],
  lateSubItems: [],
  acknowledgements: [],
});

export interface RuleContext {
  today: Day;
  cal: WorkCalendar;
  config: RulesConfig;
  /** The workbook's year: its 1月…12月 are this year's (a 2026 battle map is still scanned in January 2027). */
  year?: number;
}

/** The year the months of the workbook belong to. */
export function workYear(ctx: RuleContext): number {
  return ctx.year ?? partsOf(ctx.today).year;
}

export type MonthFill = 'done' | 'partial' | 'missing' | null;

/** A notice the ladder or a card says is due today. */
export interface NoticeDue {
  type: NoticeType;
  level: string; // ladder step or card colour
  period: string; // what episode it belongs to: 逾期@2026-03-31, 月报@2026-03, 蓝牌@2026-04 …
  reasons: string[]; // 事由, Chinese
  replyBy: Day; // 时限要求
  rectifyBy: Day | null; // 督办通知书 only
}

export interface TaskVerdict {
  status: Status;
  statusReason: string;
  card: Card | null;
  cardReason: string;
  deadline: Day | null; // effective deadline (after an approved extension; computed for blank ledger deadlines)
  originalDeadline: Day | null; // before an approved extension
  remainingWorkdays: number | null;
  currentNode: string;
  lastFeedback: Day | null;
  progress: number | null;
  monthFills: MonthFill[]; // index 0 = 1月; battle map only
  missedMonths: number[];
  lateMonths: number[]; // months reported after their feedback deadline
  urgings: number; // 催办单 + 督办单 issued
  due: NoticeDue[];
  hints: string[]; // 系统提示 lines
  /** The 评价等级 the system proposes for a task with a completion card (SPEC §4.6), else null. */
  proposedLevel?: EvaluationLevel | null;
  /** Ledger rows refused (a late 延期申请, a 调整 out of its window): also reported in the scan summary. */
  ledgerProblems?: Array<{ tab: '延期申请' | '调整记录'; message: string }>;
  /** The years a date of this task relied on (today's, the deadline's) with no published holiday schedule, ascending. */
  provisionalYears: number[];
}
