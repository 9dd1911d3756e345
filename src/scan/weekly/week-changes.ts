import { cellText } from '../../store/grid/cell-text';
import type { TabData } from '../../store/port';
import type { WeeklyChange } from '../../mail/notices';
import type { AreaTask } from './leader-area';

const FIELDS = { 状态变更: '状态', 预警变更: '预警' } as const;

/** The 审计日志 rows `weekChanges` reads (a `TabSpec.keepRow`): 状态变更 and 预警变更 from `since` on. */
export const weekAuditRows =
  (since: string) =>
  (text: (header: string) => string): boolean =>
    Object.hasOwn(FIELDS, text('动作')) && text('时间').slice(0, 10) >= since;

/**
 * What changed on each task since `since` (`YYYY-MM-DD`, last week's brief day): the 状态 and 预警 the 审计日志 shows
 * at the start of the window against today's verdict. A task that changed and changed back is left out; one the
 * scan has not written yet today (the brief goes out before the morning scan) still shows today's value.
 */
export function weekChanges(area: AreaTask[], audit: TabData | undefined, since: string): WeeklyChange[] {
  const first = new Map<string, { 状态?: string; 预警?: string; firstScan?: string }>();
  for (const { cells } of audit?.rows ?? []) {
    const field = FIELDS[cellText(cells['动作'] ?? null) as keyof typeof FIELDS];
    const stamp = cellText(cells['时间'] ?? null);
    if (!field || stamp.slice(0, 10) < since) continue;
    const id = cellText(cells['编号'] ?? null);
    const seen = first.get(id) ?? {};
    const [before, after] = [cellText(cells['原值'] ?? null), cellText(cells['新值'] ?? null)];
    // A row's first scan (状态 from blank) is where it starts, not a change: its values are the baseline.
    if (field === '状态' && !before && !seen.状态) seen.firstScan = stamp;
    const fresh = seen.firstScan === stamp;
    seen[field] ??= (fresh ? after : before) || '无';
    first.set(id, seen);
  }
  const out: WeeklyChange[] = [];
  for (const { entry, verdict } of area) {
    const now = { 状态: verdict.status, 预警: verdict.card ?? '无' };
    const shown = {
      状态: cellText(entry.row.cells['状态'] ?? null) || now.状态,
      预警: cellText(entry.row.cells['预警'] ?? null) || '无',
    };
    const was = first.get(entry.task.id) ?? {};
    const parts = (['状态', '预警'] as const).flatMap((f) => {
      const before = was[f] ?? shown[f];
      return before === now[f] ? [] : [`${f}：${before} → ${now[f]}`];
    });
    if (parts.length) out.push({ id: entry.task.id, title: entry.task.title, change: parts.join('；') });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
