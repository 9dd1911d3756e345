/**
 * Last year's workbook, only ever read: by `duban init --previous` (what the new year's workbook carries over) and by
 * each scan of the new workbook, which names it in 规则配置 上年度工作簿 (the year-end 通报 still to issue from it,
 * src/scan/year-end-reminder.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PreviousWorkbookOpener } from '../scan/year-end-reminder';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import type { Snapshot, TabSpec } from '../store/port';
import { corruptWorkbookError, workbookFileProblem } from './workbook-file';

/**
 * `specs` of the workbook `file`, never written, or the Chinese reason it cannot be read (no closing 。).
 *
 * @example await readPreviousWorkbook('D:\\督办\\督办-2026.xlsx', [...RUN_SPECS]); // { file, snapshot }
 */
export async function readPreviousWorkbook(
  file: string,
  specs: TabSpec[],
): Promise<{ file: string; snapshot: Snapshot } | { error: string }> {
  if (!existsSync(file)) return { error: `找不到上年度工作簿 ${file}` };
  const problem = await workbookFileProblem(file, { write: false });
  if (problem) return { error: problem.message.replace(/。$/, '') };
  try {
    return { file, snapshot: await createXlsxPackageStore(file).read(specs) };
  } catch (error) {
    const corrupt = corruptWorkbookError(file, error);
    if (!corrupt) throw error;
    return { error: corrupt.message.replace(/。$/, '') };
  }
}

/**
 * The opener a scan of `workbook` uses: 规则配置 上年度工作簿 as written by init (a full path), or a path relative to the
 * workbook's own folder (a clerk who typed only 督办-2026.xlsx).
 */
export function previousWorkbookOf(workbook: string): PreviousWorkbookOpener {
  return (ref, specs) => readPreviousWorkbook(resolve(dirname(workbook), ref), specs);
}
