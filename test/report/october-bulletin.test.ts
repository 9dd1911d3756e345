/**
 * The demo county's October 2026 通报 against a table worked out by hand from the demo's design
 * (sheets-templates/demo-battle-map.ts, demo-ledger.ts, demo-flows.ts; the demo as of 2026-10-31).
 * September's month report was due on 13 October (the 5th working day after the National Day holiday).
 * Score (SPEC §4.7): 100 + 2 per task closed on time − 2 per missed report − 5 per overdue task − 1 per late report
 * − 3 per 督办单 − 10 per 红牌.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { buildBulletin, type Bulletin } from '../../src/domain/bulletin';
import { monthPeriod, quarterPeriod } from '../../src/domain/bulletin-period';
import { bulletinInput } from '../../src/workbook/bulletin-input';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoStore } from './demo-workbook';

let october: Bulletin;
let input: ReturnType<typeof bulletinInput>;
beforeAll(async () => {
  const snapshot = await demoStore(2026, '2026-10-31').read([...TAB_SPECS]);
  input = bulletinInput(readWorkbook(snapshot, toDay('2026-10-31')));
  october = buildBulletin(input, monthPeriod(2026, 10))!;
});

/** unit → [tasks, closed on time, 滞后, 逾期, on-time %, notices, 红牌, 督办单, missed, late, times this year, score, rank]. */
const BY_HAND: Record<string, number[]> = {
  // ZD-001…005 and DB-012. ZD-002 (争取中央预算内投资和专项债券) closed ahead: card signed 17–22 Oct, deadline later
  // → +2. The five month reports due 13 Oct were made. 100 + 2 = 102, the only score above 100 → rank 1.
  县发改局: [6, 1, 0, 0, 100, 0, 0, 0, 0, 0, 0, 102, 1],
  // ZD-031…034 and DB-002. ZD-033 城乡客运一体化 overdue since 25 Oct; DB-002 (交办 1 Sep, 一般 7 days) overdue 18
  // working days → 红牌; 催办单 11 Oct and 督办单 17 Oct. Its first report (due 8 Sep) came 21 Sep: late once
  // this year. 100 − 5×2 − 3 − 10 = 77, the lowest → rank 19 of 19.
  县交通运输局: [5, 0, 0, 2, 100, 2, 1, 1, 0, 0, 1, 77, 19],
  // ZD-061 重点项目征地拆迁 overdue 24 working days → 红牌; its 催办单 went out on 30 Sep, the last working day
  // before 国庆 (none in October); the 背街小巷 row without 编号 and DB-016 (长期; its first report due 17 Aug came
  // 27 Aug: late once). 100 − 5 − 10 = 85 → rank 18.
  城关镇: [3, 0, 0, 1, 100, 0, 1, 0, 0, 0, 1, 85, 18],
  // ZD-041…046 and DB-008. ZD-045 农村人居环境整治 has 红牌标记 = 是. 100 − 10 = 90 → rank 17.
  县农业农村局: [7, 0, 0, 0, 100, 0, 1, 0, 0, 0, 0, 90, 17],
  // ZD-022…026, DB-001, DB-003 and the危旧房屋 item without 编号. DB-003 (交办 11 Oct) reported nothing by 19 Oct
  // and is overdue; ZD-022 is 滞后 by its sub-item. Reports due: 4 month reports + DB-003's = 5, one missed → 80%.
  // ZD-024 保障性住房 applied to close on 27 Sep, before its 30 Sep deadline; the card's last signature came on
  // 2 Oct: closed on time in October (the signers' pace is not the unit's delay) → +2. 100 + 2 − 5 − 2 = 95 → rank 16.
  县住建局: [8, 1, 1, 1, 80, 0, 0, 0, 1, 0, 1, 95, 16],
  // ZD-058…060 and DB-015. ZD-060 乡镇综合文化站提档升级: August and September unreported → 滞后; September's
  // report was due in October. 4 due (3 months + DB-015's), 1 missed → 75%. 100 − 2 = 98 → rank 14, tied with
  // 县卫健委 (its 医疗设备采购, 交办 40 days before, let the 全体会议 month to report pass: −2).
  县文旅局: [4, 0, 1, 0, 75, 0, 0, 0, 1, 0, 2, 98, 14],
  // ZD-013 规上工业企业培育: September unreported. 4 due (3 months + DB-009's), 1 missed. DB-009 办理状态 已完成,
  // applied on its deadline 28 Oct and confirmed by the 督查室 on 29 Oct on a card typed by staff (not 审批中):
  // closed on time → +2. 100 + 2 − 2 = 100 → rank 2 (tie).
  县工信局: [4, 1, 1, 0, 75, 0, 0, 0, 1, 0, 1, 100, 2],
};

