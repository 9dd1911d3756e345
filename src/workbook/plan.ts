import { isoOf } from '../calendar/day';
import type { TaskVerdict } from '../domain/types';
import { cellText } from '../store/grid/cell-text';
import type { CellChange, CellWrite, Fill, IdAssignment, WritePlan } from '../store/port';
import { MONTH_KEYS, SYSTEM_COLUMNS, type SystemColumn } from './schema/tabs';
import type { AuditRow } from './audit';
import { auditRow } from './audit';
import { CARD_FILL, fillName, isSystemFill, MONTH_FILL, STATUS_FILL } from './palette';
import type { TaskEntry } from './read-workbook';
import { BAD_ID_CODES } from './id-cell';

const MAX_HINT = 1000;

/** What the system columns of a row should say for a verdict. */
export function systemValues(v: TaskVerdict): Record<SystemColumn, CellWrite> {
  const hint = v.hints.join('\n');
  return {
    状态: v.status,
    预警: v.card,
    剩余工作日: v.remainingWorkdays,
    当前节点: v.currentNode || null,
    最近反馈: v.lastFeedback === null ? null : isoOf(v.lastFeedback),
    催办次数: v.urgings,
    原完成时限: v.originalDeadline === null ? null : isoOf(v.originalDeadline),
    系统提示: hint ? (hint.length > MAX_HINT ? `${hint.slice(0, MAX_HINT)}…` : hint) : null,
  };
}

function systemFills(v: TaskVerdict): Array<[string, Fill]> {
  const fills: Array<[string, Fill]> = [
    ['状态', STATUS_FILL[v.status]],
    ['预警', v.card ? CARD_FILL[v.card] : null],
  ];
  v.monthFills.forEach((f, i) => {
    fills.push([MONTH_KEYS[i]!.done, f ? MONTH_FILL[f] : null]);
  });
  return fills;
}

const same = (a: string, b: CellWrite) => a.trim() === (b === null ? '' : String(b));

export interface PlanOutput {
  plan: WritePlan;
  audit: AuditRow[];
}

/**
 * The write plan of one scan: only the system cells whose value or fill differs from what the sheet shows, the 编号
 * of rows that lack one, and an audit row for every change. Staff cells are never in it; a month cell's fill is
 * only cleared when the system painted it.
 */
export function buildPlan(entries: TaskEntry[], verdicts: TaskVerdict[], stamp: string): PlanOutput {
  const plan: WritePlan = { cells: [], ids: [], appends: [], ledgerUpdates: [] };
  const audit: AuditRow[] = [];
  const tick = countdownTick(entries, verdicts);
  let ticked = 0;
  let hintsTicked = 0;
  entries.forEach((entry, i) => {
    const v = verdicts[i]!;
    const { task, row } = entry;
    const id = task.id;
    if (!id) return;
    if (entry.numbered) {
      const titleKey = task.kind === 'ledger' ? '事项标题' : '工作任务';
      const ids: IdAssignment = {
        tab: task.tab,
        row: task.row,
        id,
        fingerprint: { [titleKey]: cellText(row.cells[titleKey] ?? null) },
      };
      plan.ids.push(ids);
      audit.push(auditRow(stamp, '编号', id, '编号', '', id, `第${task.row}行无编号，系统自动编号`));
    }
    const changes = new Map<string, CellChange>();
    const change = (column: string) => {
      let c = changes.get(column);
      if (!c) changes.set(column, (c = { tab: task.tab, id, rowHint: task.row, column }));
      return c;
    };
    const values = systemValues(v);
    /** The task's other changes, joined into one audit row. */
    const other = {
      fields: [] as string[],
      before: [] as string[],
      after: [] as string[],
      add(field: string, before: string, after: string) {
        this.fields.push(field);
        this.before.push(before);
        this.after.push(after);
      },
    };
    for (const column of SYSTEM_COLUMNS) {
      const before = cellText(row.cells[column] ?? null);
      const after = values[column];
      if (!(column in row.cells) || same(before, after)) continue;
      change(column).value = after;
      const shown = after === null ? '' : String(after);
      if (column === '剩余工作日' && tick !== null && countdownDelta(before.trim(), after) === tick) ticked++;
      else if (column === '系统提示' && tick !== null && hintTicked(before.trim(), shown, tick)) hintsTicked++;
      else if (column === '状态')
        audit.push(auditRow(stamp, '状态变更', id, column, before, shown, v.statusReason));
      else if (column === '预警')
        audit.push(auditRow(stamp, '预警变更', id, column, before, shown, v.cardReason || '预警解除'));
      else other.add(column, before, shown);
    }
    for (const [column, fill] of systemFills(v)) {
      if (!(column in row.cells)) continue;
      const before = row.fills[column] ?? null;
      if ((before ?? '').toUpperCase() === (fill ?? '')) continue;
      if (fill === null && !isSystemFill(before)) continue;
      change(column).fill = fill;
      other.add(`${column}底色`, fillName(before), fillName(fill));
    }
    plan.cells.push(...changes.values());
    if (other.fields.length) {
      audit.push(
        auditRow(
          stamp,
          '系统列更新',
          id,
          other.fields.join('、'),
          other.before.join('；'),
          other.after.join('；'),
          '',
        ),
      );
    }
  });
  if (ticked)
    audit.push(
      auditRow(
        stamp,
        '倒计时',
        `${ticked}项`,
        '剩余工作日',
        '',
        `−${tick}`,
        `${ticked}项任务的剩余工作日随工作日推移各减${tick}（原值 = 新值 + ${tick}），不逐项记录；其他原因引起的改变逐项记录`,
      ),
    );
  if (hintsTicked)
    audit.push(
      auditRow(
        stamp,
        '倒计时',
        `${hintsTicked}项`,
        '系统提示',
        '',
        `±${tick}个工作日`,
        `${hintsTicked}项任务的系统提示只有“…个工作日”的天数随工作日推移变了${tick}（逾期的加、未到期的减），其余文字不变，不逐项记录；其他原因引起的改变逐项记录`,
      ),
    );
  return { plan, audit };
}

