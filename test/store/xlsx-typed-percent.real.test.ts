/**
 * A percentage typed in Excel or WPS (`60%`, `100%`) is stored as a fraction with a percent number format, as in Google
 * Sheets (google-typed-percent.real.test.ts). The local driver must read it as the clerk sees it: 进度 60% is not a
 * 蓝牌 for "进度0.6%", and a month marked 100% is done (SPEC §4.1).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { cellText } from '../../src/store/grid/cell-text';
import { MONTH_FILL } from '../../src/workbook/palette';
import { tabSpec } from '../../src/workbook/schema/tabs';

const DAY = '2026-06-15';
const TASK = 'ZD-2026-005';

/** The demo county as an .xlsx, with `edit` typed into it as Excel saves it, scanned on DAY; the task's row after. */
async function scanAfter(edit: (wb: ExcelJS.Workbook) => void) {
  const file = join(mkdtempSync(join(tmpdir(), 'percent-')), '督办.xlsx');
  await createWorkbook(file, DAY);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
  const store = createXlsxPackageStore(file);
  await runScan({
    store,
    mailer: createMemoryMailer(),
    now: new Date(`${DAY}T00:30:00Z`),
    from: { name: '县政府督查室', address: 'duban@example.gov.cn' },
  });
  const row = (await store.read([tabSpec('挂图作战表')])).tabs['挂图作战表']!.rows.find(
    (r) => r.cells['编号'] === TASK,
  )!;
  return { value: (key: string) => cellText(row.cells[key] ?? null), fill: (key: string) => row.fills[key] };
}

/** The column (1-based) of a header in a tab's header rows. */
function columnOf(ws: ExcelJS.Worksheet, header: string, rows = 2): number {
  for (let r = 1; r <= rows; r++) {
    let found = 0;
    ws.getRow(r).eachCell((cell, c) => {
      if (!found && cell.text === header) found = c;
    });
    if (found) return found;
  }
  throw new Error(`no ${header} in ${ws.name}`);
}

describe('percentages typed in Excel / WPS', () => {
  it('reads 进度 typed as 60% in 反馈记录 as 60, not 0.6: no 蓝牌 for a unit on schedule', async () => {
    const row = await scanAfter((wb) => {
      const ws = wb.getWorksheet('反馈记录')!;
      const added = ws.addRow([new Date('2026-06-12T00:00:00Z'), TASK, '6月', '推进中']);
      const progress = added.getCell(columnOf(ws, '进度(%)', 1));
      progress.value = 0.6;
      progress.numFmt = '0%';
    });
    expect(row.value('最近反馈')).toBe('2026-06-12');
    expect(row.value('系统提示')).not.toContain('0.6%');
    expect(row.value('预警')).toBe('');
  });

  it('paints a month whose 完成情况 was typed as 100% as done, like 已完成', async () => {
    const row = await scanAfter((wb) => {
      const ws = wb.getWorksheet('挂图作战表')!;
      const months = ws.getRow(1);
      let may = 0;
      months.eachCell((cell, c) => {
        if (!may && cell.text === '5月') may = c;
      });
      const r = ws.getColumn(columnOf(ws, '编号')).values.findIndex((v) => v === TASK);
      const done = ws.getRow(r).getCell(may + 1);
      done.value = 1;
      done.numFmt = '0%';
    });
    expect(row.value('5月/完成情况')).toBe('100%');
    expect(row.fill('5月/完成情况')).toBe(MONTH_FILL.done);
  });
});