describe('the demo county’s October 2026 通报', () => {
  it.each(Object.entries(BY_HAND))('%s: figures, score and rank as worked out by hand', (unit, row) => {
    const u = october.units.find((x) => x.unit === unit)!;
    expect([
      u.tasks,
      u.closedOnTime,
      u.lagging,
      u.overdue,
      u.onTimeFeedbackPercent,
      u.notices,
      u.cards.红牌,
      u.supervisions,
      u.missed,
      u.late,
      u.overdueTimesYtd,
      u.score,
      u.rank,
    ]).toEqual(row);
  });

  it('ranks 19 units: 12 more on 100 share rank 2', () => {
    expect(october.units).toHaveLength(19);
    expect(october.units.filter((u) => u.score === 100 && u.rank === 2)).toHaveLength(12);
  });

  it('puts 县发改局 alone on the 红榜 and the three 红牌 units on the 黑榜, worst first', () => {
    expect(october.redList.map((e) => e.unit)).toEqual(['县发改局']);
    expect(october.blackList.map((e) => e.unit)).toEqual(['县交通运输局', '城关镇', '县农业农村局']);
    expect(october.redCards.map((r) => r.id).sort()).toEqual(['DB-2026-002', 'ZD-2026-045', 'ZD-2026-061']);
  });

  it('has no unit at the 3 / 5 thresholds: the most is 县文旅局 with 2', () => {
    expect(Math.max(...october.units.map((u) => u.overdueTimesYtd))).toBe(2);
    expect(october.thresholds).toEqual([]);
  });

  it('names every 逾期 and 滞后 task with its 牵头单位 and how late, the longest overdue first (seed 003 §六(三))', () => {
    expect(october.lateTasks.map((t) => [t.id, t.unit, t.how])).toEqual([
      ['ZD-2026-061', '城关镇', '逾期24个工作日'],
      ['DB-2026-002', '县交通运输局', '逾期18个工作日'],
      ['DB-2026-003', '县住建局', '逾期9个工作日'],
      ['ZD-2026-033', '县交通运输局', '逾期5个工作日'],
      ['DB-2026-006', '县卫健委', '应于10月21日前反馈办理情况，至今未反馈'],
      ['ZD-2026-013', '县工信局', '9月节点滞后'],
      ['ZD-2026-022', '县住建局', '子项ZD-2026-022-3滞后'],
      ['ZD-2026-060', '县文旅局', '8、9月节点滞后'],
    ]);
    // The same tasks the ranking counts as 逾期 and 滞后.
    const counted = october.units.reduce((n, u) => n + u.overdue + u.lagging, 0);
    expect(october.lateTasks).toHaveLength(counted);
  });

  it('counts the 86 tasks per 分管领导 by status', () => {
    expect(october.leaders.reduce((n, l) => n + l.total, 0)).toBe(86);
    const all = october.leaders.reduce((n, l) => n + l.byStatus.逾期, 0);
    expect(all).toBe(october.trend.at(-1)!.byStatus.逾期);
  });

  it('makes ZD-022 滞后 by its sub-item only after the sub-item’s 完成时限 (23 Oct), not in the months before', () => {
    // The 逐月预警走势 showed it 滞后 from January, and a month's 通报 before 23 Oct counted it for 县住建局.
    expect(october.trend.slice(0, 8).map((p) => p.byStatus.滞后)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const september = buildBulletin(input, monthPeriod(2026, 9))!;
    expect(september.units.find((u) => u.unit === '县住建局')!.lagging).toBe(0);
    expect(october.units.find((u) => u.unit === '县住建局')!.lagging).toBe(1);
  });

  it('ranks the third quarter on the sum of July, August and September', () => {
    const quarter = buildBulletin(input, quarterPeriod(2026, 3))!;
    const months = [7, 8, 9].map((m) => buildBulletin(input, monthPeriod(2026, m))!);
    const summed = new Map<string, number>();
    for (const b of months) for (const u of b.units) summed.set(u.unit, (summed.get(u.unit) ?? 0) + u.score);
    expect(new Map(quarter.units.map((u) => [u.unit, u.score]))).toEqual(summed);
    const order = [...summed].sort((a, b) => b[1] - a[1]).map(([, s]) => s);
    expect(quarter.units.map((u) => u.score)).toEqual(order);
  });
});
