/**
 * The demo 督办台账: twenty items from meetings, instructions and documents, assigned in the weeks before `asOf` (A).
 *
 * | item ref           | 事项类型 | 交办 | 完成时限                 | 办理状态 | feedback     | expected on A                           |
 * |--------------------|---------|------|--------------------------|---------|--------------|-----------------------------------------|
 * | heating-gap        | 复杂    | A−10 | blank → 1个月 ≈ A+20      | 正在办理 | A−7          | 正常推进                                 |
 * | station-parking    | 复杂    | A−60 | A−25                     | 正在办理 | A−40         | 逾期 >10 WD → 红牌; 催办单 A−20 and 督办单 A−14 sent → 督办通知书 next |
 * | sewage-overflow    | 一般    | A−20 | blank → 7天 ≈ A−13        | 正在办理 | none         | 逾期 + 黄牌 (never started) → 催办单     |
 * | food-plant-land    | 一般    | A−4  | A+1                      | 正在办理 | A−1 (40%)    | 临期 + 黄牌 (<50%) → 临期提醒            |
 * | migrant-wages      | 一般    | A−4  | A+1                      | 正在办理 | none yet     | 临期, no card (unknown progress is no evidence) |
 * | hospital-equipment | 复杂    | A−40 | A+30 (全体会议: 1个月 to report, missed) | 正在办理 | none | 滞后 + 黄牌 (never started) |
 * | power-capacity     | 一般    | A−16 | A−3                      | 已完成   | A−4          | 已办结 (card typed by staff: unit head and 督查室核实 signed) |
 * | tourism-festival   | 一般    | A−12 | 本月底 (unreadable)       | 正在办理 | A−8          | 数据有误                                 |
 * | straw-burning, collective-economy, petitions | 长期 | A−50…A−80 | 长期 / 持续推进 / 常态化 | 正在办理 | monthly | 正常推进 |
 * | unsafe-houses      | 一般    | A−5  | A+26                     | 正在办理 | A−2          | 正常推进; 编号 blank (system assigns)     |
 * | the others         |         | A−40…A−6 | ≥ A+25 or 复杂 blank  | 正在办理 / 已落实 | yes  | 正常推进                                 |
 *
 * test/templates/demo-scan.real.test.ts runs the real rules over this and checks the outcomes above.
 */
import { partsOf, type Day } from '../src/calendar/day';
import type { CellValue } from '../src/workbook/schema/tabs';
import { dateCell, writeDay, type Deadline } from './demo-dates';
import type { Directory, Person } from './demo-org';
import { LEDGER_SEEDS, type LedgerSeed } from './demo-tasks';

export type LedgerScenario =
  | 'normal'
  | 'overdue'
  | 'overdue-long'
  | 'due-soon'
  | 'not-started'
  | 'done-confirmed'
  | 'bad-deadline'
  | 'open-ended';

interface ItemPlan {
  scenario: LedgerScenario;
  /** Days before A it was assigned. */
  assigned: number;
  /** Deadline relative to A, a fixed text, or blank (computed by 13710). */
  deadline: { offset: number; style: 'iso' | 'cn' | 'md' | 'cell' } | { text: string } | null;
  state?: '正在办理' | '已落实' | '已完成';
  /** Days before A of each feedback; none = no feedback at all. */
  feedback: number[];
  noId?: boolean;
}

