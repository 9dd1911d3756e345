import type { Day } from '../calendar/day';
import type { CompletionEntry, TaskFacts, TaskRecord } from './types';

/**
 * What the ledgers said about a task at the end of `day`: feedback, notices, 签收, decided extensions, 调整记录 rows
 * and a closed completion card dated later are left out, so a past month's 通报 is not coloured by what happened
 * after it; a 调整记录 row counts from the day it was asked (it carries no approval date); a sub-item not done is
 * late only once its 完成时限 had passed by then. Month cells of the 挂图作战表 and a sub-item's 时序进度 carry no
 * date and are read as they stand.
 *
 * @example
 * evaluateTask(task, factsAsOf(facts, toDay('2026-09-30')), { ...ctx, today: toDay('2026-09-30') });
 */
export function factsAsOf(facts: TaskFacts, day: Day): TaskFacts {
  return {
    feedback: facts.feedback.filter((f) => f.day <= day),
    extensions: facts.extensions.filter((e) => e.status === '待审批' || (e.decided ?? 0) <= day),
    completion: completionAsOf(facts.completion, day),
    transferredOut: facts.transferredOut,
    // 调整时限 moves 完成时限 like an approved extension: without it the month would judge the old deadline.
    adjustments: (facts.adjustments ?? []).filter((a) => (a.day ?? 0) <= day),
    notices: facts.notices.filter((n) => n.day <= day),
    // A sub-item is late from the day after its 完成时限: one due 12 November did not make October 滞后.
    lateSubItems: facts.openSubItems
      ? facts.openSubItems.filter((s) => day > s.deadline).map((s) => s.id)
      : facts.lateSubItems,
    ...(facts.openSubItems ? { openSubItems: facts.openSubItems } : {}),
    acknowledgements: (facts.acknowledgements ?? []).filter((a) => a.day <= day),
  };
}

/** Who a card approved later waited for at `day`: someone after its last signature by then. */
const LATER_SIGNER = '后续签批人';

/**
 * The 办结审批 card at the end of `day`: none before the unit applied; a card approved later was still moving
 * through its chain (so an item applied for before 完成时限 reads 待办结审批 that month, SPEC §4.1, not 逾期).
 *
 * @example
 * // applied 10月28日, signed off 11月2日
 * completionAsOf(card, toDay('2026-10-31')); // { approved: false, pendingSigner: '后续签批人', … }
 */
export function completionAsOf(completion: CompletionEntry | null, day: Day): CompletionEntry | null {
  if (completion === null || (completion.submitted ?? 0) > day) return null;
  if (!completion.approved || (completion.closed ?? 0) <= day) return completion;
  return {
    ...completion,
    approved: false,
    closed: null,
    level: null,
    pendingSigner: completion.pendingSigner ?? LATER_SIGNER,
    pendingSince: null,
  };
}

/**
 * The task as its row stood at the end of `day`, for a past month's 通报: the 红牌标记 cell carries no date, so a
 * manual 红牌 counts from the day the scan first showed it (`facts.redFlagSince`), or — never scanned since it was
 * set — from `today`, the day the 通报 is asked on. Without this the 逐月预警走势 showed it in every month since
 * January and a quarter or year took 10 points for it in each.
 *
 * @example
 * taskAsOf(task, { ...facts, redFlagSince: toDay('2026-09-14') }, toDay('2026-08-31'), today).redFlag; // false
 */
export function taskAsOf(task: TaskRecord, facts: TaskFacts, day: Day, today: Day): TaskRecord {
  if (!task.redFlag || (facts.redFlagSince ?? today) <= day) return task;
  return { ...task, redFlag: false };
}
