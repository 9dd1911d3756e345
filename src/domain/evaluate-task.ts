import { cnDate, isoOf, partsOf, yearOf, type Day } from '../calendar/day';
import { provisionalNote } from '../calendar/provisional-note';
import { decideCard } from './cards';
import { proposeLevel } from './evaluation';
import { adjustedTarget } from './deadline-changes';
import {
  approvalReminder,
  assignmentNotice,
  assignmentWindowEnd,
  cardNotice,
  dueSoonReminder,
  extensionReminder,
  ladderStepDue,
  oneInterviewPerEpisode,
  missedReportTrigger,
  overdueTrigger,
  unresolvedSupervisions,
  type Trigger,
} from './escalation';
import type { Card } from './glossary';
import { monthFeedbackDeadline } from './month-deadlines';
import { ledgerMonthOwed, ledgerReportMonth } from './ledger-months';
import { ledgerMonthReminder, monthReportPeriod, monthReportReminder } from './month-reminder';
import { kindOf } from './notice-kinds';
import { hasAnyFeedback, latestProgress, longestRunOf, readMonths } from './month-progress';
import { scanDayOf } from './scan-day';
import { decideStatus } from './status';
import { currentNode, plannedStartOf, startOf, timeLimits, type TimeLimits } from './time-limits';
import {
  workYear,
  type NoticeDue,
  type RuleContext,
  type TaskFacts,
  type TaskRecord,
  type TaskVerdict,
} from './types';

/**
 * Every rule of SPEC §4 for one task, as of `ctx.today`: status, card, month fills, the notices due, and the
 * Chinese explanations that become 系统提示. Pure: same inputs, same verdict.
 *
 * @example
 * const v = evaluateTask(task, facts, { today: toDay('2026-04-09'), cal: defaultCalendar(), config: defaultConfig() });
 * v.status; // '滞后'
 * v.hints[0]; // "3月应完成“完成土地征收”未反馈，已超过反馈截止日 4月8日"
 */
