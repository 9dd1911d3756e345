import { buildCalendar, defaultCalendar } from '../calendar';
import { partsOf, type Day } from '../calendar/day';
import type { HolidayOverride, WorkCalendar } from '../calendar/types';
import { parseConfig, type RulesConfig } from '../domain/config';
import { cellText } from '../store/grid/cell-text';
import type { Snapshot, TabData } from '../store/port';
import { dayIn } from './read-ledgers';
import type { ScanProblem } from './scan-problem';
import { CONFIG_HEADERS, LEGACY_CONFIG_HEADERS } from './schema/tabs';
import { TASK_TABS } from './task-tabs';

/** What a workbook says about how to scan it: 规则配置, its year, and the calendar with its 节假日 rows. */
export interface WorkbookSettings {
  config: RulesConfig;
  /** The year the workbook's months belong to (规则配置 工作年度, else the year in most 编号, else today's). */
  year: number;
  calendar: WorkCalendar;
  /** Bad 规则配置 values (their defaults are used). */
  problems: ScanProblem[];
}

/**
 * The settings of a workbook from its 规则配置 and 节假日 tabs (and the 编号 of its task tabs, for the year): enough to
 * tell a working day and the scan time without reading the tasks.
 *
 * @example
 * const settings = readSettings(await store.read([tabSpec('规则配置'), tabSpec('节假日')]), today);
 * settings.calendar.isWorkday(today);
 */
export function readSettings(snapshot: Snapshot, today: Day): WorkbookSettings {
  const { config, problems } = parseConfig(configValues(snapshot.tabs['规则配置']));
  const ids = TASK_TABS.flatMap((name) =>
    (snapshot.tabs[name]?.rows ?? []).map((r) => cellText(r.cells['编号'] ?? null).trim()),
  );
  const year = config.workbookYear === '' ? (yearOfIds(ids) ?? partsOf(today).year) : config.workbookYear;
  const overrides = holidayOverrides(snapshot.tabs['节假日'], year);
  return {
    config,
    year,
    calendar: overrides.length ? buildCalendar({ overrides }) : defaultCalendar(),
    problems: [
      ...configHeaderProblems(snapshot.tabs['规则配置']),
      ...problems.map((p) => ({
        tab: '规则配置',
        row: null,
        id: null,
        cell: p.key,
        code: p.code,
        message: p.message,
      })),
    ],
  };
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

/**
 * 规则配置 as key → value; workbooks made before the Chinese headers still say key / value.
 * @example configValues(snapshot.tabs['规则配置'])['文号前缀']; // '某政督'
 */
export function configValues(tab: TabData | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { cells } of tab?.rows ?? []) {
    const key = cellText(cells[CONFIG_HEADERS.key] ?? cells[LEGACY_CONFIG_HEADERS.key] ?? null).trim();
    if (key)
      values[key] = halfWidthDigits(
        cellText(cells[CONFIG_HEADERS.value] ?? cells[LEGACY_CONFIG_HEADERS.value] ?? null).trim(),
      );
  }
  return values;
}

/**
 * Digits typed with a Chinese input method (５个工作日, ０８：３０) read as the date cells read them; only digits and the
 * colon change, so names such as 机关名称 keep their full-width brackets.
 */
function halfWidthDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':');
}

/** A 规则配置 tab with neither its headers nor the old ones: every rule then runs on its default. */
function configHeaderProblems(tab: TabData | undefined): ScanProblem[] {
  if (!tab || tab.headers.some((h) => h === CONFIG_HEADERS.key || h === LEGACY_CONFIG_HEADERS.key)) return [];
  return [
    {
      tab: '规则配置',
      row: null,
      id: null,
      cell: CONFIG_HEADERS.key,
      code: 'missing-header',
      message: `工作表「规则配置」缺少表头「${CONFIG_HEADERS.key}」（旧版为 key）与「${CONFIG_HEADERS.value}」（旧版为 value），已全部按默认值执行`,
    },
  ];
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
