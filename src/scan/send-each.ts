import { cellText } from '../store/grid/cell-text';
import { explainSendError } from '../mail/explain-failure';
import type { SendResult } from '../mail/port';
import type { CellWrite } from '../store/port';
import { lastStates, type JournalEntry } from '../store/journal/port';
import { auditRow, type AuditRow } from '../workbook/audit';
import { parseDedupeKey } from '../workbook/dedupe-key';
import type { RegisterRow } from '../workbook/read-ledgers';
import { AWAITING_SIGNATURE, SIGNED, STORED, WITHDRAWN } from '../workbook/schema/lists';
import type { ScanProblem, WorkbookModel } from '../workbook/read-workbook';
import { isProvisional } from './doc-numbers';
import { type MessageDeps, noticeCopies } from './notice-message';
import { journalState, overallOf, reachOf, sendCopies, sendState } from './send-copies';
import type { PlannedNotice } from './plan-notices';
import { readdressed } from './readdress';
import { registerRow } from './register-row';
import { RESEND_FAILED } from './retry-claims';
import type { Settler } from './settle-register';
import type { ScanDeps } from './types';

const REGISTER = '文书登记';
const RECOVERED_NOTE = '据通知日志，此前的扫描已将其发出但未及登记为已发送；本次补记，未重复发送';

/** What sending needs from the scan's dependencies. */
export type NotifyDeps = MessageDeps & Pick<ScanDeps, 'store' | 'mailer' | 'journal'>;

export interface SendOutcome {
  /** Audit rows appended (with the register updates, in one batch). */
  auditRows: number;
  created: number;
  /** Drafts registered 待签发 (not numbered, not sent). */
  drafted: number;
  /** Registered by a concurrent scan first: marked 重复作废, not sent. */
  duplicates: number;
  sent: number;
  /** Not sent this time, kept 待发送 for the next scan (see NoticeCounts). */
  unsent: number;
  /** Refused for good: 发送失败. */
  failed: number;
  problems: ScanProblem[];
}

export const noOutcome = (drafted: number): SendOutcome => ({
  auditRows: 0,
  created: 0,
  drafted,
  duplicates: 0,
  sent: 0,
  unsent: 0,
  failed: 0,
  problems: [],
});

/** A notice retried from its earlier register row, and (shared stores) this scan's claim on it (retry-claims.ts). */
export interface Earlier {
  row: RegisterRow;
  claim?: { token: string; key: string };
}

/** The bookkeeping of one scan's sends. */
export interface SendBook {
  stamp: string;
  /** The final 文号 of a register token; `null`: a duplicate, not sent. */
  docNoOf: (token: string) => string | null;
  /** The retried notices' earlier rows. */
  earlier: Map<PlannedNotice, Earlier>;
  /** The register row of `token` / `key` gets its final 文号 and 发送状态 (and `also`: settle-register.ts). */
  settle: Settler['settle'];
  audit: AuditRow[];
  out: SendOutcome;
}

/**
 * Journal the final register rows of `outgoing` (durable before the first one goes out — a retried notice's too, with
 * the 文号 its row already has, so a workbook rolled back to before that row gets it back under the 文号 the mail
 * carried), then send each one: its `sending` mark, the mail, its result mark, its register state and its 审计日志
 * row. A notice with its recipients' signed links goes one mail per recipient, each marked on its own (send-copies.ts).
 * A notice — or a recipient's copy — the journal says went out already is marked, never sent twice.
 */
