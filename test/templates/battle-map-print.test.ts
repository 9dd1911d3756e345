import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { CARD_FILL, MONTH_FILL, STATUS_FILL } from '../../src/workbook/palette';
import { headerKeys } from '../../src/workbook/schema/tabs';
import { buildTemplateWorkbook } from '../../sheets-templates/xlsx/xlsx';

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await buildTemplateWorkbook();
});

describe('the 挂图作战表 prints its status next to the task', () => {
  it('puts 状态, 预警 and 系统提示 right after 工作任务 and 完成时限, all system columns before the months', () => {
    const keys = headerKeys('挂图作战表');
    expect(keys.slice(0, 9)).toEqual([
      '序号',
      '编号',
      '分管领导',
      '牵头单位',
      '工作任务',
      '完成时限',
      '状态',
      '预警',
      '系统提示',
    ]);
    expect(keys.indexOf('原完成时限')).toBeLessThan(keys.indexOf('1月/应完成工作任务'));
  });

  it('prints on A3 landscape, down then over, header rows and 序号…工作任务 on every page, nothing hidden', () => {
    const ws = wb.getWorksheet('挂图作战表')!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      pageOrder: 'downThenOver',
      printTitlesRow: '1:2',
      printTitlesColumn: 'A:E',
    });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(65);
    expect(ws.pageSetup.scale).toBeLessThan(100);
    expect(ws.pageSetup.printArea).toBeUndefined();
    expect(ws.columns.filter((c) => c.hidden)).toEqual([]);
  });
});

describe('the 使用说明 legend', () => {
  it('paints a swatch of every status, card and month colour beside what it means', () => {
    const ws = wb.getWorksheet('使用说明')!;
    const swatches = new Map<string, string>();
    ws.eachRow((row) => {
      const a = row.getCell(1);
      const fill = a.fill?.type === 'pattern' ? a.fill.fgColor?.argb : undefined;
      if (fill && typeof a.value === 'string') swatches.set(a.value, fill.slice(2));
    });
    for (const [status, fill] of Object.entries(STATUS_FILL)) expect(swatches.get(status), status).toBe(fill);
    for (const [card, fill] of Object.entries(CARD_FILL)) expect(swatches.get(card), card).toBe(fill);
    expect([swatches.get('已完成'), swatches.get('部分完成'), swatches.get('未完成')]).toEqual([
      MONTH_FILL.done,
      MONTH_FILL.partial,
      MONTH_FILL.missing,
    ]);
  });
});
