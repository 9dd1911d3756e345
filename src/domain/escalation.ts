import { cnDate, isoOf, type Day } from '../calendar/day';
import type { Card } from './glossary';
import { LADDER } from './notice-kinds';
import { EXTENSION_PERIOD } from './approval-ask';
import type { CompletionEntry, ExtensionEntry, IssuedNotice, NoticeDue, RuleContext } from './types';

export { LADDER } from './notice-kinds';

/** An open problem the ladder escalates: overdue, or a report missing. One period = one episode. */
export interface Trigger {
  period: string;
  reasons: string[];
  /**
   * The period of the 临期提醒 that was this episode's first rung (SPEC §4.4): `临期@2026-11-19` before an overdue
   * deadline, `月报@2026-11` before a missed month. Its 催办单 waits 升级间隔工作日 after the day that went.
   */
  reminder?: string;
}

const OVERDUE = '逾期@';
const DUE_SOON = '临期@';

export function overdueTrigger(deadline: Day, reasons: string[]): Trigger {
  return { period: `${OVERDUE}${isoOf(deadline)}`, reasons, reminder: `${DUE_SOON}${isoOf(deadline)}` };
}

/** A report missing since `firstMissed`; `reminder`: the period of the month's 临期提醒 (monthReportPeriod), if any. */
export function missedReportTrigger(firstMissed: string, reasons: string[], reminder?: string): Trigger {
  return { period: `反馈@${firstMissed}`, reasons, ...(reminder ? { reminder } : {}) };
}

/**
 * 多次督办无果 (seed 001 §三(三), SPEC §4.2): the 督办单 issued within one episode that is still open — a missed
 * month still missing, the first report still not in, the overdue deadline still passed. Episodes resolved since
 * do not count. Returns the open episode with the most 督办单.
 */
export function unresolvedSupervisions(
  notices: IssuedNotice[],
  openPeriods: readonly string[],
): { count: number; period: string | null } {
  let best = { count: 0, period: null as string | null };
  for (const period of openPeriods) {
    let n = 0;
    for (const notice of notices) if (notice.type === '督办单' && notice.period === period) n++;
    if (n > best.count) best = { count: n, period };
  }
  return best;
}

/** Card notices carry the card as their level; ladder notices their step number. */
const CARD_LEVEL = /^(红牌|黄牌|蓝牌)$/;

/**
 * Which step of the ladder is due today for one episode: the first step at once, each next step only after the
 * previous one had `escalationWorkdays` to work; 约谈建议 only after the 督办通知书's rectification deadline passed.
 */
export function ladderStepDue(
  trigger: Trigger,
  notices: IssuedNotice[],
  ctx: RuleContext,
  replyBy: Day,
): NoticeDue | null {
  const { cal, today, config } = ctx;
  // The highest step issued in this episode, and when.
  let top = -1;
  let topDay = 0;
  for (const n of notices) {
    // A card's 约谈建议 (level 黄牌 / 红牌) may share the episode: it is not a step of the ladder.
    if (n.period !== trigger.period || CARD_LEVEL.test(n.level)) continue;
    const step = LADDER.indexOf(n.type);
    if (step < 0) continue;
    if (step > top || (step === top && n.day > topDay)) [top, topDay] = [step, n.day];
  }
  if (top === LADDER.length - 1) return null;
  const next = LADDER[top + 1]!;
  const reasons = [...trigger.reasons];
  if (top >= 0) {
    // A 督办通知书 waits until its rectification deadline has passed; every other step waits its interval.
    const ready =
      LADDER[top] === '督办通知书'
        ? today > cal.addWorkdays(topDay, config.rectifyWorkdays)
        : today >= cal.addWorkdays(topDay, config.escalationWorkdays);
    if (!ready) return null;
    reasons.push(`${cnDate(topDay)}已下发${LADDER[top]}，至今未解决`);
  }
  else {
    // The ladder's first rung is the 临期提醒 of the same deadline or month (SPEC §4.4): the 催办单 waits its interval
    // after the day it went — a reminder first sent on the deadline day itself (scans missed) is not chased the next.
    const reminded = reminderDay(trigger.reminder, notices);
    if (reminded !== null && today < cal.addWorkdays(reminded, config.escalationWorkdays)) return null;
  }
  const rectifyBy = next === '督办通知书' ? cal.addWorkdays(today, config.rectifyWorkdays) : null;
  return { type: next, level: String(top + 2), period: trigger.period, reasons, replyBy, rectifyBy };
}

/** The day the 临期提醒 of period `reminder` (`临期@2026-11-19`, `月报@2026-11`) went out last, or null. */
function reminderDay(reminder: string | undefined, notices: IssuedNotice[]): Day | null {
  if (reminder === undefined) return null;
  const days = notices.filter((n) => n.type === '临期提醒' && n.period === reminder).map((n) => n.day);
  return days.length ? Math.max(...days) : null;
}

/** The routine 临期提醒, once per deadline; the feedback it asks for is due by 完成时限 at the latest. */
export function dueSoonReminder(
  deadline: Day,
  notices: IssuedNotice[],
  reasons: string[],
  replyBy: Day,
): NoticeDue | null {
  const period = `${DUE_SOON}${isoOf(deadline)}`;
  if (notices.some((n) => n.type === '临期提醒' && n.period === period)) return null;
  const by = deadline < replyBy ? deadline : replyBy;
  return { type: '临期提醒', level: '1', period, reasons, replyBy: by, rectifyBy: null };
}

