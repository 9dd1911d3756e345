import { buildCalendar, defaultCalendar } from '../calendar';
import { partsOf, type Day } from '../calendar/day';
import type { HolidayOverride, WorkCalendar } from '../calendar/types';
import { parseConfig, type RulesConfig } from '../domain/config';
import type { Card } from '../domain/glossary';
import type { TaskFacts, TaskRecord } from '../domain/types';
import { noFacts } from '../domain/types';
import { cellText } from '../store/grid/cell-text';
import type { Snapshot, TabData } from '../store/port';
import { CONFIG_HEADERS, LEGACY_CONFIG_HEADERS } from './schema/tabs';
import { Directory } from './directory';
import { dayIn, readLedgers, type RegisterRow } from './read-ledgers';
import { readBattleRow, readLedgerRow } from './read-tasks';

/** A problem for the summary and the logs: where, what, and the Chinese message for users. */
export interface ScanProblem {
  tab: string;
  row: number | null;
  id: string | null;
  cell: string | null;
  code: string;
  message: string;
}

/** A task with everything the rules and the write plan need. */
export interface TaskEntry {
  task: TaskRecord;
  facts: TaskFacts;
  /** The 预警 the sheet shows now (before this scan). */
  priorCard: Card | null;
  /** Current text and fills of the row's system columns, for the diff. */
  row: TabData['rows'][number];
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

/** Tabs whose tasks are scanned, in order. */
export const TASK_TABS = ['挂图作战表', '督办台账'] as const;

/**
 * Turn a snapshot into typed tasks and facts: 规则配置 validated, 节假日 applied to the calendar, every row parsed
 * (a bad row becomes problems on that row, never an exception).
 */
export function readWorkbook(snapshot: Snapshot, today: Day): WorkbookModel {
  const problems: ScanProblem[] = snapshot.problems.map((p) => ({
    tab: p.tab,
    row: null,
    id: null,
    cell: p.header ?? null,
    code: p.code,
    message: p.message,
  }));
  const configTab = snapshot.tabs['规则配置'];
  if (
    configTab &&
    !configTab.headers.some((h) => h === CONFIG_HEADERS.key || h === LEGACY_CONFIG_HEADERS.key)
  )
    problems.push({
      tab: '规则配置',
      row: null,
      id: null,
      cell: CONFIG_HEADERS.key,
      code: 'missing-header',
      message: `工作表「规则配置」缺少表头「${CONFIG_HEADERS.key}」（旧版为 key）与「${CONFIG_HEADERS.value}」（旧版为 value），已全部按默认值执行`,
    });
  const { config, problems: configProblems } = parseConfig(configValues(configTab));
  for (const p of configProblems)
    problems.push({ tab: '规则配置', row: null, id: null, cell: p.key, code: p.code, message: p.message });
  const ids = TASK_TABS.flatMap((name) =>
    (snapshot.tabs[name]?.rows ?? []).map((r) => cellText(r.cells['编号'] ?? null).trim()),
  );
  const year = config.workbookYear === '' ? (yearOfIds(ids) ?? partsOf(today).year) : config.workbookYear;
  const overrides = holidayOverrides(snapshot.tabs['节假日'], year);
  const calendar = overrides.length ? buildCalendar({ overrides }) : defaultCalendar();
  const directory = Directory.fromTab(snapshot.tabs['通讯录']);

  const tasks: Array<{ task: TaskRecord; row: TabData['rows'][number] }> = [];
  for (const name of TASK_TABS) {
    const tab = snapshot.tabs[name];
    const read = name === '挂图作战表' ? readBattleRow : readLedgerRow;
    for (const row of tab?.rows ?? []) tasks.push({ task: read(row, name, year, directory), row });
  }
  const stars = new Map(tasks.map(({ task }) => [task.id, task.stars]));
  const { facts, register } = readLedgers(snapshot.tabs, year, today, config, stars);
  const entries = tasks.map(({ task, row }) => ({
    task,
    row,
    facts: (task.id && facts.get(task.id)) || noFacts(),
    priorCard: cardOf(cellText(row.cells['预警'] ?? null)),
  }));
  for (const { task } of entries) {
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

/** The year most 编号 carry (ZD-2026-001 → 2026), if any do. */
function yearOfIds(ids: string[]): number | null {
  const counts = new Map<number, number>();
  for (const id of ids) {
    const m = /^[A-Z]+-(\d{4})-/.exec(id);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best;
}

function cardOf(text: string): Card | null {
  return text === '红牌' || text === '黄牌' || text === '蓝牌' ? text : null;
}

function configValues(tab: TabData | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { cells } of tab?.rows ?? []) {
    const key = cellText(cells[CONFIG_HEADERS.key] ?? cells[LEGACY_CONFIG_HEADERS.key] ?? null).trim();
    if (key)
      values[key] = cellText(
        cells[CONFIG_HEADERS.value] ?? cells[LEGACY_CONFIG_HEADERS.value] ?? null,
      ).trim();
  }
  return values;
}

function holidayOverrides(tab: TabData | undefined, year: number): HolidayOverride[] {
  const out: HolidayOverride[] = [];
  for (const { cells } of tab?.rows ?? []) {
    const day = dayIn(cells, '日期', year);
    const kind = cellText(cells['类型'] ?? null).trim();
    if (day !== null && (kind === '放假' || kind === '调休上班'))
      out.push({ day, kind, name: cellText(cells['名称'] ?? null).trim() });
  }
  return out;
}
