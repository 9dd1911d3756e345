import { stampCell } from '../store/grid/date-cell';
import type { BulletinPeriod } from '../domain/bulletin-period';
import type { RulesConfig } from '../domain/config';
import type { CellWrite } from '../store/port';
import { DUPLICATE, type RegisterRow } from '../workbook/read-ledgers';
import { bulletinTabName } from '../workbook/schema/bulletin';

/**
 * The 通报's own 文号 series (SPEC §4.4, §4.7): `临政督通报〔2026〕3号` — the 规则配置 文号前缀, the mark 通报, the year
 * the 通报 covers and the next number of that year. Monthly, quarterly and year 通报 share the one series; it can
 * never meet a notice's series, whose mark is one character (`临政督通〔2026〕3号` is a 督办通知书). The number is
 * taken when the 通报 is issued — mailed to the leaders by the scan, or saved as Word by `duban report` — and
 * registered in 文书登记 (类型 通报, 去重键 `通报|2026年10月通报`), so issuing the same period again reuses it.
 */

/** 文书登记 类型 of a 通报 row. */
export const BULLETIN_TYPE = '通报';
/** What follows the prefix in its 文号. */
export const BULLETIN_MARK = '通报';

/**
 * The 去重键 of a period's 通报 in 文书登记 (and in the notice journal).
 *
 * @example bulletinKey(monthPeriod(2026, 10)); // '通报|2026年10月通报'
 */
export function bulletinKey(period: BulletinPeriod): string {
  return `${BULLETIN_TYPE}|${bulletinTabName(period.label)}`;
}

/** `临政督通报〔2026〕3号`. */
export function formatBulletinDocNo(config: RulesConfig, year: number, n: number): string {
  return `${config.docPrefix}${BULLETIN_MARK}〔${year}〕${n}号`;
}

/** True for a 文号 of the 通报 series (`…通报〔2026〕3号`). */
export function isBulletinDocNo(docNo: string): boolean {
  return new RegExp(`${BULLETIN_MARK}〔\\d{4}〕\\d+号$`).test(docNo);
}

/** The 通报 row 文书登记 holds for a period (its first, as for notices), or undefined. */
export function registeredBulletin(register: RegisterRow[], period: BulletinPeriod): RegisterRow | undefined {
  const key = bulletinKey(period);
  return [...register]
    .sort((a, b) => a.row - b.row)
    .find((r) => r.key === key && r.status !== DUPLICATE && r.docNo !== '');
}

/**
 * The 文号 of a period's 通报: the one 文书登记 already holds for it (`registered`), else the next number of the
 * year's 通报 series after every 通报 文号 in the register.
 *
 * @example
 * bulletinDocNo(model.register, model.config, monthPeriod(2026, 11));
 * // { docNo: '临政督通报〔2026〕1号', registered: false } — the first 通报 of 2026
 */
export function bulletinDocNo(
  register: RegisterRow[],
  config: RulesConfig,
  period: BulletinPeriod,
): { docNo: string; registered: boolean } {
  const held = registeredBulletin(register, period);
  if (held) return { docNo: held.docNo, registered: true };
  // Any prefix, so a 规则配置 文号前缀 changed mid-year never repeats a number.
  const series = new RegExp(`${BULLETIN_MARK}〔${period.year}〕(\\d+)号$`);
  let last = 0;
  for (const r of register) {
    const n = r.status === DUPLICATE ? null : series.exec(r.docNo)?.[1];
    if (n) last = Math.max(last, Number(n));
  }
  return { docNo: formatBulletinDocNo(config, period.year, last + 1), registered: false };
}

/** Another document 文书登记 holds under `docNo` than this period's 通报, or undefined (a clerk's own 文号). */
export function docNoTakenBy(
  register: RegisterRow[],
  docNo: string,
  period: BulletinPeriod,
): RegisterRow | undefined {
  const key = bulletinKey(period);
  return register.find((r) => r.docNo === docNo.trim() && r.key !== key && r.status !== DUPLICATE);
}

/** The 文书登记 row of an issued 通报. */
export function bulletinRegisterRow(issued: {
  docNo: string;
  period: BulletinPeriod;
  title: string;
  to: string;
  cc: string;
  stamp: string;
  status: string;
}): Record<string, CellWrite> {
  return {
    文号: issued.docNo,
    类型: BULLETIN_TYPE,
    编号: '',
    发往单位: '',
    收件人: issued.to,
    抄送: issued.cc,
    事由: issued.title,
    时限要求: '',
    生成时间: stampCell(issued.stamp),
    发送状态: issued.status,
    去重键: bulletinKey(issued.period),
  };
}
