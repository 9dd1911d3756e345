/**
 * The 2027 workbook's scan reminds the 督查室 to issue 2026's December, fourth-quarter and year 通报 from the 2026
 * workbook that its 规则配置 上年度工作簿 names: from the day after December's 完成情况 were due (2027-01-08) until
 * the 2026 workbook's 文书登记 registers each (what `duban report --docx` writes), and never without that setting.
 */
import { describe, expect, it } from 'vitest';
import {
  monthPeriod,
  quarterPeriod,
  yearPeriod,
  type BulletinPeriod,
} from '../../src/domain/bulletin-period';
import { createMemoryMailer } from '../../src/mail/memory';
import { bulletinRegisterRow } from '../../src/scan/bulletin-doc-no';
import { runScan } from '../../src/scan/run-scan';
import type { PreviousWorkbookOpener } from '../../src/scan/year-end-reminder';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM, templateWorkbook, withSetting } from './demo-workbook';

const OLD = 'D:\\督办\\督办-2026.xlsx';

/** The 2026 workbook (the demo county as of 3 December) and what opening it by its path does. */
function lastYear(workbook = demoWorkbook('2026-12-03')) {
  const store = createMemoryStore(workbook);
  const opened: string[] = [];
  const open: PreviousWorkbookOpener = async (ref, specs) => {
    opened.push(ref);
    return ref === OLD
      ? { file: OLD, snapshot: await store.read(specs) }
      : { error: `找不到上年度工作簿 ${ref}` };
  };
  const issue = (period: BulletinPeriod, n: number) =>
    store.append('文书登记', [
      bulletinRegisterRow({
        docNo: `临政督通报〔2026〕${n}号`,
        period,
        title: `${period.label}重点工作督查通报`,
        to: '',
        cc: '',
        stamp: '2027-01-11 10:00:00',
        status: '已印发',
      }),
    ]);
  return { open, opened, issue };
}

/** The problems of a dry-run scan of the new 2027 workbook on `day`, its 上年度工作簿 set to `previous`. */
async function problemsOn(day: string, open: PreviousWorkbookOpener | undefined, previous = OLD) {
  const wb = withSetting(templateWorkbook(), '工作年度', '2027');
  if (previous) withSetting(wb, '上年度工作簿', previous);
  const summary = await runScan({
    store: createMemoryStore(wb),
    mailer: createMemoryMailer(),
    from: FROM,
    now: at830(day),
    dryRun: true,
    ...(open ? { previousWorkbook: open } : {}),
  });
  return summary.problems.filter((p) => p.code === 'year-end-bulletins');
}

describe('the reminder of last year’s year-end 通报', () => {
  it('says nothing up to December’s deadline, then names each 通报 with the command that issues it', async () => {
    const { open } = lastYear();
    expect(await problemsOn('2027-01-08', open)).toEqual([]);
    const [problem, ...more] = await problemsOn('2027-01-11', open);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ tab: '规则配置', cell: '上年度工作簿' });
    expect(problem!.message).toBe(
      '2026年12月、第四季度、年度通报尚未印发：12月完成情况已于2027年1月8日截止报送，自2027-01-09起可以编号印发。' +
        '请在程序目录运行 ' +
        `npx duban report --workbook ${OLD} --month 2026-12 --docx D:\\督办\\2026年12月通报.docx；` +
        `npx duban report --workbook ${OLD} --quarter 2026Q4 --docx D:\\督办\\2026年第四季度通报.docx；` +
        `npx duban report --workbook ${OLD} --year 2026 --docx D:\\督办\\2026年度通报.docx。` +
        '文号接着2026年的通报流水号编，登记在上年度工作簿，不占2027年的号；三份都登记后本提示消失' +
        '（用 --doc-no 自定文号的不登记，印发后请清空「规则配置」的“上年度工作簿”）',
    );
  });

  it('keeps reminding of those not yet registered in last year’s 文书登记, and stops once all three are', async () => {
    const { open, issue } = lastYear();
    await issue(monthPeriod(2026, 12), 12);
    const [left] = await problemsOn('2027-01-12', open);
    expect(left!.message).toMatch(/^2026年第四季度、年度通报尚未印发/);
    expect(left!.message).not.toContain('--month 2026-12');
    expect(left!.message).toContain('--quarter 2026Q4');
    await issue(quarterPeriod(2026, 4), 13);
    await issue(yearPeriod(2026), 14);
    expect(await problemsOn('2027-01-12', open)).toEqual([]);
    expect(await problemsOn('2027-03-01', open)).toEqual([]);
  });

  it('never reminds, nor opens anything, without a 上年度工作簿', async () => {
    const { open, opened } = lastYear();
    expect(await problemsOn('2027-01-11', open, '')).toEqual([]);
    expect(opened).toEqual([]);
    // Nor on a runtime that cannot open files (Google Sheets, Workers).
    expect(await problemsOn('2027-01-11', undefined)).toEqual([]);
  });

  it('opens nothing while the new workbook is scanned in December', async () => {
    const { open, opened } = lastYear();
    expect(await problemsOn('2026-12-28', open)).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('says when the 上年度工作簿 cannot be opened or is of another year, and how to correct it', async () => {
    const { open } = lastYear();
    const [missing] = await problemsOn('2027-01-11', open, 'E:\\旧\\督办-2026.xlsx');
    expect(missing!.message).toBe(
      '无法查看2026年12月、第四季度和年度通报是否已印发：找不到上年度工作簿 E:\\旧\\督办-2026.xlsx。' +
        '请在「规则配置」的“上年度工作簿”中改正为2026年度工作簿的完整路径；不再需要时，清空「规则配置」的“上年度工作簿”',
    );
    const older = lastYear(demoWorkbook('2025-12-03'));
    const [wrong] = await problemsOn('2027-01-11', older.open);
    expect(wrong!.message).toMatch(
      /^「规则配置」的“上年度工作簿”D:\\督办\\督办-2026\.xlsx 是2025年度的，应为2026年度的工作簿/,
    );
  });
});
