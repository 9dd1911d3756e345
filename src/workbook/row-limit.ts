/**
 * The tabs the system appends to (审计日志 every scan, 文书登记 with every notice) grow for as long as the workbook is
 * used; a city's battle map of 10,000 tasks adds about 2,000 audit rows a working day, 50,000 tasks about 10,000. An
 * .xlsx worksheet ends at row 1,048,576: a row past it makes the file unreadable in Excel and WPS. The scan says so
 * well before, in its problems (and so on the desk and in the CLI summary), with what to do; the package driver
 * refuses to append past the last row (`SheetGrid.maxRow`), so the workbook is never broken.
 */
import { SHEET_ROW_LIMIT } from '../store/grid/sheet-grid';
import type { Snapshot } from '../store/port';
import type { ScanProblem } from './scan-problem';

/** Warn from this share of the limit: at 10,000 rows a working day, about twenty working days ahead. */
const WARN_FROM = Math.floor(SHEET_ROW_LIMIT * 0.8);

/**
 * A problem for each tab whose last row, with the rows this scan appends, reaches 80% of the worksheet's rows.
 * @example rowLimitProblems(snapshot, [{ tab: '审计日志', rows: audit }]) // [] until the log nears 838,860 rows
 */
export function rowLimitProblems(
  snapshot: Snapshot,
  appends: ReadonlyArray<{ tab: string; rows: readonly unknown[] }>,
): ScanProblem[] {
  const problems: ScanProblem[] = [];
  for (const { tab, rows } of appends) {
    const last = snapshot.tabs[tab]?.lastRow ?? 0;
    const after = last + rows.length;
    if (after < WARN_FROM) continue;
    const left = Math.max(0, SHEET_ROW_LIMIT - after);
    const days = rows.length ? Math.floor(left / rows.length) : null;
    problems.push({
      tab,
      row: null,
      id: null,
      cell: null,
      code: 'tab-nearly-full',
      message:
        `「${tab}」已用到第 ${after.toLocaleString('en-US')} 行，Excel 和 WPS 的工作表最多 1,048,576 行，` +
        `还剩 ${left.toLocaleString('en-US')} 行${days === null ? '' : `（按本次追加的 ${rows.length} 行计，约 ${days} 次扫描）`}。` +
        '请把较早的记录剪切到另一个工作簿存档（保留表头），写满后扫描将无法写入本表。',
    });
  }
  return problems;
}
