/**
 * 签收 (acknowledging a notice) is kept in the ledger the unit already answers in: a `反馈记录` row whose 月份 says
 * 签收 and whose 完成情况 names the notice and the unit's 具体责任人. It is not feedback on the work: the rules skip it
 * when they look for reports, and show it in 当前节点.
 */

/** 反馈记录 月份 of a 签收 row. */
export const ACK_MONTH = '签收';

/**
 * The 完成情况 text of a 签收 row.
 * @example ackText('临政督催〔2026〕3号', '张三') // '签收 临政督催〔2026〕3号；具体责任人：张三'
 */
export function ackText(ref: string, owner: string): string {
  return `签收${ref ? ` ${ref}` : ''}；具体责任人：${owner}`;
}

/** What a 签收 row says: the notice signed for ('' when it named none) and the 具体责任人. */
export function readAck(text: string): { ref: string; owner: string } {
  const m = /^签收\s*(.*?)；具体责任人：(.*)$/s.exec(text.trim());
  return m ? { ref: m[1]!.trim(), owner: m[2]!.trim() } : { ref: '', owner: '' };
}
