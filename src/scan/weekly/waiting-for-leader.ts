import { cnDate, toDay } from '../../calendar/day';
import type { RulesConfig } from '../../domain/config';
import type { WeeklyWaiting } from '../../mail/notices';
import { cellText } from '../../store/grid/cell-text';
import type { TabData } from '../../store/port';
import { signerKeys } from '../../workbook/schema/tabs';
import type { AreaTask } from './leader-area';

const LEADER = '分管领导';

/**
 * 待您处理 for one 分管领导 (SPEC §4.4: approvals, signatures and 约谈建议 waiting for the leader):
 * - 延期申请 still 待审批 on a task of the area, when 规则配置 延期审批人 is the 分管领导;
 * - 办结审批 cards whose next unsigned step is the 分管领导;
 * - 调整记录 rows 待审批 without the 分管领导's opinion;
 * - 约谈建议 registered in 文书登记 since `since` (`YYYY-MM-DD`) for a task of the area.
 */
export function waitingFor(
  area: AreaTask[],
  tabs: Record<string, TabData>,
  config: RulesConfig,
  since: string,
): WeeklyWaiting[] {
  const byId = new Map(area.map((t) => [t.entry.task.id, t.entry.task.title]));
  const out: WeeklyWaiting[] = [];
  const push = (id: string, what: string) => {
    const title = byId.get(id);
    if (title !== undefined) out.push({ id, title, what });
  };
  if (config.extensionApprover === LEADER) {
    for (const { entry } of area)
      for (const e of entry.facts.extensions)
        if (e.status === '待审批')
          push(
            entry.task.id,
            `延期申请${e.requestNo ? ` ${e.requestNo}` : ''}待审批${e.requested !== null ? `（申请延至${cnDate(e.requested)}）` : ''}`,
          );
  }
  for (const { cells } of tabs['办结审批']?.rows ?? []) {
    const status = text(cells, '状态');
    if (status === '已办结' || status === '退回') continue;
    const next = config.approvalChain.find((s) => text(cells, signerKeys(s).signature) === '');
    if (next === LEADER) push(text(cells, '编号'), '办结审批卡待您签批');
  }
  for (const { cells } of tabs['调整记录']?.rows ?? []) {
    if (text(cells, '状态') === '待审批' && text(cells, '分管领导意见') === '')
      push(text(cells, '编号'), `${text(cells, '类型') || '调整'}申请待您签署意见`);
  }
  for (const { entry } of area)
    for (const n of entry.facts.notices)
      if (n.type === '约谈建议' && n.day >= toDay(since))
        push(entry.task.id, `约谈建议${n.docNo ? ` ${n.docNo}` : ''}（${n.level}，${cnDate(n.day)}）`);
  return out;
}

function text(cells: TabData['rows'][number]['cells'], key: string): string {
  return cellText(cells[key] ?? null).trim();
}
