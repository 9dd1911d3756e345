import { cnDate, type Day } from '../calendar/day';
import type { EvaluationLevel } from './glossary';
import { kindOf } from './notice-kinds';
import type { TaskFacts, TaskRecord, TaskVerdict } from './types';

/**
 * The level the system proposes on the completion card (SPEC §4.6, seed 002 §四(一)); the signer decides.
 * 落实好 is never proposed: it takes a leader's hand. 落实较好 needs "积极主动…提前完成": not when 催办 was needed;
 * 基本落实 needs "在规定时限内": a task finished late is not, chased or not.
 */
export function proposeLevel(
  task: TaskRecord,
  facts: TaskFacts,
  verdict: Pick<TaskVerdict, 'card' | 'deadline' | 'originalDeadline'>,
): { level: EvaluationLevel; reason: string } {
  if (task.redFlag) return { level: '落实较差', reason: '存在虚报进度等情况（红牌标记）' };
  const redBefore = facts.notices.some((n) => n.type === '约谈建议' && n.level === '红牌');
  if (verdict.card === '红牌' || redBefore) return { level: '落实较差', reason: '被亮红牌' };
  const finished = facts.completion?.submitted ?? null;
  const deadline = verdict.deadline;
  const urgings = facts.notices.filter((n) => kindOf(n.type).urging).length;
  const late = deadline !== null && !finishedOnTime(facts, deadline);
  if (late && urgings > 0) {
    return { level: '落实不力', reason: `经催办、督办后仍未在完成时限 ${cnDate(deadline)} 前完成` };
  }
  if (late) {
    const when = finished === null ? '尚未申请办结' : `才申请办结（${cnDate(finished)}）`;
    return { level: '落实不力', reason: `超过完成时限 ${cnDate(deadline)} ${when}` };
  }
  if (urgings > 0) {
    return { level: '基本落实', reason: `按期完成，但曾经催办${urgings}次才报告进展，不评落实较好` };
  }
  if (deadline !== null && finished !== null && finished < deadline && verdict.originalDeadline === null) {
    return { level: '落实较好', reason: `提前完成（${cnDate(finished)}，时限 ${cnDate(deadline)}）` };
  }
  if (verdict.originalDeadline !== null) return { level: '基本落实', reason: '经批准延期后按期完成' };
  return { level: '基本落实', reason: '在规定时限内完成' };
}

/**
 * Whether the unit finished on time, as the evaluation proposal above and 按期办结 in the 通报 (SPEC §4.7,
 * scoring.ts) both judge it: it applied to close (办结申请, the card's first signature) on or before 完成时限 (after an
 * approved extension). The signers' pace is not the unit's delay (seed 002 §四(一) "在规定时限内按要求基本完成承办事项"),
 * so a card signed off after the deadline still counts, and a task proposed 落实较好（提前完成） or 基本落实 is never
 * scored late. A task without 完成时限 (长期) is on time once closed.
 *
 * @example
 * // applied 10月28日, 完成时限 10月31日, last signature 11月2日
 * finishedOnTime(facts, toDay('2026-10-31')); // true
 */
export function finishedOnTime(facts: TaskFacts, deadline: Day | null): boolean {
  if (deadline === null) return true;
  const applied = facts.completion?.submitted ?? null;
  return applied !== null && applied <= deadline;
}
