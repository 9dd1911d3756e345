/**
 * The demo workbook: a believable county's year on `asOf`, deterministic for the same (year, asOf).
 * Every status of SPEC §4.1, every card of §4.2 and the first steps of the §4.4 ladder are met by some row;
 * the tables in demo-battle-map.ts, demo-ledger.ts, demo-lists.ts and demo-flows.ts say which row triggers what.
 */
import { partsOf, toDay } from '../src/calendar/day';
import { demoConfigRows } from './config-rows';
import type { DemoData } from '../src/workbook/schema/tabs';
import { battleMap } from './demo-battle-map';
import { dateCell, secondFridayOfAugust } from './demo-dates';
import { adjustmentRows, completionRows, extensionRows, feedbackRows, noticeRows } from './demo-flows';
import { ledger } from './demo-ledger';
import { fourLists } from './demo-lists';
import { buildDirectory, directoryRows } from './demo-org';
import { createRng, seedOf } from './prng';

export interface DemoOptions {
  year: number;
  /** The day the demo is "as of" (YYYY-MM-DD, Asia/Shanghai); must fall in `year`. */
  asOf: string;
}

/**
 * Generate the demo rows of every tab.
 *
 * @example
 * const demo = generateDemo({ year: 2026, asOf: '2026-06-15' });
 * demo.挂图作战表?.length; // 66
 */
export function generateDemo({ year, asOf }: DemoOptions): DemoData {
  const day = toDay(asOf);
  if (partsOf(day).year !== year) throw new RangeError(`asOf ${asOf} is not in ${year}`);
  // One seed per (year, asOf): the same inputs give the same workbook, other dates give other names.
  const rng = createRng(seedOf(`duban-demo:${year}:${asOf}`));
  const dir = buildDirectory(createRng(seedOf(`duban-demo-people:${year}`)));
  const tasks = battleMap({ year, asOf: day, rng, dir });
  const items = ledger({ year, asOf: day, dir });
  const lists = fourLists({ tasks, year, asOf: day, rng });
  const ctx = { year, asOf: day, rng, dir };
  const localHoliday = secondFridayOfAugust(year);
  return {
    挂图作战表: tasks.map((t) => t.row),
    督办台账: items.map((i) => i.row),
    任务清单: lists.tasks,
    责任清单: lists.duties,
    措施清单: lists.measures,
    结果清单: lists.results,
    反馈记录: feedbackRows(tasks, items, ctx),
    延期申请: extensionRows(tasks, ctx),
    办结审批: completionRows(tasks, items, ctx),
    调整记录: adjustmentRows(tasks, ctx),
    文书登记: noticeRows(tasks, items, ctx),
    审计日志: [],
    通讯录: directoryRows(dir),
    规则配置: demoConfigRows(),
    节假日: [
      { 日期: dateCell(localHoliday), 类型: '放假', 名称: '县庆（示例，可删除）' },
      { 日期: dateCell(localHoliday - 6), 类型: '调休上班', 名称: '县庆调休（示例，可删除）' },
    ],
  };
}
