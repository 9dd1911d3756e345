import { type DigestItem, renderDigest, renderNotice, type RecipientLinks } from '../mail/notices';
import { kindOf } from '../domain/notice-kinds';
import { COPY_HEADER, DEDUPE_HEADER } from '../mail/headers';
import type { Address, MailMessage } from '../mail/port';
import { senderOf } from '../mail/sender';
import { toMailMessage } from '../mail/to-mail-message';
import type { WorkbookModel } from '../workbook/read-workbook';
import { toDay } from '../calendar/day';
import { ackByOf } from './ack-reminders';
import { isProvisional } from './doc-numbers';
import type { PlannedNotice } from './plan-notices';
import type { ScanDeps } from './types';

/** What building a notice's mail needs from the scan's dependencies. */
export type MessageDeps = Pick<
  ScanDeps,
  'from' | 'now' | 'noticeLinks' | 'signingLinks' | 'approvalLinks' | 'deskLinks'
>;

/**
 * One mail of a notice: the whole notice (`for` is ''), or — a notice carrying its recipients' signed links — one
 * recipient's own copy (`for` is their address) or the 抄送 copy (`for` is CC_COPY).
 */
export interface NoticeCopy {
  for: string;
  message: MailMessage;
}

/** `for` of the 抄送 copy of a notice sent one mail per recipient. */
export const CC_COPY = 'cc';

/**
 * The mails of one notice under its final 文号: a formal notice with its recipients' signed links goes one mail per
 * recipient (`personalCopies`); any other notice, or a daily digest — whose numbered items carry their 文号 and whose
 * other items carry their 反馈 / 签发 / 审批 links (when links are on) — is one mail to all its recipients.
 * `docNoOf` gives the final 文号 of a register token (`null`: a duplicate, not sent).
 */
export async function noticeCopies(
  deps: MessageDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
  docNo: string,
  docNoOf: (token: string) => string | null,
): Promise<NoticeCopy[]> {
  const validDays = model.config.linkValidDays;
  const links = await linksOf(deps, notice, docNo, validDays);
  if (links) return personalCopies(deps, model, notice, docNo, links);
  const digestItems = await digestItemsOf(deps, model, notice, docNoOf, validDays);
  const deskUrl = await deskUrlOf(deps, model, notice);
  const message = messageOf(deps, model, notice, docNo, {
    to: notice.to,
    cc: notice.cc,
    ...(digestItems ? { digestItems } : {}),
    ...(deskUrl ? { deskUrl } : {}),
  });
  return [{ for: '', message }];
}

/**
 * A notice with signed links, one mail per To-recipient: each carries only that person's links (a link records 签收
 * and 反馈 under the person it names, so a colleague must not hold it) and is addressed to that person alone, so a
 * reply-all reaches the office, not a colleague with their own links. The 抄送 recipients get one copy saying the
 * links went to each recipient. Same notice in every mail: 文号, subject, body (主送, 抄送) and 去重键.
 */
function personalCopies(
  deps: MessageDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
  docNo: string,
  links: RecipientLinks[],
): NoticeCopy[] {
  const copies: NoticeCopy[] = [];
  const seen = new Set<string>();
  notice.to.forEach((person, i) => {
    const address = person.address.trim().toLowerCase();
    if (seen.has(address)) return;
    seen.add(address);
    const ownLinks = links[i];
    const own = { to: [person], copyFor: address, ...(ownLinks ? { ownLinks } : {}) };
    copies.push({ for: address, message: messageOf(deps, model, notice, docNo, own) });
  });
  const cc = notice.cc.filter((a) => !seen.has(a.address.trim().toLowerCase()));
  if (cc.length) {
    const copy = { to: cc, copyFor: CC_COPY, linksSentToRecipients: true };
    copies.push({ for: CC_COPY, message: messageOf(deps, model, notice, docNo, copy) });
  }
  return copies;
}

/** The desk link of a digest to a 督查室 person of 通讯录, when links are on. */
async function deskUrlOf(
  deps: MessageDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
): Promise<string | undefined> {
  const email = notice.digest?.recipient.address.trim().toLowerCase();
  if (!email || !deps.deskLinks) return undefined;
  const ducha = model.directory.byRole('督查室').some((p) => p.email.trim().toLowerCase() === email);
  return ducha ? deps.deskLinks(notice.digest!.recipient.address) : undefined;
}