const ITEM_PLANS: Record<string, ItemPlan> = {
  'heating-gap': { scenario: 'normal', assigned: 10, deadline: null, feedback: [7] },
  'station-parking': {
    scenario: 'overdue-long',
    assigned: 60,
    deadline: { offset: -25, style: 'iso' },
    feedback: [40],
  },
  'sewage-overflow': { scenario: 'overdue', assigned: 20, deadline: null, feedback: [] },
  'school-traffic': {
    scenario: 'normal',
    assigned: 12,
    deadline: { offset: 28, style: 'md' },
    state: '已落实',
    feedback: [9],
  },
  // A short item is 临期 only near its end (SPEC §4.1 proportionate window): due the day after A.
  'food-plant-land': {
    scenario: 'due-soon',
    assigned: 4,
    deadline: { offset: 1, style: 'md' },
    feedback: [1],
  },
  'hospital-equipment': {
    scenario: 'not-started',
    assigned: 40,
    deadline: { offset: 30, style: 'cn' },
    feedback: [],
  },
  'straw-burning': { scenario: 'open-ended', assigned: 50, deadline: { text: '长期' }, feedback: [35, 5] },
  'collective-economy': {
    scenario: 'open-ended',
    assigned: 70,
    deadline: { text: '持续推进' },
    feedback: [60, 30, 3],
  },
  'power-capacity': {
    scenario: 'done-confirmed',
    assigned: 16,
    deadline: { offset: -3, style: 'md' },
    state: '已完成',
    feedback: [12, 4],
  },
  'evaluation-fixes': {
    scenario: 'normal',
    assigned: 8,
    deadline: { offset: 40, style: 'cn' },
    feedback: [5],
  },
  'market-sanitation': {
    scenario: 'normal',
    assigned: 9,
    deadline: { offset: 25, style: 'iso' },
    state: '已落实',
    feedback: [6],
  },
  'coal-reserve': { scenario: 'normal', assigned: 6, deadline: null, feedback: [3] },
  'e-trading': {
    scenario: 'normal',
    assigned: 40,
    deadline: { offset: 45, style: 'cell' },
    feedback: [30, 8],
  },
  'migrant-wages': { scenario: 'due-soon', assigned: 4, deadline: { offset: 1, style: 'md' }, feedback: [] },
  'tourism-festival': { scenario: 'bad-deadline', assigned: 12, deadline: { text: '本月底' }, feedback: [8] },
  petitions: { scenario: 'open-ended', assigned: 80, deadline: { text: '常态化' }, feedback: [65, 35, 4] },
  'flood-repair': { scenario: 'normal', assigned: 15, deadline: { offset: 35, style: 'cn' }, feedback: [10] },
  'export-rebate': { scenario: 'normal', assigned: 9, deadline: { offset: 28, style: 'md' }, feedback: [6] },
  'village-funds': {
    scenario: 'normal',
    assigned: 7,
    deadline: { offset: 30, style: 'iso' },
    state: '已落实',
    feedback: [4],
  },
  'unsafe-houses': {
    scenario: 'normal',
    assigned: 5,
    deadline: { offset: 26, style: 'iso' },
    feedback: [2],
    noId: true,
  },
};

export interface LedgerItem {
  seed: LedgerSeed;
  id: string | null;
  scenario: LedgerScenario;
  assigned: Day;
  deadline: Deadline | null;
  state: string;
  feedback: Day[];
  leader: Person;
  head: Person;
  liaison: Person;
  row: Record<string, CellValue>;
}

/**
 * The 督办台账 rows and what the flow tabs need about each item.
 *
 * @example
 * ledger({ year: 2026, asOf: toDay('2026-06-15'), dir }).filter((i) => i.deadline === null).length; // 5
 */
export function ledger(input: { year: number; asOf: Day; dir: Directory }): LedgerItem[] {
  const { year, asOf, dir } = input;
  let serial = 0;
  return LEDGER_SEEDS.map((seed) => {
    const plan = ITEM_PLANS[seed.ref];
    if (!plan) throw new Error(`no demo plan for ledger item ${seed.ref}`);
    const assigned = asOf - plan.assigned;
    let deadline: Deadline | null = null;
    if (plan.deadline && 'text' in plan.deadline) deadline = { value: plan.deadline.text, day: null };
    else if (plan.deadline) deadline = writeDay(asOf + plan.deadline.offset, year, plan.deadline.style);
    const id = plan.noId ? null : `DB-${year}-${String(++serial).padStart(3, '0')}`;
    const leader = dir.leaderOf(seed.unit);
    const head = dir.headOf(seed.unit);
    const liaison = dir.liaisonOf(seed.unit);
    const state = plan.state ?? '正在办理';
    const origin = seed.origin.replaceAll('{Y}', String(partsOf(assigned).year));
    return {
      seed,
      id,
      scenario: plan.scenario,
      assigned,
      deadline,
      state,
      feedback: plan.feedback.map((n) => asOf - n),
      leader,
      head,
      liaison,
      row: {
        编号: id,
        事项来源: seed.source,
        '来源文号/会议': origin,
        交办日期: dateCell(assigned),
        事项标题: seed.title,
        办理要求: seed.demand,
        事项类型: seed.kind,
        分管领导: leader.name,
        牵头单位: seed.unit,
        协办单位: seed.partners ?? null,
        责任人: liaison.name,
        完成时限: deadline?.value ?? null,
        办理状态: state,
        红牌标记: null,
      },
    };
  });
}