/**
 * True when a 系统提示 only counts its working days on by `tick` (“逾期100个工作日” → “逾期101个工作日”): every number
 * before 个工作日 that changed moved by exactly `tick`, and nothing else in the text changed. Like the 剩余工作日
 * countdown, that is the calendar ticking, not a decision, and the audit gets one row for all of them.
 * @example hintTicked('已超过完成时限 6月30日，逾期100个工作日', '已超过完成时限 6月30日，逾期101个工作日', 1) // true
 */
export function hintTicked(before: string, after: string, tick: number): boolean {
  const was = before.split(/(\d+)(?=个工作日)/);
  const now = after.split(/(\d+)(?=个工作日)/);
  if (was.length !== now.length) return false;
  let moved = false;
  for (let i = 0; i < was.length; i++) {
    if (i % 2 === 0) {
      if (was[i] !== now[i]) return false;
      continue;
    }
    const delta = Math.abs(Number(now[i]) - Number(was[i]));
    if (delta !== 0 && delta !== tick) return false;
    moved ||= delta !== 0;
  }
  return moved;
}

/** How far a 剩余工作日 cell counts down from `before` to `after`; null unless both are numbers and it went down. */
function countdownDelta(before: string, after: CellWrite): number | null {
  if (typeof after !== 'number' || !/^-?\d+$/.test(before)) return null;
  const delta = Number(before) - after;
  return delta > 0 ? delta : null;
}

/**
 * The working days that passed since the last scan, read as the decrease most 剩余工作日 cells share. Those
 * decreases are the calendar ticking, not a decision: the audit gets one row for all of them, not one per task.
 */
function countdownTick(entries: TaskEntry[], verdicts: TaskVerdict[]): number | null {
  const counts = new Map<number, number>();
  entries.forEach((entry, i) => {
    const delta = countdownDelta(
      cellText(entry.row.cells['剩余工作日'] ?? null).trim(),
      verdicts[i]!.remainingWorkdays,
    );
    if (delta !== null) counts.set(delta, (counts.get(delta) ?? 0) + 1);
  });
  let best: number | null = null;
  for (const [delta, n] of counts) if (best === null || n > counts.get(best)!) best = delta;
  return best;
}

/** New 编号 continue each prefix's sequence of the workbook's year: ZD-2026-061, DB-2026-021… */
/**
 * The entries with a 编号 given to every titled row that lacks one (`ZD-2026-067`, `DB-2026-021`: the next number of
 * its prefix and the workbook year), marked `numbered`, so the rules and the notices treat a row the scan numbers like
 * any other in the same scan; the write plan then writes the 编号.
 *
 * @example numberNewRows(model.entries, 2026).filter((e) => e.numbered).map((e) => e.task.id) // ['ZD-2026-067']
 */
export function numberNewRows(entries: TaskEntry[], year: number): TaskEntry[] {
  const nextId = idAllocator(entries, year);
  return entries.map((entry) =>
    entry.task.id || !entry.task.title || entry.task.problems.some((p) => BAD_ID_CODES.has(p.code))
      ? entry
      : {
          ...entry,
          task: { ...entry.task, id: nextId(entry.task.kind === 'ledger' ? 'DB' : 'ZD') },
          numbered: true,
        },
  );
}

function idAllocator(entries: TaskEntry[], workbookYear: number): (prefix: string) => string {
  const year = String(workbookYear);
  const max = new Map<string, number>();
  for (const { task } of entries) {
    const m = /^([A-Z]+)-(\d{4})-(\d+)$/.exec(task.id);
    if (m && m[2] === year) max.set(m[1]!, Math.max(max.get(m[1]!) ?? 0, Number(m[3])));
  }
  return (prefix) => {
    const n = (max.get(prefix) ?? 0) + 1;
    max.set(prefix, n);
    return `${prefix}-${year}-${String(n).padStart(3, '0')}`;
  };
}
