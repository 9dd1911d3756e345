import { isoOf, type Day } from '../../calendar/day';
import type { TaskVerdict } from '../../domain/types';
import type { WeeklyDigestDoc } from '../../mail/notices';
import type { Address } from '../../mail/port';
import { cellText } from '../../store/grid/cell-text';
import type { TabData } from '../../store/port';
import { AUDIT_TAB, MARKER } from '../../workbook/audit';
import { addressesOf, type Person } from '../../workbook/directory';
import type { WorkbookModel } from '../../workbook/read-workbook';
import { leaderAreas } from './leader-area';
import { waitingFor } from './waiting-for-leader';
import { weekChanges } from './week-changes';

/** 审计日志 动作 of a weekly brief sent: 字段 the leader, 新值 the week (its Monday). */
export const BRIEF_SENT = MARKER.briefSent;

export interface LeaderBrief {
  leader: Person;
  to: Address[];
  doc: WeeklyDigestDoc;
}

/** `leader|week` of every brief the 审计日志 says went out. */
export function sentBriefs(audit: TabData | undefined): Set<string> {
  const out = new Set<string>();
  for (const { cells } of audit?.rows ?? [])
    if (cellText(cells['动作'] ?? null) === BRIEF_SENT)
      out.add(`${cellText(cells['字段'] ?? null).trim()}|${cellText(cells['新值'] ?? null).trim()}`);
  return out;
}

/**
 * The weekly briefs still due this week (SPEC §4.4, seed 004 §二.1): one per 分管领导 of the 通讯录 with an address and
 * no 发送周报 row for `week` yet. Each holds the area by 状态 and 预警 as of today, what changed since last week's brief
 * day (`since`), and what waits for the leader. Pure.
 */
export function planWeeklyBriefs(
  model: WorkbookModel,
  verdicts: TaskVerdict[],
  tabs: Record<string, TabData>,
  week: { key: string; since: Day; provisionalYears: number[]; boardUrl?: string | undefined },
): LeaderBrief[] {
  const { boardUrl, provisionalYears } = week;
  const sent = sentBriefs(tabs[AUDIT_TAB]);
  const since = isoOf(week.since);
  const briefs: LeaderBrief[] = [];
  for (const [leader, area] of leaderAreas(model, verdicts)) {
    const to = addressesOf([leader]);
    if (!to.length || sent.has(`${leader.name}|${week.key}`)) continue;
    briefs.push({
      leader,
      to,
      doc: {
        issuer: model.config.officeName,
        leader: leader.name,
        weekOf: model.today,
        items: area.map(({ entry, verdict }) => ({
          id: entry.task.id,
          title: entry.task.title,
          unit: entry.task.leadUnit,
          status: verdict.status,
          ...(verdict.card ? { card: verdict.card } : {}),
          ...(verdict.currentNode ? { node: verdict.currentNode } : {}),
          ...(verdict.remainingWorkdays !== null ? { remainingWorkdays: verdict.remainingWorkdays } : {}),
        })),
        changes: weekChanges(area, tabs[AUDIT_TAB], since),
        waiting: waitingFor(area, tabs, model.config, since),
        ...(boardUrl ? { boardUrl } : {}),
        ...(provisionalYears.length ? { provisionalYears } : {}),
      },
    });
  }
  return briefs;
}
