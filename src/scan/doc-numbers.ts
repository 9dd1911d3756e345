import type { RulesConfig } from '../domain/config';
import { isNoticeType, kindOf } from '../domain/notice-kinds';
import { DUPLICATE, type RegisterRow } from '../workbook/read-ledgers';
import { isProvisional } from '../workbook/provisional-doc-no';

/**
 * 文号 that stay unique and gap-free when two scans run at once (SPEC §4.4).
 *
 * A scan registers its notices with a provisional 文号 (`〔待编号〕2026·<run>·<n>`), appends them to 文书登记, reads
 * the register back, and numbers by position: walking the rows in sheet order, the first row of a 去重键 wins and a
 * later one is a duplicate (never sent, never numbered); each winning row of a numbered type takes the next number of
 * its type and year. Every scan that reads the register computes the same numbers for the same rows, because rows
 * are only ever appended, so the order in which the appends landed decides — the store serialises appends (file lock
 * for xlsx, values.append on Google).
 */
export { isProvisional, provisionalDocNo } from '../workbook/provisional-doc-no';

/** `临政督催〔2026〕15号`: the configured prefix, a one-character type mark, the year and the number. */
export function formatDocNo(config: RulesConfig, type: string, year: number, n: number): string {
  return `${config.docPrefix}${docMarkOf(type)}〔${year}〕${n}号`;
}

/** The type's mark in its 文号; empty for kinds without a 文号 (临期提醒) and other rows (每日汇总, 重发). */
const docMarkOf = (type: string): string => (isNoticeType(type) && kindOf(type).docMark) || '';

export type Finalized = { duplicate: true } | { duplicate: false; docNo: string };

/**
 * Final 文号 (or duplicate verdict) of every provisional row of the register. Rows already numbered keep theirs and
 * count in their sequence; unnumbered types (临期提醒, 每日汇总) get an empty 文号.
 */
export function finalizeDocNos(register: RegisterRow[], config: RulesConfig): Map<string, Finalized> {
  const seen = new Set<string>();
  const last = new Map<string, number>();
  const out = new Map<string, Finalized>();
  for (const row of [...register].sort((a, b) => a.row - b.row)) {
    if (row.status === DUPLICATE) continue;
    const provisional = isProvisional(row.docNo);
    if (row.key && seen.has(row.key)) {
      if (provisional) out.set(row.docNo, { duplicate: true });
      continue;
    }
    if (row.key) seen.add(row.key);
    const year = provisional
      ? Number(/^〔待编号〕(\d{4})/.exec(row.docNo)?.[1])
      : Number(/〔(\d{4})〕/.exec(row.docNo)?.[1]);
    const sequence = `${row.type}${year}`;
    if (!provisional) {
      const n = /〔\d{4}〕(\d+)号$/.exec(row.docNo);
      if (n) last.set(sequence, Math.max(last.get(sequence) ?? 0, Number(n[1])));
      continue;
    }
    if (!docMarkOf(row.type)) {
      out.set(row.docNo, { duplicate: false, docNo: '' });
      continue;
    }
    const n = (last.get(sequence) ?? 0) + 1;
    last.set(sequence, n);
    out.set(row.docNo, { duplicate: false, docNo: formatDocNo(config, row.type, year, n) });
  }
  return out;
}
