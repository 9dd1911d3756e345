/**
 * The .xlsx template generated from src/workbook/schema/tabs.ts with exceljs: header rows with merges, widths, frozen panes,
 * drop-downs, system-column styling and notes, the 规则配置 defaults, and optionally demo rows.
 * Only features exceljs writes correctly are used, so the file opens cleanly in Excel, WPS and LibreOffice.
 */
import ExcelJS from 'exceljs';
import {
  GUIDE_TAB,
  TABS,
  type CellValue,
  type ColumnDef,
  type DemoData,
  type TabDef,
} from '../../src/workbook/schema/tabs';
import { configRows } from '../config-rows';
import { guideLines } from '../guide';
import { TEMPLATE_ROWS } from '../template-rows';

/** Fixed workbook dates so regenerating the template gives the same content. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

const HEADER_FILL = 'FFDDEBF7';
const GROUP_FILL = 'FFBDD7EE';
const SYSTEM_FILL = 'FFD9D9D9';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF8EA9C1' } },
  left: { style: 'thin', color: { argb: 'FF8EA9C1' } },
  bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } },
  right: { style: 'thin', color: { argb: 'FF8EA9C1' } },
};
const FONT = '宋体';
/** OOXML paper size codes; exceljs's enum lacks A3. */
const A4 = 9 as unknown as ExcelJS.PaperSize;
const A3 = 8 as unknown as ExcelJS.PaperSize;

interface DataValidationSheet {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function numFmtOf(c: ColumnDef): string | undefined {
  if (c.forceText) return '@';
  if (c.kind === 'date') return 'yyyy-mm-dd';
  if (c.kind === 'datetime') return 'yyyy-mm-dd hh:mm';
  if (c.kind === 'integer') return '0';
  return undefined;
}

function styleHeader(cell: ExcelJS.Cell, fill: string): void {
  cell.font = { name: FONT, bold: true, size: 11 };
  cell.fill = solid(fill);
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function writeHeaders(ws: ExcelJS.Worksheet, def: TabDef): void {
  def.columns.forEach((c, i) => {
    const col = i + 1;
    const fill = c.system ? SYSTEM_FILL : HEADER_FILL;
    const bottom = ws.getCell(def.headerRows, col);
    if (def.headerRows === 1 || !c.group) {
      const top = ws.getCell(1, col);
      top.value = c.header;
      styleHeader(top, fill);
      if (def.headerRows === 2) styleHeader(ws.getCell(2, col), fill);
      if (c.note) top.note = c.note;
    } else {
      bottom.value = c.header;
      styleHeader(bottom, fill);
      if (c.note) bottom.note = c.note;
    }
  });
  if (def.headerRows === 1) return;

  // Row 1: a group label merged over its consecutive columns; an ungrouped header merged over both rows.
  let i = 0;
  while (i < def.columns.length) {
    const c = def.columns[i]!;
    if (!c.group) {
      ws.mergeCells(1, i + 1, 2, i + 1);
      i += 1;
      continue;
    }
    let end = i;
    while (def.columns[end + 1]?.group === c.group) end += 1;
    const top = ws.getCell(1, i + 1);
    top.value = c.group;
    styleHeader(top, GROUP_FILL);
    for (let k = i + 1; k <= end; k++) styleHeader(ws.getCell(1, k + 1), GROUP_FILL);
    if (end > i) ws.mergeCells(1, i + 1, 1, end + 1);
    i = end + 1;
  }
}

function setupColumns(ws: ExcelJS.Worksheet, def: TabDef): void {
  const first = def.headerRows + 1;
  def.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    const numFmt = numFmtOf(c);
    const wrap = c.kind === 'text' && c.width >= 16;
    column.style = {
      font: { name: FONT, size: 10 },
      ...(numFmt ? { numFmt } : {}),
      alignment: { vertical: 'top', horizontal: c.width <= 10 ? 'center' : 'left', wrapText: wrap },
    };
    if (c.list) {
      const range = `${column.letter}${first}:${column.letter}${TEMPLATE_ROWS}`;
      (ws as unknown as DataValidationSheet).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: `建议从下拉列表选择：${c.list.join('、')}`,
      });
    }
  });
  ws.getRow(1).height = def.headerRows === 2 ? 20 : 30;
  if (def.headerRows === 2) ws.getRow(2).height = 30;
}

/** Spreadsheets do not all grow a row for wrapped text on open, so demo rows get a height for up to four lines. */
function rowHeight(def: TabDef, row: Record<string, CellValue>): number {
  let lines = 1;
  for (const c of def.columns) {
    const v = row[c.key];
    if (typeof v !== 'string' || c.width < 16) continue;
    // A CJK character is about 1.8 width units at 10pt.
    lines = Math.max(lines, Math.ceil((v.length * 1.8) / c.width));
  }
  return 14 * Math.min(4, lines);
}

function writeRows(ws: ExcelJS.Worksheet, def: TabDef, rows: Array<Record<string, CellValue>>): void {
  const known = new Set(def.columns.map((c) => c.key));
  for (const row of rows) {
    const unknown = Object.keys(row).find((k) => !known.has(k));
    if (unknown) throw new Error(`row key ${JSON.stringify(unknown)} is not a header of ${def.name}`);
  }
  rows.forEach((row, r) => {
    const xrow = ws.getRow(def.headerRows + 1 + r);
    xrow.height = rowHeight(def, row);
    def.columns.forEach((c, i) => {
      const v = row[c.key] ?? null;
      if (v === null || v === '') return;
      const cell = xrow.getCell(i + 1);
      cell.value = v;
      const numFmt = numFmtOf(c);
      // A real date cell keeps a date format even in a free-text column (完成时限 written as a date cell).
      if (v instanceof Date && !numFmt?.startsWith('yyyy')) cell.numFmt = 'yyyy-mm-dd';
    });
  });
}

