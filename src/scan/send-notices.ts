import { partsOf } from '../calendar/day';
import { cellText } from '../store/grid/cell-text';
import { type DigestItem, renderDigest, renderNotice, type RecipientLinks } from '../mail/notices';
import { kindOf } from '../domain/notice-kinds';
import type { MailMessage, SendResult } from '../mail/port';
import { senderOf } from '../mail/sender';
import { toMailMessage } from '../mail/to-mail-message';
import type { CellWrite, LedgerUpdate, SheetStore, Snapshot } from '../store/port';
import { tabSpec } from '../workbook/schema/tabs';
import { AUDIT_TAB, auditRow, type AuditRow } from '../workbook/audit';
import { DUPLICATE, readRegister, type RegisterRow } from '../workbook/read-ledgers';
import { AWAITING_SIGNATURE, REJECTED, SIGNED, STORED } from '../workbook/schema/lists';
import type { ScanProblem, WorkbookModel } from '../workbook/read-workbook';
import { finalizeDocNos, isProvisional, provisionalDocNo } from './doc-numbers';
import type { PlannedNotice } from './plan-notices';
import { registerRow } from './register-row';
import { claimKeys, claimRow, claimsWon, RESEND, RESEND_FAILED } from './retry-claims';
import { retryOf } from './retry-notice';
import { lastStates, type JournalEntry, type JournalState } from '../store/journal/port';
import { retryOnStale } from './stale-retry';
import type { ScanDeps } from './types';

const REGISTER = '文书登记';
const RECOVERED_NOTE = '据通知日志，此前的扫描已将其发出但未及登记为已发送；本次补记，未重复发送';

/** Keys the journal says went out (last state `sent`), or into the outbox folder (`stored`), with that state. */
function sentKeys(entries: JournalEntry[]): Map<string, 'sent' | 'stored'> {
  const out = new Map<string, 'sent' | 'stored'>();
  for (const [key, state] of lastStates(entries))
    if (state === 'sent' || state === 'stored') out.set(key, state);
  return out;
}

/** What sending needs from the scan's dependencies. */
export type NotifyDeps = Pick<
  ScanDeps,
  'store' | 'mailer' | 'from' | 'now' | 'journal' | 'noticeLinks' | 'signingLinks' | 'deskLinks'
>;

/** The notices one scan planned, with what they were planned from. */
export interface NotifyInput {
  model: WorkbookModel;
  /** New notices (not yet in 文书登记), with provisional 文号. */
  notices: PlannedNotice[];
  runId: string;
  /** The scan's Beijing-time stamp for the register and audit rows. */
  stamp: string;
  /** The snapshot the plan was made from (the register writes re-read only 文书登记 when it is stale). */
  snapshot: Snapshot;
}

export interface SendOutcome {
  /** Audit rows appended (with the register updates, in one batch). */
  auditRows: number;
  created: number;
  /** Drafts registered 待签发 (not numbered, not sent). */
  drafted: number;
  /** Registered by a concurrent scan first: marked 重复作废, not sent. */
  duplicates: number;
  sent: number;
  failed: number;
  problems: ScanProblem[];
}

/**
 * Register new notices in `文书登记` as 待发送 under provisional 文号, with a claim on each earlier notice still
 * 待发送 (one append), read the register back to fix the final 文号 and drop what a concurrent scan registered or
 * claimed first (doc-numbers.ts, retry-claims.ts), send them, then write the final 文号 and 发送状态 (one batch). A
 * failed send stays 待发送 for the next scan — never recorded as sent.
 */
