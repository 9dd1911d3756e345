/**
 * `duban workdays add <YYYY-MM-DD> <N> [--json]` and `duban workdays check <YYYY-MM-DD> [--json]`:
 * working-day arithmetic from the command line, on the built-in calendar or (`--workbook`) the one a scan of that
 * workbook uses.
 */
import { dayOf, defaultCalendar, isoOf, partsOf, shanghaiDayOf, type Day, type WorkCalendar } from '../calendar';
import { workbookSettings } from '../local/workbook-settings';
import { StoreError, userMessageOf } from '../store/errors';

const USAGE = [
  '用法：',
  '  duban workdays add <YYYY-MM-DD> <N> [--json]   N 个工作日后的日期（N 为整数，可为负数；0 = 当天，休息日则为其后第一个工作日）',
  '  duban workdays check <YYYY-MM-DD> [--json]     是否工作日、节假日名称、该年是否为推算日历',
  '  加 --workbook 文件.xlsx：按该工作簿「节假日」表中录入的安排计算（与扫描一致），否则只用内置日历',
].join('\n');

class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs the `workdays` command; returns the exit code (0 ok, 2 bad input).
 *
 * @example
 * await run(['add', '2026-02-13', '2', '--json']); // prints {"date":"2026-02-24","provisional":false}
 */
export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const at = args.indexOf('--workbook');
  const workbook = at >= 0 ? args[at + 1] : undefined;
  const positional = args.filter((arg, i) => arg !== '--json' && (at < 0 || (i !== at && i !== at + 1)));
  if (positional.some((arg) => arg === '--help' || arg === '-h' || arg === 'help')) {
    console.log(USAGE);
    return 0;
  }
  try {
    const unknownFlag = positional.find((arg) => arg.startsWith('--'));
    if (unknownFlag) throw new UsageError(`不认识的选项 ${unknownFlag}`);
    if (at >= 0 && (!workbook || workbook.startsWith('--')))
      throw new UsageError('--workbook 后面要写工作簿文件，如 --workbook D:\\督办\\督办-2027.xlsx');
    const [sub, ...rest] = positional;
    const cal = workbook ? await calendarOf(workbook) : defaultCalendar();
    if (sub === 'add') print(add(cal, rest), json);
    else if (sub === 'check') print(check(cal, rest), json);
    else throw new UsageError(sub ? `不认识的子命令 ${JSON.stringify(sub)}` : '缺少子命令');
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`duban workdays：${error.message}\n${USAGE}`);
    return 2;
  }
}

/** The workbook's calendar (its 节假日 rows), or a usage error saying why the file cannot be read. */
async function calendarOf(workbook: string): Promise<WorkCalendar> {
  try {
    return (await workbookSettings(workbook, shanghaiDayOf(new Date()))).calendar;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new UsageError(userMessageOf(error) ?? `无法读取工作簿 ${workbook}：文件不存在或不是 .xlsx 工作簿`);
  }
}

interface Output {
  json: Record<string, unknown>;
  text: string;
}

function print(output: Output, json: boolean): void {
  console.log(json ? JSON.stringify(output.json) : output.text);
}

function add(cal: WorkCalendar, args: string[]): Output {
  if (args.length !== 2) throw new UsageError('add 需要两个参数：日期和工作日数 N');
  const from = parseDay(cal, args[0]!);
  const n = parseCount(args[1]!);
  let to: Day;
  try {
    to = cal.addWorkdays(from, n);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`结果超出工作日历范围（${rangeText(cal)}）`);
    throw error;
  }
  const provisionalYears = yearsBetween(from, to).filter((year) => cal.isProvisional(year));
  return {
    json: { date: isoOf(to), provisional: provisionalYears.length > 0 },
    text: `${isoOf(to)} （工作日${provisionalYears.length ? `；${provisionalNote(provisionalYears)}` : ''}）`,
  };
}

function check(cal: WorkCalendar, args: string[]): Output {
  if (args.length !== 1) throw new UsageError('check 需要一个参数：日期');
  const day = parseDay(cal, args[0]!);
  const workday = cal.isWorkday(day);
  const holiday = cal.holidayName(day);
  const year = partsOf(day).year;
  const provisional = cal.isProvisional(year);
  const text = [isoOf(day), workday ? '工作日' : '休息日', holiday].filter(Boolean).join(' ');
  return {
    json: { date: isoOf(day), workday, holiday, provisional },
    text: provisional ? `${text}（${provisionalNote([year])}）` : text,
  };
}

function parseDay(cal: WorkCalendar, text: string): Day {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const day = m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day === null)
    throw new UsageError(`日期 ${JSON.stringify(text)} 无效：请写成 YYYY-MM-DD，如 2026-03-31`);
  const { year } = partsOf(day);
  if (year < cal.firstYear || year > cal.lastYear) {
    throw new UsageError(`日期 ${text} 超出工作日历范围（${rangeText(cal)}）`);
  }
  return day;
}

function parseCount(text: string): number {
  if (!/^[+-]?\d{1,6}$/.test(text))
    throw new UsageError(`工作日数 ${JSON.stringify(text)} 无效：请写整数，如 5、0 或 -3`);
  return Number(text);
}

function yearsBetween(a: Day, b: Day): number[] {
  const [from, to] = [partsOf(Math.min(a, b)).year, partsOf(Math.max(a, b)).year];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function provisionalNote(years: number[]): string {
  return `${years.join('、')}年为推算日历，以国务院公布为准`;
}

function rangeText(cal: WorkCalendar): string {
  return `${cal.firstYear}–${cal.lastYear}年`;
}
