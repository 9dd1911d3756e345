import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { buildBulletin } from '../../src/domain/bulletin';
import { monthPeriod, yearPeriod } from '../../src/domain/bulletin-period';
import { emptyPlan } from '../../src/store/port';
import { bulletinInput } from '../../src/workbook/bulletin-input';
import { bulletinTab } from '../../src/workbook/bulletin-tab';
import { STATUS_FILL } from '../../src/workbook/palette';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { SECTION_TITLES, UNIT_HEADERS } from '../../src/workbook/schema/bulletin';
import { demoStore } from '../report/demo-workbook';

async function octoberOnDemo() {
  const store = demoStore(2026, '2026-10-31');
  const snapshot = await store.read([...TAB_SPECS]);
  const model = readWorkbook(snapshot, toDay('2026-10-31'));
  const bulletin = buildBulletin(bulletinInput(model), monthPeriod(2026, 10))!;
  return { store, snapshot, model, bulletin };
}

describe('the 2026年10月通报 tab', () => {
  it('appears in the workbook when the scan applies it with its batch, the other tabs untouched', async () => {
    const { store, snapshot, model, bulletin } = await octoberOnDemo();
    const before = store.dump().tabs;
    await store.apply({ ...emptyPlan(), tabs: [bulletinTab(bulletin, model.config)] }, snapshot);
    const tab = store.tab('2026年10月通报')!;
    expect(store.dump().tabs.slice(0, before.length)).toEqual(before);
    expect(tab.rows[0]).toEqual(['2026年10月重点工作督查通报']);
    expect(tab.rows[1]![0]).toMatch(/^统计截至2026年10月31日。得分 = 100 \+ 2×按期办结/);
    const ranking = tab.rows.findIndex((r) => r[0] === SECTION_TITLES.ranking);
    expect(tab.rows[ranking + 1]).toEqual([...UNIT_HEADERS]);
    expect(tab.rows[ranking + 2]).toEqual([1, '县发改局', 6, 1, 0, 0, '100%', 0, 0, 0, 0, 0, 0, 0, 0, 102]);
    expect(tab.rows[ranking + 20]).toEqual([
      19,
      '县交通运输局',
      5,
      0,
      0,
      2,
      '100%',
      2,
      1,
      0,
      0,
      0,
      0,
      1,
      1,
      77,
    ]);
    const black = tab.rows.findIndex((r) => r[0] === SECTION_TITLES.blackList);
    expect(tab.rows.slice(black + 2, black + 5).map((r) => r.slice(0, 3))).toEqual([
      [19, '县交通运输局', 77],
      [18, '城关镇', 85],
      [17, '县农业农村局', 90],
    ]);
    // The bottom score is shaded as a loss, the top one as a gain.
    expect(tab.fills[`P${ranking + 3}`]).toBe('C6EFCE');
    expect(tab.fills[`P${ranking + 21}`]).toBe('FFC7CE');
    const leaders = tab.rows.findIndex((r) => r[0] === SECTION_TITLES.leaders);
    expect(tab.fills[`C${leaders + 2}`]).toBe(STATUS_FILL.已办结);
    expect(tab.rows.slice(leaders + 2).reduce((n, r) => n + Number(r[1]), 0)).toBe(86);
  });

  it('names the 逾期 and 滞后 tasks with their 牵头单位 and how late, after the 红牌 tasks (seed 003 §六(三))', async () => {
    const { store, snapshot, model, bulletin } = await octoberOnDemo();
    await store.apply({ ...emptyPlan(), tabs: [bulletinTab(bulletin, model.config)] }, snapshot);
    const tab = store.tab('2026年10月通报')!;
    const late = tab.rows.findIndex((r) => r[0] === SECTION_TITLES.lateTasks);
    expect(late).toBeGreaterThan(tab.rows.findIndex((r) => r[0] === SECTION_TITLES.redCards));
    expect(tab.rows[late + 1]).toEqual(['编号', '工作任务', '牵头单位', '逾期、滞后情况']);
    expect(tab.rows[late + 2]).toEqual(['ZD-2026-061', '重点项目征地拆迁', '城关镇', '逾期24个工作日']);
    expect(tab.rows[late + 9]).toEqual([
      'ZD-2026-060',
      '乡镇综合文化站提档升级',
      '县文旅局',
      '8、9月节点滞后',
    ]);
    expect(tab.rows[late + 10] ?? []).toEqual([]);
    expect(tab.fills[`D${late + 3}`]).toBe(STATUS_FILL.逾期);
    expect(tab.fills[`D${late + 9}`]).toBe(STATUS_FILL.滞后);
  });

  it('lists at most 15 late tasks and counts the rest (等N项)', async () => {
    const { model, bulletin } = await octoberOnDemo();
    const many = Array.from({ length: 22 }, (_, i) => ({
      ...bulletin.lateTasks[0]!,
      id: `DB-2026-${100 + i}`,
    }));
    const tab = bulletinTab({ ...bulletin, lateTasks: many }, model.config);
    const late = tab.rows.findIndex((r) => r[0] === SECTION_TITLES.lateTasks);
    expect(tab.rows[late + 16]![0]).toBe('DB-2026-114');
    expect(tab.rows[late + 17]).toEqual(['……', '等22项，其余7项见挂图作战表、督办台账']);
  });

  it('says when last year is unknown on the yearly tab, and names the bottom three', async () => {
    const { model } = await octoberOnDemo();
    const year = buildBulletin(bulletinInput(model), yearPeriod(2026))!;
    const tab = bulletinTab(year, model.config);
    expect(tab.name).toBe('2026年度通报');
    const bottom = tab.rows.findIndex((r) => r[0] === SECTION_TITLES.bottom);
    expect(tab.rows.slice(bottom + 2, bottom + 2 + year.bottomThree!.length).map((r) => r[0])).toEqual(
      year.bottomThree,
    );
    expect(tab.rows.at(-1)![0]).toMatch(/未提供上年度排名/);
  });
});
