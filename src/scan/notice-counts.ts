import type { NoticeCounts } from './types';

/**
 * A scan's notice counts as the 督查室 reads them, in one order, wherever a scan is reported (the `duban scan`
 * summary, the status page, the desk): `stored` names the sent ones 已存入发件箱 (no mail server set, nobody has them
 * yet). 未发出 are the mails the server could not take this time — 文书登记 keeps them 待发送 and the next scan sends
 * them — never 发送失败, which is only a refusal for good.
 *
 * @example
 * noticeCountsZh({ created: 3, sent: 0, unsent: 3, duplicateSkipped: 0, failed: 0, awaitingSignature: 1 }, false);
 * // [['新建', 3], ['已发送', 0], ['未发出（仍待发送）', 3], ['重复跳过', 0], ['发送失败', 0], ['待签发', 1]]
 */
export function noticeCountsZh(counts: NoticeCounts, stored: boolean): Array<[label: string, count: number]> {
  return [
    ['新建', counts.created],
    [stored ? '已存入发件箱' : '已发送', counts.sent],
    // A last-scan.json written before this count existed has none.
    ['未发出（仍待发送）', counts.unsent ?? 0],
    ['重复跳过', counts.duplicateSkipped],
    ['发送失败', counts.failed],
    ['待签发', counts.awaitingSignature],
  ];
}
