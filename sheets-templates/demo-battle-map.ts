/**
 * The demo 挂图作战表: one row per task seed, shaped so a scan on `asOf` meets every status and card of SPEC §4.
 *
 * Which task triggers what (scan on asOf = A; "closed month" = a month whose feedback deadline has certainly passed):
 *
 * | task ref            | scenario          | what the row looks like                                   | expected on A                   |
 * |---------------------|-------------------|-----------------------------------------------------------|---------------------------------|
 * | central-funds       | closed-ahead      | full 办结审批 card signed A−14…A−9, deadline in the future  | 已办结 (评价 落实较好)           |
 * | permit-reform, gas-pipes, idle-land, water-works, preschool, schools, housing-delivery, clinics | early-deadline | fixed early deadline (6月底, 三季度末, 2026-06-30, 5月底, 2026年9月30日, 8月31日前, 上半年, 10月底); when it is ≥12 days before A the task was finished and its card fully signed | 已办结, else 正常推进 |
 * | industrial-park     | moved-out         | 调出 approved by both leaders on A−30; no reports after    | 已调出                           |
 * | bus-network         | overdue           | 完成时限 = A−6 as `YYYY年M月D日`, last report 85%          | 逾期, 催办单 candidate, no card  |
 * | land-clearance      | overdue-long      | 完成时限 = A−40 as `YYYY-MM-DD`; 催办单 sent on A−30        | 逾期 >10 WD → 红牌; 督办单 next  |
 * | farmland-build      | due-soon          | 完成时限 = A+3 as `M月D日`, progress 85%                   | 临期 → 临期提醒, no card         |
 * | scenic-4a           | due-soon-behind   | 完成时限 = A+4 as a date cell, progress 30%; 延期 待审批    | 临期 <50% → 黄牌                 |
 * | industry-scale      | missed-one        | the last closed month's 完成情况 blank                     | 滞后 → 蓝牌, 催办单 candidate    |
 * | culture-stations    | missed-two        | the last two closed months: blank, then 未完成             | 滞后 → 黄牌                      |
 * | old-estates         | late-sub-item     | every month reported; 任务清单 sub-item 3 due A−8 at 70%    | 滞后 (via the sub-item)          |
 * | new-energy-chain    | not-started       | 调入 on A−26, 交办日期 A−25, milestones from A's month, no feedback at all | 未启动 → 黄牌      |
 * | foreign-trade       | lagging-percent   | every month reported, progress ≈ time elapsed − 35 points  | 正常推进 + 蓝牌 (progress lag)   |
 * | living-env          | red-flag          | 红牌标记 = 是 (false progress reports found by 督查)        | 正常推进 + 红牌                  |
 * | tourism             | bad-deadline      | 完成时限 = 尽快完成                                         | 数据有误                         |
 * | performance-budget  | bad-deadline      | 完成时限 = 9月中旬                                          | 数据有误                         |
 * | trunk-road          | extended          | 延期 同意 on A−10: 完成时限 A+40, 原完成时限 A−5             | 正常推进                         |
 * | anti-poverty, wage-arrears, safety | open-ended | 长期 / 常态化 / 持续推进, monthly reports              | 正常推进                         |
 * | wage-arrears, back-streets, harmony-villages | (blank 编号) | the system assigns the next free ZD number   | 正常推进                         |
 * | every other task    | normal            | deadline ≥ A+25 in a varied spelling, every month reported at or ahead of time | 正常推进        |
 *
 * test/templates/demo-scan.real.test.ts runs the real rules over the demo on two days and checks this table.
 * Month-based scenarios need a closed month, i.e. A after about 20 March; the whole table holds for A from
 * about April to mid-December of the year. Calendar-day margins are wide enough for any holiday schedule.
 */
import { dayOf, isoOf, partsOf, type Day } from '../src/calendar/day';
import { monthKeys, type CellValue } from '../src/workbook/schema/tabs';
import {
  OPEN_ENDED,
  closedMonths,
  dateCell,
  fixedDeadlines,
  monthIn,
  writeDay,
  yearStart,
  type Deadline,
} from './demo-dates';
import type { Directory, Person } from './demo-org';
import { TASK_SEEDS, type TaskSeed } from './demo-tasks';
import type { Rng } from './prng';

