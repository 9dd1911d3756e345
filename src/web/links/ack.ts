/** 签收: the unit acknowledges a notice and names its 具体责任人; once per notice. */
import { stampCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { z } from 'zod';
import { cnDate, type Day } from '../../calendar/day';
import { requirementDates } from '../../scan/register-row';
import type { RegisterRow } from '../../workbook/read-ledgers';
import { ACK_MONTH, ackText, readAck } from '../../workbook/acknowledgement';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { cellText } from '../../store/grid/cell-text';
import { emptyPlan, type SheetRow, type Snapshot } from '../../store/port';
import { commitAnswer } from './commit';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import { type ActionHandler, type LinkContext, unitHolder } from './link-context';
import { recordHtml } from './record';
import { siblingLink } from './sibling-link';
import { recomputeRow, verdictOf, withRow } from './workbook-state';

const FEEDBACK_TAB = '反馈记录';

const ackForm = z.object({
  owner: z
    .string({ error: '请填写具体责任人姓名' })
    .trim()
    .min(1, '请填写具体责任人姓名')
    .max(30, '具体责任人姓名不超过30个字'),
});

/** The day the notice `ref` asks for a reply by, from its 文书登记 时限要求 (`2026-11-25前反馈；…`); null if none. */
function replyBy(register: RegisterRow[], ref: string): Day | null {
  const row = register.find((r) => r.docNo === ref);
  return (row && requirementDates(cellText(row.cells['时限要求'] ?? null))[0]) ?? null;
}

/** What the unit does next, on the 签收 page's answer: reply by the notice's date. */
function nextStep(register: RegisterRow[], ref: string, today: Day): string {
  const due = ref ? replyBy(register, ref) : null;
  if (due === null) return '下一步：请按通知的时限要求反馈办理情况。';
  return due < today
    ? `下一步：通知要求${cnDate(due, today)}前反馈，已过时限，请尽快反馈办理情况。`
    : `下一步：请于${cnDate(due, today)}前反馈办理情况。`;
}

/** The 签收 row of this notice already in 反馈记录, if any. */
function signedRow(snapshot: Snapshot, task: string, ref: string) {
  return snapshot.tabs[FEEDBACK_TAB]?.rows.find((r) => {
    const text = (k: string) => cellText(r.cells[k] ?? null).trim();
    return text('编号') === task && text('月份') === ACK_MONTH && readAck(text('完成情况')).ref === ref;
  });
}

function form(ctx: LinkContext, errors: string[] = [], owner = '') {
  const what = ctx.claims.ref ? `《${ctx.claims.ref}》` : '本事项的通知';
  return html`<p>
      ${ctx.person.name}（${ctx.entry.task.leadUnit}）：请确认已收到${what}，并指定本事项的具体责任人。
    </p>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="owner">具体责任人</label>
      <input id="owner" name="owner" maxlength="30" required value="${owner || ctx.entry.task.owner}" />
      <button type="submit">确认签收</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, verdictOf(ctx.state, ctx.entry))}`;
}

/**
 * A notice already signed for: by this person, their link is used up; by a colleague of the unit (the head and the
 * liaison each get a link), this link was never used — the page says who signed and when.
 */
function alreadySigned(used: SheetRow, person: string): { reason: 'reused' | 'closed'; detail: string } {
  const when = cellText(used.cells['时间'] ?? null);
  const who = cellText(used.cells['填报人'] ?? null).trim();
  return who && who !== person
    ? { reason: 'closed', detail: `本通知已由${who}于 ${when} 签收，无需再签收。` }
    : { reason: 'reused', detail: `已于 ${when} 签收` };
}

export const ackHandler: ActionHandler<z.output<typeof ackForm>> = {
  holder: unitHolder,

  async get(ctx) {
    const used = signedRow(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? '');
    if (used) {
      const { reason, detail } = alreadySigned(used, ctx.person.name);
      return ctx.refuse(reason, detail);
    }
    return ctx.c.html(page('签收通知', form(ctx)));
  },

  form: () => ackForm,
  invalid: (ctx, errors, values) => ctx.c.html(page('签收通知', form(ctx, errors, values.owner)), 400),

  async post(ctx, { owner }) {
    const ref = ctx.claims.ref ?? '';
    const result = await commitAnswer(ctx, (state, entry) => {
      const used = signedRow(state.snapshot, entry.task.id, ref);
      if (used) {
        const { reason, detail } = alreadySigned(used, ctx.person.name);
        return { refusal: reason, detail };
      }
      const text = ackText(ref, owner);
      const row = {
        时间: stampCell(state.stamp),
        编号: entry.task.id,
        月份: ACK_MONTH,
        完成情况: text,
        '进度(%)': null,
        存在问题: '',
        下步计划: '',
        填报人: ctx.person.name,
        渠道: '链接',
      };
      const answered = withRow(state.snapshot, FEEDBACK_TAB, row);
      const { cells, audit } = recomputeRow(state, answered, entry.task.id);
      const note = `渠道 链接；${ctx.person.name}（${ctx.person.email}）`;
      const ack = auditRow(state.stamp, '链接签收', entry.task.id, '签收', '', text, note, ctx.person.name);
      return {
        value: text,
        plan: {
          ...emptyPlan(),
          cells,
          rows: [
            { tab: FEEDBACK_TAB, rows: [row] },
            { tab: AUDIT_TAB, rows: [ack, ...audit], about: '编号' },
          ],
        },
      };
    });
    if (!result.ok) return result.response;
    const feedback = await siblingLink(ctx, 'feedback');
    return ctx.c.html(
      page(
        '签收成功',
        html`<p class="ok">已签收。具体责任人：${owner}。签收时间已记入反馈记录。</p>
          <p>${nextStep(ctx.state.model.register, ctx.claims.ref ?? '', ctx.state.model.today)}</p>
          ${feedback ? html`<p><a href="${feedback}">现在填报完成情况</a>（也可用邮件中的“反馈”链接）</p>` : ''}`,
      ),
    );
  },
};
