/** `duban report --docx`: the 通报's 文号, taken from its series and registered in 文书登记 before the file is written. */
import { isoOf, type Day } from '../calendar/day';
import { beijingStamp } from '../calendar/beijing-clock';
import type { Bulletin } from '../domain/bulletin';
import type { BulletinPeriod } from '../domain/bulletin-period';
import { scanInstant } from '../local/targets';
import { workbookGuard } from '../local/workbook-guard';
import { bulletinTitle } from '../report/bulletin-text';
import { bulletinDocNo, bulletinRegisterRow } from '../scan/bulletin-doc-no';
import { retryOnStale } from '../scan/stale-retry';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import { AUDIT_TAB, auditRow } from '../workbook/audit';
import { readWorkbook, type WorkbookModel } from '../workbook/read-workbook';
import { ISSUED } from '../workbook/schema/lists';
import { RUN_SPECS } from '../workbook/schema/tabs';

/**
 * The 文号 of the 通报 as Word: the one 文书登记 holds for the period, or the next of the 通报 series
 * (src/scan/bulletin-doc-no.ts), registered in 文书登记 (类型 通报, 已印发) with its 审计日志 row before the file is
 * written — under the scan lease, once no editor has the workbook open, so a scan or another export never takes it too.
 */
export async function registeredDocNo(
  file: string,
  model: WorkbookModel,
  period: BulletinPeriod,
  bulletin: Bulletin,
  today: Day,
  docx: string,
): Promise<string> {
  const held = bulletinDocNo(model.register, model.config, period);
  if (held.registered) return held.docNo;
  const guard = workbookGuard(file, { onWait: (message) => console.error(`duban report：${message}`) });
  return guard(() =>
    retryOnStale(async function registerOnce() {
      const store = createXlsxPackageStore(file);
      const snapshot = await store.read([...RUN_SPECS]);
      const latest = readWorkbook(snapshot, today);
      const numbered = bulletinDocNo(latest.register, latest.config, period);
      if (numbered.registered) return numbered.docNo;
      const { docNo } = numbered;
      const stamp = beijingStamp(scanInstant(undefined));
      const title = bulletinTitle(bulletin);
      // The row is dated as the document (its 成文日期, `--date`), so a later export prints the same date.
      const dated = `${isoOf(today)}${stamp.slice(10)}`;
      const row = bulletinRegisterRow({ docNo, period, title, to: '', cc: '', stamp: dated, status: ISSUED });
      const audit = auditRow(
        stamp,
        '印发通报',
        '',
        '通报',
        '',
        docNo,
        `${title}，另存为 ${docx}（duban report）`,
      );
      await store.apply(
        {
          cells: [],
          ids: [],
          appends: [],
          ledgerUpdates: [],
          rows: [
            { tab: '文书登记', rows: [row] },
            { tab: AUDIT_TAB, rows: [audit] },
          ],
        },
        snapshot,
      );
      return docNo;
    }),
  );
}
