/**
 * The `调整记录` ledger as the 调出 / 调整 pages read it. The tab has no request number of its own, so a request made by
 * link starts its 理由 with one (`申请号 TZ-ZD-2026-007-1；…`); the decisions find the row by that whole 理由.
 * Who decides (SPEC §4.5, seed 000 §二(四)): 调出 needs the 分管领导 then the 主要领导; 调整时限 the 分管领导;
 * 调整目标 the 分管领导, and outside 规则配置 目标调整月份 also the 主要领导.
 */
import { partsOf, toDay, type Day } from '../../calendar/day';
import type { SheetRow, Snapshot } from '../../store/port';
import { textOf } from './extension-ledger';

export const ADJUST_TAB = '调整记录';
export const ADJUST_KINDS = ['调出', '调整目标', '调整时限'] as const;
export type AdjustKind = (typeof ADJUST_KINDS)[number];

export type Approver = '分管领导' | '主要领导';

/** The 理由 cell of a request: its number first. */
export const reasonCell = (no: string, reason: string) => `申请号 ${no}；${reason}`;

/** The number and the unit's own words of a 理由 written by `reasonCell`. */
export function requestOfReason(text: string): { no: string; reason: string } | null {
  const m = /^申请号 (TZ-\S+?)；([\s\S]*)$/.exec(text);
  return m ? { no: m[1]!, reason: m[2]! } : null;
}

/** The task's requests made by link, in sheet order. */
export function adjustmentsOf(snapshot: Snapshot, task: string): SheetRow[] {
  return (
    snapshot.tabs[ADJUST_TAB]?.rows.filter(
      (r) => textOf(r, '编号') === task && requestOfReason(textOf(r, '理由')) !== null,
    ) ?? []
  );
}

export function requestRow(snapshot: Snapshot, task: string, no: string): SheetRow | undefined {
  return adjustmentsOf(snapshot, task).find((r) => requestOfReason(textOf(r, '理由'))?.no === no);
}

/** The leaders a request needs, in order. */
export function approversOf(kind: string, asked: Day | null, adjustMonth: number): Approver[] {
  if (kind === '调出') return ['分管领导', '主要领导'];
  if (kind === '调整目标' && (asked === null || partsOf(asked).month !== adjustMonth))
    return ['分管领导', '主要领导'];
  return ['分管领导'];
}

export const opinionColumn = (who: Approver) => (who === '分管领导' ? '分管领导意见' : '主要领导意见');

/** The leader the request waits for now, or null when decided. */
export function waitingFor(row: SheetRow, asked: Day | null, adjustMonth: number): Approver | null {
  if (textOf(row, '状态') !== '待审批') return null;
  return (
    approversOf(textOf(row, '类型'), asked, adjustMonth).find((a) => !textOf(row, opinionColumn(a))) ?? null
  );
}

/** The day a request was asked (its 日期), or null when unreadable. */
export function askedOf(row: SheetRow): Day | null {
  const t = textOf(row, '日期');
  return /^\d{4}-\d{2}-\d{2}/.test(t) ? toDay(t.slice(0, 10)) : null;
}
