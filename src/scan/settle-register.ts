import type { CellWrite, LedgerUpdate } from '../store/port';
import { type Finalized, isProvisional } from './doc-numbers';

const REGISTER = '文书登记';

export interface Settler {
  /** The final 文号 of a register token (a 文号 is its own); `null`: a duplicate, not sent. */
  docNoOf: (token: string) => string | null;
  /**
   * The register row of `token` / `key` gets its final 文号 (if still provisional) and 发送状态, and `also` (other
   * system columns: a resent notice's 收件人 as sent).
   */
  settle: (token: string, key: string, status: string, also?: Record<string, CellWrite>) => void;
  /** The updates `settle` made to rows already in the register, addressed by key. */
  updates: LedgerUpdate[];
}

/**
 * How a scan settles its notices' register rows once they are numbered (`finals`, doc-numbers.ts). A row this scan
 * has not written yet (`unwritten`, by token — a row without a 文号 by its 去重键: the one-write scan's new rows, and
 * the rows it restores from the journal) takes its state in place; a
 * row already in the register gets a ledger update — a numbered row by its 文号, because a 去重键 also names the
 * 重复作废 rows of a scan that lost a race, and the latest of those is what a lookup by 去重键 finds (the live row
 * would stay 待发送 and be claimed every day).
 */
export function settlerOf(
  finals: Map<string, Finalized>,
  unwritten: Map<string, Record<string, CellWrite>> = new Map(),
): Settler {
  const updates: LedgerUpdate[] = [];
  const docNoOf = (token: string): string | null => {
    if (!isProvisional(token)) return token;
    const final = finals.get(token);
    return final && !final.duplicate ? final.docNo : null;
  };
  const settle = (token: string, key: string, status: string, also: Record<string, CellWrite> = {}) => {
    const row = unwritten.get(token || key);
    if (row) {
      Object.assign(row, also, { 发送状态: status });
      return;
    }
    const values: Record<string, CellWrite> = { ...also, 发送状态: status };
    if (!isProvisional(token))
      return void updates.push(
        token
          ? { tab: REGISTER, keyColumn: '文号', key: token, values }
          : { tab: REGISTER, keyColumn: '去重键', key, values },
      );
    values['文号'] = docNoOf(token) ?? '';
    updates.push({ tab: REGISTER, keyColumn: '文号', key: token, values });
  };
  return { docNoOf, settle, updates };
}
