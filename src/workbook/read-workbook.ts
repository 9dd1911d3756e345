import type { Day } from '../calendar/day';
import type { WorkCalendar } from '../calendar/types';
import type { RulesConfig } from '../domain/config';
import type { Card } from '../domain/glossary';
import type { RuleContext, TaskFacts, TaskRecord } from '../domain/types';
import { noFacts } from '../domain/types';
import { isKeyItem } from '../domain/key-item';
import { cellText } from '../store/grid/cell-text';
import type { Snapshot, TabData } from '../store/port';
import { Directory } from './directory';
import { readLedgers, type RegisterRow } from './read-ledgers';
import { readSettings, type WorkbookSettings } from './read-settings';
import { readBattleRow, readLedgerRow } from './read-tasks';
import type { ScanProblem } from './scan-problem';
import { TASK_TABS } from './task-tabs';
import { markDuplicateIds } from './id-cell';
import { ledgerProblems } from './ledger-problems';
import { AUDIT_TAB } from './audit';
import { redFlagDays } from './red-flag';

export type { ScanProblem } from './scan-problem';
export { TASK_TABS } from './task-tabs';

/** A task with everything the rules and the write plan need. */
export interface TaskEntry {
  task: TaskRecord;
  facts: TaskFacts;
  /** The 预警 the sheet shows now (before this scan). */
  priorCard: Card | null;
  /** Current text and fills of the row's system columns, for the diff. */
  row: TabData['rows'][number];
  /** The row had no 编号: `task.id` is the one this scan gives it (plan.ts numberNewRows). */
  numbered?: boolean;
}

export interface WorkbookModel {
  today: Day;
  /** The year the workbook's months belong to (规则配置 工作年度, else the year in most 编号, else today's). */
  year: number;
  config: RulesConfig;
  calendar: WorkCalendar;
  directory: Directory;
  entries: TaskEntry[];
  register: RegisterRow[];
  problems: ScanProblem[];
}

/** The rules' context of a workbook read on its day: its calendar, 规则配置 and year. */
export function ruleContextOf(model: Pick<WorkbookModel, 'today' | 'calendar' | 'config' | 'year'>): RuleContext {
  return { today: model.today, cal: model.calendar, config: model.config, year: model.year };
}

/**
 * Turn a snapshot into typed tasks and facts: 规则配置 validated, 节假日 applied to the calendar, every row parsed
 * (a bad row becomes problems on that row, never an exception). `settings` defaults to what the snapshot says.
 *
 * @example
 * const model = readWorkbook(snapshot, toDay('2026-06-15'));
 * model.entries.length; // tasks on 挂图作战表 and 督办台账
 */
export function readWorkbook(
  snapshot: Snapshot,
  today: Day,
  settings: WorkbookSettings = readSettings(snapshot, today),
): WorkbookModel {
  const problems: ScanProblem[] = snapshot.problems.map((p) => ({
    tab: p.tab,
    row: null,
    id: null,
    cell: p.header ?? null,
    code: p.code,
    message: p.message,
  }));
  for (const p of settings.problems) problems.push(p);
  const { config, year, calendar } = settings;
  const directory = Directory.fromTab(snapshot.tabs['通讯录']);

  const tasks: Array<{ task: TaskRecord; row: TabData['rows'][number] }> = [];
  for (const name of TASK_TABS) {
    const tab = snapshot.tabs[name];
    const read = name === '挂图作战表' ? readBattleRow : readLedgerRow;
    for (const row of tab?.rows ?? []) tasks.push({ task: read(row, name, year, directory), row });
  }
  markDuplicateIds(tasks.map((t) => t.task));
  const keyItems = new Map(tasks.map(({ task }) => [task.id, isKeyItem(task, config)]));
  const { facts, register } = readLedgers(snapshot.tabs, year, today, config, keyItems);
  const flagged = redFlagDays(snapshot.tabs[AUDIT_TAB]);
  const entries = tasks.map(({ task, row }) => ({
    task,
    row,
    facts: flagSince(task, (task.id && facts.get(task.id)) || noFacts(), flagged),
    priorCard: cardOf(cellText(row.cells['预警'] ?? null)),
  }));
  const ids = new Set(tasks.map(({ task }) => task.id.trim()).filter(Boolean));
  for (const p of ledgerProblems(snapshot.tabs, year, ids, config.approvalChain)) problems.push(p);
  for (const { task, facts: f } of entries) {
    for (const message of f.completion?.problems ?? [])
      problems.push({
        tab: '办结审批',
        row: null,
        id: task.id || null,
        cell: '意见',
        code: 'unclear-opinion',
        message,
      });
    for (const p of task.problems)
      problems.push({
        tab: task.tab,
        row: task.row,
        id: task.id || null,
        cell: p.cell,
        code: p.code,
        message: p.message,
      });
  }
  return { today, year, config, calendar, directory, entries, register, problems };
}

function cardOf(text: string): Card | null {
  return text === '红牌' || text === '黄牌' || text === '蓝牌' ? text : null;
}

/** A flagged task's facts with the day its 红牌标记 was first shown, when the 审计日志 has it. */
function flagSince(task: TaskRecord, facts: TaskFacts, flagged: Map<string, Day>): TaskFacts {
  const since = task.redFlag ? flagged.get(task.id) : undefined;
  return since === undefined ? facts : { ...facts, redFlagSince: since };
}
