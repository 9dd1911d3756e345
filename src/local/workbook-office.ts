import type { Day } from '../calendar/day';
import type { OfficeIdentity } from '../mail/sender';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import { readSettings } from '../workbook/read-settings';
import { tabSpec } from '../workbook/schema/tabs';

/**
 * 规则配置 督查室名称 and 督查室邮箱 of a local workbook, so that a mail sent outside a scan (`duban mail test`) comes
 * from the sender the scans' notices use (`senderOf`). Reads only 规则配置; throws the store's StoreError (Chinese
 * after its `[store:xlsx]` prefix) when the file cannot be read.
 *
 * @example
 * const { from, replyTo } = senderOf(config.from, await workbookOffice('督办-2026.xlsx', today));
 */
export async function workbookOffice(workbook: string, today: Day): Promise<OfficeIdentity> {
  const snapshot = await createXlsxPackageStore(workbook).read([tabSpec('规则配置')]);
  const { officeName, officeEmail } = readSettings(snapshot, today).config;
  return { officeName, officeEmail };
}
