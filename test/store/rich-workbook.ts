/** A workbook the way staff leave it: formatting, formulas, notes, widths, validation, hidden columns, merges, panes. */
import ExcelJS from 'exceljs';

export const RICH_MAP = '挂图作战表';

const HEADER_1 = [
  '序号',
  '编号',
  '牵头单位',
  '工作任务',
  '完成时限',
  '3月',
  null,
  '进度',
  '状态',
  '预警',
  '系统提示',
  '内部备注',
];
const HEADER_2 = [null, null, null, null, null, '应完成工作任务', '完成情况', null, null, null, null, null];

/** Write the staff workbook to `file`. System columns are 状态, 预警, 系统提示 (I, J, K). */
export async function writeRichWorkbook(file: string, rows = 6): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '县政府督查室';
  const ws = wb.addWorksheet(RICH_MAP, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
    properties: { tabColor: { argb: 'FFC00000' } },
  });
  ws.addRow(HEADER_1);
  ws.addRow(HEADER_2);
  for (const [range] of [
    ['A1:A2'],
    ['B1:B2'],
    ['C1:C2'],
    ['D1:D2'],
    ['E1:E2'],
    ['F1:G1'],
    ['H1:H2'],
    ['I1:I2'],
    ['J1:J2'],
    ['K1:K2'],
    ['L1:L2'],
  ])
    ws.mergeCells(range!);
  for (const r of [1, 2])
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: '黑体', bold: true, size: 12, color: { argb: 'FF1F3864' } };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { bottom: { style: 'medium', color: { argb: 'FF000000' } } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
  for (let i = 1; i <= rows; i++) {
    const r = i + 2;
    const row = ws.getRow(r);
    row.getCell(1).value = { formula: 'ROW()-2', result: i };
    row.getCell(2).value = i === 3 ? null : `ZD-2026-${String(i).padStart(3, '0')}`;
    row.getCell(3).value = ['发改局', '住建局', '交通局'][i % 3]!;
    row.getCell(4).value = {
      richText: [{ text: '重点', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: `任务${i}` }],
    };
    row.getCell(5).value = new Date(Date.UTC(2026, 5 + (i % 3), 30));
    row.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
    row.getCell(6).value = `3月计划${i}`;
    row.getCell(7).value = i % 2 ? '已完成' : null;
    row.getCell(8).value = i / 10;
    row.getCell(8).numFmt = '0%';
    row.getCell(12).value = { text: '附件', hyperlink: `https://example.gov.cn/doc/${i}` };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  }
  ws.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  ws.getCell('C4').font = { italic: true, color: { argb: 'FF7030A0' } };
  ws.getCell('D3').note = '县长批示：务必6月底前完成';
  ws.getRow(3).height = 30;
  ws.columns.forEach((col, i) => (col.width = [6, 14, 12, 30, 14, 20, 20, 8, 10, 8, 30, 16][i]));
  ws.getColumn(12).hidden = true;
  // exceljs supports range validations but its typings only declare the per-cell form.
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(`I3:I${rows + 2}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"正常推进,临期,逾期,滞后,未启动,已办结"'],
    showErrorMessage: true,
    errorTitle: '系统列',
    error: '状态由系统填写',
  });
  ws.addConditionalFormatting({
    ref: `H3:H${rows + 2}`,
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['0.5'],
        priority: 1,
        style: { font: { color: { argb: 'FF9C0006' } } },
      },
    ],
  });
  ws.autoFilter = `A2:L${rows + 2}`;

  const log = wb.addWorksheet('反馈记录');
  log.addRow(['时间', '编号', '完成情况', '渠道']);
  log.addRow(['2026-03-05 10:00', 'ZD-2026-001', '已开工', '表格']);
  log.getRow(2).eachCell((cell) => (cell.border = { bottom: { style: 'dotted' } }));
  log.getColumn(3).width = 40;

  const notes = wb.addWorksheet('说明', { state: 'visible' });
  notes.getCell('A1').value = '本表由县政府督查室维护';
  notes.getCell('A1').font = { size: 16, bold: true };
  notes.mergeCells('A1:D1');
  notes.getCell('A3').value = '任务总数';
  notes.getCell('B3').value = { formula: `COUNTA('${RICH_MAP}'!B3:B${rows + 2})`, result: rows - 1 };
  wb.definedNames.add(`'${RICH_MAP}'!$B$3:$B$${rows + 2}`, '编号列');
  await wb.xlsx.writeFile(file);
}