function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(GUIDE_TAB, { properties: { tabColor: { argb: 'FF2F75B5' } } });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 100;
  ws.pageSetup = { paperSize: A4, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  guideLines().forEach((line, i) => {
    const row = ws.getRow(i + 1);
    const a = row.getCell(1);
    const b = row.getCell(2);
    if (line.style === 'title') {
      a.value = line.text;
      a.font = { name: FONT, bold: true, size: 16 };
      row.height = 28;
      return;
    }
    if (line.style === 'heading') {
      a.value = line.text;
      a.font = { name: FONT, bold: true, size: 12 };
      a.fill = solid(HEADER_FILL);
      b.fill = solid(HEADER_FILL);
      return;
    }
    // Long lines sit in the wide column with wrapping; merged cells would not grow their row in every spreadsheet.
    if (line.tab) {
      a.value = line.tab;
      a.font = { name: FONT, bold: true, size: 10 };
      a.alignment = { vertical: 'top', ...(line.fill ? { horizontal: 'center' } : {}) };
      if (line.fill) a.fill = solid(`FF${line.fill}`);
    }
    b.value = line.text;
    b.font = { name: FONT, size: 10 };
    b.alignment = { wrapText: true, vertical: 'top' };
    if (line.text.length > 60) row.height = 15 * Math.ceil(line.text.length / 60);
  });
}

/**
 * Print layout: the battle map goes on A3 landscape with its header rows and frozen columns (序号…工作任务) repeated on
 * every page, at the scale that fits them plus 完成时限 and the system columns (状态, 预警 … 系统提示) across one
 * page. Pages run down then over, so the first pages are the whole list with its 状态, 预警 and 系统提示; the
 * months follow. Nothing is hidden: every column prints. Every other tab is fitted to the page width (on A3 when it
 * is wide, like 督办台账 with its system columns).
 */
function setupPrint(ws: ExcelJS.Worksheet, def: TabDef): void {
  const margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  if (def.frozenColumns >= 3) {
    const lastFrozen = ws.getColumn(def.frozenColumns).letter;
    ws.pageSetup = {
      paperSize: A3,
      orientation: 'landscape',
      margins,
      scale: firstBandScale(def, 420 - (margins.left + margins.right) * 25.4),
      pageOrder: 'downThenOver',
      horizontalCentered: false,
      printTitlesRow: `1:${def.headerRows}`,
      printTitlesColumn: `A:${lastFrozen}`,
    };
    ws.headerFooter = { oddFooter: `&L${def.name}&C第 &P 页，共 &N 页&R打印时间 &D` };
    return;
  }
  const width = def.columns.reduce((sum, c) => sum + c.width, 0);
  ws.pageSetup = {
    paperSize: width > 160 ? A3 : A4,
    orientation: 'landscape',
    margins,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

/**
 * The print scale (%) at which the columns up to the last system column fit across one page of `pageMm`:
 * a column of width w prints about w × 9.5 + 5 pixels (0.75 pt each) wide at 100 % with the template's 宋体
 * (measured on LibreOffice's render of the demo).
 */
export function firstBandScale(def: TabDef, pageMm: number): number {
  const last = def.columns.map((c) => c.system).lastIndexOf(true);
  const points = def.columns.slice(0, last + 1).reduce((sum, c) => sum + (c.width * 9.5 + 5) * 0.75, 0);
  const available = (pageMm / 25.4) * 72;
  return Math.min(100, Math.floor((available / points) * 97));
}

function addTab(wb: ExcelJS.Workbook, def: TabDef, rows: Array<Record<string, CellValue>>): void {
  const ws = wb.addWorksheet(def.name, {
    views: [
      {
        state: 'frozen',
        xSplit: def.frozenColumns,
        ySplit: def.headerRows,
        activeCell: `A${def.headerRows + 1}`,
      },
    ],
    ...(def.owner === 'system' ? { properties: { tabColor: { argb: 'FF808080' } } } : {}),
  });
  setupColumns(ws, def);
  setupPrint(ws, def);
  writeHeaders(ws, def);
  writeRows(ws, def, rows);
}

export interface TemplateOptions {
  demo?: DemoData;
  /** Rows taken over from last year's workbook (duban init --previous), by tab. */
  rows?: DemoData;
  /** 规则配置 values by key (duban init's 机关名称, 文号前缀, 督查室邮箱, 工作年度). */
  config?: Record<string, string>;
}

/**
 * Build the workbook: a `使用说明` tab, then every tab of SPEC §2 with headers, drop-downs, frozen panes and the
 * 规则配置 defaults; with `demo`, its rows too.
 *
 * @example
 * const wb = await buildTemplateWorkbook();
 * wb.getWorksheet('挂图作战表')?.getCell('O1').value; // '1月'
 */
export async function buildTemplateWorkbook(opts: TemplateOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban-sheets';
  wb.lastModifiedBy = 'duban-sheets';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = '督查督办工作簿';
  addGuide(wb);
  for (const def of TABS) {
    const rows =
      def.name === '规则配置'
        ? configRows(opts.demo, opts.config)
        : ((opts.demo ?? opts.rows)?.[def.name] ?? []);
    addTab(wb, def, rows);
  }
  return wb;
}

/**
 * Write the template (with optional demo rows) to `file`.
 *
 * @example
 * await writeTemplate('duban-template.xlsx');
 */
export async function writeTemplate(file: string, opts: TemplateOptions = {}): Promise<void> {
  const wb = await buildTemplateWorkbook(opts);
  await wb.xlsx.writeFile(file);
}
