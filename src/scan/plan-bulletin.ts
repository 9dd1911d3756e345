import { monthBefore } from '../calendar/day';
import { buildBulletin } from '../domain/bulletin';
import { monthPeriod, quarterPeriod, yearPeriod, type BulletinPeriod } from '../domain/bulletin-period';
import { monthFeedbackDeadline } from '../domain/month-deadlines';
import { cellText } from '../store/grid/cell-text';
import type { TabData, TabWrite } from '../store/port';
import { auditRow, MARKER, type AuditRow } from '../workbook/audit';
import { bulletinInput } from '../workbook/bulletin-input';
import { bulletinTab } from '../workbook/bulletin-tab';
import { bulletinTabName } from '../workbook/schema/bulletin';
import { ruleContextOf, type WorkbookModel } from '../workbook/read-workbook';

const GENERATED = MARKER.bulletinGenerated;

export interface BulletinDue {
  tab: TabWrite;
  /** Its 审计日志 row (动作 生成通报, 字段 the tab's name): what makes it once per month, whatever the scan day. */
  audit: AuditRow;
}

/** The 通报 tabs the audit log says were generated. */
export function generatedBulletins(auditLog: TabData | undefined): Set<string> {
  const out = new Set<string>();
  for (const { cells } of auditLog?.rows ?? [])
    if (cellText(cells['动作'] ?? null) === GENERATED) out.add(cellText(cells['字段'] ?? null).trim());
  return out;
}

/**
 * The monthly 通报 the scan writes (SPEC §4.7): last month's, on the first working day after its 完成情况 were due
 * (规则配置 反馈截止工作日, so every report it counts is in), or on the first scan after that day. It is due as long as
 * the 审计日志 has no 生成通报 row for its tab — derived from the workbook, never from the scan day alone, so a scan
 * that missed the day, or ran twice, writes it exactly once (and a workbook rolled back to before it gets it again).
 * Only months of the workbook's own year.
 *
 * @example bulletinDue(model, '2026-11-09 08:30:00')?.tab.name // '2026年10月通报'
 */
export function bulletinDue(model: WorkbookModel, generated: Set<string>, stamp: string): BulletinDue | null {
  const { year, month } = monthBefore(model.today, 1);
  return bulletinOf(model, generated, stamp, monthPeriod(year, month));
}

/**
 * The quarter's and the year's 通报 that last month closes (seed 002 §四(二) 按季度通报; seed 001 §四 年终考评), due
 * with that month's on the same terms and written in the same batch: after March, June, September and December the
 * quarter, after December also the year (on the first working day after December's 完成情况 were due in January,
 * counting them). Each once, by its own 生成通报 row.
 *
 * @example periodBulletinsDue(model, generated, '2027-01-11 08:30:00').map((b) => b.tab.name);
 * // ['2026年第四季度通报', '2026年度通报']
 */
export function periodBulletinsDue(model: WorkbookModel, generated: Set<string>, stamp: string): BulletinDue[] {
  const { year: y, month: m } = monthBefore(model.today, 1);
  if (m % 3 !== 0) return [];
  const periods = [quarterPeriod(y, m / 3), ...(m === 12 ? [yearPeriod(y)] : [])];
  return periods.map((p) => bulletinOf(model, generated, stamp, p)).filter((b) => b !== null);
}

/**
 * The month before last's 通报 while last month's is not yet due (on 1–7 December, October's): what a workbook made
 * today would hold had it been scanned all along (the demo). Null once last month's is due: that is the scan's.
 */
export function earlierBulletinDue(
  model: WorkbookModel,
  generated: Set<string>,
  stamp: string,
): BulletinDue | null {
  const last = monthBefore(model.today, 1);
  if (model.today > monthFeedbackDeadline(ruleContextOf(model), last.year, last.month)) return null;
  const { year, month } = monthBefore(model.today, 2);
  return bulletinOf(model, generated, stamp, monthPeriod(year, month));
}

/**
 * A period's 通报 with its 生成通报 row, when due by `model.today` (its last month's 完成情况 were due), of the
 * workbook's year and not generated.
 */
function bulletinOf(
  model: WorkbookModel,
  generated: Set<string>,
  stamp: string,
  period: BulletinPeriod,
): BulletinDue | null {
  const { year: y, months } = period;
  if (y !== model.year) return null;
  if (model.today <= monthFeedbackDeadline(ruleContextOf(model), y, months.at(-1)!)) return null;
  if (generated.has(bulletinTabName(period.label))) return null;
  const bulletin = buildBulletin(bulletinInput(model), period);
  if (!bulletin) return null;
  const tab = bulletinTab(bulletin, model.config);
  const note = `${period.label}重点工作督查通报，${bulletin.units.length}个单位排名`;
  return { tab, audit: auditRow(stamp, GENERATED, '', tab.name, '', tab.name, note) };
}
