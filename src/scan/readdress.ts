import type { NoticeType } from '../domain/glossary';
import type { TaskRecord } from '../domain/types';
import type { Address } from '../mail/port';
import { cellText } from '../store/grid/cell-text';
import type { CellWrite } from '../store/port';
import { auditRow, type AuditRow } from '../workbook/audit';
import { addressesOf, ccLabel, type Directory } from '../workbook/directory';
import type { RegisterRow } from '../workbook/read-ledgers';
import { formatAddresses, parseAddresses } from './register-row';
import { recipientsFor } from './recipients';

const READDRESS = '更新收件人';

/** Who a resent notice goes to now, and the 抄送 line its document prints. */
export interface CurrentRecipients {
  to: Address[];
  cc: Address[];
  ccLabels: string[];
}

/**
 * The recipients of a notice sent again from its 文书登记 row (a retry, or 发送失败 set back to 待发送 after the clerk
 * corrected a mailbox): looked up in 通讯录 as it is now, the way a new notice is (recipients.ts), for the unit the
 * row was sent to — so a corrected address is used, not the wrong one the row recorded. `null` when 通讯录 has no
 * usable address for it any more: the row's own recipients are kept then.
 *
 * @example currentRecipients('催办单', '1', task, '县住建局', directory)?.to // the unit's head and liaison, as in 通讯录
 */
export function currentRecipients(
  type: NoticeType,
  level: string,
  task: TaskRecord,
  unit: string,
  directory: Directory,
): CurrentRecipients | null {
  const r = recipientsFor(type, level, { ...task, leadUnit: unit || task.leadUnit }, directory);
  const to = addressesOf(r.to);
  return to.length ? { to, cc: addressesOf(r.cc), ccLabels: r.cc.map(ccLabel) } : null;
}

/**
 * A daily digest's recipient as 通讯录 has them now, found by the name its row recorded: their address when every row
 * of that name gives the same usable one, else `null` (the row's address is kept).
 *
 * @example currentAddressOf({ name: '王五', address: 'wangwu@typo.example.cn' }, directory) // { name: '王五', address: 'wangwu@example.cn' }
 */
export function currentAddressOf(person: Address, directory: Directory): Address | null {
  if (!person.name) return null;
  const found = addressesOf(directory.people.filter((p) => p.name === person.name));
  return found.length === 1 ? found[0]! : null;
}

/**
 * The 收件人 / 抄送 cells of a resent notice's register row (system columns: the scan wrote them when it registered the
 * notice) that no longer say whom it was sent to, with one 审计日志 row for each change; written once it went out.
 */
export function readdressed(
  row: RegisterRow,
  notice: { to: Address[]; cc: Address[] },
  stamp: string,
): { values: Record<string, CellWrite>; audit: AuditRow[] } {
  const values: Record<string, CellWrite> = {};
  const audit: AuditRow[] = [];
  for (const [column, list] of [
    ['收件人', notice.to],
    ['抄送', notice.cc],
  ] as const) {
    const before = cellText(row.cells[column] ?? null).trim();
    const after = formatAddresses(list);
    if (sameAddresses(parseAddresses(before), list)) continue;
    values[column] = after;
    const note = `文号 ${row.docNo}（${row.type}）重发：${column}已按通讯录更新：${before || '（无）'} → ${after || '（无）'}`;
    audit.push(auditRow(stamp, READDRESS, row.id, column, before, after, note));
  }
  return { values, audit };
}

function sameAddresses(a: Address[], b: Address[]): boolean {
  const text = (list: Address[]) =>
    list.map((x) => `${x.name ?? ''}<${x.address.trim().toLowerCase()}>`).join('、');
  return text(a) === text(b);
}
