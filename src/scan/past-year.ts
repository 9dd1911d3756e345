/**
 * A workbook scanned after its own year ended (the 2026 workbook on 4 January 2027) gives no new 文号: the numbers it
 * would take, 〔2027〕1号 on, are the new year's workbook's, and the two would issue the same 文号 for two documents.
 * Its numbered notices wait; the scan says why, and how to carry the open items into the new year's workbook.
 */
import { partsOf } from '../calendar/day';
import { kindOf } from '../domain/notice-kinds';
import type { NoticeType } from '../domain/glossary';
import type { ScanProblem, WorkbookModel } from '../workbook/read-workbook';

/**
 * True when `type` would take a 文号 of a year that is not the workbook's own.
 * @example holdsNumber(model2026On20270104, '催办单') // true; '临期提醒' (no 文号) → false
 */
export function holdsNumber(model: WorkbookModel, type: NoticeType): boolean {
  return partsOf(model.today).year > model.year && kindOf(type).docMark !== null;
}

/** The summary's line for the notices held back. */
export function pastYearProblem(model: WorkbookModel, held: number): ScanProblem {
  const year = partsOf(model.today).year;
  return {
    tab: '规则配置',
    row: null,
    id: null,
    cell: '工作年度',
    code: 'past-year-workbook',
    message:
      `本工作簿是${model.year}年度的，今天已是${year}年：${held}份需编文号的通知（催办单、督办单等）未发出，` +
      `以免与${year}年度工作簿的文号重复。请用 npx duban init --workbook ${year}年度工作簿 --previous 本工作簿 ` +
      `把未办结的事项转入${year}年度工作簿（编号、已发通知和催办次数随之转入），今后只扫描新工作簿`,
  };
}
