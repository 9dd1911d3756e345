/**
 * Working-day arithmetic: our precomputed index against chinese-days' own day-by-day `findWorkday`.
 * Run: npx tsx bench/calendar.ts
 * 1,000,000 seeded random (date, N) queries, dates 2005–2025, N uniform in −60..60 working days.
 * The baseline walks one day at a time, so it runs on the first BASELINE_SAMPLE queries and its rate is
 * extrapolated to the full set (said so in the output).
 */
import chineseDays from 'chinese-days';
import { buildCalendar, isoOf, toDay } from '../src/calendar';

const QUERIES = 1_000_000;
const BASELINE_SAMPLE = 5_000;
const MAX_N = 60;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return function next() {
    // xorshift32: fixed sequence for a fixed seed
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

function timeBuilds(): { coldMs: number; warmMs: number } {
  let start = performance.now();
  buildCalendar();
  const coldMs = performance.now() - start;
  const runs = 100;
  start = performance.now();
  for (let i = 0; i < runs; i++) buildCalendar();
  return { coldMs, warmMs: (performance.now() - start) / runs };
}

function main(): void {
  const { coldMs, warmMs } = timeBuilds();
  const cal = buildCalendar();
  const next = seeded(20260331);
  const first = toDay('2005-01-01');
  const span = toDay('2025-12-31') - first;
  const days = new Int32Array(QUERIES);
  const ns = new Int32Array(QUERIES);
  for (let i = 0; i < QUERIES; i++) {
    days[i] = first + (next() % span);
    ns[i] = (next() % (2 * MAX_N + 1)) - MAX_N;
  }
  const isoDays = Array.from(days.subarray(0, BASELINE_SAMPLE), (day) => isoOf(day));

  let checksum = 0;
  let start = performance.now();
  for (let i = 0; i < QUERIES; i++) checksum += cal.addWorkdays(days[i]!, ns[i]!);
  const oursSeconds = (performance.now() - start) / 1000;

  const baseline: string[] = [];
  start = performance.now();
  for (let i = 0; i < BASELINE_SAMPLE; i++) baseline.push(chineseDays.findWorkday(ns[i]!, isoDays[i]!));
  const baselineSeconds = (performance.now() - start) / 1000;

  let mismatches = 0;
  for (let i = 0; i < BASELINE_SAMPLE; i++)
    if (isoOf(cal.addWorkdays(days[i]!, ns[i]!)) !== baseline[i]) mismatches++;

  const ours = QUERIES / oursSeconds;
  const theirs = BASELINE_SAMPLE / baselineSeconds;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `build index (2004–2060): first ${coldMs.toFixed(1)} ms, then ${warmMs.toFixed(2)} ms per build (mean of 100)`,
  );
  console.log(
    `queries: ${fmt(QUERIES)} addWorkdays(date, N), dates 2005–2025, |N| ≤ ${MAX_N}, seed 20260331 (checksum ${checksum})`,
  );
  console.log(
    `ours (precomputed index):        ${fmt(ours)} queries/s  (${(oursSeconds * 1000).toFixed(0)} ms for all ${fmt(QUERIES)})`,
  );
  console.log(
    `chinese-days findWorkday:        ${fmt(theirs)} queries/s  (measured on the first ${fmt(BASELINE_SAMPLE)} queries; ` +
      `extrapolated ${(QUERIES / theirs).toFixed(0)} s for all ${fmt(QUERIES)})`,
  );
  console.log(
    `ratio: ${fmt(ours / theirs)}× (target ≥ 1000×); results differing on the sample: ${mismatches}`,
  );
}

main();