export type Scenario =
  | 'closed-ahead'
  | 'early-deadline'
  | 'moved-out'
  | 'overdue'
  | 'overdue-long'
  | 'due-soon'
  | 'due-soon-behind'
  | 'missed-one'
  | 'missed-two'
  | 'late-sub-item'
  | 'not-started'
  | 'lagging-percent'
  | 'red-flag'
  | 'bad-deadline'
  | 'extended'
  | 'open-ended'
  | 'normal';

interface Plan {
  scenario: Scenario;
  /** Deadline text for early-deadline / bad-deadline / open-ended tasks. */
  written?: (year: number) => CellValue;
  noId?: boolean;
}

const PLANS: Record<string, Plan> = {
  'central-funds': { scenario: 'closed-ahead' },
  'permit-reform': { scenario: 'early-deadline', written: () => '6月底' },
  'gas-pipes': { scenario: 'early-deadline', written: () => '三季度末' },
  'idle-land': { scenario: 'early-deadline', written: (y) => `${y}-06-30` },
  'water-works': { scenario: 'early-deadline', written: () => '5月底' },
  preschool: { scenario: 'early-deadline', written: (y) => `${y}年9月30日` },
  schools: { scenario: 'early-deadline', written: () => '8月31日前' },
  'housing-delivery': { scenario: 'early-deadline', written: () => '上半年' },
  clinics: { scenario: 'early-deadline', written: () => '10月底' },
  'industrial-park': { scenario: 'moved-out' },
  'bus-network': { scenario: 'overdue' },
  'land-clearance': { scenario: 'overdue-long' },
  'farmland-build': { scenario: 'due-soon' },
  'scenic-4a': { scenario: 'due-soon-behind' },
  'industry-scale': { scenario: 'missed-one' },
  'culture-stations': { scenario: 'missed-two' },
  'old-estates': { scenario: 'late-sub-item' },
  'new-energy-chain': { scenario: 'not-started' },
  'foreign-trade': { scenario: 'lagging-percent' },
  'living-env': { scenario: 'red-flag' },
  tourism: { scenario: 'bad-deadline', written: () => '尽快完成' },
  'performance-budget': { scenario: 'bad-deadline', written: () => '9月中旬' },
  'trunk-road': { scenario: 'extended' },
  'anti-poverty': { scenario: 'open-ended', written: () => '长期' },
  'wage-arrears': { scenario: 'open-ended', written: () => '常态化', noId: true },
  safety: { scenario: 'open-ended', written: () => '持续推进' },
  'back-streets': { scenario: 'normal', noId: true },
  'harmony-villages': { scenario: 'normal', noId: true },
};

/** What the other tabs need to know about a generated task. */
export interface BattleTask {
  seed: TaskSeed;
  id: string | null;
  scenario: Scenario;
  deadline: Deadline;
  start: Day;
  /** Day the work was finished (closed tasks only). */
  finished?: Day;
  /** The original deadline before an approved extension. */
  originalDeadline?: Day;
  leader: Person;
  head: Person;
  liaison: Person;
  /** Month → 完成情况 text and the progress % it states. */
  reports: Map<number, { text: string; progress: number }>;
  plans: Map<number, string>;
  row: Record<string, CellValue>;
}

const DONE_TEXTS = ['已完成', '已完成', '完成', '√', '已完成，达到序时进度', '已完成本月任务', '✓'];

function ceil5(x: number): number {
  return Math.min(95, Math.max(5, Math.ceil(x / 5) * 5));
}

function floor5(x: number): number {
  return Math.max(5, Math.floor(x / 5) * 5);
}

/** Time elapsed from start to deadline on `asOf`, in percent (0 when there is no deadline). */
export function elapsedPercent(start: Day, deadline: Day | null, asOf: Day): number {
  if (deadline === null || deadline <= start) return 0;
  return Math.min(100, Math.max(0, ((asOf - start) / (deadline - start)) * 100));
}

interface Ctx {
  year: number;
  asOf: Day;
  month: number;
  closed: number[];
  rng: Rng;
  dir: Directory;
}

function futureDeadline(ctx: Ctx): Deadline {
  const options = fixedDeadlines(ctx.year).filter((d) => d.day !== null && d.day >= ctx.asOf + 25);
  // Year-end spellings dominate a real battle map; keep them likelier than mid-year ones.
  const yearEnd = options.filter((d) => partsOf(d.day!).month === 12);
  if (options.length === 0) return ctx.rng.pick(OPEN_ENDED);
  return ctx.rng.chance(0.6) && yearEnd.length > 0 ? ctx.rng.pick(yearEnd) : ctx.rng.pick(options);
}