export function evaluateTask(
  task: TaskRecord,
  facts: TaskFacts,
  ctx: RuleContext,
  priorCard: Card | null = null,
): TaskVerdict {
  const { cal, today } = ctx;
  const year = workYear(ctx);
  const limits = timeLimits(task, facts, ctx);
  const deadline = limits.deadline;
  const remaining = deadline === null ? null : cal.workdaysBetween(today, deadline);
  const months = task.kind === 'battle' ? readMonths(task, facts, ctx, year) : null;
  const missedReport = task.kind === 'battle' ? null : ledgerMissedReport(task, facts, limits, ctx);
  const lateReasons = months ? months.missedReasons : [];
  if (missedReport) lateReasons.push(missedReport.reason);
  for (const id of facts.lateSubItems) lateReasons.push(`子项 ${id} 滞后`);
  const start = startOf(task, ctx);
  // 未启动 counts from the start the item itself plans (SPEC §4.1): a plan starting in June is not late in April.
  const plannedStart = plannedStartOf(task, ctx);
  const startWindow = cal.addWorkdays(plannedStart, ctx.config.notStartedWorkdays);
  // An assigned item has until its own first report is due (全体会议 1个月, seed 004 §五.1) before silence means 未启动.
  const waitsForReport = limits.feedbackDue !== null && limits.feedbackDue > startWindow;
  const notStartedAfter = waitsForReport ? limits.feedbackDue! : startWindow;
  const notStarted =
    !hasAnyFeedback(task, facts) && today > notStartedAfter
      ? waitsForReport
        ? `${startLabel(task, plannedStart)}后，首次反馈期限（${cnDate(notStartedAfter)}，${limits.feedbackBasis}）已过仍无任何反馈`
        : `${startLabel(task, plannedStart)}后${ctx.config.notStartedWorkdays}个工作日（${cnDate(notStartedAfter)}）仍无任何反馈`
      : null;

  const { status, reason: statusReason } = decideStatus({
    task,
    facts,
    ctx,
    deadline,
    remaining,
    dueSoonWindow: dueSoonWindow(task, deadline, ctx),
    lateReasons,
    notStarted,
  });
  // 待办结审批 is open (its countdown still shows) but chased by nobody: no cards, no ladder (SPEC §4.1).
  const shown = status !== '已办结' && status !== '已调出' && status !== '数据有误';
  const open = shown && status !== '待办结审批';
  const progress = latestProgress(task, facts, months);
  const missedMonths = months?.missed ?? [];

  let trigger: Trigger | null = null;
  if (open && status === '逾期' && deadline !== null) trigger = overdueTrigger(deadline, [statusReason]);
  else if (open && missedMonths.length > 0) {
    trigger = missedReportTrigger(
      `${year}-${String(missedMonths[0]).padStart(2, '0')}`,
      months!.missedReasons,
      monthReportPeriod(year, missedMonths[0]!),
    );
  } else if (open && missedReport)
    trigger = missedReportTrigger(isoOf(missedReport.due), [missedReport.reason], missedReport.reminder);
  else if (open && facts.lateSubItems.length > 0)
    trigger = missedReportTrigger(`子项${facts.lateSubItems.join(',')}`, lateReasons);

  // The episodes still open (SPEC §4.2 "resolved episodes do not count").
  const monthKey = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  const openPeriods: string[] = [];
  if (open) {
    if (status === '逾期' && deadline !== null) openPeriods.push(overdueTrigger(deadline, []).period);
    for (const m of missedMonths) openPeriods.push(missedReportTrigger(monthKey(m), []).period);
    if (missedReport) openPeriods.push(missedReportTrigger(isoOf(missedReport.due), []).period);
    if (trigger && !openPeriods.includes(trigger.period)) openPeriods.push(trigger.period);
  }
  const supervisions = unresolvedSupervisions(facts.notices, openPeriods);
  const run = longestRunOf(missedMonths);
  const runStart = run.length >= 2 ? run[0]! : null;
  const {
    card,
    reason: cardReason,
    episode: cardEpisode,
  } = decideCard(
    {
      status,
      redFlag: task.redFlag,
      overdueWorkdays: status === '逾期' && remaining !== null ? -remaining : 0,
      unresolvedSupervisions: supervisions.count,
      episodes: {
        flag: '人工标记',
        ...(deadline !== null
          ? { overdue: `逾期@${isoOf(deadline)}`, dueSoon: `临期@${isoOf(deadline)}` }
          : {}),
        ...(supervisions.period ? { supervision: supervisions.period } : {}),
        notStarted: `未启动@${isoOf(plannedStart)}`,
        ...(runStart !== null ? { missedRun: `反馈@${monthKey(runStart)}` } : {}),
        ...(missedMonths.length ? { missed: `反馈@${monthKey(missedMonths[0]!)}` } : {}),
        lag: `进度@${progressMonth(task, facts, year)}`,
      },
      notStarted: open && notStarted !== null,
      missedMonths,
      unreportedMonths: months?.unreported ?? [],
      missedRun: run.length,
      progress,
      progressReported: progress !== null,
      elapsedPercent: deadline === null ? null : elapsedPercent(start, deadline, today),
    },
    ctx.config,
  );

  const scanDay = scanDayOf(ctx);
  const due: NoticeDue[] = [];
  if (status === '临期' && deadline !== null)
    push(due, dueSoonReminder(deadline, facts.notices, [statusReason], scanDay.replyBy));
  if (trigger) push(due, ladderStepDue(trigger, facts.notices, ctx, scanDay.replyBy));
  if (open && months) push(due, monthReportReminder(task, facts, ctx, year));
  if (open) push(due, ledgerMonthReminder(task, facts, limits, ctx));
  if (shown && task.assigned !== null && task.kind !== 'subitem') {
    const feedbackBy = limits.feedbackDue ?? scanDay.replyBy;
    const nodes = limits.checkpoints.filter((c) => c.planned === undefined);
    push(due, assignmentNotice(task.assigned, nodes, facts.notices, ctx, feedbackBy));
  }
  if (status === '待办结审批' && facts.completion) {
    const reminder = approvalReminder(facts.completion, ctx, scanDay.replyBy);
    if (reminder && !issued(facts, reminder)) due.push(reminder);
  }
  // The link page lets the 分管领导 decide a 延期申请 (extension-approval.ts): they are the one reminded.
  if (status !== '已办结' && status !== '已调出' && ctx.config.extensionApprover === '分管领导') {
    const reminder = extensionReminder(facts.extensions, ctx.config.extensionApprover, ctx, scanDay.replyBy);
    if (reminder && !issued(facts, reminder)) due.push(reminder);
  }
  if (status !== '已办结' && status !== '已调出' && status !== '待办结审批')
    push(due, cardNotice(card, cardEpisode, cardReason, facts.notices, priorCard, scanDay.replyBy));
  const dueOnce = oneInterviewPerEpisode(due, facts.notices);

  // A 长期 item owing last month's report is asked for it (the 临期提醒's month), not for this month's.
  const ongoingNext = limits.ongoing ? ledgerReportMonth(task, facts, ctx).deadline : null;
  // The years with no published schedule that a working-day count of this task relied on: today's and its deadline's.
  const provisionalYears = [...new Set([today, ...(deadline !== null ? [deadline] : [])].map(yearOf))]
    .filter((y) => cal.isProvisional(y))
    .sort((a, b) => a - b);
  const hints: string[] = [];
  if (statusReason && status !== '正常推进') hints.push(statusReason);
  if (cardReason) hints.push(`${card}：${cardReason}`);
  if (limits.originalDeadline !== null) hints.push(limits.deadlineBasis);
  if (shown && task.assigned !== null && task.kind !== 'subitem' && lateAssignment(task.assigned, facts, ctx))
    hints.push(
      `未发《交办单》：交办日期（${cnDate(task.assigned, today)}）后${ctx.config.escalationWorkdays}个工作日内未录入本行，` +
        '系统不再补发；如需书面交办，请督查室另行发出',
    );
  if (task.deadline.kind === 'blank' && deadline !== null) {
    hints.push(`完成时限按${limits.deadlineBasis}计算为 ${cnDate(deadline, today)}`);
  }
  const refused = facts.completion?.refused;
  if (refused && status !== '已办结') {
    hints.push(`办结审批未通过（${refused.signer}：${refused.opinion}），继续办理、继续督办`);
  } else if (task.handling === '已完成' && status !== '已办结' && status !== '待办结审批') {
    hints.push(
      facts.completion?.keyItem && facts.completion.verified
        ? '办理状态为已完成，重点事项须经主要领导审定后销号'
        : '办理状态为已完成，待提交办结审批并经督查室核实后销号',
    );
  }
  for (const p of facts.completion?.problems ?? []) hints.push(p);
  // SPEC §4.6: every completion card gets the system's proposal; the signer decides (评价等级 stays theirs).
  const proposed = facts.completion
    ? proposeLevel(task, facts, { card, deadline, originalDeadline: limits.originalDeadline })
    : null;
  if (proposed) {
    const decided = facts.completion?.level;
    hints.push(
      `建议评价等级：${proposed.level}（${proposed.reason}）${decided ? `；签批评定：${decided}` : '，由签批领导确定'}`,
    );
  }
  for (const p of limits.changeProblems) hints.push(p);
  const target = adjustedTarget(facts, ctx);
  if (target.target !== null) hints.push(`年度目标已调整为：${target.target}`);
  for (const p of target.problems) hints.push(p);
  for (const p of task.problems) if (!p.blocking) hints.push(p.message);
  const note = provisionalNote(provisionalYears);
  if (note) hints.push(note);

  return {
    status,
    statusReason,
    card,
    cardReason,
    deadline,
    originalDeadline: limits.originalDeadline,
    remainingWorkdays: shown ? remaining : null,
    currentNode: shown ? withAck(currentNode(limits, today, ongoingNext), facts) : '',
    lastFeedback: lastFeedbackDay(facts),
    progress,
    // An item moved out (已调出) is no longer tracked: no month of it is painted as missed (SPEC §4.1).
    monthFills: (status === '已调出' ? months?.fills.map((f) => (f === 'missing' ? null : f)) : months?.fills) ?? [],
    missedMonths,
    lateMonths: months?.lateReports ?? [],
    urgings: urgingsOf(facts),
    due: dueOnce,
    hints,
    provisionalYears,
    proposedLevel: proposed?.level ?? null,
    ledgerProblems: [
      ...limits.changeProblems.map((message) => ({
        tab: message.startsWith('调整') ? ('调整记录' as const) : ('延期申请' as const),
        message,
      })),
      ...target.problems.map((message) => ({ tab: '调整记录' as const, message })),
    ],
  };
}

