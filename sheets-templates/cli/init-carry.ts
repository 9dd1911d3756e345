/**
 * `duban init --previous 上年度工作簿`: read last year's workbook (never written), check it is one, and say in
 * Chinese what the new year's workbook takes over from it (src/workbook/carry/carry-over.ts) and what stays behind.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { beijingStamp } from '../../src/calendar/beijing-clock';
import { isoOf, partsOf, shanghaiDayOf } from '../../src/calendar/day';
import { yearEndDeadline } from '../../src/domain/year-end-reports';
import { readPreviousWorkbook } from '../../src/local/previous-workbook';
import { registeredBulletin } from '../../src/scan/bulletin-doc-no';
import { reportCommand, yearEndPeriods } from '../../src/scan/year-end-reminder';
import type { Snapshot } from '../../src/store/port';
import { CARRIED_ACTION, type CarryOver, carryOver } from '../../src/workbook/carry/carry-over';
import { readRegister } from '../../src/workbook/read-ledgers';
import { readSettings } from '../../src/workbook/read-settings';
import { RUN_SPECS } from '../../src/workbook/schema/tabs';

/** Tabs without which a file is not a 督办 workbook at all. */
const DUBAN_TABS = ['督办台账', '文书登记', '规则配置'];

export interface PreviousWorkbook {
  /** Its full path: what the new workbook's 规则配置 上年度工作簿 records. */
  file: string;
  snapshot: Snapshot;
  /** Its 工作年度. */
  year: number;
}

/**
 * Last year's workbook read once, or the Chinese reason it cannot be used.
 * @example await readPrevious('D:\\督办\\督办-2026.xlsx', new Date()); // { file, snapshot, year: 2026 }
 */
export async function readPrevious(file: string, now: Date): Promise<PreviousWorkbook | { error: string }> {
  if (!existsSync(file))
    return {
      error: `--previous：找不到上年度工作簿 ${file}；请核对路径，应为上年度的工作簿，如 D:\\督办\\督办-2026.xlsx`,
    };
  const read = await readPreviousWorkbook(file, [...RUN_SPECS]);
  if ('error' in read) return { error: `--previous：${read.error}。` };
  const { snapshot } = read;
  const missing = DUBAN_TABS.filter((tab) => !snapshot.tabs[tab]);
  if (missing.length)
    return {
      error:
        `--previous：${file} 不是督查督办工作簿（没有「${missing.join('」「')}」工作表）；` +
        '应为上年度用 duban init 新建、一直在扫描的那个工作簿',
    };
  return { file: resolve(file), snapshot, year: readSettings(snapshot, shanghaiDayOf(now)).year };
}

/**
 * The new year's rows from last year's workbook, or why the years do not follow each other.
 * @example carryInto(previous, 2027, now); // { rows: { 督办台账: [...] }, items: ['DB-2026-002'], … }
 */
export function carryInto(
  previous: PreviousWorkbook,
  year: number,
  now: Date,
): CarryOver | { error: string } {
  if (year === previous.year)
    return {
      error: `--previous 给出的 ${previous.file} 是${year}年度的，与新工作簿同一年度；新建${year + 1}年度的工作簿请写 --year ${year + 1}`,
    };
  if (year !== previous.year + 1)
    return {
      error: `--previous 给出的 ${previous.file} 是${previous.year}年度的，应为上年度（${year - 1}年度）的工作簿；或把 --year 改为 ${previous.year + 1}`,
    };
  return carryOver(previous.snapshot, shanghaiDayOf(now), year, beijingStamp(now));
}

/**
 * The lines on last year's December, fourth-quarter and year 通报 its 文书登记 has not registered: they are numbered
 * in last year's workbook, after December's 完成情况 were due in January (src/domain/year-end-reports.ts); with the
 * service moved to the new workbook, the clerk issues them with `duban report` from last year's, and the new
 * workbook's scans remind them until then (src/scan/year-end-reminder.ts).
 */
