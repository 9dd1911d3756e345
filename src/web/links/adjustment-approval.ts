/**
 * A leader's one-time link to a 调出 / 调整 request: approve or refuse with an opinion, written into the
 * `调整记录` row's 分管领导意见 or 主要领导意见. When the last leader the request needs consents the row becomes 同意
 * and the rules apply it at once (调出 → 已调出; 调整时限 → the new 完成时限; 调整目标 → the new target); a refusal
 * ends it as 不同意. The next leader is mailed in turn; the unit is told of the result.
 */
import { html } from 'hono/html';
import type { SheetRow } from '../../store/port';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { addressesOf } from '../../workbook/directory';
import {
  ADJUST_TAB,
  type Approver,
  askedOf,
  approversOf,
  opinionColumn,
  requestOfReason,
  requestRow,
  waitingFor,
} from './adjustment-ledger';
import { approverPeople, mailApprover } from './adjustment-mail';
import { commitAnswer } from './commit';
import { type Decision, decisionForm as decisionFormOf } from './decision-form';
import { MAX_REASON, textOf } from './extension-ledger';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import type { ActionHandler, LinkContext } from './link-context';
import { sendLinkMail } from './link-mail';
import { recordHtml } from './record';
import { recomputeRow, verdictOf, withCells, type WorkbookState } from './workbook-state';
import { askedText, toldUnitText } from './mail-wording';

const decisionForm = decisionFormOf('不同意时请填写审批意见');

/** Who of the two leaders holds this link (by the 通讯录 address the token names). */
function roleOf(ctx: Pick<LinkContext, 'state' | 'entry' | 'claims'>): Approver | null {
  const email = ctx.claims.person.trim().toLowerCase();
  const is = (who: Approver) => approverPeople(ctx, who).some((p) => p.email.trim().toLowerCase() === email);
  return is('分管领导') ? '分管领导' : is('主要领导') ? '主要领导' : null;
}

/** Why this leader cannot decide now, or null (and whom the request waits for). */
function problemOf(state: WorkbookState, row: SheetRow | undefined, role: Approver | null) {
  if (!row) return { reason: 'reused' as const, detail: '找不到此申请，可能已被撤回。' };
  const waiting = waitingFor(row, askedOf(row), state.model.config.adjustMonth);
  if (waiting === null)
    return { reason: 'reused' as const, detail: `该申请已审批：${textOf(row, '状态')}。` };
  if (waiting !== role) {
    const done = role && textOf(row, opinionColumn(role));
    return done
      ? { reason: 'reused' as const, detail: `您已签署意见：${done}。` }
      : { reason: 'other-person' as const, detail: `该申请现等待${waiting}审批。` };
  }
  return null;
}

function approveHtml(ctx: LinkContext, row: SheetRow, errors: string[] = [], opinion = '') {
  const request = requestOfReason(textOf(row, '理由'))!;
  const chain = approversOf(textOf(row, '类型'), askedOf(row), ctx.state.model.config.adjustMonth);
  const field = (label: string, value: string) =>
    value
      ? html`<tr>
          <th>${label}</th>
          <td>${value}</td>
        </tr>`
      : '';
  return html`<p>${ctx.person.name}：${ctx.entry.task.leadUnit}申请${textOf(row, '类型')}，请审批。</p>
    <table>
      ${field('申请号', request.no)} ${field('类型', textOf(row, '类型'))}
      ${field('调整后完成时限', textOf(row, '调整后完成时限'))}
      ${field('调整后目标', textOf(row, '调整后目标'))} ${field('理由', request.reason)}
      ${field('申请日期', textOf(row, '日期'))} ${field('分管领导意见', textOf(row, '分管领导意见'))}
      ${field('审批顺序', chain.join(' → '))}
    </table>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="opinion">审批意见</label>
      <textarea id="opinion" name="opinion" maxlength="${MAX_REASON}">${opinion}</textarea>
      <button type="submit" name="decision" value="同意">同意</button>
      <button type="submit" name="decision" value="不同意" class="secondary">不同意</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, verdictOf(ctx.state, ctx.entry))}`;
}

