/**
 * 签收 reminders (issue 14 item 2): a formal notice to a unit that carried a 签收 link and is not signed for within
 * 1 working day (13710's "1") gets one 签收提醒, carrying the same 签收 link. Only notices registered while links were
 * on are reminded: their register row's 时限要求 says `；<date>前签收` (written by `withAckBy` at registration), so
 * turning links on never floods the units with reminders about older notices.
 */
import { cnFullDate, isoOf, partsOf, type Day } from '../calendar/day';
import { entryIndexOf } from './entry-index';
import { isNoticeType, kindOf, type NoticeType } from '../domain/notice-kinds';
import type { TaskFacts, TaskVerdict } from '../domain/types';
import { dedupeKey } from '../workbook/dedupe-key';
import { addressesOf } from '../workbook/directory';
import type { WorkbookModel } from '../workbook/read-workbook';
import { STORED } from '../workbook/schema/lists';
import { provisionalDocNo } from './doc-numbers';
import type { PlannedNotice } from './plan-notices';
import { recipientsFor } from './recipients';

export const ACK_REMINDER = '签收提醒';

/** A notice that carries its recipients' 签收 links: a numbered kind addressed to the unit. */
export function carriesAckLink(type: string): boolean {
  if (!isNoticeType(type)) return false;
  const kind = kindOf(type);
  return kind.docMark !== null && kind.recipients.default.to.includes('unit');
}

/** `；2026-06-16前签收`: the 时限要求 tail of a notice sent with 签收 links, due 1 working day after `today`. */
export function ackByText(model: Pick<WorkbookModel, 'calendar' | 'today'>): string {
  return `；${isoOf(model.calendar.addWorkdays(model.today, 1))}前签收`;
}

/** The 签收 date a register row's 时限要求 asks for (null: registered with links off). */
export function ackByOf(requirement: string): string | null {
  return /；(\d{4}-\d{2}-\d{2})前签收$/.exec(requirement.trim())?.[1] ?? null;
}

/** The notice a 签收提醒's 时限要求 names: `2026-06-17前签收《临政督催〔2026〕3号》`. */
export function remindedDocNo(requirement: string): string | null {
  return /前签收《(.+)》$/.exec(requirement.trim())?.[1] ?? null;
}

/** Register 发送状态 of a notice that left: sent, or stored in the outbox. */
const LEFT = new Set(['已发送', STORED]);

/**
 * The 签收提醒 due today: one per notice sent with 签收 links whose 签收 day has passed without a 签收 row naming its
 * 文号, on an item still open. Keyed `编号|签收提醒||<文号>` so each notice is reminded once.
 *
 * @example ackReminders(model, verdicts, 'run00001', notices.length).map((n) => n.ackRef) // ['临政督催〔2026〕3号']
 */
export function ackReminders(
  model: WorkbookModel,
  verdicts: TaskVerdict[],
  run: string,
  planned: number,
): PlannedNotice[] {
  const known = new Set(model.register.map((r) => r.key));
  const year = partsOf(model.today).year;
  const out: PlannedNotice[] = [];
  for (const row of model.register) {
    if (!carriesAckLink(row.type) || !LEFT.has(row.status) || !row.docNo) continue;
    const by = ackByOf(text(row.cells['时限要求']));
    // `…前签收` includes that day: the unit has all of it, so the reminder waits for the first scan after it.
    if (by === null || isoOf(model.today) <= by) continue;
    const key = dedupeKey(row.id, ACK_REMINDER, '', row.docNo);
    if (known.has(key)) continue;
    const i = entryIndexOf(model, row.id);
    const entry = model.entries[i];
    const verdict = verdicts[i];
    if (!entry || !verdict || verdict.status === '已办结' || verdict.status === '已调出') continue;
    if (entry.facts.acknowledgements?.some((a) => a.ref === row.docNo)) continue;
    if (row.day !== null && actedSince(entry.facts, row.day)) continue;
    const type: NoticeType = ACK_REMINDER;
    const r = recipientsFor(type, '', entry.task, model.directory);
    const to = addressesOf(r.to);
    if (!to.length) continue;
    known.add(key);
    const replyBy: Day = model.calendar.addWorkdays(model.today, 1);
    const reason = `${row.type}（${row.docNo}）已于${cnFullDate(row.day ?? model.today)}发出，1个工作日内未签收`;
    out.push({
      key,
      token: provisionalDocNo(year, run, planned + out.length + 1),
      type,
      id: row.id,
      unit: entry.task.leadUnit,
      to,
      cc: [],
      reasons: reason,
      requirement: `${isoOf(replyBy)}前签收《${row.docNo}》`,
      ackRef: row.docNo,
      doc: {
        kind: type,
        issuer: model.config.agencyName,
        office: model.config.officeName,
        to: r.addressee,
        item: {
          id: row.id,
          title: entry.task.title,
          source: entry.task.source,
          // The deadline decides whether the reminder's links may offer a 延期申请 (none once it has passed).
          ...(verdict.deadline !== null ? { deadline: verdict.deadline } : { deadlineText: '长期' }),
        },
        reasons: [reason],
        replyBy,
        cc: [],
        issuedOn: model.today,
      },
    });
  }
  return out;
}

/**
 * The unit answered since the notice went out — a 反馈, a 延期申请 or a 办结申请 (from the notice's links or typed by
 * the 督查室): it has the notice in hand, and a reminder to sign for it would only be noise.
 */
function actedSince(facts: TaskFacts, day: Day): boolean {
  return (
    facts.feedback.some((f) => f.day >= day) ||
    facts.extensions.some((e) => e.asked != null && e.asked >= day) ||
    (facts.completion?.submitted != null && facts.completion.submitted >= day)
  );
}

function text(cell: unknown): string {
  return typeof cell === 'string' ? cell.trim() : cell == null ? '' : String(cell);
}