export async function sendNotices(deps: NotifyDeps, input: NotifyInput): Promise<SendOutcome> {
  const { model, runId: run, stamp, snapshot } = input;
  const drafts = input.notices.filter((n) => n.draft);
  const fresh = input.notices.filter((n) => !n.draft);
  const out: SendOutcome = {
    auditRows: 0,
    created: 0,
    drafted: drafts.length,
    duplicates: 0,
    sent: 0,
    failed: 0,
    problems: [],
  };
  const audit: AuditRow[] = [];
  const year = partsOf(model.today).year;
  const claimKey = claimKeys(model.register);
  const claims = retriesDue(model).map((retry, i) => ({
    ...retry,
    token: provisionalDocNo(year, run, fresh.length + i + 1),
    key: claimKey(retry.row),
  }));
  let register = model.register;
  let latest = snapshot;
  if (fresh.length || claims.length || drafts.length) {
    await deps.store.append(REGISTER, [
      // A draft: no 文号 until signed (signing.ts), so it takes no number of the sequence.
      ...drafts.map((n) => ({ ...registerRow(n, '', stamp), 发送状态: AWAITING_SIGNATURE })),
      ...fresh.map((n) => registerRow(n, n.token, stamp)),
      ...claims.map((c) => claimRow(c.row, c.token, c.key, stamp)),
    ]);
    latest = await deps.store.read([tabSpec(REGISTER)]);
    register = readRegister(latest.tabs[REGISTER], year);
  }
  const finals = finalizeDocNos(register, model.config);
  const docNoOf = (token: string): string | null => {
    if (!isProvisional(token)) return token;
    const final = finals.get(token);
    return final && !final.duplicate ? final.docNo : null;
  };
  const updates: LedgerUpdate[] = [];
  /** The register row of `token`/`key` gets its final 文号 (if still provisional) and 发送状态. */
  const settle = (token: string, key: string, status: string) => {
    const values: Record<string, CellWrite> = { 发送状态: status };
    // A numbered row by its 文号: a 去重键 also names the 重复作废 rows of a scan that lost a race, and the latest
    // of those is what a lookup by 去重键 finds — the live row would stay 待发送 and be claimed every day.
    if (!isProvisional(token))
      return updates.push(
        token
          ? { tab: REGISTER, keyColumn: '文号', key: token, values }
          : { tab: REGISTER, keyColumn: '去重键', key, values },
      );
    values['文号'] = docNoOf(token) ?? '';
    return updates.push({ tab: REGISTER, keyColumn: '文号', key: token, values });
  };

  const outgoing: PlannedNotice[] = [];
  for (const notice of fresh) {
    if (notice.signedDraft) {
      settle('', notice.signedDraft, SIGNED);
      audit.push(
        auditRow(stamp, '签发', notice.id, notice.type, AWAITING_SIGNATURE, SIGNED, notice.signedDraft),
      );
    }
    if (docNoOf(notice.token) === null) {
      out.duplicates++;
      settle(notice.token, notice.key, DUPLICATE);
    } else {
      out.created++;
      outgoing.push(notice);
    }
  }
  const won = claimsWon(
    register,
    finals,
    claims.map((c) => ({ token: c.token, base: c.row.key })),
    model.today,
  );
  const claimOf = new Map<PlannedNotice, (typeof claims)[number]>();
  for (const claim of claims) {
    if (!won.has(claim.token)) {
      settle(claim.token, claim.key, DUPLICATE); // another scan is sending it, or has sent it
      continue;
    }
    outgoing.push(claim.notice);
    claimOf.set(claim.notice, claim);
  }

  const journal = deps.journal;
  const sentBefore = journal ? sentKeys(await journal.read()) : new Map<string, 'sent' | 'stored'>();
  // The final register rows of this scan's notices, durable before the first one goes out — a retried notice's too
  // (registered by a scan killed before it could journal it), with the 文号 its register row already has, so a
  // workbook rolled back to before that row gets it back under the 文号 the mail carried, not a new one.
  await journal?.append(
    outgoing.map((n) => {
      const claim = claimOf.get(n);
      const docNo = docNoOf(claim ? claim.row.docNo : n.token) ?? '';
      return {
        key: n.key,
        docNo,
        state: 'registered' as const,
        at: stamp,
        row: claim ? { ...journalRow(claim.row), 文号: docNo } : registerRow(n, docNo, stamp),
      };
    }),
  );

  for (const notice of outgoing) {
    if (notice.viaDigest) continue; // a 临期提醒 travels in its recipient's daily digest
    const docNo = docNoOf(notice.token) ?? '';
    const before = sentBefore.get(notice.key);
    if (before) {
      // Sent by a scan that was stopped before it could mark it: mark it now, never send it twice.
      const status = before === 'stored' ? STORED : '已发送';
      for (const row of [{ token: notice.token, key: notice.key }, ...(notice.covers ?? [])])
        settle(row.token, row.key, status);
      const claim = claimOf.get(notice);
      if (claim) settle(claim.token, claim.key, status);
      audit.push(
        auditRow(stamp, '补记已发送', notice.id, notice.type, '待发送', docNo || notice.key, RECOVERED_NOTE),
      );
      continue;
    }
    await journal?.append([{ key: notice.key, docNo, state: 'sending', at: stamp }]);
    const links = await linksOf(deps, notice, docNo);
    const items = await digestItemsOf(deps, notice, docNoOf);
    const deskUrl = await deskUrlOf(deps, model, notice);
    const result = await deps.mailer.send(messageOf(deps, model, notice, docNo, links, items, deskUrl));
    await journal?.append(
      [{ key: notice.key, token: notice.token }, ...(notice.covers ?? [])].map((row) => ({
        key: row.key,
        docNo: row.key === notice.key ? docNo : (docNoOf(row.token) ?? ''),
        state: journalState(result),
        at: stamp,
      })),
    );
    const status = sendState(result);
    for (const row of [{ token: notice.token, key: notice.key }, ...(notice.covers ?? [])])
      settle(row.token, row.key, status);
    const claim = claimOf.get(notice);
    if (claim) settle(claim.token, claim.key, result.ok ? status : RESEND_FAILED);
    /** One 审计日志 row for this send: 发文 or 发文失败, with what became of it. */
    const audited = (action: string, note: string) =>
      audit.push(auditRow(stamp, action, notice.id, notice.type, '', docNo || notice.key, note));
    const what = `${notice.type}${docNo ? ` ${docNo}` : ''}`;
    const problem = (code: string, message: string) =>
      out.problems.push({ tab: REGISTER, row: null, id: notice.id || null, cell: null, code, message });
    if (result.ok) {
      out.sent++;
      const to = notice.to.map((a) => a.address).join('、');
      audited(
        '发文',
        result.stored
          ? `未配置邮件服务器，已存入发件箱（${result.location ?? ''}），收件人 ${to}`
          : `已发送至 ${to}`,
      );
    } else if (result.permanent) {
      out.failed++;
      audited('发文失败', `邮件服务器拒收（永久性错误），已标为发送失败、不再自动重试：${result.error}`);
      problem(
        'send-rejected',
        `${what}被邮件服务器拒收，已标为发送失败（${result.error}）：请核对收件人邮箱（通讯录），` +
          '改正后把文书登记中该行的发送状态改回“待发送”，下次扫描会重发',
      );
    } else {
      out.failed++;
      audited('发文失败', `发送失败，保留待发送，下次扫描重试：${result.error}`);
      problem('send-failed', `${what}发送失败，将在下次扫描时重试（${result.error}）`);
    }
  }
  if (updates.length || audit.length)
    out.auditRows = await settleRegister(deps.store, updates, audit, latest);
  return out;
}