export const approveAdjustmentHandler: ActionHandler<Decision> = {
  holder(ctx) {
    const role = roleOf(ctx);
    if (!role) return undefined;
    const email = ctx.claims.person.trim().toLowerCase();
    return approverPeople(ctx, role).find((p) => p.email.trim().toLowerCase() === email);
  },

  async get(ctx) {
    const row = requestRow(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? '');
    const problem = problemOf(ctx.state, row, roleOf(ctx));
    if (problem) return ctx.refuse(problem.reason, problem.detail);
    return ctx.c.html(page(`${textOf(row!, '类型')}审批`, approveHtml(ctx, row!)));
  },

  async blocked(ctx) {
    const row = requestRow(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? '');
    const problem = problemOf(ctx.state, row, roleOf(ctx)!);
    return problem ? ctx.refuse(problem.reason, problem.detail) : null;
  },
  form: () => decisionForm,
  invalid(ctx, errors, values) {
    const row = requestRow(ctx.state.snapshot, ctx.claims.task, ctx.claims.ref ?? '')!;
    return ctx.c.html(page(`${textOf(row, '类型')}审批`, approveHtml(ctx, row, errors, values.opinion)), 400);
  },

  async post(ctx, form) {
    const no = ctx.claims.ref ?? '';
    const role = roleOf(ctx)!;
    const { decision } = form;
    const opinion = form.opinion ? `${decision}：${form.opinion}` : decision;
    type Outcome = { kind: string; status: string; next: Approver | null; reason: string; row: SheetRow };
    const result = await commitAnswer<Outcome>(ctx, (state, entry) => {
      const row = requestRow(state.snapshot, entry.task.id, no);
      const again = problemOf(state, row, role);
      if (again) return { refusal: again.reason, ...(again.detail ? { detail: again.detail } : {}) };
      const asked = askedOf(row!);
      const chain = approversOf(textOf(row!, '类型'), asked, state.model.config.adjustMonth);
      const next = decision === '同意' ? (chain[chain.indexOf(role) + 1] ?? null) : null;
      const status = decision === '不同意' ? '不同意' : next ? '待审批' : '同意';
      const values = { [opinionColumn(role)]: opinion, 状态: status };
      const answered = withCells(
        state.snapshot,
        ADJUST_TAB,
        (r) => r === row,
        (cells) => ({ ...cells, ...values }),
      );
      const recomputed = recomputeRow(state, answered, entry.task.id);
      const kind = textOf(row!, '类型');
      const note = `申请号 ${no}；${role}${decision}；意见：${opinion}${next ? `；待${next}审批` : ''}`;
      const audit = auditRow(
        state.stamp,
        `${kind}审批`,
        entry.task.id,
        opinionColumn(role),
        '',
        opinion,
        note,
        ctx.person.name,
      );
      return {
        value: { kind, status, next, reason: requestOfReason(textOf(row!, '理由'))!.reason, row: row! },
        plan: {
          cells: recomputed.cells,
          ids: [],
          appends: [],
          ledgerUpdates: [{ tab: ADJUST_TAB, keyColumn: '理由', key: textOf(row!, '理由'), values }],
          rows: [{ tab: AUDIT_TAB, rows: [audit, ...recomputed.audit], about: '编号' }],
        },
      };
    });
    if (!result.ok) return result.response;
    const { kind, status, next, reason, row } = result.value;
    const { task } = ctx.entry;
    let told = '';
    if (next) {
      const mailed = await mailApprover(ctx, next, no, kind, reason);
      told = mailed ? askedText(ctx.deps, mailed, '审批') : `通知${next}审批的邮件未能发出，请联系督查室。`;
    } else {
      const unit = addressesOf(ctx.state.model.directory.unitContacts(task.leadUnit));
      const what =
        status === '同意'
          ? kind === '调出'
            ? '该事项已调出，不再督办和排名。'
            : kind === '调整时限'
              ? `完成时限调整为 ${textOf(row, '调整后完成时限')}。`
              : `目标调整为：${textOf(row, '调整后目标')}`
          : '';
      const sent = await sendLinkMail(
        ctx.deps,
        ctx.state.model.config,
        unit,
        `【${kind}审批结果】${task.id} ${status}`,
        [
          `${task.leadUnit}：`,
          `你单位关于“${task.title}”（${task.id}）的${kind}申请 ${no}，${ctx.person.name}（${role}）${decision}。${what}`,
          `审批意见：${opinion}`,
        ],
      );
      told = sent ? toldUnitText(ctx.deps) : '邮件告知承办单位未能发出，请联系督查室。';
    }
    return ctx.c.html(
      page(
        '审批完成',
        html`<p class="ok">已${decision}${kind}申请 ${no}。</p>
          <p>${told}</p>`,
      ),
    );
  },
};