function deadlineOf(plan: Plan, ctx: Ctx): { deadline: Deadline; scenario: Scenario; original?: Day } {
  const { asOf, year } = ctx;
  switch (plan.scenario) {
    case 'early-deadline': {
      const value = plan.written!(year);
      const fixed = fixedDeadlines(year).find((d) => d.value === value);
      if (!fixed?.day) throw new Error(`early deadline ${String(value)} is not a fixed spelling`);
      if (fixed.day <= asOf - 12) return { deadline: fixed, scenario: 'early-deadline' };
      if (fixed.day >= asOf + 25) return { deadline: fixed, scenario: 'normal' };
      return { deadline: futureDeadline(ctx), scenario: 'normal' };
    }
    case 'overdue':
      return { deadline: writeDay(asOf - 6, year, 'cn'), scenario: plan.scenario };
    case 'overdue-long':
      return { deadline: writeDay(asOf - 40, year, 'iso'), scenario: plan.scenario };
    case 'due-soon':
      return { deadline: writeDay(asOf + 3, year, 'md'), scenario: plan.scenario };
    case 'due-soon-behind':
      return { deadline: writeDay(asOf + 4, year, 'cell'), scenario: plan.scenario };
    case 'extended':
      return { deadline: writeDay(asOf + 40, year, 'iso'), scenario: plan.scenario, original: asOf - 5 };
    case 'bad-deadline':
      return { deadline: { value: plan.written!(year), day: null }, scenario: plan.scenario };
    case 'open-ended':
      return { deadline: { value: plan.written!(year), day: null }, scenario: plan.scenario };
    default:
      return { deadline: futureDeadline(ctx), scenario: plan.scenario };
  }
}

/** Milestone texts from the task's four steps, spread over its months, each with the cumulative share. */
function planMonths(seed: TaskSeed, first: number, last: number, openEnded: boolean): Map<number, string> {
  const plans = new Map<number, string>();
  const n = last - first + 1;
  for (let i = 0; i < n; i++) {
    const step = seed.steps[Math.min(3, Math.floor((i * 4) / n))]!;
    const share = Math.round(((i + 1) / n) * 100);
    const text = openEnded ? step : i === n - 1 ? `${step}，全面完成年度目标` : `${step}，累计完成${share}%`;
    plans.set(first + i, text);
  }
  return plans;
}

function report(text: string, progress: number): { text: string; progress: number } {
  return { text, progress };
}

/** 完成情况 per month up to the month before A (and sometimes A's month), per scenario. */
function reportMonths(
  scenario: Scenario,
  first: number,
  lastPlan: number,
  ctx: Ctx,
  deadline: Deadline,
  start: Day,
  finished: Day | undefined,
): Map<number, { text: string; progress: number }> {
  const { rng, month, asOf, closed } = ctx;
  const reports = new Map<number, { text: string; progress: number }>();
  if (scenario === 'not-started') return reports;
  const elapsed = elapsedPercent(start, deadline.day, asOf);
  let last = month - 1;
  if (finished !== undefined) last = Math.min(last, monthIn(finished, ctx.year));
  if (scenario === 'moved-out') last = Math.min(last, monthIn(asOf - 30, ctx.year) - 1);
  const lastClosed = closed.length ? closed[closed.length - 1]! : 0;
  for (let m = first; m <= last; m++) {
    const share = Math.min(100, Math.round(((m - first + 1) / (lastPlan - first + 1)) * 100));
    const isLast = m === last;
    switch (scenario) {
      case 'lagging-percent': {
        const target = floor5(elapsed - 35);
        const pct = Math.max(5, Math.round((target * (m - first + 1)) / (last - first + 1)));
        reports.set(m, report(`推进中，完成${pct}%`, pct));
        continue;
      }
      case 'missed-one':
        if (m === lastClosed) continue;
        break;
      case 'missed-two':
        if (m === lastClosed - 1) continue;
        if (m === lastClosed) {
          reports.set(m, report('未完成', 0));
          continue;
        }
        break;
      case 'overdue':
      case 'overdue-long':
      case 'due-soon':
      case 'due-soon-behind': {
        const pct = { overdue: 85, 'overdue-long': 60, 'due-soon': 85, 'due-soon-behind': 30 }[scenario];
        if (isLast) reports.set(m, report(`推进中，完成${pct}%`, pct));
        else if (scenario === 'due-soon-behind' && m >= last - 2) reports.set(m, report('部分完成', pct));
        else reports.set(m, report(rng.pick(DONE_TEXTS), Math.min(share, pct)));
        continue;
      }
      case 'red-flag':
        reports.set(m, report(isLast ? '已完成，累计完成90%' : '已完成', isLast ? 90 : share));
        continue;
      default:
        break;
    }
    if (isLast && finished !== undefined) reports.set(m, report('已完成，全面完成年度目标', 100));
    else if (isLast && deadline.day !== null) {
      const pct = ceil5(Math.max(elapsed + rng.int(3, 15), share));
      reports.set(m, report(`已完成，累计完成${pct}%`, pct));
    } else reports.set(m, report(rng.pick(DONE_TEXTS), Math.min(100, share)));
  }
  // Some units report the current month early; never for rows meant to look behind.
  const early = ['normal', 'open-ended', 'extended', 'late-sub-item', 'red-flag'].includes(scenario);
  if (early && finished === undefined && month >= first && rng.chance(0.3)) {
    const pct = deadline.day === null ? 100 : ceil5(elapsed + 10);
    reports.set(month, report(deadline.day === null ? '已完成本月任务' : `推进中，完成${pct}%`, pct));
  }
  return reports;
}

