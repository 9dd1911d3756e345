/**
 * What a new year's workbook takes over from last year's (`duban init --previous`): the 督办台账 items not yet closed,
 * with every ledger row the rules read about them, so each is followed on to 销号 where it stood — its deadline as
 * extended, its reports, its completion card, its notices (the ladder goes on, 催办次数 keeps counting); the 文书登记
 * rows already numbered in the new year, so its numbering goes on after them; and the office's own reference rows.
 * The battle map is a year's plan and stays behind. Pure: last year's snapshot in, rows by tab out.
 */
import { isoOf, partsOf, type Day } from '../../calendar/day';
import { CONFIG_ENTRIES } from '../../domain/config';
import { isNoticeType } from '../../domain/notice-kinds';
import { closedStatus } from '../../domain/status';
import { cellText } from '../../store/grid/cell-text';
import type { Cell, Snapshot, TabData } from '../../store/port';
import { AUDIT_TAB, MARKER, SYSTEM_ACTOR } from '../audit';
import { isProvisional } from '../provisional-doc-no';
import { dayIn, DUPLICATE } from '../read-ledgers';
import { configValues, readSettings } from '../read-settings';
import { readWorkbook } from '../read-workbook';
import { type CellValue, type DemoData, type TabName, tabDef } from '../schema/tabs';
import { carriedCell } from './carried-cell';

/** The tabs whose rows are about one item, by its 编号: all of an open item's rows go with it. */
const ITEM_LEDGERS = [
  '反馈记录',
  '延期申请',
  '办结审批',
  '调整记录',
  '任务清单',
  '责任清单',
  '措施清单',
  '结果清单',
] as const satisfies readonly TabName[];

/** The 动作 of the 审计日志 row a new workbook writes for each item it takes over. */
export const CARRIED_ACTION = '年度转入';

export interface CarryOver {
  /** Rows of the new workbook by tab (header key → value). */
  rows: DemoData;
  /** 规则配置 values the office changed from the defaults (工作年度 and 上年度工作簿 excepted). */
  config: Record<string, string>;
  /** The 编号 of the 督办台账 items taken over. */
  items: string[];
  /** 督办台账 items left behind because they are closed (已办结 / 已调出). */
  closed: number;
  /** 挂图作战表 tasks left behind: the new year has its own plan. */
  battleTasks: number;
  /** 文书登记 rows left behind (notices of closed items and battle-map tasks, daily digests…). */
  registerLeft: number;
}

type Row = Record<string, CellValue>;

/**
 * @example
 * const carry = carryOver(await store.read([...RUN_SPECS]), toDay('2026-12-28'), 2027, '2026-12-28 10:00:00');
 * carry.rows.督办台账?.map((r) => r.编号); // ['DB-2026-002', …] — the items still open
 */
export function carryOver(snapshot: Snapshot, today: Day, toYear: number, stamp: string): CarryOver {
  const settings = readSettings(snapshot, today);
  const model = readWorkbook(snapshot, today, settings);
  const fromYear = model.year;
  const copy = (name: TabName, cells: Record<string, Cell>, keep = (_: string) => true): Row => {
    const row: Row = {};
    for (const column of tabDef(name).columns) {
      const value = keep(column.key) ? carriedCell(cells[column.key], column, fromYear) : null;
      if (value !== null && value !== '') row[column.key] = value;
    }
    return row;
  };
  const ledger = model.entries.filter((e) => e.task.tab === '督办台账');
  const open = ledger.filter((e) => closedStatus(e.task, e.facts) === null);
  const ids = new Set(open.map((e) => e.task.id.trim()).filter(Boolean));
  const staffTyped = new Set(
    tabDef('督办台账')
      .columns.filter((c) => !c.system)
      .map((c) => c.key),
  );
  const rows: DemoData = {
    督办台账: open.map((e) => copy('督办台账', e.row.cells, (k) => staffTyped.has(k))),
  };
  const about = (tab: TabData | undefined) =>
    (tab?.rows ?? []).filter((r) => ids.has(cellText(r.cells['编号'] ?? null).trim()));
  for (const name of ITEM_LEDGERS) rows[name] = about(snapshot.tabs[name]).map((r) => copy(name, r.cells));

  const register = snapshot.tabs['文书登记']?.rows ?? [];
  const carriedNotices = register.filter(({ cells }) => {
    const text = (key: string) => cellText(cells[key] ?? null).trim();
    const docNo = text('文号');
    if (text('发送状态') === DUPLICATE || isProvisional(docNo)) return false;
    if (docNo.includes(`〔${toYear}〕`)) return true;
    return ids.has(text('编号')) && isNoticeType(text('类型'));
  });
  rows.文书登记 = carriedNotices.map((r) => copy('文书登记', r.cells));

  const decisions = about(snapshot.tabs[AUDIT_TAB]).filter(
    (r) => cellText(r.cells['动作'] ?? null) === MARKER.extensionDecided,
  );
  rows.审计日志 = [
    ...decisions.map((r) => copy('审计日志', r.cells)),
    ...[...ids].map((id) => ({
      时间: new Date(`${stamp.replace(' ', 'T')}Z`),
      操作者: SYSTEM_ACTOR,
      动作: CARRIED_ACTION,
      编号: id,
      字段: '',
      原值: '',
      新值: '',
      备注: `${fromYear}年度未办结，转入${toYear}年度工作簿继续督办`,
    })),
  ];
  rows.通讯录 = (snapshot.tabs['通讯录']?.rows ?? []).map((r) => copy('通讯录', r.cells));
  rows.节假日 = (snapshot.tabs['节假日']?.rows ?? []).flatMap((r) => {
    const day = dayIn(r.cells, '日期', fromYear);
    if (day === null || partsOf(day).year !== toYear) return [];
    return [{ ...copy('节假日', r.cells), 日期: new Date(`${isoOf(day)}T00:00:00Z`) }];
  });
  return {
    rows,
    config: changedConfig(snapshot.tabs['规则配置']),
    items: [...ids],
    closed: ledger.length - open.length,
    battleTasks: model.entries.length - ledger.length,
    registerLeft: register.length - carriedNotices.length,
  };
}

/** The workbook's own year and the one before it: each workbook says its own (init sets them), none is carried. */
const OWN_YEAR_KEYS = new Set(['工作年度', '上年度工作簿']);

/** The 规则配置 values that differ from the template's defaults: what the office set for itself. */
function changedConfig(tab: TabData | undefined): Record<string, string> {
  const values = configValues(tab);
  const out: Record<string, string> = {};
  for (const e of CONFIG_ENTRIES) {
    const value = values[e.key];
    if (!OWN_YEAR_KEYS.has(e.key) && value !== undefined && value !== '' && value !== e.default)
      out[e.key] = value;
  }
  return out;
}
