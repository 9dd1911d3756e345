/**
 * `duban init [--demo] [--as-of YYYY-MM-DD] --workbook FILE`: a new workbook from the template, optionally filled with
 * the demo county; never overwrites an existing file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { isoOf, partsOf, shanghaiDayOf, toDay } from '../calendar/day';
import { generateDemo } from '../../sheets-templates/demo';
import { writeTemplate } from '../../sheets-templates/xlsx';

const USAGE = `用法：
  duban init --workbook 文件.xlsx            由模板新建工作簿
  duban init --demo [--as-of YYYY-MM-DD] --workbook 文件.xlsx   新建含演示数据的工作簿（默认截至今天）
  已存在的文件不会被覆盖。`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        workbook: { type: 'string', short: 'w' },
        demo: { type: 'boolean' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return fail(`参数有误：${(error as Error).message}`);
  }
  if (values.help) return (console.log(USAGE), 0);
  if (!values.workbook) return fail('缺少 --workbook 文件');
  if (existsSync(values.workbook))
    return fail(`${values.workbook} 已存在，未覆盖；请换一个文件名或先移走原文件`);
  const asOf = values['as-of'] ?? isoOf(shanghaiDayOf(new Date()));
  try {
    toDay(asOf);
  } catch {
    return fail(`--as-of "${asOf}" 不是有效日期，应为 YYYY-MM-DD`);
  }
  await createWorkbook(values.workbook, values.demo ? asOf : null);
  console.log(`已创建 ${values.workbook}${values.demo ? `（演示数据截至 ${asOf}）` : ''}`);
  return 0;
}

/** Write a new workbook (demo data as of `demoAsOf`, or empty when null). */
export async function createWorkbook(file: string, demoAsOf: string | null): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const demo = demoAsOf ? generateDemo({ year: partsOf(toDay(demoAsOf)).year, asOf: demoAsOf }) : undefined;
  await writeTemplate(file, demo ? { demo } : {});
}

function fail(message: string): number {
  console.error(`duban init：${message}\n${USAGE}`);
  return 2;
}
