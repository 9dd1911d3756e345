/**
 * Last year's December, fourth-quarter and year 通报 are issued from last year's workbook (src/domain/year-end-reports.ts:
 * numbered in its series, once December's 完成情况 were due in January), but by January the service scans the new
 * year's workbook, and nothing scans last year's any more. So each scan of the new workbook reminds the 督查室 —
 * among its problems, on the status page and the desk — from the first day `duban report --docx` numbers them until
 * last year's 文书登记 registers each, with the commands to run. The new workbook names last year's in 规则配置
 * 上年度工作簿 (duban init --previous writes it); left blank, nothing is reminded.
 */
import { cnFullDate, isoOf, partsOf, type Day } from '../calendar/day';
import { monthPeriod, quarterPeriod, yearPeriod, type BulletinPeriod } from '../domain/bulletin-period';
import { yearEndDeadline } from '../domain/year-end-reports';
import type { Snapshot, TabSpec } from '../store/port';
import { readRegister } from '../workbook/read-ledgers';
import { readSettings } from '../workbook/read-settings';
import type { WorkbookModel } from '../workbook/read-workbook';
import type { ScanProblem } from '../workbook/scan-problem';
import { tabSpec } from '../workbook/schema/tabs';
import { registeredBulletin } from './bulletin-doc-no';

/** Opens the workbook 规则配置 上年度工作簿 names, only to read it; the Chinese reason when it cannot. */
export type PreviousWorkbookOpener = (
  ref: string,
  specs: TabSpec[],
) => Promise<{ file: string; snapshot: Snapshot } | { error: string }>;

/** What the reminder reads of last year's workbook: its settings, year and 文书登记. */
const PREVIOUS_SPECS = (['规则配置', '节假日', '文书登记', '挂图作战表', '督办台账'] as const).map(tabSpec);

/** The 通报 a year's workbook issues after the year: December's, the fourth quarter's and the year's. */
export function yearEndPeriods(year: number): BulletinPeriod[] {
  return [monthPeriod(year, 12), quarterPeriod(year, 4), yearPeriod(year)];
}

/**
 * The `duban report` command that issues a year-end 通报 from `file`, its Word file beside it.
 *
 * @example reportCommand('D:\\督办\\督办-2026.xlsx', monthPeriod(2026, 12));
 * // 'npx duban report --workbook D:\\督办\\督办-2026.xlsx --month 2026-12 --docx D:\\督办\\2026年12月通报.docx'
 */
export function reportCommand(file: string, period: BulletinPeriod): string {
  const flag =
    period.kind === 'month'
      ? `--month ${period.year}-${period.months[0]}`
      : period.kind === 'quarter'
        ? `--quarter ${period.year}Q${period.months.at(-1)! / 3}`
        : `--year ${period.year}`;
  const docx = `${file.replace(/[^\\/]*$/, '')}${period.label}通报.docx`;
  return `npx duban report --workbook ${shellArg(file)} ${flag} --docx ${shellArg(docx)}`;
}

/** A path as one argument in cmd.exe and sh alike. */
function shellArg(path: string): string {
  return /\s/.test(path) ? `"${path}"` : path;
}

/**
 * The reminder of last year's year-end 通报 not yet issued, or why it cannot be checked; none without an opener or a
 * 规则配置 上年度工作簿, before the new year, before they can be numbered, or once all three are registered.
 *
 * @example await yearEndReminders(open, model2027On20270111); // [{ code: 'year-end-bulletins', message: '2026年12月、…' }]
 */
export async function yearEndReminders(
  open: PreviousWorkbookOpener | undefined,
  model: WorkbookModel,
): Promise<ScanProblem[]> {
  const ref = model.config.previousWorkbook;
  const year = model.year - 1;
  if (!open || !ref || partsOf(model.today).year <= year) return [];
  const problem = (message: string): ScanProblem => ({
    tab: '规则配置',
    row: null,
    id: null,
    cell: '上年度工作簿',
    code: 'year-end-bulletins',
    message,
  });
  const clear = `；不再需要时，清空「规则配置」的“上年度工作簿”`;
  // Judged as `duban report` on that workbook judges it: by its own 节假日 and 规则配置.
  const opened = await open(ref, PREVIOUS_SPECS);
  if ('error' in opened) {
    if (model.today <= yearEndDeadline({ cal: model.calendar, config: model.config }, year)) return [];
    return [
      problem(
        `无法查看${year}年12月、第四季度和年度通报是否已印发：${opened.error}。` +
          `请在「规则配置」的“上年度工作簿”中改正为${year}年度工作簿的完整路径${clear}`,
      ),
    ];
  }
  const settings = readSettings(opened.snapshot, model.today);
  const deadline = yearEndDeadline({ cal: settings.calendar, config: settings.config }, year);
  if (model.today <= deadline) return [];
  if (settings.year !== year)
    return [
      problem(
        `「规则配置」的“上年度工作簿”${opened.file} 是${settings.year}年度的，应为${year}年度的工作簿：` +
          `请改正为${year}年度工作簿的完整路径${clear}`,
      ),
    ];
  const register = readRegister(opened.snapshot.tabs['文书登记'], year);
  const due = yearEndPeriods(year).filter((p) => !registeredBulletin(register, p));
  if (!due.length) return [];
  return [problem(dueMessage(opened.file, year, due, deadline))];
}

function dueMessage(file: string, year: number, due: BulletinPeriod[], deadline: Day): string {
  const names = due.map((p) => (p.kind === 'month' ? '12月' : p.kind === 'quarter' ? '第四季度' : '年度'));
  return (
    `${year}年${names.join('、')}通报尚未印发：12月完成情况已于${cnFullDate(deadline)}截止报送，` +
    `自${isoOf(deadline + 1)}起可以编号印发。请在程序目录运行 ` +
    due.map((p) => reportCommand(file, p)).join('；') +
    `。文号接着${year}年的通报流水号编，登记在上年度工作簿，不占${year + 1}年的号；三份都登记后本提示消失` +
    `（用 --doc-no 自定文号的不登记，印发后请清空「规则配置」的“上年度工作簿”）`
  );
}
