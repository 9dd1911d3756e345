/**
 * Time to evaluate every rule (status, card, limits, ladder, scoring) on 1,000 / 10,000 / 100,000 generated tasks.
 * Targets on this machine: ≤ 10 ms for 1,000 and ≤ 50 ms for 10,000. Run: npx tsx bench/rules.ts
 */
import { defaultCalendar, toDay } from '../src/calendar';
import { defaultConfig } from '../src/domain/config';
import { evaluateTask } from '../src/domain/evaluate-task';
import { scoreUnits, taskMonthLine } from '../src/domain/scoring';
import type { RuleContext, TaskFacts, TaskRecord } from '../src/domain/types';
import { generate } from './generate-tasks';

function run(items: Array<{ task: TaskRecord; facts: TaskFacts }>, ctx: RuleContext): number {
  const lines = items.map(({ task, facts }) =>
    taskMonthLine(task, facts, evaluateTask(task, facts, ctx), ctx, 2026, 10),
  );
  return scoreUnits(lines, ctx.config).length;
}

// As the scan builds it: the workbook's year is known (from 规则配置 or the 编号).
const ctx: RuleContext = {
  today: toDay('2026-10-21'),
  cal: defaultCalendar(),
  config: defaultConfig(),
  year: 2026,
};
const targets: Record<number, number> = { 1000: 10, 10000: 50 };
const warmup = generate(5000);
for (const n of [1000, 10_000, 100_000]) {
  const items = generate(n);
  for (let i = 0; i < 3; i++) run(warmup, ctx); // steady state: the JIT has seen the rules
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run(items, ctx);
    times.push(performance.now() - t0);
  }
  const median = times.sort((a, b) => a - b)[2]!;
  const target = targets[n]
    ? ` (target ≤ ${targets[n]} ms: ${median <= targets[n]! ? 'met' : 'MISSED'})`
    : '';
  console.log(
    `${n.toLocaleString('en')} tasks: median ${median.toFixed(1)} ms over 5 runs, ${((median * 1000) / n).toFixed(2)} µs/task${target}`,
  );
}
