import { stampCell } from '../store/grid/date-cell';
import type { Day } from '../calendar/day';
import { cellText } from '../store/grid/cell-text';
import type { CellWrite } from '../store/port';
import type { RegisterRow } from '../workbook/read-ledgers';
import type { Finalized } from './doc-numbers';
import type { Address } from '../mail/port';
import { formatAddresses } from './register-row';

/**
 * Claims on the retry of a notice still 待发送, so that two scans running at once send it once (SPEC §5).
 *
 * Before retrying, a scan appends a `重发` row to 文书登记 under a provisional 文号, with the 去重键
 * `<original key>|重发|<n>` (n = the claims it saw + 1), in the same append as its new notices, and reads the register
 * back. Its claim wins only if it is the first row of that 去重键 (doc-numbers.ts), no earlier claim on the notice is
 * still in flight today (another scan sending it right now), and the original row is still 待发送 (nobody sent it
 * meanwhile). The winner sends and settles the original and its claim in one batch; a loser marks its claim
 * 重复作废. A claim left 待发送 by a crashed scan blocks retries only for the rest of its day.
 */
export const RESEND = '重发';
export const RESEND_FAILED = '发送失败';

const claimPattern = /^(.*)\|重发\|\d+$/;

/**
 * The 去重键 a new claim on a row takes, given the register the scan read: the claims on it so far are counted once
 * for the whole register, not once per retry.
 * @example claimKeys(register)(row) // 'ZD-2026-001|催办单|1|逾期@2026-10-30|重发|2'
 */
export function claimKeys(register: RegisterRow[]): (row: RegisterRow) => string {
  const seen = new Map<string, number>();
  for (const r of register) {
    const base = claimPattern.exec(r.key)?.[1];
    if (base !== undefined) seen.set(base, (seen.get(base) ?? 0) + 1);
  }
  return (row) => `${row.key}|${RESEND}|${(seen.get(row.key) ?? 0) + 1}`;
}

/** The 文书登记 row of a claim, with the recipients the retry goes to (通讯录 as it is now). */
export function claimRow(
  row: RegisterRow,
  token: string,
  key: string,
  stamp: string,
  to: Address[],
): Record<string, CellWrite> {
  return {
    文号: token,
    类型: RESEND,
    编号: row.id,
    发往单位: cellText(row.cells['发往单位'] ?? null),
    收件人: formatAddresses(to),
    事由: `重发 ${row.docNo || row.type}（${row.type}，${row.key}）`,
    生成时间: stampCell(stamp),
    发送状态: '待发送',
    去重键: key,
  };
}

/**
 * The tokens of this scan's claims that won, judged on the register read after the append.
 * @example claimsWon(register, finals, [{ token: '〔待编号〕2026·ab12·3', base: 'ZD-2026-001|催办单|1|逾期@2026-06-30' }], today)
 */
export function claimsWon(
  register: RegisterRow[],
  finals: Map<string, Finalized>,
  claims: Array<{ token: string; base: string }>,
  today: Day,
): Set<string> {
  const rowOf = new Map<string, RegisterRow>();
  const original = new Map<string, RegisterRow>();
  /** Per notice, the first row of a claim still in flight today. */
  const inFlight = new Map<string, number>();
  for (const r of register) {
    rowOf.set(r.docNo, r);
    if (!original.has(r.key)) original.set(r.key, r);
    const base = claimPattern.exec(r.key)?.[1];
    if (r.type === RESEND && base && r.status === '待发送' && r.day === today && !inFlight.has(base))
      inFlight.set(base, r.row);
  }
  const won = new Set<string>();
  for (const { token, base } of claims) {
    const final = finals.get(token);
    const mine = rowOf.get(token);
    if (!final || final.duplicate || !mine) continue;
    if (original.get(base)?.status !== '待发送') continue;
    if ((inFlight.get(base) ?? Infinity) < mine.row) continue;
    won.add(token);
  }
  return won;
}