/** `交办（4月13日）`, `6月计划启动（6月1日）` or `年初`: where the 未启动 clock starts. */
function startLabel(task: TaskRecord, plannedStart: Day): string {
  if (task.assigned !== null && plannedStart === task.assigned) return `交办（${cnDate(plannedStart)}）`;
  const { month, date } = partsOf(plannedStart);
  if (month === 1 && date === 1) return '年初';
  return `${month}月计划启动（${cnDate(plannedStart)}）`;
}

/**
 * How many working days before 完成时限 an item is 临期 (SPEC §4.1): 规则配置 临期工作日, but for an item whose whole
 * limit from 交办日期 is short (13710's 7 days) only 短时限临期比例 of it, and never from its first day.
 */
function dueSoonWindow(task: TaskRecord, deadline: Day | null, ctx: RuleContext): number {
  const { config, cal } = ctx;
  if (task.assigned === null || deadline === null || deadline <= task.assigned) return config.dueSoonWorkdays;
  const total = cal.workdaysBetween(task.assigned, deadline);
  const share = Math.max(1, Math.floor((total * config.dueSoonShare) / 100));
  return Math.min(config.dueSoonWorkdays, share, total - 1);
}

/**
 * An item typed in after its 《交办单》 window (升级间隔工作日 from 交办日期) and not a month old: no 交办单 went out and
 * none will, which the clerk should know. Older items (a workbook taken into use mid-year) are not flagged.
 */