/**
 * The 挂图作战表 rows and what the other demo tabs need about each task.
 *
 * @example
 * const { tasks } = battleMap({ year: 2026, asOf: toDay('2026-06-15'), rng: createRng(1), dir });
 * tasks.find((t) => t.scenario === 'overdue-long')?.deadline.value; // '2026-05-06'
 */
export function battleMap(input: { year: number; asOf: Day; rng: Rng; dir: Directory }): BattleTask[] {
  const { year, asOf, rng, dir } = input;
  const ctx: Ctx = { year, asOf, month: partsOf(asOf).month, closed: closedMonths(year, asOf), rng, dir };
  let serial = 0;
  return TASK_SEEDS.map((seed, index) => {
    const plan = PLANS[seed.ref] ?? { scenario: 'normal' };
    const { deadline, scenario, original } = deadlineOf(plan, ctx);
    const start = scenario === 'not-started' ? asOf - 25 : yearStart(year);
    const first = scenario === 'not-started' ? ctx.month : 1;
    const dueMonth = deadline.day === null ? 12 : monthIn(deadline.day, year);
    const lastPlan = Math.max(first, scenario === 'bad-deadline' ? 12 : dueMonth);
    const plans = planMonths(seed, first, lastPlan, deadline.day === null && scenario !== 'bad-deadline');
    let finished: Day | undefined;
    if (scenario === 'closed-ahead') finished = asOf - 15;
    if (scenario === 'early-deadline')
      finished = Math.max(yearStart(year) + 20, deadline.day! - rng.int(0, 6));
    const reports = reportMonths(scenario, first, lastPlan, ctx, deadline, start, finished);
    const id = plan.noId ? null : `ZD-${year}-${String(++serial).padStart(3, '0')}`;
    const leader = dir.leaderOf(seed.unit);
    const head = dir.headOf(seed.unit);
    const liaison = dir.liaisonOf(seed.unit);
    const row: Record<string, CellValue> = {
      序号: index + 1,
      编号: id,
      分管领导: leader.name,
      牵头单位: seed.unit,
      工作任务: seed.title,
      年度目标: seed.target,
      完成时限: deadline.value,
      星级: rng.chance(0.2) ? seed.stars : '★'.repeat(seed.stars),
      事项来源: seed.source,
      配合单位: seed.partners ?? null,
      主要负责人: head.name,
      具体责任人: liaison.name,
      交办日期: scenario === 'not-started' ? dateCell(start) : null,
      红牌标记: scenario === 'red-flag' ? '是' : null,
      原完成时限: original === undefined ? null : isoOf(original),
    };
    for (const [m, text] of plans) row[monthKeys(m).plan] = text;
    for (const [m, r] of reports) row[monthKeys(m).done] = r.text;
    return {
      seed,
      id,
      scenario,
      deadline,
      start,
      ...(finished === undefined ? {} : { finished }),
      ...(original === undefined ? {} : { originalDeadline: original }),
      leader,
      head,
      liaison,
      reports,
      plans,
      row,
    };
  });
}

/** Day `date` of the month after `month` (for feedback dates); null past the year. */
export function dayInNextMonth(year: number, month: number, date: number): Day | null {
  return month >= 12 ? null : dayOf(year, month + 1, date);
}
