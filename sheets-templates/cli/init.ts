/**
 * `duban init [--demo] [--as-of YYYY-MM-DD] --workbook FILE`: a new workbook from the template, optionally filled with
 * the demo county; never overwrites an existing file.
 * `duban init --workbook FILE --previous LAST_YEAR.xlsx`: the new year's workbook with what last year's hands on.
 * `duban init --google [--demo] [--as-of …] [--title T] [--sheet ID]`: the same as a Google Sheet (src/cli/google.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isoOf, partsOf, shanghaiDayOf, toDay } from '../../src/calendar/day';
import { generateDemo } from '../demo';
import { seedLatestBulletin } from '../demo-bulletin';
import { scanInstant } from '../../src/local/targets';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { type InitIo, nextSteps, officeSettings, workYear, writeEnvTemplate } from './init-office';
import { writeTemplate } from '../xlsx/xlsx';
import { commandError, commandOptions } from '../../src/cli/parse-options';
import { configValues } from '../../src/workbook/read-settings';
import type { DemoData } from '../../src/workbook/schema/tabs';
import { carriedReport, carryInto, readPrevious } from './init-carry';

export const USAGE = `用法：
  duban init --workbook 文件.xlsx --org 机关名称 --prefix 文号前缀 --email 督查室邮箱 [--year 年度]
      由空白模板新建本机关的工作簿，把机关名称、文号前缀、督查室邮箱和工作年度写入「规则配置」，
      并在同一文件夹写一个不含密码的 duban.env（邮件服务器等本机设置）。在终端中运行且缺少这些参数时会逐项询问。
    --org     机关名称，通知落款用，如 某某县人民政府办公室
    --prefix  文号前缀，如 某政督（文号为 某政督催〔2026〕1号）
    --email   督查室邮箱，通知邮件的回复地址，如 duban@example.gov.cn
    --year    工作年度（挂图作战表 1月…12月 所属年份），默认今年，12月里默认为下一年（在终端中运行时询问）；
              有 --previous 时默认为上年度的下一年
    --previous 上年度工作簿：把未办结的督办台账事项（编号不变）及其反馈、延期、办结审批、调整记录和已发通知，
              已编新年度文号的文书登记，通讯录、改过的规则配置和新年度的节假日转入新工作簿；挂图作战表不转入。
              机关名称、文号前缀、督查室邮箱未给出时取自上年度工作簿。上年度工作簿不作改动，其完整路径记入新工作簿
              「规则配置」的“上年度工作簿”：新年度扫描据此提醒从上年度工作簿印发12月、第四季度和年度通报，直至印发
  duban init --demo [--as-of YYYY-MM-DD] --workbook 文件.xlsx   新建含演示数据（虚构的县）的工作簿，默认截至今天
  duban init --google [--year 年度 | --demo [--as-of YYYY-MM-DD]] [--title 标题]   新建 Google 表格，打印网址和表格 ID；
              工作年度与 .xlsx 工作簿相同：默认今年，12月里默认为下一年，写入「规则配置」
  duban init --google --sheet 表格ID [--year 年度 | --demo]   在已共享给服务账号的空白表格中建立各工作表
    凭据取自环境变量 GOOGLE_SERVICE_ACCOUNT_JSON（密钥 JSON 全文）或 GOOGLE_APPLICATION_CREDENTIALS（密钥文件路径）
  已存在的文件不会被覆盖。
  退出码：0 已创建；1 写入失败；2 参数有误或文件已存在`;
const COMMAND = { name: 'init', usage: USAGE };

export async function run(args: string[], io: InitIo = terminalIo(), now = new Date()): Promise<number> {
  const parsed = commandOptions(COMMAND, args, {
    workbook: { type: 'string', short: 'w' },
    demo: { type: 'boolean' },
    'as-of': { type: 'string' },
    google: { type: 'boolean' },
    title: { type: 'string' },
    sheet: { type: 'string' },
    org: { type: 'string' },
    prefix: { type: 'string' },
    email: { type: 'string' },
    year: { type: 'string' },
    previous: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.google && values.workbook) return fail('--google 与 --workbook 只能选一个');
  if ((values.title || values.sheet) && !values.google) return fail('--title 和 --sheet 只用于 --google');
  if (values.google && (values.org ?? values.prefix ?? values.email ?? values.previous) !== undefined)
    return fail(
      '--org、--prefix、--email、--previous 目前只用于 .xlsx 工作簿；Google 表格请建好后在「规则配置」中填写',
    );
  if (values.google && values.demo && values.year !== undefined)
    return fail('--year 不用于 --demo（演示数据的年度取自 --as-of）');
  if (values.google) return initGoogleFrom(values, io, now);
  if (!values.workbook) return fail('缺少 --workbook 文件（或用 --google 新建 Google 表格）');
  if (!/\.xlsx$/i.test(values.workbook))
    return fail(
      `--workbook ${values.workbook}：新建的工作簿是 Excel 工作簿，文件名须以 .xlsx 结尾，如 督办-2026.xlsx`,
    );
  if (existsSync(values.workbook))
    return fail(`${values.workbook} 已存在，未覆盖；请换一个文件名或先移走原文件`);
  const asOf = demoAsOf(values['as-of']);
  if (asOf === null) return fail(`--as-of "${values['as-of']}" 不是有效日期，应为 YYYY-MM-DD`);
  const officeFlags = values.org ?? values.prefix ?? values.email ?? values.year ?? values.previous;
  if (values.demo && officeFlags !== undefined)
    return fail('--org、--prefix、--email、--year、--previous 不用于 --demo（演示数据自带虚构的县）');
  if (values.demo) {
    await createWorkbook(values.workbook, asOf);
    console.log(`已创建 ${values.workbook}（演示数据截至 ${asOf}）`);
    return 0;
  }
  if (values.previous) return initFromPrevious(values.workbook, values.previous, values, io, now);
  const today = shanghaiDayOf(now);
  // In December a new workbook is next year's by default, asked or said (init-office.ts).
  const work = await workYear(values.year, today, io);
  if ('error' in work) return fail(work.error);
  const office = await officeSettings({ ...values, year: work.year }, partsOf(today).year, io);
  if ('error' in office) return fail(office.error);
  await createWorkbook(values.workbook, null, office.config);
  const env = writeEnvTemplate(values.workbook);
  console.log([...(work.note ? [work.note] : []), nextSteps(values.workbook, office, env)].join('\n'));
  return 0;
}

/** The new year's workbook with what last year's hands on (init-carry.ts); last year's is only read. */
async function initFromPrevious(
  workbook: string,
  file: string,
  flags: { org?: string; prefix?: string; email?: string; year?: string },
  io: InitIo,
  now: Date,
): Promise<number> {
  const previous = await readPrevious(file, now);
  if ('error' in previous) return fail(previous.error);
  const own = configValues(previous.snapshot.tabs['规则配置']);
  const office = await officeSettings(
    {
      org: flags.org ?? (own['机关名称'] || undefined),
      prefix: flags.prefix ?? (own['文号前缀'] || undefined),
      email: flags.email ?? (own['督查室邮箱'] || undefined),
      year: flags.year ?? String(previous.year + 1),
    },
    previous.year + 1,
    io,
  );
  if ('error' in office) return fail(office.error);
  const carry = carryInto(previous, Number(office.config['工作年度']), now);
  if ('error' in carry) return fail(carry.error);
  // The new workbook names last year's: its scans remind the year-end 通报 to issue from it (year-end-reminder.ts).
  const config = { ...carry.config, ...office.config, 上年度工作簿: previous.file };
  await createWorkbook(workbook, null, config, carry.rows);
  const env = writeEnvTemplate(workbook);
  console.log([nextSteps(workbook, office, env), '', carriedReport(previous, carry, now)].join('\n'));
  return 0;
}

