import type { Card, Status } from './glossary';
import type { RulesConfig } from './config';
import { longestRunOf } from './month-progress';
import { addReason } from './reasons';

/** What the card decision needs, computed once by evaluateTask. */
export interface CardInput {
  status: Status;
  redFlag: boolean;
  overdueWorkdays: number; // 0 when not overdue
  unresolvedSupervisions: number; // 督办单 issued in one still open episode
  /** What started each cause, so a card's notice is keyed by its episode, not by the scan day (SPEC §4.4). */
  episodes?: Partial<Record<CardCause, string>>;
  notStarted: boolean;
  missedMonths: number[];
  /** The missed months not reported at all (the others were reported 未完成); unknown when absent. */
  unreportedMonths?: number[];
  missedRun: number; // longest run of consecutive missed months
  progress: number | null;
  /** A progress % was reported (反馈记录 进度 or a % in 完成情况); unknown progress is not evidence. */
  progressReported?: boolean;
  elapsedPercent: number | null; // time-proportional schedule (时序进度)
}

/**
 * 红黄蓝牌 per SPEC §4.2 (seed 001 §三(三)); the highest card that applies wins and carries its reason.
 * Closed and transferred items, and items waiting in the approval chain, carry no card.
 */
export function decideCard(
  input: CardInput,
  config: RulesConfig,
): { card: Card | null; reason: string; episode: string } {
  const { status } = input;
  const none = { card: null, reason: '', episode: '' };
  if (status === '已办结' || status === '已调出' || status === '待办结审批') return none;
  const red = redReason(input, config);
  if (red.reason) return { card: '红牌', ...red };
  if (status === '数据有误') return none;
  const yellow = yellowReason(input, config);
  if (yellow.reason) return { card: '黄牌', ...yellow };
  const blue = blueReason(input, config);
  if (blue.reason) return { card: '蓝牌', ...blue };
  return none;
}

/**
 * The reason a manual 红牌标记 gives, first among a 红牌's reasons: the 审计日志's 预警变更 row carrying it dates the
 * flag, which the cell itself does not (src/workbook/red-flag.ts).
 */
export const RED_FLAG_REASON = '人工标记红牌（虚报进度等）';

/** Why a card is shown; the first cause found names the card's episode. */
export type CardCause =
  'flag' | 'overdue' | 'supervision' | 'notStarted' | 'missedRun' | 'dueSoon' | 'missed' | 'lag';

class Reasons {
  reason = '';
  episode = '';
  constructor(private readonly episodes: Partial<Record<CardCause, string>>) {}
  add(cause: CardCause, text: string): void {
    this.reason = addReason(this.reason, text);
    if (!this.episode) this.episode = this.episodes[cause] ?? cause;
  }
}

/** Every reason for the card that applies, joined by `；`. */
function redReason(i: CardInput, c: RulesConfig): Reasons {
  const r = new Reasons(i.episodes ?? {});
  if (i.redFlag) r.add('flag', RED_FLAG_REASON);
  if (i.overdueWorkdays > c.redOverdueWorkdays) {
    r.add('overdue', `逾期${i.overdueWorkdays}个工作日，超过${c.redOverdueWorkdays}个工作日`);
  }
  if (i.unresolvedSupervisions >= c.redSupervisionCount) {
    r.add('supervision', `已下发督办单${i.unresolvedSupervisions}次仍无结果`);
  }
  return r;
}

function yellowReason(i: CardInput, c: RulesConfig): Reasons {
  const r = new Reasons(i.episodes ?? {});
  if (i.notStarted) r.add('notStarted', '应启动而未启动（无任何反馈）');
  if (i.missedRun >= 2) {
    const how = missedHow(longestRunOf(i.missedMonths), i.unreportedMonths, true);
    r.add('missedRun', `连续${i.missedRun}个月未按计划完成（${how}）`);
  }
  // Seed 001 §三(三) 黄牌 needs evidence of not starting or stalling: a *reported* % below the floor, never a blank.
  // Once the deadline passes the cause is not gone but has come true: the card stays (same episode, no second
  // 约谈建议) until the progress rises or the 红牌 of a long overdue takes over.
  const late = i.status === '临期' || i.status === '逾期';
  if (late && i.progress !== null && i.progress < c.yellowDueSoonProgress) {
    r.add('dueSoon', `${i.status}且进度仅${i.progress}%，低于${c.yellowDueSoonProgress}%`);
  }
  return r;
}

function blueReason(i: CardInput, c: RulesConfig): Reasons {
  const r = new Reasons(i.episodes ?? {});
  // A month reported 未完成 is missed too: the reason says so, not that nothing was reported.
  if (i.missedMonths.length > 0)
    r.add(
      'missed',
      `${i.missedMonths.join('、')}月未按计划完成（${missedHow(i.missedMonths, i.unreportedMonths, false)}）`,
    );
  if (i.progress !== null && i.elapsedPercent !== null && i.elapsedPercent - i.progress > c.blueLagPoints) {
    const gap = i.elapsedPercent - i.progress;
    r.add('lag', `填报进度${i.progress}%，落后时序进度（${i.elapsedPercent}%）${gap}个百分点`);
  }
  return r;
}

/**
 * How the months were missed, as the 提醒函 and 约谈建议 state it: `未反馈` or `反馈为未完成`, month by month when
 * both happened (`2月反馈为未完成，3月未反馈`); `nameMonths` names them even when all went the same way.
 */
function missedHow(months: number[], unreported: number[] | undefined, nameMonths: boolean): string {
  if (!unreported) return '未反馈或反馈为未完成';
  const how = (m: number) => (unreported.includes(m) ? '未反馈' : '反馈为未完成');
  const kinds = [...new Set(months.map(how))];
  if (kinds.length === 1 && !nameMonths) return kinds[0]!;
  return kinds.map((k) => `${months.filter((m) => how(m) === k).join('月、')}月${k}`).join('，');
}