/**
 * The notice that goes with a card (SPEC §4.2): 蓝牌 → 提醒函 to the unit; 黄牌 / 红牌 → 约谈建议 to the
 * 分管领导 / 主要领导. Level-triggered (SPEC §4.4): due while the card stands and `文书登记` holds no notice for
 * this card and episode — whatever the 预警 cell showed before, so a scan killed after writing the cells, a day
 * without 通讯录 or a repaired header neither loses nor repeats one. The episode is what started the card's cause
 * (`逾期@2026-03-31`, `反馈@2026-03`, `未启动@2026-06-01`), stable across days.
 *
 * A card notice registered by an earlier version carries the scan day as its period (`黄牌@2026-06-15`): while
 * the sheet still shows that card, it stands for the current episode.
 */
export function cardNotice(
  card: Card | null,
  episode: string,
  reason: string,
  notices: IssuedNotice[],
  priorCard: Card | null,
  replyBy: Day,
): NoticeDue | null {
  if (!card) return null;
  const type = card === '蓝牌' ? '提醒函' : '约谈建议';
  const legacy = `${card}@`;
  for (const n of notices) {
    if (n.type !== type || n.level !== card) continue;
    if (n.period === episode) return null;
    if (priorCard === card && n.period.startsWith(legacy)) return null;
  }
  return { type, level: card, period: episode, reasons: [reason], replyBy, rectifyBy: null };
}

/**
 * One 约谈建议 to the 主要领导 per episode (issue 9, item 8): a 红牌 (seed 001 §三(三)) and the ladder's last step
 * (SPEC §4.4) both ask the leaders to 约谈 the unit for the same unresolved problem, so whichever comes first stands
 * for both. A 黄牌's 约谈建议 goes to the 分管领导 only and does not count.
 */
export function oneInterviewPerEpisode(due: NoticeDue[], notices: IssuedNotice[]): NoticeDue[] {
  const toChief = (n: { type: string; level: string }) => n.type === '约谈建议' && n.level !== '黄牌';
  const held = new Set(notices.filter(toChief).map((n) => n.period));
  return due.filter((d) => {
    if (!toChief(d)) return true;
    if (held.has(d.period)) return false;
    held.add(d.period);
    return true;
  });
}

/**
 * 待办结审批 (SPEC §4.1): the signer the completion card waits for is reminded once, after 规则配置
 * 办结审批提醒工作日 working days at that step. Keyed by the application (办结@date) and the signer.
 */
export function approvalReminder(
  completion: CompletionEntry,
  ctx: RuleContext,
  replyBy: Day,
): NoticeDue | null {
  const { pendingSigner, submitted } = completion;
  if (!pendingSigner || submitted === null) return null;
  const since = completion.pendingSince ?? submitted;
  if (ctx.today < ctx.cal.addWorkdays(since, ctx.config.approvalReminderWorkdays)) return null;
  return {
    type: '审批提醒',
    level: pendingSigner,
    period: `办结@${isoOf(submitted)}`,
    reasons: [`${cnDate(submitted)}申请办结，办结审批卡自${cnDate(since)}起待“${pendingSigner}”签批`],
    replyBy,
    rectifyBy: null,
  };
}

/**
 * A 延期申请 still 待审批 (seed 002 §三(五)): its approver is reminded once, after 规则配置 办结审批提醒工作日 working
 * days, in their daily digest, which carries a fresh approval link (the one mailed when the unit asked is sent once,
 * and may have failed or expired). Keyed by the 申请号; the level is the approver (规则配置 延期审批人).
 */
export function extensionReminder(
  extensions: readonly ExtensionEntry[],
  approver: string,
  ctx: RuleContext,
  replyBy: Day,
): NoticeDue | null {
  const waiting = extensions.find((e) => e.status === '待审批' && e.requestNo && e.asked);
  if (!waiting?.asked) return null;
  if (ctx.today < ctx.cal.addWorkdays(waiting.asked, ctx.config.approvalReminderWorkdays)) return null;
  const to = waiting.requested !== null ? `延至${cnDate(waiting.requested, ctx.today)}` : '延期';
  return {
    type: '审批提醒',
    level: approver,
    period: `${EXTENSION_PERIOD}${waiting.requestNo}`,
    reasons: [`${cnDate(waiting.asked)}申请将完成时限${to}（申请号 ${waiting.requestNo}），待${approver}审批`],
    replyBy,
    rectifyBy: null,
  };
}

/** The last day a row's 《交办单》 may go out: 规则配置 升级间隔工作日 after its 交办日期. */
export function assignmentWindowEnd(assigned: Day, ctx: RuleContext): Day {
  return ctx.cal.addWorkdays(assigned, ctx.config.escalationWorkdays);
}

/**
 * The 《交办单》 that starts an assigned item (seed 004 §五.2; SPEC §4.4): once per 交办日期, carrying its deadlines
 * (SPEC §4.3, the 13710 nodes included). Due from 交办日期 for 规则配置 升级间隔工作日 working days, so a row typed in a
 * day late still gets one and a workbook taken into use mid-year does not send one for every old item.
 */
export function assignmentNotice(
  assigned: Day,
  checkpoints: ReadonlyArray<{ label: string; day: Day }>,
  notices: IssuedNotice[],
  ctx: RuleContext,
  replyBy: Day,
): NoticeDue | null {
  const { today } = ctx;
  if (today < assigned || today > assignmentWindowEnd(assigned, ctx)) return null;
  if (notices.some((n) => n.type === '交办单')) return null;
  const nodes = checkpoints.map((c) => `${c.label}：${cnDate(c.day, today)}前`);
  return {
    type: '交办单',
    level: '1',
    period: `交办@${isoOf(assigned)}`,
    reasons: [`交办日期：${cnDate(assigned)}`, ...nodes],
    replyBy,
    rectifyBy: null,
  };
}
