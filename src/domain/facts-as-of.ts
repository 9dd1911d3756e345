import type { Day } from '../calendar/day';
import type { TaskFacts } from './types';

/**
 * What the ledgers said about a task at the end of `day`: feedback, notices, decided extensions and a closed
 * completion card dated later are left out, so a past month's 通报 is not coloured by what happened after it.
 * (Month cells of the 挂图作战表 carry no date and are read as they stand.)
 *
 * @example
 * evaluateTask(task, factsAsOf(facts, toDay('2026-09-30')), { ...ctx, today: toDay('2026-09-30') });
 */
export function factsAsOf(facts: TaskFacts, day: Day): TaskFacts {
  const completion = facts.completion;
  return {
    feedback: facts.feedback.filter((f) => f.day <= day),
    extensions: facts.extensions.filter((e) => e.status === '待审批' || (e.decided ?? 0) <= day),
    completion:
      completion === null || (completion.submitted ?? 0) > day
        ? null
        : completion.approved && (completion.closed ?? 0) > day
          ? { ...completion, approved: false, closed: null, level: null }
          : completion,
    transferredOut: facts.transferredOut,
    notices: facts.notices.filter((n) => n.day <= day),
    lateSubItems: facts.lateSubItems,
  };
}
