import type { TaskVerdict } from '../domain/types';
import type { DigestItem } from '../mail/notices';

/**
 * A digest item's facts of its task as it stands (this scan's verdict: 状态, 预警, 当前节点, 剩余工作日), or only
 * `fallback` as its status when no verdict is known. One source for new digests and for those resent from 文书登记.
 * @example standing(verdicts[i], '待签发') // { status: '逾期', card: '黄牌', node: '…', remainingWorkdays: -3 }
 */
export function standing(
  v: TaskVerdict | undefined,
  fallback: string,
): Pick<DigestItem, 'status' | 'card' | 'node' | 'remainingWorkdays'> {
  if (!v) return { status: fallback };
  return {
    status: v.status,
    ...(v.card ? { card: v.card } : {}),
    ...(v.currentNode ? { node: v.currentNode } : {}),
    ...(v.remainingWorkdays !== null ? { remainingWorkdays: v.remainingWorkdays } : {}),
  };
}
