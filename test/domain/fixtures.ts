import { defaultCalendar, toDay } from '../../src/calendar';
import { defaultConfig, parseConfig } from '../../src/domain/config';
import {
  noFacts,
  type MonthCell,
  type RuleContext,
  type TaskFacts,
  type TaskRecord,
} from '../../src/domain/types';

/** A battle-map task with a deadline at year end and every month planned, nothing reported. */
export function battleTask(over: Partial<TaskRecord> = {}): TaskRecord {
  return {
    kind: 'battle',
    tab: '挂图作战表',
    row: 3,
    id: 'ZD-2026-001',
    parentId: null,
    source: '政府工作报告',
    sourceRef: '',
    leader: '王副县长',
    leadUnit: '县自然资源局',
    coUnits: [],
    head: '李局长',
    owner: '张科长',
    title: '完成城东片区土地征收',
    target: '完成征收1200亩',
    deadline: { kind: 'date', day: toDay('2026-12-31') },
    assigned: null,
    itemType: null,
    handling: '',
    stars: 3,
    redFlag: false,
    months: months({}),
    problems: [],
    ...over,
  };
}

/** A 督办台账 item assigned on `assigned`, deadline blank (computed by 13710). */
export function ledgerItem(assigned: string, over: Partial<TaskRecord> = {}): TaskRecord {
  return battleTask({
    kind: 'ledger',
    tab: '督办台账',
    id: 'DB-2026-001',
    source: '会议议定事项',
    sourceRef: '县政府第12次常务会议',
    title: '解决城区学校周边交通拥堵问题',
    deadline: { kind: 'blank' },
    assigned: toDay(assigned),
    itemType: '一般',
    months: [],
    ...over,
  });
}

/** Twelve month cells: planned `N月节点` for each, done text from `done` by month. */
export function months(
  done: Record<number, string>,
  planned: (m: number) => string = (m) => `${m}月节点任务`,
): MonthCell[] {
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    planned: planned(i + 1),
    done: done[i + 1] ?? '',
  }));
}

/** Months 1..upTo reported 已完成. */
export function doneThrough(upTo: number): Record<number, string> {
  return Object.fromEntries(Array.from({ length: upTo }, (_, i) => [i + 1, '已完成']));
}

export function facts(over: Partial<TaskFacts> = {}): TaskFacts {
  return { ...noFacts(), ...over };
}

export function ctxOn(today: string, config: Record<string, string> = {}): RuleContext {
  return {
    today: toDay(today),
    cal: defaultCalendar(),
    config: Object.keys(config).length ? parseConfig(config).config : defaultConfig(),
  };
}