export async function sendEach(
  deps: NotifyDeps,
  model: WorkbookModel,
  outgoing: PlannedNotice[],
  book: SendBook,
): Promise<void> {
  const { stamp, docNoOf, earlier, settle, audit } = book;
  const journal = deps.journal;
  const sentBefore = journal ? sentKeys(await journal.read()) : new Map<string, 'sent' | 'stored'>();
  await journal?.append(
    outgoing.map((n) => {
      const row = earlier.get(n)?.row;
      const docNo = docNoOf(row ? row.docNo : n.token) ?? '';
      return {
        key: n.key,
        docNo,
        state: 'registered' as const,
        at: stamp,
        row: row ? { ...journalRow(row), 文号: docNo } : registerRow(n, docNo, stamp),
      };
    }),
  );

  const delivered = new Set<string>();
  for (const notice of outgoing) {
    if (notice.viaDigest) continue; // a 临期提醒 travels in its recipient's daily digest
    const docNo = docNoOf(notice.token) ?? '';
    const rows = [{ token: notice.token, key: notice.key }, ...(notice.covers ?? [])];
    const claim = earlier.get(notice)?.claim;
    const recovered = (before: 'sent' | 'stored') => {
      // Sent by a scan that was stopped before it could mark it: mark it now, never send it twice.
      const status = before === 'stored' ? STORED : '已发送';
      for (const row of rows) settle(row.token, row.key, status);
      if (claim) settle(claim.token, claim.key, status);
      audit.push(
        auditRow(stamp, '补记已发送', notice.id, notice.type, '待发送', docNo || notice.key, RECOVERED_NOTE),
      );
    };
    const before = sentBefore.get(notice.key);
    if (before) {
      recovered(before);
      continue;
    }
    const copies = await noticeCopies(deps, model, notice, docNo, docNoOf);
    const sends = await sendCopies(deps, { key: notice.key, docNo, stamp }, copies, sentBefore);
    const overall = overallOf(sends);
    if ('before' in overall) {
      recovered(overall.before); // every recipient's copy went out before the stop
      continue;
    }
    const { result } = overall;
    await journal?.append(
      rows.map((row) => ({
        key: row.key,
        docNo: row.key === notice.key ? docNo : (docNoOf(row.token) ?? ''),
        state: journalState(result),
        at: stamp,
      })),
    );
    const status = sendState(result);
    // A resent notice went to whom 通讯录 names now: its row says so, and the 审计日志 says what changed. Only once
    // it went: a digest still 待发送 finds its items by the address its row names (retry-notice.ts).
    const resent = result.ok ? earlier.get(notice)?.row : undefined;
    const readdress = resent ? readdressed(resent, notice, stamp) : { values: {}, audit: [] };
    audit.push(...readdress.audit);
    for (const row of rows)
      settle(row.token, row.key, status, row.key === notice.key ? readdress.values : {});
    if (claim) settle(claim.token, claim.key, result.ok ? status : RESEND_FAILED);
    recordSend(book, notice, docNo, result, copies.some((c) => c.for) ? reachOf(sends) : undefined);
    if (result.ok) recordDelivered(book, notice, delivered);
  }
}

/**
 * The numbered items a digest delivered (a leader's 约谈建议) get their own 发文 row in the 审计日志 (SPEC §5: every
 * notice is in it), once, however many recipients' digests carry them.
 */
function recordDelivered(book: SendBook, digest: PlannedNotice, delivered: Set<string>): void {
  for (const cover of digest.covers ?? []) {
    const docNo = book.docNoOf(cover.token) ?? '';
    const item = parseDedupeKey(cover.key);
    if (!docNo || isProvisional(docNo) || !item || delivered.has(cover.key)) continue;
    delivered.add(cover.key);
    const to = digest.to.map((a) => a.address).join('、');
    book.audit.push(auditRow(book.stamp, '发文', item.id, item.type, '', docNo, `随每日汇总发至 ${to}`));
  }
}

/**
 * How both send paths start: the planned notices split into drafts (registered 待签发, each with its 拟稿 audit row —
 * seed 004 §五.2: proposed by the 督查室, to be consented and signed) and the fresh notices to number and send.
 */
export function splitDrafts(notices: PlannedNotice[], stamp: string) {
  const drafts = notices.filter((n) => n.draft);
  const fresh = notices.filter((n) => !n.draft);
  const audit: AuditRow[] = drafts.map((n) =>
    auditRow(
      stamp,
      '拟稿',
      n.id,
      n.type,
      '',
      AWAITING_SIGNATURE,
      `${n.reasons}；待分管领导同意、办公室主任签发后编号发出`,
    ),
  );
  return { drafts, fresh, out: noOutcome(drafts.length), audit };
}

/** Drafts whose notice is no longer due are marked 已撤销 in the register, each with its 审计日志 row. */
export function withdraw(rows: RegisterRow[], book: Pick<SendBook, 'stamp' | 'settle' | 'audit'>): void {
  for (const row of rows) {
    book.settle('', row.key, WITHDRAWN);
    const note = `《${row.type}》${row.key}；事由已消除（已补报、已办结、时限已变更等），草稿不再签发`;
    book.audit.push(auditRow(book.stamp, '撤销草稿', row.id, row.type, AWAITING_SIGNATURE, WITHDRAWN, note));
  }
}

