/**
 * 调出 / 调整目标 / 调整时限 asked by the unit from its task page (issue 14 item 6): a `调整记录` row 待审批, audited,
 * and the 分管领导 mailed a one-time link to decide (adjustment-approval.ts).
 */
import { dayCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { emptyPlan } from '../../store/port';
import { z } from 'zod';
import { cnFullDate, isoOf, toDay } from '../../calendar/day';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import type { TaskEntry } from '../../workbook/read-workbook';
import { ADJUST_KINDS, ADJUST_TAB, adjustmentsOf, approversOf, reasonCell } from './adjustment-ledger';
import { mailApprover } from './adjustment-mail';
import { commitAnswer } from './commit';
import { MAX_REASON, textOf } from './extension-ledger';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import { type ActionHandler, type LinkContext, unitHolder } from './link-context';
import { recordHtml } from './record';
import { verdictOf, type WorkbookState } from './workbook-state';
import { askedText } from './mail-wording';

const MAX_TARGET = 500;

/** Why the task takes no request now, or null. */
function blocked(state: WorkbookState, entry: TaskEntry): string | null {
  const v = verdictOf(state, entry);
  if (v.status === '已办结' || v.status === '已调出') return `该事项${v.status}，不能再申请调出或调整。`;
  const pending = adjustmentsOf(state.snapshot, entry.task.id).find((r) => textOf(r, '状态') === '待审批');
  if (pending) return `已有待审批的${textOf(pending, '类型')}申请，请等待审批结果。`;
  return null;
}

function requestForm(state: WorkbookState, entry: TaskEntry) {
  const deadline = verdictOf(state, entry).deadline;
  const today = state.model.today;
  return z
    .object({
      kind: z.enum(ADJUST_KINDS, { error: '请选择申请类型（调出、调整目标或调整时限）' }),
      deadline: z.string().trim().default(''),
      target: z.string().trim().max(MAX_TARGET, `调整后目标不超过${MAX_TARGET}个字`).default(''),
      reason: z
        .string({ error: '请填写申请理由' })
        .trim()
        .min(1, '请填写申请理由')
        .max(MAX_REASON, `申请理由不超过${MAX_REASON}个字`),
    })
    .superRefine((f, issues) => {
      const say = (message: string, path: string) =>
        issues.addIssue({ code: 'custom', message, path: [path] });
      if (f.kind === '调整目标' && !f.target) say('调整目标时请填写调整后目标', 'target');
      if (f.kind !== '调整时限') return;
      if (deadline === null) return say('该事项没有明确的完成时限，无需调整时限', 'deadline');
      if (today > deadline)
        return say(`调整时限须在完成时限（${cnFullDate(deadline)}）前提出，现已超过时限`, 'deadline');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(f.deadline) || Number.isNaN(Date.parse(f.deadline)))
        return say('调整后完成时限请填写日期，如 2026-12-31', 'deadline');
      if (toDay(f.deadline) === deadline)
        say(`调整后完成时限与现完成时限 ${isoOf(deadline)} 相同`, 'deadline');
    });
}

function requestHtml(ctx: LinkContext, errors: string[] = [], values: Record<string, string> = {}) {
  const month = ctx.state.model.config.adjustMonth;
  const option = (k: string) =>
    html`<option value="${k}" ${values.kind === k ? 'selected' : ''}>${k}</option>`;
  return html`<p>${ctx.person.name}（${ctx.entry.task.leadUnit}）：申请调出或调整本事项。</p>
    <p class="note">
      调出须分管领导、主要领导先后同意；调整时限须在完成时限前提出，由分管领导审批；调整目标每年${month}月受理，由分管领导审批，其他月份还须主要领导同意。
    </p>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="kind">申请类型</label>
      <select id="kind" name="kind" required>
        ${ADJUST_KINDS.map(option)}
      </select>
      <label for="deadline">调整后完成时限（调整时限时填写）</label>
      <input id="deadline" name="deadline" type="date" value="${values.deadline ?? ''}" />
      <label for="target">调整后目标（调整目标时填写）</label>
      <textarea id="target" name="target" maxlength="${MAX_TARGET}">${values.target ?? ''}</textarea>
      <label for="reason">申请理由</label>
      <textarea id="reason" name="reason" maxlength="${MAX_REASON}" required>${values.reason ?? ''}</textarea>
      <button type="submit">提交申请</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, verdictOf(ctx.state, ctx.entry))}`;
}

export const adjustHandler: ActionHandler<z.output<ReturnType<typeof requestForm>>> = {
  holder: unitHolder,

  async get(ctx) {
    const why = blocked(ctx.state, ctx.entry);
    if (why) return ctx.refuse('closed', why);
    return ctx.c.html(page('申请调出或调整', requestHtml(ctx)));
  },

  async blocked(ctx) {
    const why = blocked(ctx.state, ctx.entry);
    return why ? ctx.refuse('closed', why) : null;
  },
  form: (ctx) => requestForm(ctx.state, ctx.entry),
  invalid: (ctx, errors, values) => ctx.c.html(page('申请调出或调整', requestHtml(ctx, errors, values)), 400),

  async post(ctx, f) {
    const result = await commitAnswer<string>(ctx, (state, entry) => {
      const again = blocked(state, entry);
      if (again) return { refusal: 'closed', detail: again };
      const id = entry.task.id;
      const no = `TZ-${id}-${adjustmentsOf(state.snapshot, id).length + 1}`;
      const row = {
        编号: id,
        类型: f.kind,
        理由: reasonCell(no, f.reason),
        申请单位: entry.task.leadUnit,
        分管领导意见: '',
        主要领导意见: '',
        日期: dayCell(isoOf(state.model.today)),
        状态: '待审批',
        调整后完成时限: f.kind === '调整时限' ? dayCell(f.deadline) : '',
        调整后目标: f.kind === '调整目标' ? f.target : '',
      };
      const asked = f.kind === '调整时限' ? f.deadline : f.kind === '调整目标' ? f.target : '调出';
      const note = `申请号 ${no}；渠道 链接；${ctx.person.name}（${ctx.person.email}）；理由：${f.reason}`;
      const audit = auditRow(state.stamp, `${f.kind}申请`, id, f.kind, '', asked, note, ctx.person.name);
      return {
        value: no,
        plan: {
          ...emptyPlan(),
          rows: [
            { tab: ADJUST_TAB, rows: [row] },
            { tab: AUDIT_TAB, rows: [audit] },
          ],
        },
      };
    });
    if (!result.ok) return result.response;
    const no = result.value;
    const chain = approversOf(f.kind, ctx.state.model.today, ctx.state.model.config.adjustMonth);
    const mailed = await mailApprover(ctx, '分管领导', no, f.kind, f.reason);
    return ctx.c.html(
      page(
        '申请已提交',
        html`<p class="ok">${f.kind}申请 ${no} 已提交，审批顺序：${chain.join(' → ')}。</p>
          <p>
            ${mailed ? askedText(ctx.deps, mailed, '审批', true) : '审批通知未能发出，请联系督查室。'}
          </p>`,
      ),
    );
  },
};
