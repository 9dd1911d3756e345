/**
 * The 分管领导's one-time link to a 延期申请: approve or refuse with an opinion. An approved request makes the task's
 * 完成时限 the requested date from then on (the rules read the 延期申请 row), fills 原完成时限 and recomputes the row at
 * once; the staff-typed 完成时限 cell is left as typed. The unit is told by mail either way.
 */
import { stampCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import type { SheetRow, Snapshot } from '../../store/port';
import { AUDIT_TAB, auditRow, MARKER } from '../../workbook/audit';
import { addressesOf } from '../../workbook/directory';
import { commitAnswer } from './commit';
import { type Decision, decisionForm as decisionFormOf } from './decision-form';
import { EXTENSION_TAB as TAB, MAX_REASON, requestsOf, textOf } from './extension-ledger';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import type { ActionHandler, LinkContext } from './link-context';
import { sendLinkMail } from './link-mail';
import { recordHtml } from './record';
import { recomputeRow, verdictOf, withCells } from './workbook-state';
import { decisionNote } from '../../workbook/extension-audit';
import { toldUnitText } from './mail-wording';

const decisionForm = decisionFormOf('不同意延期时请填写审批意见');

function pendingRequest(snapshot: Snapshot, task: string, no: string) {
  return requestsOf(snapshot, task).find((r) => textOf(r, '申请号') === no);
}

function approveHtml(ctx: LinkContext, request: SheetRow, errors: string[] = [], opinion = '') {
  return html`<p>${ctx.person.name}：${ctx.entry.task.leadUnit}申请延期，请审批。</p>
    <table>
      <tr>
        <th>申请号</th>
        <td>${textOf(request, '申请号')}</td>
      </tr>
      <tr>
        <th>原完成时限</th>
        <td>${textOf(request, '原完成时限')}</td>
      </tr>
      <tr>
        <th>申请完成时限</th>
        <td>${textOf(request, '申请完成时限')}</td>
      </tr>
      <tr>
        <th>理由</th>
        <td>${textOf(request, '理由')}</td>
      </tr>
      <tr>
        <th>申请人</th>
        <td>${textOf(request, '申请人')}（${textOf(request, '申请时间')}）</td>
      </tr>
    </table>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="opinion">审批意见</label>
      <textarea id="opinion" name="opinion" maxlength="${MAX_REASON}">${opinion}</textarea>
      <button type="submit" name="decision" value="同意">同意延期</button>
      <button type="submit" name="decision" value="不同意" class="secondary">不同意</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, verdictOf(ctx.state, ctx.entry))}`;
}

/** Why this approver cannot decide this request now (not theirs, already decided), or null. */
function approverProblem(ctx: LinkContext, request: SheetRow | undefined) {
  if (!request) return { reason: 'reused' as const, detail: '找不到此延期申请，可能已被撤回。' };
  if (textOf(request, '审批人') !== ctx.person.name)
    return { reason: 'other-person' as const, detail: undefined };
  if (textOf(request, '状态') !== '待审批')
    return {
      reason: 'reused' as const,
      detail: `该申请已于 ${textOf(request, '审批时间')} 审批：${textOf(request, '状态')}。`,
    };
  return null;
}

export const approveExtensionHandler: ActionHandler<Decision> = {
  holder({ state, entry, claims }) {
    const email = claims.person.toLowerCase();
    return state.model.directory
      .leaderOf(entry.task.leader, entry.task.leadUnit)
      .find((p) => p.email.trim().toLowerCase() === email);
  },

  async get(ctx) {
    const request = pendingRequest(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? '');
    const problem = approverProblem(ctx, request);
    if (problem) return ctx.refuse(problem.reason, problem.detail);
    return ctx.c.html(page('延期审批', approveHtml(ctx, request!)));
  },

  async blocked(ctx) {
    const problem = approverProblem(
      ctx,
      pendingRequest(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? ''),
    );
    return problem ? ctx.refuse(problem.reason, problem.detail) : null;
  },
  form: () => decisionForm,
  invalid(ctx, errors, values) {
    const request = pendingRequest(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? '')!;
    return ctx.c.html(page('延期审批', approveHtml(ctx, request, errors, values.opinion)), 400);
  },

  async post(ctx, form) {
    const no = ctx.claims.ref ?? '';
    const { decision } = form;
    const opinion = form.opinion || decision;
    const result = await commitAnswer<{ from: string; to: string }>(ctx, (state, entry) => {
      const request = pendingRequest(state.snapshot, entry.task.id, no);
      const again = approverProblem(ctx, request);
      if (again) return { refusal: again.reason, ...(again.detail ? { detail: again.detail } : {}) };
      const values = { 状态: decision, 审批意见: opinion, 审批时间: stampCell(state.stamp) };
      const answered = withCells(
        state.snapshot,
        TAB,
        (r) => r === request,
        (cells) => ({ ...cells, ...values }),
      );
      const recomputed = recomputeRow(state, answered, entry.task.id);
      const from = textOf(request!, '原完成时限');
      const to = textOf(request!, '申请完成时限');
      const audit = auditRow(
        state.stamp,
        MARKER.extensionDecided,
        entry.task.id,
        '完成时限',
        from,
        decision === '同意' ? to : from,
        decisionNote(no, decision, opinion),
        ctx.person.name,
      );
      return {
        value: { from, to },
        plan: {
          cells: recomputed.cells,
          ids: [],
          appends: [],
          ledgerUpdates: [{ tab: TAB, keyColumn: '申请号', key: no, values }],
          rows: [{ tab: AUDIT_TAB, rows: [audit, ...recomputed.audit], about: '编号' }],
        },
      };
    });
    if (!result.ok) return result.response;
    const { from, to } = result.value;
    const { task } = ctx.entry;
    const unit = addressesOf(ctx.state.model.directory.unitContacts(task.leadUnit));
    const told = await sendLinkMail(
      ctx.deps,
      ctx.state.model.config,
      unit,
      `【延期审批结果】${task.id} ${decision}`,
      [
        `${task.leadUnit}：`,
        `你单位关于“${task.title}”（${task.id}）的延期申请 ${no}，分管领导${ctx.person.name}${decision}。`,
        decision === '同意' ? `完成时限由 ${from} 延至 ${to}。` : `完成时限仍为 ${from}。`,
        `审批意见：${opinion}`,
      ],
    );
    return ctx.c.html(
      page(
        '审批完成',
        html`<p class="ok">
            已${decision}延期申请 ${no}。${decision === '同意' ? `完成时限延至 ${to}。` : ''}
          </p>
          <p>${told ? toldUnitText(ctx.deps) : '邮件告知承办单位未能发出，请联系督查室。'}</p>`,
      ),
    );
  },
};
