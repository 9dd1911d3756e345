import { stampCell } from '../store/grid/date-cell';
import { toDay } from '../calendar/day';
import type { Address } from '../mail/port';
import type { CellWrite } from '../store/port';
import type { PlannedNotice } from './plan-notices';

/** `张三 <a@x.gov.cn>、李四 <b@x.gov.cn>` — readable in the sheet, parseable for a retry. */
export function formatAddresses(list: Address[]): string {
  return list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join('、');
}

export function parseAddresses(text: string): Address[] {
  const out: Address[] = [];
  for (const part of text.split('、')) {
    const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(part);
    if (m) out.push({ ...(m[1] ? { name: m[1] } : {}), address: m[2]! });
    else if (part.trim()) out.push({ address: part.trim() });
  }
  return out;
}

/** The `文书登记` row of a notice, registered as 待发送 before it is sent. */
export function registerRow(n: PlannedNotice, docNo: string, stamp: string): Record<string, CellWrite> {
  return {
    文号: docNo,
    类型: n.type,
    编号: n.id,
    发往单位: n.unit,
    收件人: formatAddresses(n.to),
    抄送: formatAddresses(n.cc),
    事由: n.reasons,
    时限要求: n.requirement,
    生成时间: stampCell(stamp),
    发送状态: '待发送',
    去重键: n.key,
  };
}

/** The ISO dates in a registered 时限要求: reply by, then (督办通知书) rectify by. */
export function requirementDates(text: string): number[] {
  // `；2026-06-16前签收` (a notice sent with 签收 links, ack-reminders.ts) is neither.
  return [...text.replace(/；\d{4}-\d{2}-\d{2}前签收$/, '').matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) =>
    toDay(m[0]),
  );
}
