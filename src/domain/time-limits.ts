import { applyDuration, parseDuration, type Duration } from '../calendar';
import { cnDate, dayOf, newYearsDay, type Day } from '../calendar/day';
import { classifyCompletion } from './completion-text';
import { applyDeadlineChanges } from './deadline-changes';
import { monthDeadlines } from './month-deadlines';
import { clip } from './text';
import { documentRule, feedbackRule, isDocument } from './source-limits';
import { workYear, type RuleContext, type TaskFacts, type TaskRecord } from './types';

export interface Checkpoint {
  day: Day;
  label: string;
  /** A month milestone's text; its label is only formatted when it becomes 当前节点. */
  planned?: string;
}

export interface TimeLimits {
  /** Effective deadline; null for 长期 items. */
  deadline: Day | null;
  /** The deadline before an approved extension, when there is one. */
  originalDeadline: Day | null;
  deadlineBasis: string;
  /** When the first (ledger) report is due; null on the battle map (monthly reports instead). */
  feedbackDue: Day | null;
  feedbackBasis: string;
  ongoing: boolean;
  checkpoints: Checkpoint[];
  /** 延期申请 / 调整时限 rows refused (asked after the deadline, no 申请时间). */
  changeProblems: string[];
}

function addLimit(ctx: RuleContext, from: Day, text: string): Day {
  let duration = durations.get(text);
  if (!duration) {
    // Config values are validated against the same grammar; a failure here is a programming error.
    const parsed = parseDuration(text);
    if (!parsed) throw new Error(`invalid duration in config: ${text}`);
    durations.set(text, (duration = parsed));
  }
  return applyDuration(ctx.cal, from, duration, { rollToWorkday: ctx.config.rollToWorkday });
}

/** The few durations of 规则配置, parsed once. */
const durations = new Map<string, Duration>();

/** The start of the clock: 交办日期, or the first day of the scanned year. */
export function startOf(task: TaskRecord, ctx: RuleContext): Day {
  return task.assigned ?? newYearsDay(workYear(ctx));
}

/**
 * When the item itself plans to start (SPEC §4.1 未启动): the first day of its first month with an 应完成工作任务,
 * else 交办日期, else the first day of the year; the later of 交办日期 and the first planned month when both exist.
 */
export function plannedStartOf(task: TaskRecord, ctx: RuleContext): Day {
  const first = task.months.find((m) => m.planned.trim() !== '');
  if (!first) return startOf(task, ctx);
  const monthStart = dayOf(workYear(ctx), first.month, 1)!;
  return task.assigned !== null && task.assigned > monthStart ? task.assigned : monthStart;
}

/**
 * Deadlines and checkpoints of SPEC §4.3: the written 完成时限 (moved by an approved extension), or for a blank
 * ledger deadline the 13710 limit by 事项类型 (一般 7天, 复杂 1个月, 长期 monthly) or the document limit; the first
 * report by source.
 */
