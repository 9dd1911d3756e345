/**
 * What a 通报 costs next to the scan's own rule pass, on 1,000 / 10,000 / 50,000 generated tasks in this process:
 * the baseline is one evaluateTask per task (what every scan does); a month evaluates every task once more as of the
 * month's end, a quarter three times, a year to October ten. Ratios, so they compare across machines.
 * Run: npx tsx bench/bulletin.ts
 */
import { defaultCalendar, toDay } from '../src/calendar';
import { buildBulletin, type BulletinInput } from '../src/domain/bulletin';
import { monthPeriod, quarterPeriod, yearPeriod } from '../src/domain/bulletin-period';
import { defaultConfig } from '../src/domain/config';
import { evaluateTask } from '../src/domain/evaluate-task';
import { generate } from './generate-tasks';

function median(work: () => void): number {
  work(); // warm the JIT
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const today = toDay('2026-10-31');
for (const n of [1000, 10_000, 50_000]) {
  const tasks = generate(n);
  const input: BulletinInput = { tasks, cal: defaultCalendar(), config: defaultConfig(), year: 2026, today };
  const ctx = { today, cal: input.cal, config: input.config, year: 2026 };
  const base = median(() => {
    for (const { task, facts } of tasks) evaluateTask(task, facts, ctx);
  });
  const row = [`${n.toLocaleString('en')} tasks: rule pass ${base.toFixed(1)} ms`];
  for (const [label, period] of [
    ['month', monthPeriod(2026, 10)],
    ['quarter', quarterPeriod(2026, 3)],
    ['year', yearPeriod(2026)],
  ] as const) {
    const ms = median(() => buildBulletin(input, period));
    row.push(`${label} ${ms.toFixed(1)} ms (×${(ms / base).toFixed(2)})`);
  }
  console.log(row.join('; '));
}