/**
 * Write the register updates and the notices' audit rows in one batch, against the latest read. The updates
 * address system-owned rows by key, so a workbook saved by someone else meanwhile (a concurrent scan, staff in WPS)
 * is simply re-read and the updates applied to what is there now.
 */
async function settleRegister(
  store: SheetStore,
  ledgerUpdates: LedgerUpdate[],
  audit: AuditRow[],
  latest: Snapshot,
): Promise<number> {
  const rows = audit.length ? [{ tab: AUDIT_TAB, rows: audit }] : [];
  const plan = { cells: [], ids: [], appends: [], ledgerUpdates, rows };
  const applied = await retryOnStale(async function settleOnce(attempt) {
    const snapshot = attempt === 1 ? latest : await store.read([tabSpec(REGISTER)]);
    return store.apply(plan, snapshot);
  });
  return applied.rowsAppended ?? 0;
}

/** A register row as read, as the values the journal keeps (text, as the register holds it). */
function journalRow(row: RegisterRow): Record<string, CellWrite> {
  return Object.fromEntries(Object.entries(row.cells).map(([k, cell]) => [k, cellText(cell ?? null)]));
}

/** Notices registered earlier and still 待发送 that can be rebuilt and sent again (not a claim, not a lost race). */
function retriesDue(model: WorkbookModel): Array<{ row: RegisterRow; notice: PlannedNotice }> {
  const pending = model.register.filter((r) => r.status === '待发送' && r.type !== RESEND);
  if (!pending.length) return [];
  const finals = finalizeDocNos(model.register, model.config);
  const out: Array<{ row: RegisterRow; notice: PlannedNotice }> = [];
  for (const row of pending) {
    if (isProvisional(row.docNo) && finals.get(row.docNo)?.duplicate !== false) continue;
    const notice = retryOf(row, model);
    if (notice) out.push({ row, notice });
  }
  return out;
}

