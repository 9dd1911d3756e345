/**
 * 延期申请 (seed 002 §三(五): only before the deadline): the unit asks on its link; the 分管领导 is mailed a one-time
 * link to decide (extension-approval.ts).
 */
import { stampCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { emptyPlan } from '../../store/port';
import { z } from 'zod';
import { cnFullDate, isoOf, toDay, type Day } from '../../calendar/day';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { addressesOf } from '../../workbook/directory';
import type { TaskEntry } from '../../workbook/read-workbook';
import { commitAnswer } from './commit';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import { type ActionHandler, type LinkContext, unitHolder } from './link-context';
import { expiryOf, linkUrl } from './link-deps';
import { sendLinkMail } from './link-mail';
import { recordHtml } from './record';
import { signLink } from './token';
import { EXTENSION_TAB as TAB, MAX_REASON, requestsOf, textOf } from './extension-ledger';
import { verdictOf, type WorkbookState } from './workbook-state';
import { askedText } from './mail-wording';

/** Why the task cannot be extended now, or null. */
function blocked(state: WorkbookState, entry: TaskEntry): string | null {
  const v = verdictOf(state, entry);
  if (v.status === '已办结' || v.status === '已调出') return `该事项${v.status}，无需延期。`;
  const { deadline } = v;
  if (deadline === null) return '该事项没有明确的完成时限，无需申请延期。';
  if (state.model.today > deadline)
    return `延期须在完成时限（${cnFullDate(deadline)}）前申请，现已超过时限，不能申请延期。`;
  const requests = requestsOf(state.snapshot, entry.task.id);
  const pending = requests.find((r) => textOf(r, '状态') === '待审批');
  if (pending) return `已有待审批的延期申请（${textOf(pending, '申请号')}），请等待审批结果。`;
  // Seed 002 §三(五): "对不同意延期办结的，发回原单位按期办结完毕" — a refusal is final for this deadline.
  const refused = requests.find(
    (r) => textOf(r, '状态') === '不同意' && textOf(r, '原完成时限') === isoOf(deadline),
  );
  if (refused)
    return `延期申请 ${textOf(refused, '申请号')} 已于 ${textOf(refused, '审批时间')} 未获同意（${textOf(refused, '审批意见')}），须在完成时限（${cnFullDate(deadline)}）前按期办结，不能再次申请延期。`;
  return null;
}

/** The Day of a `YYYY-MM-DD` that exists (not 2027-02-30), or null. */
function dayOrNull(s: string): Day | null {
  try {
    return toDay(s);
  } catch {
    return null;
  }
}

function requestForm(deadline: Day) {
  return z.object({
    requested: z
      .string({ error: '请选择申请完成时限' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '申请完成时限请填写日期，如 2026-12-31', abort: true })
      .refine((s) => dayOrNull(s) !== null, { message: '申请完成时限不是有效日期', abort: true })
      .refine((s) => dayOrNull(s)! > deadline, `申请完成时限须晚于现完成时限 ${isoOf(deadline)}`),
    reason: z
      .string({ error: '请填写延期理由' })
      .trim()
      .min(1, '请填写延期理由')
      .max(MAX_REASON, `延期理由不超过${MAX_REASON}个字`),
  });
}

function requestHtml(ctx: LinkContext, errors: string[] = [], values: Record<string, string> = {}) {
  const v = verdictOf(ctx.state, ctx.entry);
  return html`<p>
      ${ctx.person.name}（${ctx.entry.task.leadUnit}）：延期须在完成时限前申请，由分管领导审批。
    </p>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="requested">申请完成时限</label>
      <input id="requested" name="requested" type="date" required value="${values.requested ?? ''}" />
      <label for="reason">延期理由</label>
      <textarea id="reason" name="reason" maxlength="${MAX_REASON}" required>${values.reason ?? ''}</textarea>
      <button type="submit">提交延期申请</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, v)}`;
}

export const extendHandler: ActionHandler<z.output<ReturnType<typeof requestForm>>> = {
  holder: unitHolder,

  async get(ctx) {
    const why = blocked(ctx.state, ctx.entry);
    if (why) return ctx.refuse('closed', why);
    return ctx.c.html(page('延期申请', requestHtml(ctx)));
  },

  async blocked(ctx) {
    const why = blocked(ctx.state, ctx.entry);
    return why ? ctx.refuse('closed', why) : null;
  },
  form: (ctx) => requestForm(verdictOf(ctx.state, ctx.entry).deadline!),
  invalid: (ctx, errors, values) => ctx.c.html(page('延期申请', requestHtml(ctx, errors, values)), 400),

  async post(ctx, { requested, reason }) {
    const deadline = verdictOf(ctx.state, ctx.entry).deadline!;
    const leader = ctx.state.model.directory.leaderOf(ctx.entry.task.leader, ctx.entry.task.leadUnit)[0];
    const result = await commitAnswer<string>(ctx, (state, entry) => {
      const again = blocked(state, entry);
      if (again) return { refusal: 'closed', detail: again };
      const id = entry.task.id;
      const no = `YQ-${id}-${requestsOf(state.snapshot, id).length + 1}`;
      const row = {
        申请号: no,
        编号: id,
        原完成时限: isoOf(deadline),
        申请完成时限: requested,
        理由: reason,
        申请人: ctx.person.name,
        申请时间: stampCell(state.stamp),
        状态: '待审批',
        审批人: leader?.name ?? entry.task.leader,
        审批意见: '',
        审批时间: '',
      };
      const note = `渠道 链接；${ctx.person.name}（${ctx.person.email}）；理由：${reason}`;
      const audit = auditRow(
        state.stamp,
        '延期申请',
        id,
        '完成时限',
        isoOf(deadline),
        requested,
        note,
        ctx.person.name,
      );
      return {
        value: no,
        plan: {
          ...emptyPlan(),
          rows: [
            { tab: TAB, rows: [row] },
            { tab: AUDIT_TAB, rows: [audit] },
          ],
        },
      };
    });
    if (!result.ok) return result.response;
    const no = result.value;
    const mailed = leader ? await mailApprover(ctx, leader.email, no, requested, reason, deadline) : false;
    return ctx.c.html(
      page(
        '延期申请已提交',
        html`<p class="ok">延期申请 ${no} 已提交：申请将完成时限由 ${isoOf(deadline)} 延至 ${requested}。</p>
          <p>
            ${mailed ? askedText(ctx.deps, `分管领导${leader!.name}`, '审批', true) : '审批通知未能发出，请联系督查室。'}
          </p>`,
      ),
    );
  },
};

async function mailApprover(
  ctx: LinkContext,
  email: string,
  no: string,
  requested: string,
  reason: string,
  deadline: Day,
): Promise<boolean> {
  const { deps, entry } = ctx;
  const now = deps.clock();
  const claims = {
    office: deps.office,
    task: entry.task.id,
    action: 'approve-extension' as const,
    person: email,
    exp: expiryOf('approve-extension', now),
    ref: no,
  };
  const token = await signLink(claims, deps.keys!);
  const base = deps.publicUrl ?? new URL(ctx.c.req.url).origin;
  const leader = ctx.state.model.directory.leaderOf(entry.task.leader, entry.task.leadUnit);
  return sendLinkMail(
    deps,
    ctx.state.model.config,
    addressesOf(leader.filter((p) => p.email === email)),
    `【延期申请】${entry.task.id} ${entry.task.title.slice(0, 30)}`,
    [
      `${entry.task.leadUnit}申请将“${entry.task.title}”（${entry.task.id}）的完成时限由 ${isoOf(deadline)} 延至 ${requested}。`,
      `申请号：${no}；申请人：${ctx.person.name}`,
      `理由：${reason}`,
      '请打开以下链接审批（同意或不同意，并填写意见）。链接仅限本人使用一次。',
    ],
    { label: '审批链接', url: linkUrl(base, claims, token) },
  );
}
