import { cnDate, type Day } from '../calendar/day';
import type { Status } from './glossary';
import { joinReasons } from './reasons';
import type { RuleContext, TaskFacts, TaskRecord } from './types';

/** What the status decision needs, computed once by evaluateTask. */
export interface StatusInput {
  task: TaskRecord;
  facts: TaskFacts;
  ctx: RuleContext;
  deadline: Day | null;
  remaining: number | null; // working days to the deadline (negative when overdue)
  dueSoonWindow?: number; // working days before the deadline that are 临期 (default 规则配置 临期工作日)
  lateReasons: string[]; // missed months / missed ledger reports / late sub-items
  notStarted: string | null; // reason when nothing was reported 10 working days after the start
}

/**
 * 状态 per SPEC §4.1: 数据有误 first whenever a cell the rules need is unreadable, then the first row of the table
 * that matches.
 */
export function decideStatus(input: StatusInput): { status: Status; reason: string } {
  const { task, facts, ctx, deadline, remaining } = input;
  if (task.problems.some((p) => p.blocking)) {
    const blocking = task.problems.filter((p) => p.blocking);
    return { status: '数据有误', reason: blocking.map((p) => p.message).join('；') };
  }
  const closed = closedStatus(task, facts);
  if (closed) return closed;
  const pending = pendingApproval(input);
  if (pending) return { status: '待办结审批', reason: pending };
  if (deadline !== null && remaining !== null && ctx.today > deadline) {
    return { status: '逾期', reason: `已超过完成时限 ${cnDate(deadline, ctx.today)}，逾期${-remaining}个工作日` };
  }
  if (
    deadline !== null &&
    remaining !== null &&
    remaining <= (input.dueSoonWindow ?? ctx.config.dueSoonWorkdays)
  ) {
    return { status: '临期', reason: `距完成时限 ${cnDate(deadline, ctx.today)} 还有${remaining}个工作日` };
  }
  if (input.lateReasons.length > 0) return { status: '滞后', reason: joinReasons(input.lateReasons) };
  if (input.notStarted) return { status: '未启动', reason: input.notStarted };
  return { status: '正常推进', reason: '' };
}

/**
 * 已办结 or 已调出 (SPEC §4.1): the item is closed (销号) or moved out and no longer followed, whatever the day; null
 * while it is still open. `duban init --previous` carries exactly the items this returns null for.
 *
 * @example
 * closedStatus(task, { ...noFacts(), transferredOut: true }); // { status: '已调出', reason: '调出申请经…' }
 */
export function closedStatus(
  task: TaskRecord,
  facts: TaskFacts,
): { status: Extract<Status, '已办结' | '已调出'>; reason: string } | null {
  if (facts.completion?.approved) {
    return {
      status: '已办结',
      reason: `办结审批已完成${facts.completion.closed ? `（${cnDate(facts.completion.closed)}）` : ''}`,
    };
  }
  const card = facts.completion;
  // 已完成 + 督查室核实 closes a minor item only: a key item needs the 主要领导 (seed 002 §三(六)), a refusal
  // anywhere on the card keeps it open ("对不予办结事项…继续跟进督办"), and a card still moving through its chain
  // (审批中) waits for the signers after the 督查室 — 一般事项 up to 规则配置 一般事项审批止于.
  if (task.handling === '已完成' && card?.verified && !card.refused && !card.keyItem && !card.underway) {
    return { status: '已办结', reason: '办理状态为已完成，督查室已核实' };
  }
  if (facts.transferredOut) return { status: '已调出', reason: '调出申请经分管领导、主要领导同意，不再排名' };
  return null;
}

/**
 * 待办结审批 (SPEC §4.1): the unit applied to close before 完成时限 and the card is still moving through its chain —
 * seed 002 §四(一) "在规定时限内按要求基本完成承办事项" is the unit's part; the signers' pace is not its delay.
 */
function pendingApproval({ facts, deadline }: StatusInput): string | null {
  const card = facts.completion;
  if (!card || card.approved || card.refused || !card.pendingSigner || card.submitted === null) return null;
  if (deadline !== null && card.submitted > deadline) return null;
  return `已于${cnDate(card.submitted)}申请办结${deadline === null ? '' : `（完成时限 ${cnDate(deadline)} 前）`}，办结审批卡待“${card.pendingSigner}”签批`;
}
