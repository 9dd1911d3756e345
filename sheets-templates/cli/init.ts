/**
 * `duban init [--demo] [--as-of YYYY-MM-DD] --workbook FILE`: a new workbook from the template, optionally filled with
 * the demo county; never overwrites an existing file.
 * `duban init --google [--demo] [--as-of …] [--title T] [--sheet ID]`: the same as a Google Sheet (src/cli/google.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isoOf, partsOf, shanghaiDayOf, toDay } from '../../src/calendar/day';
import { generateDemo } from '../demo';
import { writeTemplate } from '../xlsx/xlsx';
import { parseOptions } from '../../src/cli/parse-options';

const USAGE = `用法：
  duban init --workbook 文件.xlsx            由模板新建工作簿
  duban init --demo [--as-of YYYY-MM-DD] --workbook 文件.xlsx   新建含演示数据的工作簿（默认截至今天）
  已存在的文件不会被覆盖。
  duban init --google [--demo] [--as-of YYYY-MM-DD] [--title 标题]   新建 Google 表格，打印网址和表格 ID
  duban init --google --sheet 表格ID [--demo]   在已共享给服务账号的空白表格中建立各工作表
    凭据取自环境变量 GOOGLE_SERVICE_ACCOUNT_JSON（密钥 JSON 全文）或 GOOGLE_APPLICATION_CREDENTIALS（密钥文件路径）`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
    workbook: { type: 'string', short: 'w' },
    demo: { type: 'boolean' },
    'as-of': { type: 'string' },
    google: { type: 'boolean' },
    title: { type: 'string' },
    sheet: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in parsed) return fail(parsed.error);
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.google && values.workbook) return fail('--google 与 --workbook 只能选一个');
  if ((values.title || values.sheet) && !values.google) return fail('--title 和 --sheet 只用于 --google');
  if (values.google) return initGoogleFrom(values);
  if (!values.workbook) return fail('缺少 --workbook 文件（或用 --google 新建 Google 表格）');
  if (existsSync(values.workbook))
    return fail(`${values.workbook} 已存在，未覆盖；请换一个文件名或先移走原文件`);
  const asOf = demoAsOf(values['as-of']);
  if (asOf === null) return fail(`--as-of "${values['as-of']}" 不是有效日期，应为 YYYY-MM-DD`);
  await createWorkbook(values.workbook, values.demo ? asOf : null);
  console.log(`已创建 ${values.workbook}${values.demo ? `（演示数据截至 ${asOf}）` : ''}`);
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

async function initGoogleFrom(values: {
  demo?: boolean;
  'as-of'?: string;
  title?: string;
  sheet?: string;
}): Promise<number> {
  const asOf = demoAsOf(values['as-of']);
  if (asOf === null) return fail(`--as-of "${values['as-of']}" 不是有效日期，应为 YYYY-MM-DD`);
  // Loaded only here, so the .xlsx path never loads the Google libraries.
  const { initGoogle } = await import('./init-google');
  return initGoogle({
    demoAsOf: values.demo ? asOf : null,
    year: partsOf(toDay(asOf)).year,
    ...(values.title ? { title: values.title } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
  });
}

/** Write a new workbook (demo data as of `demoAsOf`, or empty when null), with these 规则配置 values. */
export async function createWorkbook(
  file: string,
  demoAsOf: string | null,
  config: Record<string, string> = {},
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const demo = demoAsOf ? generateDemo({ year: partsOf(toDay(demoAsOf)).year, asOf: demoAsOf }) : undefined;
  await writeTemplate(file, { ...(demo ? { demo } : {}), config });
}

function fail(message: string): number {
  console.error(`duban init：${message}\n${USAGE}`);
  return 2;
}
