import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendWithoutSigning } from './no-signing';
import { defaultCalendar } from '../../src/calendar';
import { isoOf, toDay, type Day } from '../../src/calendar/day';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createMemoryMailer } from '../../src/mail/memory';
import type { MailMessage } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { MONTH_FILL } from '../../src/workbook/palette';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { readBook, readRows, rowWhere } from './sheet-reader';

// Thirty consecutive working days from Friday 2026-10-16 on the demo workbook, scanned every morning at 08:30.
const cal = defaultCalendar();
const START = toDay('2026-10-16');
const DAYS: Day[] = Array.from({ length: 30 }, (_, i) => cal.addWorkdays(START, i));
const dir = mkdtempSync(join(tmpdir(), 'duban-30d-'));
const file = join(dir, 'demo.xlsx');
const mailer = createMemoryMailer();
const sentOn = new Map<MailMessage, string>();

/** What staff do in the spreadsheet: type a late report into a month cell and save, as they would in WPS. */
async function staffTypes(title: string, monthKey: string, text: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('挂图作战表')!;
  const [month, sub] = monthKey.split('/');
  let column = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (String(cell.value) === month && String(ws.getRow(2).getCell(c + 1).value) === sub) column = c + 1;
  });
  const titleColumn = (ws.getRow(1).values as unknown[]).indexOf('工作任务');
  ws.eachRow((row, r) => {
    if (r > 2 && String(row.getCell(titleColumn).value) === title) row.getCell(column).value = text;
  });
  await book.xlsx.writeFile(file);
}

/** A 督办台账 item's unit reports progress in 反馈记录. */
async function staffReports(id: string, day: Day): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('反馈记录')!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const row: unknown[] = [];
  const put = (key: string, value: unknown) => (row[header.indexOf(key)] = value);
  put('时间', `${isoOf(day)} 10:00`);
  put('编号', id);
  put('完成情况', '停车场主体已封顶，正在安装充电设施');
  put('进度(%)', 80);
  put('填报人', '联络员');
  put('渠道', '表格');
  ws.addRow(row.slice(1));
  await book.xlsx.writeFile(file);
}

let ledgerId = '';
let lateTaskId = '';
let register: ReturnType<typeof readRows> = [];
const REPORT_DAY = DAYS[2]!; // before the 督办单 would be due (3 working days after the 催办单 of day 1)

beforeAll(async () => {
  await createWorkbook(file, isoOf(START));
  await sendWithoutSigning(file); // this test follows the ladder; 签发 is tested in test/scan/signing.test.ts
  const book = readBook(file);
  ledgerId = rowWhere(readRows(book, '督办台账'), '事项标题', '推进高铁站前广场停车场建设').values['编号']!;
  lateTaskId = rowWhere(readRows(book, '挂图作战表'), '工作任务', '规上工业企业培育').values['编号']!;
  const store = createXlsxPackageStore(file);
  for (const day of DAYS) {
    if (day === REPORT_DAY) {
      await staffTypes('规上工业企业培育', '8月/完成情况', '已完成（补报）');
      await staffReports(ledgerId, day);
    }
    const before = mailer.sent.length;
    await runScan({
      store,
      mailer,
      now: new Date(day * 86_400_000 + 30 * 60_000),
      from: { address: 'duban@demo.gov.cn' },
    });
    for (const m of mailer.sent.slice(before)) sentOn.set(m, isoOf(day));
  }
  register = readRows(readBook(file), '文书登记');
}, 600_000);

const stepsOf = (id: string) =>
  register.filter((r) => r.values['编号'] === id && /^\d$/.test(r.values['去重键']!.split('|')[2]!));

/** The levels of a task's 约谈建议 rows (a card colour, or a ladder step number). */
const interviewsOf = (id: string) =>
  register
    .filter((r) => r.values['编号'] === id && r.values['类型'] === '约谈建议')
    .map((r) => r.values['去重键']!.split('|')[2]);

