import { isoOf, type Day } from '../calendar/day';
import { entryIndexOf } from './entry-index';
import { approvalAsk } from '../domain/approval-ask';
import { isNoticeType, kindOf } from '../domain/notice-kinds';
import type { DigestItem } from '../mail/notices';
import type { TaskVerdict } from '../domain/types';
import { standing } from './task-standing';
import { parseDedupeKey } from '../workbook/dedupe-key';
import type { RegisterRow } from '../workbook/read-ledgers';
import type { WorkbookModel } from '../workbook/read-workbook';
import type { Cover, PlannedNotice } from './plan-notices';
import { noticeDocOf } from './notice-doc-of';
import { ACK_REMINDER, remindedDocNo } from './ack-reminders';
import { parseAddresses, requirementDates } from './register-row';
import { waitingBySigner, waitingDrafts } from './signing';
import { finalizeDocNos, isProvisional } from './doc-numbers';
import { RESEND } from './retry-claims';
import { currentAddressOf, currentRecipients } from './readdress';

/**
 * Rebuild a notice registered earlier but not yet delivered, from its register row, addressed to whom 通讯录 names
 * now (readdress.ts; the row's 收件人 is updated when it is sent). With this scan's `verdicts`, a
 * digest's items show their tasks as they stand (状态, 预警, 当前节点, 剩余工作日), as a first send does.
 */
export function retryOf(row: RegisterRow, model: WorkbookModel, verdicts?: TaskVerdict[]): PlannedNotice | null {
  const to = parseAddresses(textOf(row, '收件人'));
  if (!to.length) return null;
  const base = {
    key: row.key,
    token: row.docNo,
    id: row.id,
    unit: textOf(row, '发往单位'),
    to,
    cc: parseAddresses(textOf(row, '抄送')),
    reasons: textOf(row, '事由'),
    requirement: textOf(row, '时限要求'),
  };
  // A routine notice is delivered by the recipient's digest, and retried with it.
  if (isNoticeType(row.type) && kindOf(row.type).viaDigest) return null;
  if (row.type === '每日汇总') {
    // The items its rows registered for the address it was first sent to; sent to the person's address now.
    const { items, covers } = digestItemsOn(model, row.day ?? model.today, to[0]!.address, verdicts);
    const recipient = currentAddressOf(to[0]!, model.directory) ?? to[0]!;
    // What still waits for this signer (signing.ts), after the covered items so their indexes stay aligned.
    const waiting = waitingBySigner(model, waitingDrafts(model.register), verdicts);
    items.push(...(waiting.get(recipient.address)?.items ?? []));
    const digest = { recipient, items };
    return items.length ? { ...base, to: [recipient], type: '每日汇总', digest, covers } : null;
  }
  const parsed = parseDedupeKey(row.key);
  const entry = model.entries[entryIndexOf(model, row.id)];
  if (!parsed || !entry || !isNoticeType(row.type)) return null;
  const type = row.type;
  // Sent to whom 通讯录 names now (a mailbox corrected after a 发送失败), not to the addresses the row recorded.
  const now = currentRecipients(type, parsed.level, entry.task, base.unit, model.directory);
  const [replyBy, rectifyBy] = requirementDates(base.requirement);
  const doc = {
    issuer: model.config.agencyName,
    office: model.config.officeName,
    to: base.unit,
    item: { id: row.id, title: entry.task.title, source: entry.task.source },
    reasons: base.reasons.split('；').filter(Boolean),
    ...(replyBy !== undefined ? { replyBy } : {}),
    cc: now ? now.ccLabels : base.cc.map((a) => a.name ?? a.address),
    issuedOn: row.day ?? model.today,
  };
  const full = noticeDocOf(type, doc, {
    level: parsed.level,
    unit: entry.task.leadUnit,
    rectifyBy: rectifyBy ?? replyBy ?? model.today,
  });
  const ackRef = type === ACK_REMINDER ? remindedDocNo(base.requirement) : null;
  const addressed = now ? { to: now.to, cc: now.cc } : {};
  return { ...base, ...addressed, type, doc: full, ...(ackRef ? { ackRef } : {}) };
}

/** Notices registered earlier and still 待发送 that can be rebuilt and sent again (not a claim, not a lost race). */
export function retriesDue(
  model: WorkbookModel,
  verdicts?: TaskVerdict[],
): Array<{ row: RegisterRow; notice: PlannedNotice }> {
  const pending = model.register.filter((r) => r.status === '待发送' && r.type !== RESEND);
  if (!pending.length) return [];
  const finals = finalizeDocNos(model.register, model.config);
  const out: Array<{ row: RegisterRow; notice: PlannedNotice }> = [];
  for (const row of pending) {
    if (isProvisional(row.docNo) && finals.get(row.docNo)?.duplicate !== false) continue;
    const notice = retryOf(row, model, verdicts);
    if (notice) out.push({ row, notice });
  }
  return out;
}

/** The items registered on `day` for one recipient (临期提醒, 约谈建议, 审批提醒): what their pending digest listed. */
function digestItemsOn(
  model: WorkbookModel,
  day: Day,
  address: string,
  verdicts?: TaskVerdict[],
): { items: DigestItem[]; covers: Cover[] } {
  const items: DigestItem[] = [];
  const covers: Cover[] = [];
  for (const r of model.register) {
    if (!isNoticeType(r.type) || !kindOf(r.type).viaDigest || r.day !== day) continue;
    // A numbered item (约谈建议) is in its copies' briefs too (plan-notices.ts).
    const reaches = kindOf(r.type).docMark
      ? `${textOf(r, '收件人')} ${textOf(r, '抄送')}`
      : textOf(r, '收件人');
    if (!reaches.includes(address)) continue;
    const i = entryIndexOf(model, r.id);
    const entry = model.entries[i];
    if (!entry) continue;
    const kind = kindOf(r.type);
    items.push({
      id: r.id,
      title: entry.task.title,
      ...standing(verdicts?.[i], r.type === '临期提醒' ? '临期' : textOf(r, '类型')),
      ...(kind.docMark ? { notice: `《${kind.title}》` } : {}),
      due: `${textOf(r, '事由')}（${isoOf(day)}）`,
      ...(r.type === '临期提醒' ? { answerable: true } : {}),
      ...approvalOf(r),
    });
    covers.push({ token: r.docNo, key: r.key });
  }
  return { items, covers };
}

/** A 审批提醒's request, read back from its 去重键, so the resent digest carries the approval link again. */
function approvalOf(row: RegisterRow): Pick<DigestItem, 'approval'> {
  const key = parseDedupeKey(row.key);
  const ask = key && approvalAsk(row.type, key.level, key.period);
  return ask ? { approval: { of: ask.of, ref: ask.ref } } : {};
}

function textOf(row: RegisterRow, key: string): string {
  const cell = row.cells[key];
  return typeof cell === 'string' ? cell.trim() : cell == null ? '' : String(cell);
}