/** The draft a signed notice was made from (signing.ts) is marked 已签发 in the register, with its 签发 audit row. */
export function signed(notice: PlannedNotice, book: Pick<SendBook, 'stamp' | 'settle' | 'audit'>): void {
  book.settle('', notice.signedDraft!, SIGNED);
  book.audit.push(
    auditRow(book.stamp, '签发', notice.id, notice.type, AWAITING_SIGNATURE, SIGNED, notice.signedDraft!),
  );
}

/**
 * The 审计日志 row (发文 or 发文失败), counts and problem of one send. `reach`: the notice went one mail per
 * recipient — who has theirs and who was refused for good is said, so a partial send reads as one.
 */
function recordSend(
  book: SendBook,
  notice: PlannedNotice,
  docNo: string,
  result: SendResult,
  reach?: { delivered: string[]; refused: string[] },
): void {
  const { out, audit, stamp } = book;
  const audited = (action: string, note: string) =>
    audit.push(auditRow(stamp, action, notice.id, notice.type, '', docNo || notice.key, note));
  const what = `${notice.type}${docNo ? ` ${docNo}` : ''}`;
  const problem = (code: string, message: string) =>
    out.problems.push({ tab: REGISTER, row: null, id: notice.id || null, cell: null, code, message });
  const got = reach?.delivered.length ? `；已发送至 ${reach.delivered.join('、')}` : '';
  if (result.ok) {
    out.sent++;
    const to = notice.to.map((a) => a.address).join('、');
    const each = reach ? '（每人一封，各含本人办理链接）' : '';
    const refused = result.refused?.join('、');
    audited(
      '发文',
      result.stored
        ? `未配置邮件服务器，已存入发件箱（${result.location ?? ''}），收件人 ${to}${each}`
        : `已发送至 ${to}${each}${refused ? `；其中 ${refused} 被邮件服务器拒收（永久性错误），未收到` : ''}`,
    );
    // The mail went to the others: the row is 已发送, and the clerk is told who has not got it and what to do.
    if (refused)
      problem(
        'send-partly-rejected',
        `${what}已发出，但邮件服务器拒收了发给${refused}的邮件（永久性错误），其余收件人已收到：` +
          '请核对通讯录中的邮箱并改正，再把这份通知另行转发给未收到的人（该行已是“已发送”，改回“待发送”会让所有收件人再收到一次）',
      );
  } else if (result.permanent) {
    out.failed++;
    const refused = reach?.refused.join('、');
    audited(
      '发文失败',
      `${refused ? `发给 ${refused} 的邮件被` : ''}邮件服务器拒收（永久性错误），已标为发送失败、不再自动重试：` +
        `${result.error}${got}`,
    );
    problem(
      'send-rejected',
      `${what}${refused ? `发给${refused}的邮件` : ''}被邮件服务器拒收，已标为发送失败（${result.error}）：` +
        '请核对收件人邮箱（通讯录），改正后把文书登记中该行的发送状态改回“待发送”，下次扫描会重发' +
        (got ? '（已收到的人不会重复收到）' : ''),
    );
  } else {
    out.unsent++;
    audited(
      '发文失败',
      `发送失败，保留待发送，下次扫描重试：${result.error}${got ? `${got}，下次只发给其余收件人` : ''}`,
    );
    // One explanation per scan: a refused login or a server away fails every notice the same way.
    if (!out.problems.some((p) => p.code === 'send-failed'))
      problem(
        'send-failed',
        `${what}等通知未能发出，保留为待发送，下次扫描自动重发。${explainSendError(result.kind, result.error)}`,
      );
  }
}

/** Keys the journal says went out (last state `sent`), or into the outbox folder (`stored`), with that state. */
function sentKeys(entries: JournalEntry[]): Map<string, 'sent' | 'stored'> {
  const out = new Map<string, 'sent' | 'stored'>();
  for (const [key, state] of lastStates(entries))
    if (state === 'sent' || state === 'stored') out.set(key, state);
  return out;
}

/** A register row as read, as the values the journal keeps (text, as the register holds it). */
function journalRow(row: RegisterRow): Record<string, CellWrite> {
  return Object.fromEntries(Object.entries(row.cells).map(([k, cell]) => [k, cellText(cell ?? null)]));
}
