import { normalizeCellText } from '../calendar/normalize-text';

export type Completion = 'done' | 'partial' | 'not-done' | 'empty';

const NOT_DONE = /未完成|没有完成|未能完成|未开展|未启动/;
const PARTIAL = /部分完成|推进中|正在|进行中|基本完成/;
const DONE = /^(完成|已办结|已落实|100%|100％)$/;
/** `已完成，进度80%`: the month's milestone is done, the percentage is the task's overall progress. */
const DONE_FIRST = /^(已完成|已办结|[√✓])/;
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*[%％]/;

/** How a 完成情况 text reads: 已完成/√/100% → done; 推进中/部分完成/a percentage/other text → partial. */
export function classifyCompletion(text: string): Completion {
  return readCompletionText(text).completion;
}

/** What a 完成情况 text says: how complete, and the percentage written in it (see percentIn). */
export interface TextReading {
  completion: Completion;
  percent: number | null;
}

export function readCompletionText(text: string): TextReading {
  // Sheets repeat the same few texts (已完成, √, 推进中…) thousands of times: remember each reading.
  let reading = readings.get(text);
  if (reading === undefined) {
    reading = { completion: classify(text), percent: percentIn(text) };
    if (readings.size >= 50_000) readings.clear();
    readings.set(text, reading);
  }
  return reading;
}

const readings = new Map<string, TextReading>();

function classify(text: string): Completion {
  const t = text.trim();
  if (!t) return 'empty';
  if (NOT_DONE.test(t)) return 'not-done';
  if (PARTIAL.test(t)) return 'partial';
  if (DONE_FIRST.test(t)) return 'done';
  const pct = percentIn(t);
  if (pct !== null) return pct >= 100 ? 'done' : 'partial';
  return DONE.test(t) ? 'done' : 'partial';
}

/** A percentage written in the text (`完成60%`), or null. */
export function percentIn(text: string): number | null {
  if (!text.includes('%') && !text.includes('％')) return null;
  let percent = percents.get(text);
  if (percent === undefined) {
    const m = PERCENT.exec(/[\uFF01-\uFF5E]/.test(text) ? normalizeCellText(text) : text);
    percent = m ? Math.min(100, Number(m[1])) : null;
    if (percents.size >= 50_000) percents.clear();
    percents.set(text, percent);
  }
  return percent;
}

const percents = new Map<string, number | null>();
