/** Generated tasks for the rule benchmarks: a fixed seed, a realistic mix of battle-map and ledger rows. */
import { toDay } from '../src/calendar';
import { noFacts, type TaskFacts, type TaskRecord } from '../src/domain/types';

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

export function generate(n: number): Array<{ task: TaskRecord; facts: TaskFacts }> {
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
