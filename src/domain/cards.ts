import type { Card, Status } from './glossary';
import type { RulesConfig } from './config';

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
  elapsedPercent: number | null; // time-proportional schedule (时序进度)
}

/**
 * 红黄蓝牌 per SPEC §4.2 (seed 001 §三(三)); the highest card that applies wins and carries its reason.
 * Closed and transferred items carry no card.
 */
export function decideCard(input: CardInput, config: RulesConfig): { card: Card | null; reason: string } {
  const { status } = input;
  if (status === '已办结' || status === '已调出') return { card: null, reason: '' };
  const red = redReasons(input, config);
  if (red.length) return { card: '红牌', reason: red.join('；') };
  if (status === '数据有误') return { card: null, reason: '' };
  const yellow = yellowReasons(input, config);
  if (yellow.length) return { card: '黄牌', reason: yellow.join('；') };
  const blue = blueReasons(input, config);
  if (blue.length) return { card: '蓝牌', reason: blue.join('；') };
  return { card: null, reason: '' };
}

function redReasons(i: CardInput, c: RulesConfig): string[] {
  const out: string[] = [];
  if (i.redFlag) out.push('人工标记红牌（虚报进度等）');
  if (i.overdueWorkdays > c.redOverdueWorkdays) {
    out.push(`逾期${i.overdueWorkdays}个工作日，超过${c.redOverdueWorkdays}个工作日`);
  }
  if (i.unresolvedSupervisions >= c.redSupervisionCount) {
    out.push(`已下发督办单${i.unresolvedSupervisions}次仍无结果`);
  }
  return out;
}

function yellowReasons(i: CardInput, c: RulesConfig): string[] {
  const out: string[] = [];
  if (i.notStarted) out.push('应启动而未启动（无任何反馈）');
  if (i.missedRun >= 2) out.push(`连续${i.missedRun}个月未按期反馈`);
  if (i.status === '临期' && (i.progress ?? 0) < c.yellowDueSoonProgress) {
    out.push(
      `临期且进度${i.progress === null ? '未填报' : `仅${i.progress}%`}，低于${c.yellowDueSoonProgress}%`,
    );
  }
  return out;
}

function blueReasons(i: CardInput, c: RulesConfig): string[] {
  const out: string[] = [];
  if (i.missedMonths.length > 0) out.push(`${i.missedMonths.join('、')}月未按期反馈`);
  if (i.progress !== null && i.elapsedPercent !== null && i.elapsedPercent - i.progress > c.blueLagPoints) {
    out.push(`进度${i.progress}%落后时间进度${i.elapsedPercent}%超过${c.blueLagPoints}个百分点`);
  }
  return out;
}
