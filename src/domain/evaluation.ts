import { cnDate } from '../calendar/day';
import type { EvaluationLevel } from './glossary';
import type { TaskFacts, TaskRecord, TaskVerdict } from './types';

/**
 * The level the system proposes on the completion card (SPEC §4.6, seed 002 §四(一)); the signer decides.
 * 落实好 is never proposed: it takes a leader's hand.
 */
export function proposeLevel(
  task: TaskRecord,
  facts: TaskFacts,
  verdict: Pick<TaskVerdict, 'card' | 'deadline' | 'originalDeadline'>,
): { level: EvaluationLevel; reason: string } {
  if (task.redFlag) return { level: '落实较差', reason: '存在虚报进度等情况（红牌标记）' };
  if (verdict.card === '红牌') return { level: '落实较差', reason: '被亮红牌' };
  const finished = facts.completion?.submitted ?? null;
  const deadline = verdict.deadline;
  const urged = facts.notices.some((n) => n.type === '催办单' || n.type === '督办单');
  if (deadline !== null && (finished === null || finished > deadline) && urged) {
    return { level: '落实不力', reason: `经催办、督办后仍未在完成时限 ${cnDate(deadline)} 前完成` };
  }
  if (deadline !== null && finished !== null && finished < deadline && verdict.originalDeadline === null) {
    return { level: '落实较好', reason: `提前完成（${cnDate(finished)}，时限 ${cnDate(deadline)}）` };
  }
  if (verdict.originalDeadline !== null) return { level: '基本落实', reason: '经批准延期后按期完成' };
  return { level: '基本落实', reason: '在规定时限内完成' };
}
