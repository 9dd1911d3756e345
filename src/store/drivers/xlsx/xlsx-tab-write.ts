import type ExcelJS from 'exceljs';
import type { TabWrite } from '../../port';

const FONT = { name: '宋体', size: 11 };

/**
 * Write a whole system-owned tab (the monthly 通报): an existing tab of that name is replaced in place, a missing one
 * is added at the end. Strings are stored as plain text, never as formulas.
 * @example writeXlsxTab(workbook, bulletinTab(bulletin));
 */
export function writeXlsxTab(workbook: ExcelJS.Workbook, tab: TabWrite): void {
  const old = workbook.worksheets.find((ws) => ws.name.trim() === tab.name.trim());
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(tab.name);
  (tab.widths ?? []).forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const bold = new Set(tab.boldRows ?? []);
  tab.rows.forEach(function writeRow(values, r) {
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.font = { ...FONT, bold: bold.has(r + 1) };
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  for (const [address, rgb] of Object.entries(tab.fills ?? {})) {
    ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } };
  }
  for (const range of tab.merges ?? []) ws.mergeCells(range);
}