describe('thirty working days of scans (SPEC §4.4)', () => {
  it('the escalation ladder advances exactly: 督办单, then 督办通知书 after 3 working days, then 约谈建议 once the rectification deadline has passed', () => {
    const id = rowWhere(readRows(readBook(file), '挂图作战表'), '工作任务', '重点项目征地拆迁').values[
      '编号'
    ]!;
    const steps = stepsOf(id).map((r) => `${r.values['类型']}@${r.values['生成时间']!.slice(0, 10)}`);
    const duban = DAYS[0]!; // its 催办单 went out a month before the start
    const notice = cal.addWorkdays(duban, 3);
    expect(steps.slice(-2)).toEqual([`督办单@${isoOf(duban)}`, `督办通知书@${isoOf(notice)}`]);
    expect(steps[0]).toMatch(/^催办单@/);
    // Issue 9 item 8: one 约谈建议 to the 主要领导 per episode — the 红牌's stands for the ladder's last step.
    expect(steps).toHaveLength(3);
    expect(interviewsOf(id)).toEqual(['红牌']);
  });

  it('a late report stops the ladder of a missed month: a 催办单 on day 1, no 督办单 after the report', () => {
    const steps = stepsOf(lateTaskId).map(
      (r) => `${r.values['类型']}@${r.values['生成时间']!.slice(0, 10)}@${r.values['去重键']!.split('|')[3]}`,
    );
    expect(steps.filter((s) => s.endsWith('@反馈@2026-08'))).toEqual([
      `催办单@${isoOf(DAYS[0]!)}@反馈@2026-08`,
    ]);
    const row = rowWhere(readRows(readBook(file), '挂图作战表'), '编号', lateTaskId);
    expect(row.values['8月/完成情况']).toBe('已完成（补报）');
    expect(row.fills['8月/完成情况']).toBe(MONTH_FILL.done);
  });

  it('a progress report does not stop the ladder of an overdue item: only 办结 does', () => {
    const steps = stepsOf(ledgerId).map(
      (r) => `${r.values['类型']}@${String(r.values['去重键']).split('|')[3]}`,
    );
    // The ladder reached 督办通知书; its last step is the episode's one 约谈建议, already asked by the 红牌 (issue 9 item 8).
    expect(steps.slice(-2)).toEqual(['督办单@逾期@2026-09-21', '督办通知书@逾期@2026-09-21']);
    expect(interviewsOf(ledgerId)).toEqual(['红牌']);
  });

  it('文号 are unique and gap-free per type and year', () => {
    const byType = new Map<string, number[]>();
    for (const r of register) {
      const m = /〔(\d{4})〕(\d+)号$/.exec(r.values['文号'] ?? '');
      if (!m) continue;
      const key = `${r.values['类型']}${m[1]}`;
      byType.set(key, [...(byType.get(key) ?? []), Number(m[2])]);
    }
    expect(byType.size).toBeGreaterThanOrEqual(4);
    for (const [type, numbers] of byType) {
      expect({ type, numbers: [...numbers].sort((a, b) => a - b) }).toEqual({
        type,
        numbers: numbers.map((_, i) => i + 1),
      });
    }
  });

  it('nobody gets two digests on one day, and digests did go out', () => {
    const digests = [...sentOn].filter(([m]) => m.subject.startsWith('【督办提醒】'));
    expect(digests.length).toBeGreaterThan(0);
    const perDay = new Map<string, number>();
    for (const [m, day] of digests)
      for (const to of m.to)
        perDay.set(`${to.address}@${day}`, (perDay.get(`${to.address}@${day}`) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBe(1);
  });

  it('every registered notice was sent exactly once', () => {
    const keys = [...sentOn.keys()].map((m) => m.headers?.['X-Duban-Dedupe-Key']);
    expect(new Set(keys).size).toBe(keys.length);
    expect(register.every((r) => r.values['发送状态'] === '已发送')).toBe(true);
  });
});
