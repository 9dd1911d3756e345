import { cnFullDate, type Day } from '../calendar/day';
import { clip } from './text';
import type { TaskFacts, TaskRecord, TaskVerdict } from './types';

/**
 * A task 逾期 or 滞后 at the end of a 通报's period, named with its 牵头单位: seed 003 §六(三) asks a 通报 to
 * 指名道姓点问题, not to speak of 有些单位.
 */
export interface LateTask {
  id: string;
  /** 工作任务, clipped to LATE_TITLE_CHARS. */
  title: string;
  unit: string;
  status: '逾期' | '滞后';
  /** Working days past 完成时限 (逾期), 0 for 滞后: the list's order. */
  overdueWorkdays: number;
  /** How late, in a few words: `逾期24个工作日`, `8、9月节点滞后`, `子项ZD-2026-022-3滞后`. */
  how: string;
}

/** How many late tasks the .docx and the 通报 tab list; the rest are counted (`等N项`). */
export const LATE_TASKS_SHOWN = 15;

/** A 工作任务 as the list shows it: enough to recognise, one or two lines of a table cell. */
const LATE_TITLE_CHARS = 20;

/**
 * The task as the 通报 names it when its status is 逾期 or 滞后 and it has a 牵头单位 (as the ranking counts it),
 * else null.
 *
 * @example
 * lateTaskOf(task, facts, verdict)?.how; // '逾期24个工作日'
 */
export function lateTaskOf(task: TaskRecord, facts: TaskFacts, verdict: TaskVerdict): LateTask | null {
  const status = verdict.status;
  if ((status !== '逾期' && status !== '滞后') || !task.leadUnit) return null;
  const overdueWorkdays = status === '逾期' ? Math.max(0, -(verdict.remainingWorkdays ?? 0)) : 0;
  return {
    id: task.id,
    title: clip(task.title, LATE_TITLE_CHARS),
    unit: task.leadUnit,
    status,
    overdueWorkdays,
    how: status === '逾期' ? overdueText(overdueWorkdays) : laggingText(facts, verdict),
  };
}

function overdueText(days: number): string {
  return days > 0 ? `逾期${days}个工作日` : '逾期';
}

/** What is behind: the month nodes not done, the sub-items past their time, else the status reason without asides. */
function laggingText(facts: TaskFacts, verdict: TaskVerdict): string {
  if (verdict.missedMonths.length) return `${verdict.missedMonths.join('、')}月节点滞后`;
  if (facts.lateSubItems.length) return `子项${facts.lateSubItems.join('、')}滞后`;
  return clip(verdict.statusReason.replace(/（[^）]*）/g, ''), 24);
}

/** 逾期 before 滞后, the longest overdue first, then by 编号. */
export function byLateness(a: LateTask, b: LateTask): number {
  return (
    Number(a.status === '滞后') - Number(b.status === '滞后') ||
    b.overdueWorkdays - a.overdueWorkdays ||
    a.id.localeCompare(b.id)
  );
}

/**
 * The late tasks a 通报 lists and how many it leaves out, with the totals its sentence states.
 *
 * @example
 * lateTaskList(b.lateTasks); // { shown: [...15], rest: 13, overdue: 20, lagging: 8 }
 */
export function lateTaskList(tasks: readonly LateTask[]): {
  shown: LateTask[];
  rest: number;
  overdue: number;
  lagging: number;
} {
  const overdue = tasks.filter((t) => t.status === '逾期').length;
  return {
    shown: tasks.slice(0, LATE_TASKS_SHOWN),
    rest: Math.max(0, tasks.length - LATE_TASKS_SHOWN),
    overdue,
    lagging: tasks.length - overdue,
  };
}

/**
 * The sentence that opens the list in the .docx: how many, as of when, and where the rest are.
 *
 * @example
 * lateTasksSentence(b.lateTasks, b.asOf); // '截至2026年10月31日，逾期事项4项、滞后事项4项，列出如下：'
 */
export function lateTasksSentence(tasks: readonly LateTask[], asOf: Day): string {
  const { shown, rest } = lateTaskList(tasks);
  const when = `截至${cnFullDate(asOf)}`;
  if (!tasks.length) return `${when}，无逾期、滞后事项。`;
  const counts = lateTasksCounted(tasks);
  const which = rest ? `列出逾期时间最长的${shown.length}项，${restText(rest)}` : '列出如下';
  return `${when}，${counts}，${which}：`;
}

/**
 * `逾期事项4项、滞后事项4项`, only the kinds there are; '' when none.
 *
 * @example lateTasksCounted(b.lateTasks); // '逾期事项4项、滞后事项4项'
 */
export function lateTasksCounted(tasks: readonly LateTask[]): string {
  const { overdue, lagging } = lateTaskList(tasks);
  return [overdue ? `逾期事项${overdue}项` : '', lagging ? `滞后事项${lagging}项` : '']
    .filter(Boolean)
    .join('、');
}

/**
 * The list's last row in the 通报 tab when it is cut: `等22项，其余7项见挂图作战表、督办台账`.
 */
export function lateTasksTail(tasks: readonly LateTask[]): string | null {
  const { rest } = lateTaskList(tasks);
  return rest ? `等${tasks.length}项，${restText(rest)}` : null;
}

function restText(rest: number): string {
  return `其余${rest}项见挂图作战表、督办台账`;
}
