import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { hintTicked } from '../../src/workbook/plan';
import { readBook, readRows, rowWhere, type ReadRow } from './sheet-reader';

// The demo scanned on Friday 2026-10-16 and again on Monday 2026-10-19: one working day later.
const dir = mkdtempSync(join(tmpdir(), 'duban-countdown-'));
const file = join(dir, 'demo.xlsx');
const EXTENDED = '规上工业企业培育';
const scan = (iso: string) =>
  runScan({
    store: createXlsxPackageStore(file),
    mailer: createMemoryMailer(),
    now: new Date(`${iso}T00:30:00Z`),
    from: { address: 'duban@demo.gov.cn' },
  });

/** Staff move a task's 完成时限 to the next March over the weekend. */
async function staffExtends(title: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('挂图作战表')!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  ws.eachRow((row, r) => {
    if (r > 2 && String(row.getCell(header.indexOf('工作任务')).value) === title)
      row.getCell(header.indexOf('完成时限')).value = '2027-03-31';
  });
  await book.xlsx.writeFile(file);
}

/** The rows of both task tabs: 挂图作战表 and 督办台账 both count down. */
const tasks = (book: ReturnType<typeof readBook>) => [
  ...readRows(book, '挂图作战表'),
  ...readRows(book, '督办台账'),
];

let friday: ReadRow[] = [];
let monday: ReadRow[] = [];
let mondayAudit: ReadRow[] = [];

beforeAll(async () => {
  await createWorkbook(file, '2026-10-16');
  await scan('2026-10-16');
  friday = tasks(readBook(file));
  const auditBefore = readRows(readBook(file), '审计日志').length;
  await staffExtends(EXTENDED);
  await scan('2026-10-19');
  const book = readBook(file);
  monday = tasks(book);
  mondayAudit = readRows(book, '审计日志').slice(auditBefore);
}, 120_000);

const remaining = (rows: ReadRow[], id: string) => rowWhere(rows, '编号', id).values['剩余工作日']!;

describe('the 剩余工作日 countdown in 审计日志', () => {
  it('is one row for all the tasks that counted down by the working day that passed, not one per task', () => {
    const ticked = monday.filter((r) => {
      const before = remaining(friday, r.values['编号']!);
      return before !== '' && Number(before) - Number(r.values['剩余工作日']) === 1;
    });
    expect(ticked.length).toBeGreaterThan(30);
    const rows = mondayAudit.filter(
      (r) => r.values['动作'] === '倒计时' && r.values['字段'] === '剩余工作日',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values).toMatchObject({
      操作者: '系统',
      编号: `${ticked.length}项`,
      字段: '剩余工作日',
      新值: '−1',
    });
    expect(rows[0]!.values['备注']).toContain('原值 = 新值 + 1');
  });

  it('still records every other change of 剩余工作日 on its own, with before and after', () => {
    const id = rowWhere(monday, '工作任务', EXTENDED).values['编号']!;
    const own = mondayAudit.filter(
      (r) => r.values['动作'] !== '倒计时' && r.values['字段']!.split('、').includes('剩余工作日'),
    );
    expect(own.map((r) => r.values['编号'])).toEqual([id]);
    const fields = own[0]!.values['字段']!.split('、');
    const at = fields.indexOf('剩余工作日');
    expect(own[0]!.values['原值']!.split('；')[at]).toBe(remaining(friday, id));
    expect(own[0]!.values['新值']!.split('；')[at]).toBe(remaining(monday, id));
    expect(Number(remaining(monday, id))).toBeGreaterThan(Number(remaining(friday, id)));
  });

  it('counts the working days inside 系统提示 (逾期N个工作日) in one row too, and keeps every other 系统提示 change', () => {
    const overdue = monday.filter((r) => {
      const before = rowWhere(friday, '编号', r.values['编号']!).values['系统提示'] ?? '';
      return before !== r.values['系统提示'] && hintTicked(before, r.values['系统提示'] ?? '', 1);
    });
    expect(overdue.length).toBeGreaterThan(0);
    const rows = mondayAudit.filter((r) => r.values['动作'] === '倒计时' && r.values['字段'] === '系统提示');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values).toMatchObject({ 编号: `${overdue.length}项`, 新值: '±1个工作日' });
    const hintRows = mondayAudit.filter(
      (r) => r.values['动作'] === '系统列更新' && r.values['字段']!.split('、').includes('系统提示'),
    );
    for (const r of hintRows) expect(overdue.map((o) => o.values['编号'])).not.toContain(r.values['编号']);
    // A 系统提示 that changed for another reason (the extended task's new 完成时限) still has its own row.
    const id = rowWhere(monday, '工作任务', EXTENDED).values['编号']!;
    expect(rowWhere(friday, '编号', id).values['系统提示']).not.toBe(
      rowWhere(monday, '编号', id).values['系统提示'],
    );
    expect(hintRows.map((r) => r.values['编号'])).toContain(id);
  });
});
