/**
 * A time the system writes into an .xlsx ledger is a number cell with a date-time format — what Excel and WPS sort
 * and filter as a date — not text, whichever xlsx driver writes it; read with SheetJS, an independent reader.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { createXlsxStore } from '../../src/store/drivers/xlsx/xlsx';
import { dayCell, serialOf, stampCell } from '../../src/store/grid/date-cell';
import type { SheetStore } from '../../src/store/port';
import { inspectXlsx } from './xlsx-inspect';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Ledgers as an office has them: an old text stamp, a staff's own date-time format, a date column. */
async function ledgers(file: string): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const audit = wb.addWorksheet('审计日志');
  audit.addRow(['时间', '动作']);
  audit.addRow(['2026-12-01 08:00:00', '扫描']);
  const asked = wb.addWorksheet('延期申请');
  asked.addRow(['申请号', '申请时间']);
  asked.addRow(['YQ-1', new Date('2026-12-01T08:00:00Z')]);
  asked.getCell('B2').numFmt = 'yyyy/m/d h:mm';
  const adjust = wb.addWorksheet('调整记录');
  adjust.addRow(['编号', '日期']);
  adjust.addRow(['ZD-1', new Date('2026-11-02T00:00:00Z')]);
  adjust.getCell('B2').numFmt = 'yyyy-mm-dd';
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

const drivers: Array<[string, (file: string) => SheetStore]> = [
  ['xlsx-package', (file) => createXlsxPackageStore(file)],
  ['xlsx (exceljs)', (file) => createXlsxStore(file)],
];

describe.each(drivers)('date cells written by the %s driver', (_name, open) => {
  it('a 时间 appended shows as 2026-12-03 14:05 and is a number; a date shows as 2026-12-04; a staff format stays', async () => {
    dir = await mkdtemp(join(tmpdir(), 'date-cells-'));
    const file = join(dir, 'ledgers.xlsx');
    await ledgers(file);
    const store = open(file);
    const at = stampCell('2026-12-03 14:05:09');
    await store.append('审计日志', [{ 时间: at, 动作: '链接反馈' }]);
    await store.append('延期申请', [{ 申请号: 'YQ-2', 申请时间: at }]);
    await store.append('调整记录', [{ 编号: 'ZD-2', 日期: dayCell('2026-12-04') }]);

    const { book } = await inspectXlsx(file);
    const cell = (tab: string, address: string) => book.Sheets[tab]![address] as XLSX.CellObject;
    const shown = (c: XLSX.CellObject) => XLSX.SSF.format(String(c.z), c.v as number);

    const time = cell('审计日志', 'A3');
    expect(time.t).toBe('n');
    expect(time.v).toBeCloseTo(serialOf(at), 8);
    expect([time.z, shown(time)]).toEqual(['yyyy-mm-dd hh:mm', '2026-12-03 14:05']);
    expect(cell('审计日志', 'B3')).toMatchObject({ t: 's', v: '链接反馈' });
    expect(cell('审计日志', 'A2')).toMatchObject({ t: 's', v: '2026-12-01 08:00:00' });

    const staff = cell('延期申请', 'B3');
    expect([staff.t, staff.z, shown(staff)]).toEqual(['n', 'yyyy/m/d h:mm', '2026/12/3 14:05']);

    const day = cell('调整记录', 'B3');
    expect([day.t, day.v, day.z, shown(day)]).toEqual(['n', 46360, 'yyyy-mm-dd', '2026-12-04']);

    const again = await store.read([{ name: '审计日志', headerRows: 1 }]);
    expect(again.tabs['审计日志']!.rows.map((r) => r.cells['时间'])).toEqual(['2026-12-01 08:00:00', at]);
  });
});
