import type { NoticeType } from './notice-kinds';

/** The period of a 延期申请's 审批提醒: `延期@YQ-ZD-2026-003-1` (its 申请号). */
export const EXTENSION_PERIOD = '延期@';

/** What a 审批提醒 asks its recipient to decide, and which request: the card's signer step, or the 申请号. */
export type ApprovalAsk =
  | { of: 'completion'; ref: string; action: '签批办结审批卡' }
  | { of: 'extension'; ref: string; action: '审批延期申请' };

/**
 * What a 审批提醒 (type, level, period of its 去重键) waits for: the completion card at the signer step `level`
 * (period `办结@…`), or the 延期申请 named in its period. Null for any other notice.
 *
 * @example approvalAsk('审批提醒', '分管领导', '延期@YQ-ZD-2026-003-1') // { of: 'extension', ref: 'YQ-ZD-2026-003-1', … }
 */
export function approvalAsk(type: NoticeType | string, level: string, period: string): ApprovalAsk | null {
  if (type !== '审批提醒') return null;
  if (period.startsWith(EXTENSION_PERIOD))
    return { of: 'extension', ref: period.slice(EXTENSION_PERIOD.length), action: '审批延期申请' };
  return { of: 'completion', ref: level, action: '签批办结审批卡' };
}
