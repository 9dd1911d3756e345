import type { Card, Status } from './glossary';
import type { RulesConfig } from './config';
import { addReason } from './reasons';

/** What the card decision needs, computed once by evaluateTask. */
export interface CardInput {
  status: Status;
  redFlag: boolean;
  overdueWorkdays: number; // 0 when not overdue
  unresolvedSupervisions: number; // 督办单 issued in the current, still open episode
  notStarted: boolean;
  missedMonths: number[];
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
export function decideCard(input: CardInput, config: RulesConfig): { card: Card | null; reason: string } {
  const { status } = input;
  if (status === '已办结' || status === '已调出' || status === '待办结审批')
    return { card: null, reason: '' };
  const red = redReason(input, config);
  if (red) return { card: '红牌', reason: red };
  if (status === '数据有误') return { card: null, reason: '' };
  const yellow = yellowReason(input, config);
  if (yellow) return { card: '黄牌', reason: yellow };
  const blue = blueReason(input, config);
  if (blue) return { card: '蓝牌', reason: blue };
  return { card: null, reason: '' };
}

/** Every reason for the card that applies, joined by `；`. */
function redReason(i: CardInput, c: RulesConfig): string {
  let out = '';
  if (i.redFlag) out = '人工标记红牌（虚报进度等）';
  if (i.overdueWorkdays > c.redOverdueWorkdays) {
    out = addReason(out, `逾期${i.overdueWorkdays}个工作日，超过${c.redOverdueWorkdays}个工作日`);
  }
  if (i.unresolvedSupervisions >= c.redSupervisionCount) {
    out = addReason(out, `已下发督办单${i.unresolvedSupervisions}次仍无结果`);
  }
  return out;
}

function yellowReason(i: CardInput, c: RulesConfig): string {
  let out = '';
  if (i.notStarted) out = '应启动而未启动（无任何反馈）';
  if (i.missedRun >= 2) out = addReason(out, `连续${i.missedRun}个月未按期反馈`);
  // Seed 001 §三(三) 黄牌 needs evidence of not starting or stalling: a *reported* % below the floor, never a blank.
  if (i.status === '临期' && i.progress !== null && i.progress < c.yellowDueSoonProgress) {
    out = addReason(out, `临期且进度仅${i.progress}%，低于${c.yellowDueSoonProgress}%`);
  }
  return out;
}

function blueReason(i: CardInput, c: RulesConfig): string {
  let out = '';
  if (i.missedMonths.length > 0) out = `${i.missedMonths.join('、')}月未按期反馈`;
  if (i.progress !== null && i.elapsedPercent !== null && i.elapsedPercent - i.progress > c.blueLagPoints) {
    out = addReason(out, `进度${i.progress}%落后时间进度${i.elapsedPercent}%超过${c.blueLagPoints}个百分点`);
  }
  return out;
}