export function timeLimits(task: TaskRecord, facts: TaskFacts, ctx: RuleContext): TimeLimits {
  const start = startOf(task, ctx);

  let deadline: Day | null = null;
  let basis = '完成时限';
  let ongoing = task.deadline.kind === 'ongoing' || task.itemType === '长期';
  if (task.deadline.kind === 'date') deadline = task.deadline.day;
  // A blank ledger deadline counts from 交办日期: without a readable one (the row is 数据有误) there is none to count.
  else if (task.deadline.kind === 'blank' && task.kind === 'ledger' && !ongoing && task.assigned !== null) {
    if (isDocument(task)) {
      const rule = documentRule(task);
      deadline = addLimit(ctx, start, ctx.config[rule.field]);
      basis = `${rule.basis}时限 ${ctx.config[rule.field]}`;
    } else {
      const complex = task.itemType === '复杂';
      const limit = complex ? ctx.config.complexLimit : ctx.config.generalLimit;
      deadline = addLimit(ctx, start, limit);
      basis = `13710 ${complex ? '复杂' : '一般'}事项 ${limit}`;
    }
  }
  let originalDeadline: Day | null = null;
  let changeProblems: string[] = [];
  if (deadline !== null) {
    const changed = applyDeadlineChanges(deadline, facts);
    changeProblems = changed.problems;
    if (changed.original !== null) {
      originalDeadline = changed.original;
      deadline = changed.deadline;
      basis = changed.basis;
    }
  }
  if (deadline !== null) ongoing = false;

  const checkpoints: Checkpoint[] = [];
  let feedbackDue: Day | null = null;
  let feedbackBasis = '';
  if (task.kind === 'ledger' && task.assigned !== null) {
    const rule = feedbackRule(task);
    feedbackDue = addLimit(ctx, start, ctx.config[rule.field]);
    feedbackBasis = `${rule.basis} ${ctx.config[rule.field]}内反馈`;
    // A report due after the item itself (常务会议 半个月 on a 13710 一般 item of 7 days) is due with it.
    if (deadline !== null && feedbackDue > deadline) {
      feedbackDue = deadline;
      feedbackBasis = `${feedbackBasis}，不晚于完成时限`;
    }
    // Once the unit has reported, both nodes are behind it: 当前节点 moves on to 完成时限 (SPEC §2.1 "the next
    // checkpoint"); the deadline of the first report stays, for the rules that judge it.
    if (!facts.feedback.some((f) => f.day >= start)) {
      addCheckpoint(checkpoints, { label: '研究部署', day: addLimit(ctx, start, ctx.config.researchLimit) });
      addCheckpoint(checkpoints, { label: '反馈办理情况', day: feedbackDue });
    }
  } else {
    // Month milestones: only the last one passed and the next one matter for 当前节点.
    const deadlines = monthDeadlines(ctx, workYear(ctx));
    let passed = -1;
    for (let i = 0; i < task.months.length; i++) {
      const m = task.months[i]!;
      if (!m.planned) continue;
      const day = deadlines[m.month - 1]!;
      if (day < ctx.today) passed = i;
      // A month already reported done is behind the task even before its feedback deadline: the next one is ahead.
      else if (classifyCompletion(m.done) === 'done') continue;
      else {
        addCheckpoint(checkpoints, { label: monthLabel(m.month), planned: m.planned, day });
        break;
      }
    }
    const last = task.months[passed];
    if (last) {
      const day = deadlines[last.month - 1]!;
      addCheckpoint(checkpoints, { label: monthLabel(last.month), planned: last.planned, day });
    }
  }
  if (deadline !== null) addCheckpoint(checkpoints, { label: '完成时限', day: deadline });
  return {
    deadline,
    originalDeadline,
    deadlineBasis: basis,
    feedbackDue,
    feedbackBasis,
    ongoing,
    checkpoints,
    changeProblems,
  };
}

function monthLabel(month: number): string {
  return MONTH_LABELS[month - 1] ?? `${month}月`;
}

const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/**
 * Keep `list` in day order, a checkpoint after those of the same day: what a stable sort of the pushes gave, without
 * sort's per-call work arrays (at most three checkpoints, every task, every scan).
 */
function addCheckpoint(list: Checkpoint[], checkpoint: Checkpoint): void {
  let i = list.length;
  list.push(checkpoint);
  for (; i > 0 && list[i - 1]!.day > checkpoint.day; i--) list[i] = list[i - 1]!;
  list[i] = checkpoint;
}

/** `当前节点`: the next checkpoint from today, with its date. */
export function currentNode(limits: TimeLimits, today: Day, ongoingNext: Day | null): string {
  const next = limits.checkpoints.find((c) => c.day >= today);
  if (next) return `${labelOf(next)}（${cnDate(next.day, today)}）`;
  if (limits.ongoing && ongoingNext !== null) return `每月反馈（${cnDate(ongoingNext, today)}前）`;
  const last = limits.checkpoints.at(-1);
  return last ? `${labelOf(last)}（${cnDate(last.day, today)}，已过）` : '';
}

function labelOf(c: Checkpoint): string {
  return c.planned === undefined ? c.label : `${c.label}：${clip(c.planned, 16)}`;
}
