import { cnDate, partsOf, type Day } from '../calendar/day';
import { readOpinion } from './opinions';
import type { RuleContext, TaskFacts } from './types';

export type { AdjustmentEntry } from './types';

export interface DeadlineChanges {
  deadline: Day;
  /** The deadline before the first change applied, or null when none applied. */
  original: Day | null;
  basis: string;
  /** Changes refused, in Chinese, for 系统提示 and the summary. */
  problems: string[];
}

/**
 * The deadline after approved 延期申请 and 调整时限 rows, in the order they were asked. Seed 002 §三(五):
 * "牵头单位须在规定时限内提出延期申请" — a change asked after the deadline then in force (or with no 申请时间 to
 * show it was not) is refused and reported, never applied.
 */
export function applyDeadlineChanges(base: Day, facts: TaskFacts): DeadlineChanges {
  const changes: Array<{ label: string; asked: Day | null; from: Day | null; to: Day; order: number }> = [];
  for (const e of facts.extensions) {
    if (e.status !== '同意' || e.requested === null) continue;
    const label = `延期申请${e.requestNo ? ` ${e.requestNo}` : ''}`;
    changes.push({
      label,
      asked: e.asked ?? null,
      from: e.original,
      to: e.requested,
      order: e.asked ?? e.decided ?? 0,
    });
  }
  for (const a of facts.adjustments ?? []) {
    if (a.kind !== '调整时限' || !a.approved || a.newDeadline === null) continue;
    if (readOpinion(a.leaderOpinion) !== 'consent') continue;
    changes.push({ label: '调整时限', asked: a.day, from: null, to: a.newDeadline, order: a.day ?? 0 });
  }
  changes.sort((x, y) => x.order - y.order);
  let deadline = base;
  let original: Day | null = null;
  let basis = '完成时限';
  const problems: string[] = [];
  for (const c of changes) {
    // The clerk may already have typed the new date into 完成时限 (the 延期申请 tab asks for it): the date before
    // the change is then the request's own 原完成时限; a change with no such record changed nothing.
    const typedIn = deadline === c.to;
    if (typedIn && (c.from === null || c.from >= c.to)) continue;
    const before = typedIn ? c.from! : deadline;
    if (c.asked === null) {
      problems.push(`${c.label}未填写申请时间，无法确认在完成时限前提出，未予采纳：请补填申请时间`);
      continue;
    }
    if (c.asked > before) {
      problems.push(
        `${c.label}于${cnDate(c.asked)}提出，已超过完成时限 ${cnDate(before)}，未予采纳（延期须在规定时限内提出）`,
      );
      continue;
    }
    original ??= before;
    deadline = c.to;
    basis = `${c.label === '调整时限' ? '调整' : '延期'}后完成时限 ${cnDate(c.to)}（原 ${cnDate(original)}）`;
  }
  return { deadline, original, basis, problems };
}

/**
 * The yearly target after an approved 调整目标: accepted in 规则配置 目标调整月份 (default 7月, seed 000 §二(四)),
 * outside it only when the 主要领导 consents. Returns the new target (or null) and the refusals.
 */
export function adjustedTarget(
  facts: TaskFacts,
  ctx: RuleContext,
): { target: string | null; problems: string[] } {
  let target: string | null = null;
  const problems: string[] = [];
  for (const a of facts.adjustments ?? []) {
    if (a.kind !== '调整目标' || !a.approved || !a.newTarget) continue;
    if (readOpinion(a.leaderOpinion) !== 'consent') continue;
    const inWindow = a.day !== null && partsOf(a.day).month === ctx.config.adjustMonth;
    if (!inWindow && readOpinion(a.chiefOpinion) !== 'consent') {
      problems.push(
        `调整目标${a.day === null ? '未填写日期' : `于${cnDate(a.day)}提出`}，不在每年${ctx.config.adjustMonth}月的目标调整期内，且无主要领导同意，未予采纳`,
      );
      continue;
    }
    target = a.newTarget;
  }
  return { target, problems };
}