/** The demo's day: `--as-of`, or today in Asia/Shanghai; null when `--as-of` is not a date. */
function demoAsOf(given: string | undefined): string | null {
  const asOf = given ?? isoOf(shanghaiDayOf(new Date()));
  try {
    toDay(asOf);
    return asOf;
  } catch {
    return null;
  }
}

/** `--google`: the demo's year is its day's; the office's 工作年度 is chosen as for a local workbook (workYear). */
async function initGoogleFrom(
  values: { demo?: boolean; 'as-of'?: string; title?: string; sheet?: string; year?: string },
  io: InitIo,
  now: Date,
): Promise<number> {
  const asOf = demoAsOf(values['as-of']);
  if (asOf === null) return fail(`--as-of "${values['as-of']}" 不是有效日期，应为 YYYY-MM-DD`);
  const work = values.demo ? null : await workYear(values.year, shanghaiDayOf(now), io);
  if (work && 'error' in work) return fail(work.error);
  // Loaded only here, so the .xlsx path never loads the Google libraries.
  const { initGoogle } = await import('./init-google');
  return initGoogle({
    demoAsOf: values.demo ? asOf : null,
    year: work ? Number(work.year) : partsOf(toDay(asOf)).year,
    ...(work ? { config: { 工作年度: work.year } } : {}),
    ...(work?.note ? { note: work.note } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
  });
}

/** Write a new workbook (demo data as of `demoAsOf`, or empty when null), with these 规则配置 values and `rows`. */
export async function createWorkbook(
  file: string,
  demoAsOf: string | null,
  config: Record<string, string> = {},
  rows?: DemoData,
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const demo = demoAsOf ? generateDemo({ year: partsOf(toDay(demoAsOf)).year, asOf: demoAsOf }) : undefined;
  await writeTemplate(file, { ...(demo ? { demo } : {}), ...(rows ? { rows } : {}), config });
  if (demoAsOf) await seedLatestBulletin(createXlsxPackageStore(file), scanInstant(demoAsOf));
}

/** Prompts on the terminal only when both ends are one (never in scripts, services or tests). */
function terminalIo(): InitIo {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async ask(question) {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

function fail(message: string): number {
  return commandError(COMMAND, message);
}