/** The recipients' signed links of a notice to a unit (not a digest, not a leader's 约谈建议); none when off. */
async function linksOf(
  deps: MessageDeps,
  notice: PlannedNotice,
  docNo: string,
  validDays: number,
): Promise<RecipientLinks[] | undefined> {
  if (!deps.noticeLinks || !notice.doc || notice.type === '每日汇总') return undefined;
  if (!kindOf(notice.type).recipients.default.to.includes('unit')) return undefined;
  const deadline = notice.doc.item.deadline;
  const links = await deps.noticeLinks({
    id: notice.id,
    type: notice.type,
    docNo: notice.ackRef ?? docNo,
    to: notice.to,
    extendable: deadline === undefined || deadline >= notice.doc.issuedOn,
    validDays,
  });
  return links.length ? links : undefined;
}

/**
 * A digest's items, each numbered item with its final 文号 (the item's cover row, same index) and each of the unit's
 * routine items with its recipient's 反馈 link when links are on (the unit answers item by item).
 */
async function digestItemsOf(
  deps: MessageDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
  docNoOf: (token: string) => string | null,
  validDays: number,
): Promise<DigestItem[] | undefined> {
  if (!notice.digest) return undefined;
  const { recipient, items } = notice.digest;
  const signUrls = await signingUrlsOf(deps, recipient.address, items);
  return Promise.all(
    items.map(async (item, i) => {
      if (item.draft) {
        const url = signUrls.get(item.draft.step);
        return url ? { ...item, signUrl: url } : item;
      }
      if (item.approval) {
        const { of, ref } = item.approval;
        const url = await deps.approvalLinks?.({ model, task: item.id, of, ref, person: recipient.address });
        return url ? { ...item, approveUrl: url } : item;
      }
      if (item.notice) {
        const token = notice.covers?.[i]?.token ?? '';
        const docNo = isProvisional(token) ? (docNoOf(token) ?? '') : token;
        return docNo && !item.notice.endsWith(docNo) ? { ...item, notice: `${item.notice}${docNo}` } : item;
      }
      // Only the unit's own items: a 反馈 link names the unit's contacts and refuses anyone else (a signer, a leader).
      if (!deps.noticeLinks || !item.answerable) return item;
      const links = await deps.noticeLinks({
        id: item.id,
        type: '临期提醒',
        docNo: '',
        to: [recipient],
        validDays,
      });
      const url = links[0]?.links.find((l) => l.label === '反馈')?.url;
      return url ? { ...item, answerUrl: url } : item;
    }),
  );
}

/** One link per step for a signer's drafts in this digest (all of them on one page), when links are on. */
async function signingUrlsOf(
  deps: MessageDeps,
  person: string,
  items: DigestItem[],
): Promise<Map<'同意' | '签发', string>> {
  const out = new Map<'同意' | '签发', string>();
  if (!deps.signingLinks) return out;
  for (const step of ['同意', '签发'] as const) {
    const drafts = items.filter((i) => i.draft?.step === step);
    if (!drafts.length) continue;
    const keys = drafts.map((d) => d.draft!.key);
    const url = await deps.signingLinks({ task: drafts[0]!.id, step, person, keys });
    if (url) out.set(step, url);
  }
  return out;
}

/** Who one mail of a notice goes to, and what of the answer part it carries. */
interface Addressing {
  to: Address[];
  cc?: Address[];
  ownLinks?: RecipientLinks;
  linksSentToRecipients?: boolean;
  /** Set on a notice's copies: the COPY_HEADER value (a Message-ID of its own). */
  copyFor?: string;
  digestItems?: DigestItem[];
  deskUrl?: string;
}

function messageOf(
  deps: MessageDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
  docNo: string,
  mail: Addressing,
): MailMessage {
  const { ownLinks, linksSentToRecipients, digestItems, deskUrl } = mail;
  // The 签收 day registered with the notice (时限要求 `…；2026-11-23前签收`), said beside the recipient's own links.
  const ackIso = ownLinks ? ackByOf(notice.requirement) : null;
  const ackBy = ackIso ? toDay(ackIso) : null;
  const rendered = notice.doc
    ? renderNotice({
        ...notice.doc,
        ...(docNo ? { docNo } : {}),
        ...(ownLinks ? { ownLinks } : {}),
        ...(ackBy !== null && ackBy >= model.today ? { ackBy } : {}),
        ...(linksSentToRecipients ? { linksSentToRecipients } : {}),
      })
    : renderDigest({
        issuer: model.config.officeName,
        recipient: notice.to[0]?.name ?? '',
        date: model.today,
        items: digestItems ?? notice.digest!.items,
        ...(deskUrl ? { deskUrl } : {}),
      });
  const { from, replyTo } = senderOf(deps.from, model.config);
  return toMailMessage(rendered, {
    from,
    ...(replyTo ? { replyTo } : {}),
    to: mail.to,
    ...(mail.cc ? { cc: mail.cc } : {}),
    date: deps.now,
    headers: { [DEDUPE_HEADER]: notice.key, ...(mail.copyFor ? { [COPY_HEADER]: mail.copyFor } : {}) },
  });
}
