import type { Snapshot } from '../store/port';
import type { ScanProblem } from '../workbook/scan-problem';

/**
 * What a scan cannot do without: the tabs that remember what was sent and who gets it, at least one of the task tabs,
 * and the headers every task row is found and judged by. When one is missing (a tab renamed, a header edited),
 * writing anything would either lose notices (cards painted, their notices never registered) or fill every row with
 * 数据有误 — so the scan stops before any write with one problem per missing piece, and the next scan after the
 * repair picks up where this one stopped.
 */
const WRITE_TABS = ['文书登记', '审计日志', '通讯录'] as const;
/**
 * The ledgers the rules read the units' answers from: without 反馈记录 every report by link looks missing (false
 * 滞后, cards and 催办单), without 延期申请 / 办结审批 / 调整记录 approved extensions and closings are lost.
 */
const FACT_TABS: readonly string[] = ['反馈记录', '延期申请', '办结审批', '调整记录'];
/** The tabs tasks are read from: an office may use one of them, but a scan that finds neither has nothing to do. */
const TASK_TABS: readonly string[] = ['挂图作战表', '督办台账'];
const KEY_HEADERS: Record<string, readonly string[] | 'all'> = {
  挂图作战表: ['编号', '完成时限'],
  督办台账: ['编号', '完成时限'],
  文书登记: 'all',
  审计日志: 'all',
  通讯录: 'all',
};

/**
 * The problems that stop a scan before any write (empty when it may go on).
 *
 * @example
 * blockingProblems(snapshot) // [{ tab: '文书登记', cell: '去重键', code: 'missing-header', message: '…' }] after a rename
 */
export function blockingProblems(snapshot: Snapshot): ScanProblem[] {
  const out: ScanProblem[] = [];
  const missingTabs = new Set(snapshot.problems.filter((p) => p.code === 'missing-tab').map((p) => p.tab));
  const noTaskTab = TASK_TABS.every((t) => missingTabs.has(t));
  for (const p of snapshot.problems) {
    const keys = KEY_HEADERS[p.tab];
    const blocks =
      (p.code === 'missing-tab' && (WRITE_TABS as readonly string[]).includes(p.tab)) ||
      (p.code === 'missing-tab' && FACT_TABS.includes(p.tab)) ||
      (p.code === 'missing-tab' && noTaskTab && TASK_TABS.includes(p.tab)) ||
      (p.code === 'missing-header' &&
        keys !== undefined &&
        (keys === 'all' || keys.includes(p.header ?? '')));
    if (blocks)
      out.push({
        tab: p.tab,
        row: null,
        id: null,
        cell: p.header ?? null,
        code: p.code,
        message: `${p.message}扫描已停止，本次未写入任何内容、未发送任何通知；修复后重新扫描即可。`,
      });
  }
  return out;
}