function lateAssignment(assigned: Day, facts: TaskFacts, ctx: RuleContext): boolean {
  if (facts.notices.some((n) => n.type === '交办单')) return false;
  return ctx.today > assignmentWindowEnd(assigned, ctx) && ctx.today <= assigned + 30;
}

function issued(facts: TaskFacts, due: NoticeDue): boolean {
  return facts.notices.some((n) => n.type === due.type && n.level === due.level && n.period === due.period);
}

/** `YYYY-MM` of the latest progress report (反馈记录 进度, else the last 完成情况 with a %): a 蓝牌 lag's episode. */
function progressMonth(task: TaskRecord, facts: TaskFacts, year: number): string {
  let latest: Day | null = null;
  for (const f of facts.feedback)
    if (f.progress !== null && (latest === null || f.day > latest)) latest = f.day;
  if (latest !== null) return isoOf(latest).slice(0, 7);
  for (let i = task.months.length - 1; i >= 0; i--) {
    const m = task.months[i]!;
    if (m.done.includes('%') || m.done.includes('％')) return `${year}-${String(m.month).padStart(2, '0')}`;
  }
  return String(year);
}

function push(list: NoticeDue[], item: NoticeDue | null): void {
  if (item) list.push(item);
}

function lastFeedbackDay(facts: TaskFacts): Day | null {
  let last: Day | null = null;
  for (const f of facts.feedback) if (last === null || f.day > last) last = f.day;
  return last;
}

/** 催办单 and 督办单 issued. */
function urgingsOf(facts: TaskFacts): number {
  let n = 0;
  for (const notice of facts.notices) if (kindOf(notice.type).urging) n++;
  return n;
}

function elapsedPercent(start: Day, deadline: Day, today: Day): number | null {
  if (deadline <= start) return null;
  return Math.max(0, Math.min(100, Math.round(((today - start) / (deadline - start)) * 100)));
}

/**
 * Ledger items: the first report is due by source (SPEC §4.3); 长期 items report every month. Returns the
 * missed report, if any.
 */
function ledgerMissedReport(
  task: TaskRecord,
  facts: TaskFacts,
  limits: TimeLimits,
  ctx: RuleContext,
): { due: Day; reason: string; reminder?: string } | null {
  const due = limits.feedbackDue;
  if (due === null || ctx.today <= due) return null;
  const reportedBy = (day: Day) => facts.feedback.some((f) => f.day <= day);
  if (!reportedBy(ctx.today)) {
    return { due, reason: `应于${cnDate(due, ctx.today)}前反馈办理情况（${limits.feedbackBasis}），至今未反馈` };
  }
  if (!limits.ongoing) return null;
  // 长期 items: a report dated within each finished month, due by that month's feedback deadline.
  const { year, month } = partsOf(ctx.today);
  const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
  const monthDue = monthFeedbackDeadline(ctx, prev.y, prev.m);
  if (ctx.today <= monthDue || !ledgerMonthOwed(task, facts, prev.y, prev.m, monthDue)) return null;
  return {
    due: monthDue,
    reason: `长期事项${prev.m}月办理情况未在${cnDate(monthDue)}前反馈`,
    reminder: monthReportPeriod(prev.y, prev.m),
  };
}

/** 当前节点 after the unit signed for a notice: `已签收（6月15日，具体责任人：张三）→ 反馈办理情况（6月22日）`. */
function withAck(node: string, facts: TaskFacts): string {
  const ack = facts.acknowledgements?.at(-1);
  if (!ack) return node;
  const signed = `已签收（${cnDate(ack.day)}${ack.owner ? `，具体责任人：${ack.owner}` : ''}）`;
  return node ? `${signed}→ ${node}` : signed;
}