/** The recipients' signed links of a notice to a unit (not a digest, not a leader's 约谈建议); none when off. */
async function linksOf(
  deps: NotifyDeps,
  notice: PlannedNotice,
  docNo: string,
): Promise<RecipientLinks[] | undefined> {
  if (!deps.noticeLinks || !notice.doc || notice.type === '每日汇总') return undefined;
  if (!kindOf(notice.type).recipients.default.to.includes('unit')) return undefined;
  const links = await deps.noticeLinks({
    id: notice.id,
    type: notice.type,
    docNo: notice.ackRef ?? docNo,
    to: notice.to,
  });
  return links.length ? links : undefined;
}

/** The journal's record of one send. */
function journalState(result: SendResult): JournalState {
  if (result.ok) return result.stored ? 'stored' : 'sent';
  return result.permanent ? 'rejected' : 'failed';
}

/** 文书登记 发送状态 after one send. */
function sendState(result: SendResult): string {
  if (result.ok) return result.stored ? STORED : '已发送';
  return result.permanent ? REJECTED : '待发送';
}

/**
 * A digest's items, each numbered item with its final 文号 (the item's cover row, same index) and each routine item
 * with its recipient's 反馈 link when links are on (the unit answers item by item).
 */
async function digestItemsOf(
  deps: NotifyDeps,
  notice: PlannedNotice,
  docNoOf: (token: string) => string | null,
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
      if (item.notice) {
        const token = notice.covers?.[i]?.token ?? '';
        const docNo = isProvisional(token) ? (docNoOf(token) ?? '') : token;
        return docNo && !item.notice.endsWith(docNo) ? { ...item, notice: `${item.notice}${docNo}` } : item;
      }
      if (!deps.noticeLinks) return item;
      const links = await deps.noticeLinks({ id: item.id, type: '临期提醒', docNo: '', to: [recipient] });
      const url = links[0]?.links.find((l) => l.label === '反馈')?.url;
      return url ? { ...item, answerUrl: url } : item;
    }),
  );
}

/** One link per step for a signer's drafts in this digest (all of them on one page), when links are on. */
async function signingUrlsOf(
  deps: NotifyDeps,
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

/** The desk link of a digest to a 督查室 person of 通讯录, when links are on. */
async function deskUrlOf(
  deps: NotifyDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
): Promise<string | undefined> {
  const email = notice.digest?.recipient.address.trim().toLowerCase();
  if (!email || !deps.deskLinks) return undefined;
  const ducha = model.directory.byRole('督查室').some((p) => p.email.trim().toLowerCase() === email);
  return ducha ? deps.deskLinks(notice.digest!.recipient.address) : undefined;
}

function messageOf(
  deps: NotifyDeps,
  model: WorkbookModel,
  notice: PlannedNotice,
  docNo: string,
  links?: RecipientLinks[],
  digestItems?: DigestItem[],
  deskUrl?: string,
): MailMessage {
  const rendered = notice.doc
    ? renderNotice({ ...notice.doc, ...(docNo ? { docNo } : {}), ...(links ? { links } : {}) })
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
    to: notice.to,
    cc: notice.cc,
    date: deps.now,
    headers: { 'X-Duban-Dedupe-Key': notice.key },
  });
}
