/**
 * `duban template`: write the empty workbook template, or with `--demo` a workbook full of a demo county's data.
 *
 *   duban template [--out FILE] [--force]
 *   duban template --demo [--year 2026] [--as-of YYYY-MM-DD] [--out FILE] [--force]
 */
import { writeFile } from 'node:fs/promises';
import { parseOptions } from '../../src/cli/parse-options';
import { isoOf, partsOf, shanghaiDayOf, toDay } from '../../src/calendar/day';

const USAGE = `用法：
  duban template [--out 文件] [--force]                 生成空白模板（默认 duban-template.xlsx）
  duban template --demo [--year 2026] [--as-of 2026-06-15] [--out 文件] [--force]
                                                        生成含演示数据的工作簿（默认截至今天，文件 duban-demo.xlsx）
  已存在的文件不会被覆盖，除非加 --force。`;

interface Options {
  out: string;
  force: boolean;
  demo: { year: number; asOf: string } | null;
}

function parse(args: string[], today: string): Options | string {
  const parsed = parseOptions(args, {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    demo: { type: 'boolean' },
    year: { type: 'string' },
    'as-of': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in parsed) return `${parsed.error}\n${USAGE}`;
  const { values } = parsed;
  if (values.help) return USAGE;
  if (!values.demo && (values.year || values['as-of'])) return `--year 和 --as-of 只用于 --demo。\n${USAGE}`;
  const out = values.out ?? (values.demo ? 'duban-demo.xlsx' : 'duban-template.xlsx');
  if (!/\.xlsx$/i.test(out))
    return `--out ${out}：模板是 Excel 工作簿，文件名须以 .xlsx 结尾，如 duban-template.xlsx。`;
  if (!values.demo) return { out, force: values.force ?? false, demo: null };

  const asOf = values['as-of'] ?? today;
  try {
    toDay(asOf);
  } catch {
    return `--as-of 应为 YYYY-MM-DD 格式的日期，收到"${asOf}"。`;
  }
  const asOfYear = partsOf(toDay(asOf)).year;
  const year = values.year === undefined ? asOfYear : Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    return `--year 应为四位年份，收到"${values.year}"。`;
  if (year !== asOfYear) return `--as-of ${asOf} 不在 ${year} 年内，请用 --as-of 指定该年内的日期。`;
  return { out, force: values.force ?? false, demo: { year, asOf } };
}

/**
 * @example
 * await run(['--demo', '--as-of', '2026-06-15', '--out', 'demo.xlsx']); // 0
 */
export async function run(args: string[]): Promise<number> {
  const today = isoOf(shanghaiDayOf(Date.now()));
  const options = parse(args, today);
  if (typeof options === 'string') {
    const isHelp = options === USAGE;
    (isHelp ? console.log : console.error)(options);
    return isHelp ? 0 : 2;
  }
  const [{ buildTemplateWorkbook }, { generateDemo }] = await Promise.all([
    import('../xlsx/xlsx'),
    import('../demo'),
  ]);
  const demo = options.demo ? generateDemo(options.demo) : undefined;
  const wb = await buildTemplateWorkbook(demo ? { demo } : {});
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  try {
    // 'wx' fails when the file exists, so two runs cannot both think the name is free.
    await writeFile(options.out, buffer, { flag: options.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      console.error(`文件已存在：${options.out}。如需覆盖，请加 --force。`);
      return 2;
    }
    const why =
      code === 'ENOENT'
        ? '所在文件夹不存在，请先建好文件夹或换一个位置'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有写入权限，请换一个位置'
          : (err as Error).message;
    console.error(`无法写入 ${options.out}：${why}`);
    return 1;
  }
  const what = options.demo
    ? `演示工作簿（${options.demo.year}年，数据截至 ${options.demo.asOf}）`
    : '空白模板';
  console.log(`已生成${what}：${options.out}`);
  return 0;
}
