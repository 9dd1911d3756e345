import type { Day } from '../calendar/day';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import { readSettings, type WorkbookSettings } from '../workbook/read-settings';
import { tabSpec } from '../workbook/schema/tabs';

/**
 * A local workbook's settings as a scan reads them — 规则配置 and the calendar with its 节假日 rows — for a command run
 * outside a scan: `duban mail test` sends from the scans' sender (`senderOf`), `duban workdays --workbook` counts
 * with the scans' calendar. Reads only those two tabs; throws the store's StoreError when the file cannot be read.
 *
 * @example
 * const { config, calendar } = await workbookSettings('督办-2026.xlsx', today);
 */
export async function workbookSettings(workbook: string, today: Day): Promise<WorkbookSettings> {
  const snapshot = await createXlsxPackageStore(workbook).read([tabSpec('规则配置'), tabSpec('节假日')]);
  return readSettings(snapshot, today);
}
