import { cnFullDate, isoOf, partsOf, type Day } from '../calendar/day';
import type { RulesConfig } from '../domain/config';
import type { NoticeType } from '../domain/glossary';
import { approvalAsk } from '../domain/approval-ask';
import { kindOf } from '../domain/notice-kinds';
import { isMonthReportPeriod } from '../domain/month-reminder';
import type { NoticeDue, TaskVerdict } from '../domain/types';
import type { Address } from '../mail/port';
import type { DigestItem, NoticeDoc } from '../mail/notices';
import { addressesOf, ccLabel } from '../workbook/directory';
import { provisionalDocNo } from './doc-numbers';
import { noticeDocOf } from './notice-doc-of';
import { dedupeKey, digestKey } from '../workbook/dedupe-key';
import type { RegisterRow } from '../workbook/read-ledgers';
import type { ScanProblem, TaskEntry, WorkbookModel } from '../workbook/read-workbook';
import { holdsNumber, pastYearProblem } from './past-year';
import { recipientsFor } from './recipients';
import { standing } from './task-standing';
import { draftKey, draftOf, draftStep, draftsByKey, type WaitingDraft, waitingBySigner } from './signing';

/** A notice decided by this scan, before it is registered and sent. */
export interface PlannedNotice {
  key: string;
  /** The provisional 文号 it is registered under; the final one is set after the register is read back. */
  token: string;
  type: NoticeType | '每日汇总';
  id: string;
  unit: string;
  to: Address[];
  cc: Address[];
  reasons: string;
  requirement: string;
  /** The rendered document (formal notices and 临期提醒); digests carry `digest`. */
  doc?: NoticeDoc;
  digest?: { recipient: Address; items: DigestItem[] };
  /** Routine items (临期提醒) and a leader's items (约谈建议, 审批提醒) travel in the recipient's daily digest. */
  viaDigest?: boolean;
  /** A digest: the 临期提醒 register rows it delivers. */
  covers?: Cover[];
  /** A 签收提醒: the 文号 of the notice its 签收 link signs for (ack-reminders.ts). */
  ackRef?: string;
  /** A draft waiting for 签发 (signing.ts): registered 待签发 without a 文号, not sent. */
  draft?: true;
  /** A signed notice: the 去重键 of its draft, marked 已签发 once this notice is registered. */
  signedDraft?: string;
}

/** A register row by its (provisional or final) 文号 and its 去重键. */
export interface Cover {
  token: string;
  key: string;
}

export interface NoticePlan {
  notices: PlannedNotice[];
  duplicateSkipped: number;
  problems: ScanProblem[];
  /** Drafts still due and waiting for 同意 / 签发 after this scan, this scan's new ones included. */
  awaitingSignature: number;
  /** Drafts 待签发 whose notice is no longer due (the cause went away): the scan marks them 已撤销. */
  withdrawn: RegisterRow[];
}

/** 时限要求 as registered (ISO dates, so a retry can rebuild the notice). */
export function requirementText(due: Pick<NoticeDue, 'replyBy' | 'rectifyBy'>): string {
  const reply = `${isoOf(due.replyBy)}前反馈`;
  return due.rectifyBy === null ? reply : `${reply}；${isoOf(due.rectifyBy)}前整改到位`;
}

/**
 * The notices due today that are not yet in `文书登记` (dedupe key checked first), with their recipients and a
 * provisional 文号 (see doc-numbers.ts),
 * plus one daily digest per recipient for the routine reminders.
 */
