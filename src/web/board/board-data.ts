import { beijingStamp } from '../../calendar/beijing-clock';
import { type Day, isoOf, partsOf, shanghaiDayOf } from '../../calendar/day';
import { buildBulletin, type Bulletin } from '../../domain/bulletin';
import { monthPeriod } from '../../domain/bulletin-period';
import type { Card, Status } from '../../domain/glossary';
import type { MonthFill } from '../../domain/types';
import { generatedBulletins } from '../../scan/plan-bulletin';
import { evaluateTask } from '../../domain/evaluate-task';
import { numberNewRows } from '../../workbook/plan';
import { readWorkbook, ruleContextOf } from '../../workbook/read-workbook';
import type { Snapshot } from '../../store/port';
import { AUDIT_TAB } from '../../workbook/audit';
import { bulletinInput } from '../../workbook/bulletin-input';
import { readSettings } from '../../workbook/read-settings';

/** One task on the board: what the filters, the counts and the row read. */
export interface BoardTask {
  id: string;
  title: string;
  leader: string;
  unit: string;
  status: Status;
  card: Card | null;
  deadline: string;
  remaining: number | null;
  hint: string;
  /** 1月…12月: planned, done and the fill state the sheet paints (battle map; empty for 台账 items). */
  months: Array<{ planned: string; done: string; fill: MonthFill }>;
}

/** Everything /board shows, computed once per scan (board-cache.ts). */
export interface BoardData {
  /** The day the statuses are for, `YYYY-MM-DD`, and when they were computed (Beijing). */
  date: string;
  /** The month of the workbook's year it is (12 once the year is over, 1 before it begins). */
  month: number;
  stamp: string;
  tasks: BoardTask[];
  leaders: string[];
  units: string[];
  /** The last 通报 the scan generated (审计日志 生成通报), for its charts and 红黑榜; null before the first. */
  bulletin: Bulletin | null;
}

/**
 * The board's data from a snapshot, as a scan would see it now: every task's 状态 and 预警 from the same pure rules
 * (evaluateTask, nothing written), in sheet order, and the last 通报 the 审计日志 says was generated.
 *
 * @example const data = boardData(await store.read([...RUN_SPECS]), new Date());
 */
export function boardData(snapshot: Snapshot, now: Date): BoardData {
  const today = shanghaiDayOf(now);
  const read = readWorkbook(snapshot, today, readSettings(snapshot, today));
  // The rules only (no write plan, no notices): the board shows what a scan would paint, writes nothing.
  const model = { ...read, entries: numberNewRows(read.entries, read.year) };
  const ctx = ruleContextOf(model);
  const verdicts = model.entries.map((e) => evaluateTask(e.task, e.facts, ctx, e.priorCard));
  const tasks: BoardTask[] = model.entries.map(({ task }, i) => {
    const v = verdicts[i]!;
    const leader = task.leader || model.directory.leaderOf('', task.leadUnit)[0]?.name || '';
    return {
      id: task.id,
      title: task.title,
      leader,
      unit: task.leadUnit,
      status: v.status,
      card: v.card,
      deadline: v.deadline === null ? '' : isoOf(v.deadline),
      remaining: v.remainingWorkdays,
      hint: v.hints.join('；'),
      months: task.months.map((m, k) => ({
        planned: m.planned,
        done: m.done,
        fill: v.monthFills[k] ?? null,
      })),
    };
  });
  const distinct = (values: string[]) =>
    [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    date: isoOf(today),
    month: monthOfYear(today, model.year),
    stamp: beijingStamp(now),
    tasks,
    leaders: distinct(tasks.map((t) => t.leader)),
    units: distinct(tasks.map((t) => t.unit)),
    bulletin: lastBulletin(snapshot, model),
  };
}

function lastBulletin(snapshot: Snapshot, model: Parameters<typeof bulletinInput>[0]): Bulletin | null {
  let last: { year: number; month: number } | null = null;
  for (const name of generatedBulletins(snapshot.tabs[AUDIT_TAB])) {
    const m = /^(\d{4})年(\d{1,2})月通报$/.exec(name);
    if (!m) continue;
    const at = { year: Number(m[1]), month: Number(m[2]) };
    if (!last || at.year * 12 + at.month > last.year * 12 + last.month) last = at;
  }
  return last ? buildBulletin(bulletinInput(model), monthPeriod(last.year, last.month)) : null;
}

/** The month of `year` that `day` is in, or the year's last (first) month when the day is after (before) it. */
function monthOfYear(day: Day, year: number): number {
  const at = partsOf(day);
  return at.year > year ? 12 : at.year < year ? 1 : at.month;
}
