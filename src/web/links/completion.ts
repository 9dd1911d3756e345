/**
 * 办结申请: the unit head applies to close the task and signs the card first (承办单位主要负责人); the next signer of
 * the chain is mailed a one-time link (completion-sign.ts). One open card per task.
 */
import { dayCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { emptyPlan } from '../../store/port';
import { z } from 'zod';
import { isoOf } from '../../calendar/day';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import type { TaskEntry } from '../../workbook/read-workbook';
import { signerKeys } from '../../workbook/schema/tabs';
import { commitAnswer } from './commit';
import { CARD_TAB, cardOf, cardState, chainOf, UNIT_SIGNER } from './completion-chain';
import { mailSigner } from './completion-mail';
import { MAX_REASON } from './extension-ledger';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import type { ActionHandler, LinkContext } from './link-context';
import { recordHtml } from './record';
import { recomputeRow, verdictOf, withRow, type WorkbookState } from './workbook-state';
import { askedText } from './mail-wording';

const applyForm = z.object({
  opinion: z
    .string({ error: '请填写办结情况' })
    .trim()
    .min(1, '请填写办结情况')
    .max(MAX_REASON, `办结情况不超过${MAX_REASON}个字`),
});

function blocked(state: WorkbookState, entry: TaskEntry): string | null {
  const v = verdictOf(state, entry);
  if (v.status === '已办结' || v.status === '已调出') return `该事项${v.status}。`;
  if (cardState(cardOf(state.snapshot, entry.task.id)) === '审批中')
    return '该事项已有审批中的办结申请，请等待签批。';
  return null;
}

function formHtml(ctx: LinkContext, errors: string[] = [], opinion = '') {
  return html`<p>
      ${ctx.person.name}（${ctx.entry.task.leadUnit}主要负责人）：申请办结后，依次由督查室核实、办公室和县领导签批。
    </p>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="opinion">办结情况（承办单位主要负责人意见）</label>
      <textarea id="opinion" name="opinion" maxlength="${MAX_REASON}" required>${opinion}</textarea>
      <button type="submit">签字并申请办结</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, verdictOf(ctx.state, ctx.entry))}`;
}

export const completeHandler: ActionHandler<z.output<typeof applyForm>> = {
  holder({ state, entry, claims }) {
    const email = claims.person.toLowerCase();
    return state.model.directory
      .unitContacts(entry.task.leadUnit)
      .find((p) => p.role === '单位负责人' && p.email.trim().toLowerCase() === email);
  },

  async get(ctx) {
    const why = blocked(ctx.state, ctx.entry);
    if (why) return ctx.refuse('closed', why);
    return ctx.c.html(page('办结申请', formHtml(ctx)));
  },

  async blocked(ctx) {
    const why = blocked(ctx.state, ctx.entry);
    return why ? ctx.refuse('closed', why) : null;
  },
  form: () => applyForm,
  invalid: (ctx, errors, values) => ctx.c.html(page('办结申请', formHtml(ctx, errors, values.opinion)), 400),

  async post(ctx, { opinion }) {
    const result = await commitAnswer<string>(ctx, (state, entry) => {
      const again = blocked(state, entry);
      if (again) return { refusal: 'closed', detail: again };
      const { task } = entry;
      const v = verdictOf(state, entry);
      const k = signerKeys(UNIT_SIGNER);
      const row = {
        编号: task.id,
        事项来源: task.source,
        交办日期: task.assigned === null ? '' : dayCell(isoOf(task.assigned)),
        完成时限: v.deadline === null ? '' : isoOf(v.deadline),
        事项标题: task.title,
        承办单位: task.leadUnit,
        [k.opinion]: opinion,
        [k.signature]: ctx.person.name,
        [k.date]: dayCell(isoOf(state.model.today)),
        状态: '审批中',
      };
      const recomputed = recomputeRow(state, withRow(state.snapshot, CARD_TAB, row), task.id);
      const note = `渠道 链接；${ctx.person.name}（${ctx.person.email}）`;
      const audit = auditRow(
        state.stamp,
        '办结申请',
        task.id,
        UNIT_SIGNER,
        '',
        opinion,
        note,
        ctx.person.name,
      );
      const next = chainOf(state.model.config, task.stars)[1] ?? '';
      return {
        value: next,
        plan: {
          ...emptyPlan(),
          cells: recomputed.cells,
          rows: [
            { tab: CARD_TAB, rows: [row] },
            { tab: AUDIT_TAB, rows: [audit, ...recomputed.audit], about: '编号' },
          ],
        },
      };
    });
    if (!result.ok) return result.response;
    const next = result.value;
    const base = ctx.deps.publicUrl ?? new URL(ctx.c.req.url).origin;
    const mailed = next ? await mailSigner(ctx.deps, base, ctx.state.model, ctx.entry, next) : false;
    return ctx.c.html(
      page(
        '办结申请已提交',
        html`<p class="ok">办结申请已提交，审批卡已签字。</p>
          <p>${mailed ? askedText(ctx.deps, next!, '签批') : '下一位签批人的通知未能发出，请联系督查室。'}</p>`,
      ),
    );
  },
};
