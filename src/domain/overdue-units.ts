import { reportTally } from './report-deadlines';
import { workYear, type RuleContext, type TaskFacts, type TaskRecord, type TaskVerdict } from './types';
import { januaryReportsFrom } from './year-end-reports';

/** One unit's missed or late reports this year, and what seed 003 §四(三) says follows. */
export interface OverdueUnit {
  unit: string;
  year: number;
  times: number;
  /** 全县通报 from 规则配置 全县通报逾期次数 (3), 移交纪委监委 from 移交纪委逾期次数 (5); null below. */
  action: '全县通报' | '移交纪委监委' | null;
}

/**
 * Seed 003 §四(三) "逾期3次…全县通报，逾期5次移交县纪委监委": each lead unit's report deadlines missed or met late
 * from 1 January to today, on the 挂图作战表 (month reports) and the 督办台账 (first and monthly reports) alike —
 * as the 通报 counts them: those due before last December's deadline were last year's (year-end-reports.ts).
 * Units with at least one, most first.
 */
export function overdueUnits(
  items: Array<{ task: TaskRecord; facts: TaskFacts; verdict: TaskVerdict }>,
  ctx: RuleContext,
): OverdueUnit[] {
  const year = workYear(ctx);
  const from = januaryReportsFrom(ctx, year);
  const times = new Map<string, number>();
  for (const { task, facts, verdict } of items) {
    if (task.kind === 'subitem' || !task.leadUnit || verdict.status === '已调出') continue;
    const t = reportTally(task, facts, verdict, ctx, from, ctx.today);
    if (t.missed + t.late > 0) times.set(task.leadUnit, (times.get(task.leadUnit) ?? 0) + t.missed + t.late);
  }
  const { notifyOverdueTimes, transferOverdueTimes } = ctx.config;
  return [...times]
    .map(([unit, n]) => ({
      unit,
      year,
      times: n,
      action:
        n >= transferOverdueTimes
          ? ('移交纪委监委' as const)
          : n >= notifyOverdueTimes
            ? ('全县通报' as const)
            : null,
    }))
    .sort((a, b) => b.times - a.times || a.unit.localeCompare(b.unit, 'zh-CN'));
}
