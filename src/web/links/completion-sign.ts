/**
 * A signer's one-time link to a completion card: sign with an opinion, or return it to the unit (退回, the item goes
 * back to 正在办理). The last signer of the chain chooses the 评价等级 (proposed from the record, SPEC §4.6) and the
 * item closes (销号). `?print=1` shows the card laid out like the paper form, one A4 page.
 */
import { dayCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { z } from 'zod';
import { isoOf } from '../../calendar/day';
import { proposeLevel } from '../../domain/evaluation';
import { readOpinion } from '../../domain/opinions';
import { cellText } from '../../store/grid/cell-text';
import type { CellWrite, SheetRow } from '../../store/port';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { addressesOf } from '../../workbook/directory';
import { EVALUATION_LEVELS } from '../../workbook/schema/lists';
import { signerKeys } from '../../workbook/schema/tabs';
import { commitAnswer } from './commit';
import {
  CARD_TAB,
  cardOf,
  cardState,
  cardText,
  chainOf,
  nextSigner,
  signedBy,
  signersFor,
  UNIT_SIGNER,
} from './completion-chain';
import { mailSigner } from './completion-mail';
import { printableCard } from './completion-card';
import { recordHtml } from './record';
import { MAX_REASON } from './extension-ledger';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import type { ActionHandler, LinkContext } from './link-context';
import { sendLinkMail } from './link-mail';
import { recomputeRow, verdictOf, withCells, type WorkbookState } from './workbook-state';
import { askedText, toldUnitText } from './mail-wording';

const signForm = z
  .object({
    decision: z.enum(['同意', '退回'], { error: '请选择同意或退回' }),
    opinion: z.string().trim().max(MAX_REASON, `意见不超过${MAX_REASON}个字`).default(''),
    level: z.enum(EVALUATION_LEVELS, { error: '请选择评价等级' }).optional(),
  })
  .refine((d) => d.decision === '同意' || d.opinion !== '', {
    message: '退回时请填写意见',
    path: ['opinion'],
  });

/** Why `signer` cannot sign this card now, or null. */
function problemOf(state: WorkbookState, ctx: LinkContext, card: SheetRow | undefined) {
  const signer = ctx.claims.ref ?? '';
  if (!card) return { reason: 'closed' as const, detail: '该事项没有办结申请。' };
  if (signedBy(card, signer))
    return {
      reason: 'reused' as const,
      detail: `${signer}已于 ${cardText(card, signerKeys(signer).date)} 签批。`,
    };
  if (cardState(card) !== '审批中')
    return { reason: 'reused' as const, detail: `该审批卡已${cardState(card) || '结束'}。` };
  const next = nextSigner(card, chainOf(state.model.config, ctx.entry.task.stars));
  if (next !== signer)
    return { reason: 'closed' as const, detail: `尚未轮到${signer}签批（当前待${next ?? '—'}签批）。` };
  return null;
}

function isLast(state: WorkbookState, ctx: LinkContext): boolean {
  return chainOf(state.model.config, ctx.entry.task.stars).at(-1) === ctx.claims.ref;
}

function formHtml(ctx: LinkContext, card: SheetRow, errors: string[] = [], opinion = '') {
  const signer = ctx.claims.ref ?? '';
  const v = verdictOf(ctx.state, ctx.entry);
  const proposal = proposeLevel(ctx.entry.task, ctx.entry.facts, v);
  const last = isLast(ctx.state, ctx);
  return html`<p>${ctx.person.name}：请以<b>${signer}</b>身份签批“${ctx.entry.task.title}”的办结申请。</p>
    ${printableCard(ctx.state, ctx.entry, card)}
    <p class="note">系统建议评价等级：${proposal.level}（${proposal.reason}）</p>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      ${
        last
          ? html`<label for="level">评价等级</label>
              <select id="level" name="level">
                ${EVALUATION_LEVELS.map((l) => html`<option value="${l}" ${l === proposal.level ? 'selected' : ''}>${l}</option>`)}
              </select>`
          : ''
      }
      <label for="opinion">${signer}意见</label>
      <textarea id="opinion" name="opinion" maxlength="${MAX_REASON}">${opinion}</textarea>
      <button type="submit" name="decision" value="同意">同意并签字${last ? '（销号）' : ''}</button>
      <button type="submit" name="decision" value="退回" class="secondary">退回承办单位</button>
    </form>
    <p class="note"><a href="?t=${ctx.token}&print=1">打印审批卡</a></p>
    ${returnedHtml(ctx, card)}
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, v)}`;
}

/** The earlier applications of this item that were returned (退回), with who returned them and why. */
function returnedHtml(ctx: LinkContext, current: SheetRow) {
  const text = (r: SheetRow, k: string) => cellText(r.cells[k] ?? null).trim();
  const earlier = (ctx.state.snapshot.tabs[CARD_TAB]?.rows ?? []).filter(
    (r) => r !== current && text(r, '编号') === ctx.entry.task.id && text(r, '状态') === '退回',
  );
  if (!earlier.length) return '';
  const refusal = (r: SheetRow) =>
    ctx.state.model.config.approvalChain
      .map((signer) => ({ signer, opinion: text(r, signerKeys(signer).opinion) }))
      .find((o) => readOpinion(o.opinion) === 'refusal');
  return html`<h2>此前退回的办结申请（${earlier.length}次）</h2>
    <ul>
      ${earlier.map((r) => {
        const by = refusal(r);
        const applied = text(r, signerKeys(UNIT_SIGNER).date);
        return html`<li>${applied}申请${by ? html`，${by.signer}退回：${by.opinion}` : '，已退回'}</li>`;
      })}
    </ul>`;
}

export const signCompletionHandler: ActionHandler<z.output<typeof signForm>> = {
  holder({ state, entry, claims }) {
    const email = claims.person.toLowerCase();
    return signersFor(state.model, entry, claims.ref ?? '').find(
      (p) => p.email.trim().toLowerCase() === email,
    );
  },

  async get(ctx) {
    const card = cardOf(ctx.state.snapshot, ctx.entry.task.id);
    if (ctx.c.req.query('print') === '1' && card)
      return ctx.c.html(page('县政府重点督查事项完结审批卡', printableCard(ctx.state, ctx.entry, card)));
    const problem = problemOf(ctx.state, ctx, card);
    if (problem) return ctx.refuse(problem.reason, problem.detail);
    return ctx.c.html(page('办结审批', formHtml(ctx, card!)));
  },

  async blocked(ctx) {
    const problem = problemOf(ctx.state, ctx, cardOf(ctx.state.snapshot, ctx.entry.task.id));
    return problem ? ctx.refuse(problem.reason, problem.detail) : null;
  },
  form: () => signForm,
  invalid: (ctx, errors, values) =>
    ctx.c.html(
      page('办结审批', formHtml(ctx, cardOf(ctx.state.snapshot, ctx.entry.task.id)!, errors, values.opinion)),
      400,
    ),

  async post(ctx, form) {
    const signer = ctx.claims.ref!;
    const { decision } = form;
    const opinion = form.opinion || decision;
    const result = await commitAnswer<{ closed: boolean; next: string | null; level: string }>(
      ctx,
      (state, entry) => {
        const card = cardOf(state.snapshot, entry.task.id);
        const again = problemOf(state, ctx, card);
        if (again) return { refusal: again.reason, detail: again.detail };
        const k = signerKeys(signer);
        const last = isLast(state, ctx);
        const level = form.level ?? proposeLevel(entry.task, entry.facts, verdictOf(state, entry)).level;
        const said = decision === '退回' ? `退回：${opinion}` : opinion;
        const values: Record<string, CellWrite> = {
          [k.opinion]: said,
          [k.signature]: ctx.person.name,
          [k.date]: dayCell(isoOf(state.model.today)),
        };
        if (decision === '退回') values['状态'] = '退回';
        else if (last) Object.assign(values, { 评价等级: level, 状态: '已办结' });
        const answered = withCells(
          state.snapshot,
          CARD_TAB,
          (r) => r === card,
          (cells) => ({ ...cells, ...values }),
        );
        const recomputed = recomputeRow(state, answered, entry.task.id);
        const note = `${decision}；渠道 链接；${ctx.person.name}（${ctx.person.email}）`;
        const audit = auditRow(
          state.stamp,
          '办结签批',
          entry.task.id,
          signer,
          '',
          said,
          note,
          ctx.person.name,
        );
        const chain = chainOf(state.model.config, entry.task.stars);
        const next = decision === '同意' && !last ? (chain[chain.indexOf(signer) + 1] ?? null) : null;
        return {
          value: { closed: decision === '同意' && last, next, level },
          plan: {
            cells: recomputed.cells,
            ids: [],
            appends: [],
            ledgerUpdates: [{ tab: CARD_TAB, keyColumn: '编号', key: entry.task.id, values }],
            rows: [{ tab: AUDIT_TAB, rows: [audit, ...recomputed.audit], about: '编号' }],
          },
        };
      },
    );
    if (!result.ok) return result.response;
    const { closed, next, level } = result.value;
    const { task } = ctx.entry;
    const base = ctx.deps.publicUrl ?? new URL(ctx.c.req.url).origin;
    let told: string;
    if (next) {
      told = (await mailSigner(ctx.deps, base, ctx.state.model, ctx.entry, next))
        ? askedText(ctx.deps, next, '签批')
        : '下一位签批人的通知未能发出，请联系督查室。';
    } else {
      const unit = addressesOf(ctx.state.model.directory.unitContacts(task.leadUnit));
      const what = closed
        ? `已办结（销号），评价等级：${level}。`
        : `被${signer}退回，请继续办理后重新申请。意见：${opinion}`;
      const ok = await sendLinkMail(ctx.deps, ctx.state.model.config, unit, `【办结审批结果】${task.id}`, [
        `${task.leadUnit}：`,
        `“${task.title}”（${task.id}）的办结申请${what}`,
      ]);
      told = ok ? toldUnitText(ctx.deps) : '邮件告知承办单位未能发出，请联系督查室。';
    }
    return ctx.c.html(
      page(
        '签批完成',
        html`<p class="ok">
            ${closed ? `已签批，事项办结，评价等级：${level}。` : decision === '退回' ? '已退回承办单位。' : '已签批。'}
          </p>
          <p>${told}</p>`,
      ),
    );
  },
};
