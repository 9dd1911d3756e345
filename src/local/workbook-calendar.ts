import { shanghaiDayOf } from '../calendar/day';
import type { WorkCalendar } from '../calendar';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import { readSettings } from '../workbook/read-settings';
import { tabSpec } from '../workbook/schema/tabs';

/**
 * The working-day calendar a scan of this workbook uses: the built-in one with the workbook's 节假日 rows (the State
 * Council's schedule of a year the built-in data lacks, a local day off). Throws the store's StoreError when the file
 * cannot be read.
 * @example (await workbookCalendar('D:/督办/督办-2027.xlsx')).isWorkday(toDay('2027-02-10'))
 */
export async function workbookCalendar(workbook: string, now = new Date()): Promise<WorkCalendar> {
  const snapshot = await createXlsxPackageStore(workbook).read([tabSpec('规则配置'), tabSpec('节假日')]);
  return readSettings(snapshot, shanghaiDayOf(now)).calendar;
}
