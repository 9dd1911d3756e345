import { partsOf } from '../../calendar/day';
import { monthPeriod, type BulletinPeriod } from '../../domain/bulletin-period';
import { cellText } from '../../store/grid/cell-text';
import type { TabData } from '../../store/port';
import { MARKER } from '../../workbook/audit';
import type { WorkbookModel } from '../../workbook/read-workbook';
import { bulletinTabName } from '../../workbook/schema/bulletin';
import { generatedBulletins } from '../plan-bulletin';

/** 审计日志 动作 of the 通报 mailed to the leaders: 字段 the tab, 新值 the 文号. */
export const BULLETIN_MAILED = MARKER.bulletinMailed;

/**
 * Last month's 通报 is to be mailed when its tab was generated (by this scan, `writtenNow`, or an earlier one, by
 * its 生成通报 row) and the 审计日志 has no 发送通报 row for it — so it goes out once, and a failed send is retried
 * by the next scan. Only last month's: an older tab never set off a mail.
 *
 * @example bulletinMailDue(model, audit, '2026年5月通报')?.label // '2026年5月'
 */
export function bulletinMailDue(
  model: WorkbookModel,
  audit: TabData | undefined,
  writtenNow: string | undefined,
): BulletinPeriod | null {
  const { year, month } = partsOf(model.today);
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  if (y !== model.year) return null;
  const period = monthPeriod(y, m);
  const tab = bulletinTabName(period.label);
  if (writtenNow !== tab && !generatedBulletins(audit).has(tab)) return null;
  for (const { cells } of audit?.rows ?? [])
    if (cellText(cells['动作'] ?? null) === BULLETIN_MAILED && cellText(cells['字段'] ?? null).trim() === tab)
      return null;
  return period;
}
