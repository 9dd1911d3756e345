/**
 * The 规则配置 rows of a new workbook: every key with its default, the office's own values (duban init --org …) and,
 * for the demo, the demo county's, in the .xlsx template and the Google Sheet alike.
 */
import { CONFIG_ENTRIES } from '../src/domain/config';
import { type CellValue, CONFIG_HEADERS, type DemoData } from '../src/workbook/schema/tabs';

/** The demo county's names: only a workbook made with --demo carries them. */
export const DEMO_OFFICE: Record<string, string> = {
  机关名称: '临猗县人民政府办公室',
  文号前缀: '临政督',
};

/**
 * @example
 * configRows(undefined, { 机关名称: '某某县人民政府办公室' }); // [{ 配置项: '工作年度', 取值: '', 说明: … }, …]
 */
export function configRows(
  demo: DemoData | undefined,
  values: Record<string, string> = {},
): Array<Record<string, CellValue>> {
  const given: Record<string, CellValue> = {};
  for (const row of demo?.规则配置 ?? []) {
    const key = row[CONFIG_HEADERS.key];
    if (typeof key === 'string') given[key] = row[CONFIG_HEADERS.value] ?? '';
  }
  Object.assign(given, values);
  return CONFIG_ENTRIES.map((e) => ({
    [CONFIG_HEADERS.key]: e.key,
    [CONFIG_HEADERS.value]: given[e.key] ?? e.default,
    [CONFIG_HEADERS.note]: e.note,
  }));
}

/** The demo's 规则配置 rows (merged over the defaults by configRows). */
export function demoConfigRows(): Array<Record<string, CellValue>> {
  return Object.entries(DEMO_OFFICE).map(([key, value]) => ({
    [CONFIG_HEADERS.key]: key,
    [CONFIG_HEADERS.value]: value,
  }));
}
