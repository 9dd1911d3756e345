/**
 * Time to evaluate every rule (status, card, limits, ladder, scoring) on 1,000 / 10,000 / 100,000 generated tasks.
 * Targets on this machine: ≤ 10 ms for 1,000 and ≤ 50 ms for 10,000. Run: npx tsx bench/rules.ts
 */
import { defaultCalendar, toDay } from '../src/calendar';
import { defaultConfig } from '../src/domain/config';
import { evaluateTask } from '../src/domain/evaluate-task';
import { scoreUnits, taskMonthLine } from '../src/domain/scoring';
import { noFacts, type RuleContext, type TaskFacts, type TaskRecord } from '../src/domain/types';

function rng(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** 完成情况 as offices write them: mostly done, some partial, a few missing or 未完成. */
const DONE = ['已完成', '已完成', '已完成', '√', '√', '推进中，完成60%', '部分完成', '', '未完成'];
const SOURCES = ['政府工作报告', '会议议定事项', '领导批示', '其他'];
const REFS = [
  '县政府第12次常务会议',
  '县长办公会',
  '县长批示〔2026〕8号',
  '',
  '县政府办公室转办函〔2026〕15号',
];

function generate(n: number): Array<{ task: TaskRecord; facts: TaskFacts }> {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const ledger = r() < 0.3;
    const task: TaskRecord = {
      kind: ledger ? 'ledger' : 'battle',
      tab: ledger ? '督办台账' : '挂图作战表',
      row: i + 3,
      id: `ZD-2026-${i}`,
      parentId: null,
      source: pick(SOURCES),
      sourceRef: pick(REFS),
      leader: `副县长${i % 4}`,
      leadUnit: `单位${i % 40}`,
      coUnits: r() < 0.3 ? ['县财政局'] : [],
      head: 'h',
      owner: 'o',
      title: `任务${i}`,
      target: '',
      deadline:
        r() < 0.1
          ? { kind: 'ongoing' }
          : r() < 0.2 && ledger
            ? { kind: 'blank' }
            : { kind: 'date', day: toDay('2026-01-15') + Math.floor(r() * 500) },
      assigned: ledger ? toDay('2026-01-05') + Math.floor(r() * 300) : null,
      itemType: ledger ? pick(['一般', '复杂', '长期'] as const) : null,
      handling: '',
      stars: 3,
      redFlag: r() < 0.01,
      // Scanned on 10月21日: months up to September are reported (or not), October onwards are still open.
      months: ledger
        ? []
        : Array.from({ length: 12 }, (_, m) => ({
            month: m + 1,
            planned: `节点${m + 1}`,
            done: m < 9 ? pick(DONE) : '',
          })),
      problems: [],
    };
    const facts = noFacts();
    if (r() < 0.5)
      facts.feedback.push({
        day: toDay('2026-03-01') + Math.floor(r() * 200),
        month: 1 + Math.floor(r() * 9),
        progress: Math.floor(r() * 100),
        text: '推进中',
      });
    return { task, facts };
  });
}

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