function yearEndBulletins(previous: PreviousWorkbook, now: Date): string[] {
  const y = previous.year;
  const register = readRegister(previous.snapshot.tabs['文书登记'], y);
  const due = yearEndPeriods(y).filter((p) => !registeredBulletin(register, p));
  if (!due.length) return [];
  const settings = readSettings(previous.snapshot, shanghaiDayOf(now));
  const deadline = yearEndDeadline({ cal: settings.calendar, config: settings.config }, y);
  return [
    `${y}年12月、第四季度和年度通报由上年度工作簿印发：12月完成情况的填报截止日 ${isoOf(deadline)} 之后，在程序目录运行`,
    ...due.map((p) => `  ${reportCommand(previous.file, p)}`),
    `  文号接着${y}年的通报流水号编，不占${y + 1}年的号。新工作簿在「规则配置」的“上年度工作簿”中记下了上年度工作簿，` +
      `自 ${isoOf(deadline + 1)} 起每次扫描都在数据问题中提醒，直至这些通报都已印发。`,
  ];
}

/** What `duban init --previous` prints: what the new workbook took over, by tab, and what it did not. */
export function carriedReport(previous: PreviousWorkbook, carry: CarryOver, now: Date): string {
  const n = (tab: keyof CarryOver['rows']) => carry.rows[tab]?.length ?? 0;
  const from = basename(previous.file);
  const newYear = (carry.rows.文书登记 ?? []).filter((r) =>
    String(r['文号'] ?? '').includes(`〔${previous.year + 1}〕`),
  );
  const items = carry.items.length
    ? `${carry.items.length}项（编号不变：${carry.items.slice(0, 8).join('、')}${carry.items.length > 8 ? ' 等' : ''}）`
    : '0项';
  const config = Object.keys(carry.config);
  return [
    `从上年度工作簿 ${from}（${previous.year}年度）转入：`,
    `  督办台账：未办结、未调出的事项 ${items}，工作人员填写的各列照抄，系统列由下一次扫描重新计算`,
    `  这些事项的 反馈记录 ${n('反馈记录')}行、延期申请 ${n('延期申请')}行、办结审批 ${n('办结审批')}行、调整记录 ${n('调整记录')}行、四个清单 ${n('任务清单') + n('责任清单') + n('措施清单') + n('结果清单')}行（含已批准的延期、调整时限，完成时限照旧；待审批的在新工作簿中继续审批）`,
    `  文书登记 ${n('文书登记')}行：这些事项已发出的通知（催办、督办接着上年度的次数和层级，不重发、不从头再催）` +
      (newYear.length
        ? `，以及上年度工作簿已编${previous.year + 1}年文号的 ${newYear.length} 份（新工作簿接着编号，文号不重复）`
        : ''),
    `  审计日志 ${n('审计日志')}行（每个转入事项一行“${CARRIED_ACTION}”，以及已记录的延期审批）`,
    `  通讯录 ${n('通讯录')}行；规则配置 改过的 ${config.length}项${config.length ? `（${config.join('、')}）` : ''}；节假日 ${previous.year + 1}年的 ${n('节假日')}行`,
    '未转入（留在上年度工作簿）：',
    `  督办台账：已办结、已调出的事项 ${carry.closed}项`,
    `  挂图作战表：${carry.battleTasks}项任务。挂图作战表是年度计划，新年度的重点工作请在新工作簿中重新录入`,
    `  文书登记：其余 ${carry.registerLeft}行（已办结事项和挂图作战表任务的通知、每日汇总等）；各月通报和其余审计日志`,
    `上年度工作簿 ${from} 未作任何改动。服务和扫描请改用新工作簿：上年度工作簿在新年度里扫描时不再发出编号的通知，以免与新工作簿的文号重复。`,
    ...yearEndBulletins(previous, now),
    ...(partsOf(shanghaiDayOf(now)).year === previous.year
      ? [
          `注意：今天还在${previous.year}年内。此后在上年度工作簿中办结的事项、新发的通知和新的申请不会进入新工作簿；` +
            `新工作簿还没有录入别的内容时，可在上年度最后一次扫描后删除新工作簿、重新运行本命令。`,
        ]
      : []),
  ].join('\n');
}