export function planNotices(model: WorkbookModel, verdicts: TaskVerdict[], run: string): NoticePlan {
  const { config, today, directory } = model;
  const year = partsOf(today).year;
  const known = new Set(model.register.map((r) => r.key));
  const drafts = draftsByKey(model.register);
  /** Drafts waiting whose notice is still due today: a draft no longer due is withdrawn (no 文号, no reminder). */
  const waiting: WaitingDraft[] = [];
  const token = () => provisionalDocNo(year, run, notices.length + 1);
  const notices: PlannedNotice[] = [];
  const problems: ScanProblem[] = [];
  const digests = new Map<string, { recipient: Address; items: DigestItem[]; covers: Cover[] }>();
  let duplicateSkipped = 0;
  let heldForYear = 0;

  const dueKeys = new Set<string>();
  /** Tasks whose rules cannot run today (数据有误): their drafts wait rather than being withdrawn. */
  const unreadable = new Set<string>();
  model.entries.forEach((entry, i) => {
    const v = verdicts[i]!;
    const id = entry.task.id;
    if (!id) return;
    if (v.status === '数据有误') unreadable.add(id);
    for (const due of v.due) {
      const key = dedupeKey(id, due.type, due.level, due.period);
      dueKeys.add(key);
      if (known.has(key)) {
        duplicateSkipped++;
        continue;
      }
      if (holdsNumber(model, due.type)) {
        heldForYear++;
        continue;
      }
      const signing = (config.signedKinds as string[]).includes(due.type) || drafts.has(key);
      const draft = drafts.get(key);
      if (signing && known.has(draftKey(key)) && (!draft || draftStep(draft) !== null)) {
        const step = draft && draftStep(draft);
        if (step) waiting.push({ key, id, type: due.type, reasons: due.reasons.join('；'), step });
        continue;
      }
      const r = recipientsFor(due.type, due.level, entry.task, directory);
      const to = addressesOf(r.to);
      if (to.length === 0) {
        problems.push(noRecipient(entry, due.type));
        continue;
      }
      known.add(key);
      const planned = {
        token: token(),
        type: due.type,
        id,
        unit: entry.task.leadUnit,
        to,
        cc: addressesOf(r.cc),
        reasons: due.reasons.join('；'),
        requirement: requirementText(due),
      };
      if (signing && !draft) {
        // Seed 004 §五.2: proposed now, numbered and sent once the 分管领导 consented and the 办公室主任 signed.
        known.add(draftKey(key));
        notices.push({ ...planned, key: draftKey(key), draft: true });
        continue;
      }
      const doc = noticeDoc(entry, v, due, r.addressee, r.cc.map(ccLabel), today, config);
      notices.push({
        ...planned,
        key,
        doc,
        ...(kindOf(due.type).viaDigest ? { viaDigest: true } : {}),
        ...(draft ? { signedDraft: draft.key } : {}),
      });
      if (kindOf(due.type).viaDigest) {
        // A numbered item reaches its copies too (the 督查室, the other leader), in their own briefs.
        const copies = kindOf(due.type).docMark ? addressesOf(r.cc) : [];
        for (const recipient of [...to, ...copies]) {
          const digest = digests.get(recipient.address) ?? { recipient, items: [], covers: [] };
          const copy = !to.some((a) => a.address === recipient.address);
          digest.items.push(digestItem(entry, v, due, copy));
          digest.covers.push({ token: notices.at(-1)!.token, key });
          digests.set(recipient.address, digest);
        }
      }
    }
  });

  // The signers' items: drafts already waiting, and this scan's new ones (at the 分管领导's consent).
  const newDrafts = notices
    .filter((n) => n.draft)
    .map((n) => ({
      key: draftOf(n.key) ?? n.key,
      id: n.id,
      type: n.type,
      reasons: n.reasons,
      step: '同意' as const,
    }));
  for (const [address, list] of waitingBySigner(model, [...waiting, ...newDrafts], verdicts)) {
    const digest = digests.get(address) ?? { recipient: list.recipient, items: [], covers: [] };
    digest.items.push(...list.items);
    digests.set(address, digest);
  }

  for (const digest of digests.values()) {
    const key = digestKey(digest.recipient.address, isoOf(today));
    if (known.has(key)) {
      duplicateSkipped++;
      continue;
    }
    known.add(key);
    notices.push({
      key,
      token: token(),
      type: '每日汇总',
      id: '',
      unit: '',
      to: [digest.recipient],
      cc: [],
      reasons: `${digest.items.length}项事项提醒`,
      requirement: '',
      digest: { recipient: digest.recipient, items: digest.items },
      covers: digest.covers,
    });
  }
  if (heldForYear) problems.push(pastYearProblem(model, heldForYear));
  const withdrawn = [...drafts].filter(([key, row]) => !dueKeys.has(key) && !unreadable.has(row.id)).map(([, row]) => row);
  return {
    notices,
    duplicateSkipped,
    problems,
    awaitingSignature: waiting.length + newDrafts.length,
    withdrawn,
  };
}

function noticeDoc(
  entry: TaskEntry,
  v: TaskVerdict,
  due: NoticeDue,
  to: string,
  cc: string[],
  today: Day,
  config: RulesConfig,
): NoticeDoc {
  const { task } = entry;
  const { provisionalYears } = v;
  const base = {
    issuer: config.agencyName,
    office: config.officeName,
    to,
    item: {
      id: task.id,
      title: task.title,
      source: task.source,
      ...(v.deadline !== null ? { deadline: v.deadline } : { deadlineText: '长期' }),
    },
    reasons: due.reasons,
    replyBy: due.replyBy,
    cc,
    issuedOn: today,
    ...(provisionalYears.length ? { provisionalYears } : {}),
  };
  return noticeDocOf(due.type, base, {
    level: due.level,
    unit: task.leadUnit,
    rectifyBy: due.rectifyBy ?? due.replyBy,
  });
}

/** One item of a digest; `copy`: the recipient is copied (抄送), told but not asked to act (the 约谈 is the addressee's). */
function digestItem(entry: TaskEntry, v: TaskVerdict, due: NoticeDue, copy = false): DigestItem {
  // A numbered item (a leader's 约谈建议) names its document; the 文号 is added when it is final (send-notices.ts).
  const title = kindOf(due.type).docMark ? { notice: `《${kindOf(due.type).title}》` } : {};
  const routine = due.type === '临期提醒';
  const ask = approvalAsk(due.type, due.level, due.period);
  return {
    ...title,
    id: entry.task.id,
    title: entry.task.title,
    ...standing(v, v.status),
    // What the recipient is asked to do: the unit answers a 临期提醒; a leader arranges the 约谈, a signer signs.
    due: copy
      ? `抄送您知悉，由主送领导${kindOf(due.type).action}（${due.reasons.join('；')}）`
      : routine && isMonthReportPeriod(due.period)
        ? due.reasons.join('；') // `11月完成情况请于12月7日前报送`: the reminder says it all
        : `请于${cnFullDate(due.replyBy)}前${routine ? '反馈' : (ask?.action ?? kindOf(due.type).action)}（${due.reasons.join('；')}）`,
    ...(routine ? { answerable: true } : {}),
    ...(ask ? { approval: { of: ask.of, ref: ask.ref } } : {}),
  };
}

function noRecipient(entry: TaskEntry, type: string): ScanProblem {
  return {
    tab: entry.task.tab,
    row: entry.task.row,
    id: entry.task.id,
    cell: '牵头单位',
    code: 'no-recipient',
    message: `${type}无法发送：通讯录中没有"${entry.task.leadUnit || '（未填写牵头单位）'}"的有效收件人邮箱`,
  };
}
