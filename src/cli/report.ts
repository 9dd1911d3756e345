/**
 * `duban report --workbook FILE --month 2026-10 | --quarter 2026Q3 | --year 2026 [--json] [--docx FILE]`:
 * the 通报's ranking, 红黑榜 and thresholds of a local workbook, printed in Chinese (or as JSON), optionally as a .docx.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isoOf, lastDayOfMonth, shanghaiDayOf, toDay, type Day } from '../calendar/day';
import { buildBulletin, type Bulletin } from '../domain/bulletin';
import { type BulletinPeriod, PERIOD_FORMATS, parsePeriod, yearPeriod } from '../domain/bulletin-period';
import { WorkbookFileError } from '../local/workbook-file';
import { scanInstant } from '../local/targets';
import { periodSettles } from '../domain/year-end-reports';
import { bulletinConsole, bulletinJson } from '../report/bulletin-console';
import { bulletinDocx } from '../report/bulletin-docx';
import { docNoTakenBy, registeredBulletin } from '../scan/bulletin-doc-no';
import { registeredDocNo } from './report-doc-no';
import { createXlsxPackageStore } from '../store/drivers/xlsx-package/xlsx-package';
import { bulletinInput } from '../workbook/bulletin-input';
import { readWorkbook, type WorkbookModel } from '../workbook/read-workbook';
import { RUN_SPECS } from '../workbook/schema/tabs';
import { commandError, commandOptions } from './parse-options';

const USAGE = `用法：
  duban report --workbook 文件.xlsx (--month 2026-10 | --quarter 2026Q3 | --year 2026) [--json] [--docx 文件.docx]
    --month     月度通报：各牵头单位得分排名、红黑榜、逾期报送3次/5次的单位、分管领导事项状态
    --quarter   季度排名（三个月之和）；--year 年度排名（各月之和），并列出排名后三位
    --previous  上年度工作簿：用于判断连续两年排名后三位（仅 --year）
    --date      统计日，默认今天：尚未结束的期间统计到该日
    --docx      另存为《政务督查通报》Word 文档（GB/T 9704 公文格式）；期间结束后才编号印发，12月、第四季度和年度通报
                在12月完成情况的填报截止日（次年1月第5个工作日）之后，并计入各单位12月的完成情况
    --doc-no    自定通报文号（不登记）；默认取通报的年度流水号 文号前缀+通报〔年份〕序号号，如 临政督通报〔2026〕3号，
                登记在「文书登记」，同一期间再次导出沿用原文号
    --json      在标准输出打印 JSON`;
const COMMAND = { name: 'report', usage: USAGE };
const EARLY =
  '现在查看阶段情况请去掉 --docx；确需另存为 Word 的，用 --doc-no 给出本机关自定的文号（不占通报流水号）';

export async function run(args: string[]): Promise<number> {
  const parsed = commandOptions(COMMAND, args, {
    workbook: { type: 'string', short: 'w' },
    month: { type: 'string' },
    quarter: { type: 'string' },
    year: { type: 'string' },
    previous: { type: 'string' },
    date: { type: 'string' },
    docx: { type: 'string' },
    'doc-no': { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.workbook) return fail('缺少 --workbook 文件');
  if (!existsSync(values.workbook)) return fail(`找不到工作簿 ${values.workbook}：请核对路径`);
  const asked = [values.month, values.quarter, values.year].filter((v) => v !== undefined);
  if (asked.length !== 1) return fail('请给出 --month、--quarter、--year 中的一个');
  const period = parsePeriod(asked[0]!);
  if (!period || (values.month && period.kind !== 'month') || (values.quarter && period.kind !== 'quarter'))
    return fail(`期间"${asked[0]}"无法识别，应为${PERIOD_FORMATS}`);
  if (values.previous && !existsSync(values.previous)) return fail(`找不到上年度工作簿 ${values.previous}`);
  let today: Day;
  try {
    today = values.date ? toDay(values.date) : shanghaiDayOf(scanInstant(undefined));
  } catch {
    return fail(`--date "${values.date}" 不是有效日期，应为 YYYY-MM-DD`);
  }

  let model = await readModel(values.workbook, today);
  if (model.year !== period.year) return fail(`工作簿是${model.year}年度的，无法生成${period.label}的通报`);
  const own = values['doc-no']?.trim();
  // A 通报 already issued is one document: its Word again carries its 文号, 成文日期 and figures as of that day.
  const issued = values.docx && !own ? registeredBulletin(model.register, period) : undefined;
  if (issued?.day != null && issued.day !== today) model = await readModel(values.workbook, (today = issued.day));
  const previous = values.previous ? await readModel(values.previous, toDay(`${model.year - 1}-12-31`)) : null;
  if (previous && previous.year !== model.year - 1)
    return fail(
      `--previous 给出的工作簿 ${values.previous} 是${previous.year}年度的，应为上年度（${model.year - 1}年度）的工作簿`,
    );
  const previousBottom = previous ? lastYearsBottom(previous) : null;
  const bulletin = buildBulletin(bulletinInput(model), period, { previousBottom });
  if (!bulletin) return fail(`${period.label}尚未开始（统计日 ${values.date ?? '今天'}）`);
  if (values.docx && !own && bulletin.asOf < periodEnd(period))
    return fail(
      `${period.label}尚未结束（统计至 ${isoOf(bulletin.asOf)}），正式通报在期间结束后印发并编号。${EARLY}`,
    );
  const settles = periodSettles({ cal: model.calendar, config: model.config }, period);
  if (values.docx && !own && today <= settles)
    return fail(
      `${period.label}含12月：12月完成情况的填报截止日为 ${isoOf(settles)}，正式通报在截止日之后印发并编号，` +
        `以计入各单位按时报来的12月完成情况。${EARLY}`,
    );
  if (values.docx) {
    const taken = own ? docNoTakenBy(model.register, own, period) : undefined;
    if (taken)
      return fail(
        `文号 ${own} 已登记为「文书登记」中的${taken.type}（${taken.id || taken.key}），同一文号不能用于两份文书：` +
          '请换一个，或不加 --doc-no 由系统编号',
      );
    let docNo: string;
    try {
      docNo = own || (await registeredDocNo(values.workbook, model, period, bulletin, today, values.docx));
    } catch (error) {
      if (!(error instanceof WorkbookFileError)) throw error;
      // Open in WPS past the wait, or read-only: nothing registered, no file written.
      console.error(`duban report：${error.message}`);
      return 1;
    }
    await writeFile(
      values.docx,
      await bulletinDocx(bulletin, {
        agencyName: model.config.agencyName,
        docNo,
        issuedOn: today,
        mainRecipients: model.config.bulletinTo,
        copyTo: model.config.bulletinCopy,
      }),
    );
  }
  if (issued && !values.json)
    console.log(`${period.label}通报已于 ${isoOf(today)} 印发（${issued.docNo}），按原文号、原成文日期和当日数据重新生成。`);
  console.log(values.json ? JSON.stringify(bulletinJson(bulletin)) : describe(bulletin, values.docx));
  return 0;
}

async function readModel(file: string, today: Day): Promise<WorkbookModel> {
  return readWorkbook(await createXlsxPackageStore(file).read([...RUN_SPECS]), today);
}

/** Last year's bottom three, from last year's workbook read as of its 31 December. */
function lastYearsBottom(model: WorkbookModel): string[] | null {
  return buildBulletin(bulletinInput(model), yearPeriod(model.year))?.bottomThree ?? null;
}

function describe(b: Bulletin, docx: string | undefined): string {
  return bulletinConsole(b) + (docx ? `\n\n已生成 Word 文档：${docx}` : '');
}

/** The last day of the period. */
function periodEnd(period: BulletinPeriod): Day {
  return lastDayOfMonth(period.year, period.months.at(-1)!);
}

function fail(message: string): number {
  return commandError(COMMAND, message);
}
