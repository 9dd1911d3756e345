/**
 * 反馈: the unit's page for its task — the record, and a form for a month's 完成情况, 进度 %, 存在问题 and 下步计划.
 * Submitting appends a 反馈记录 row (渠道 链接), appends the text into the month's 完成情况 cell after what staff typed,
 * audits it, and recomputes and recolours the task's row — one read, one batched write.
 */
import { stampCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { emptyPlan } from '../../store/port';
import { z } from 'zod';
import { cnDate, partsOf } from '../../calendar/day';
import { ledgerReportMonth } from '../../domain/ledger-months';
import { timeLimits } from '../../domain/time-limits';
import { cellText } from '../../store/grid/cell-text';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { monthKeys } from '../../workbook/schema/tabs';
import { ruleContextOf, type TaskEntry } from '../../workbook/read-workbook';
import { commitAnswer } from './commit';
import { actionUrl, errorsHtml, hiddenFields, MAX_TEXT } from './form';
import { page } from './layout';
import { type ActionHandler, type LinkContext, unitHolder } from './link-context';
import { recordHtml } from './record';
import { siblingLink } from './sibling-link';
import { recomputeRow, verdictOf, withCells, withRow, type WorkbookState } from './workbook-state';

const FEEDBACK_TAB = '反馈记录';

const text = (label: string, required: boolean) => {
  const base = z
    .string({ error: `请填写${label}` })
    .trim()
    .max(MAX_TEXT, `${label}不超过${MAX_TEXT}个字`);
  return required ? base.min(1, `请填写${label}`) : base;
};

function feedbackForm(lastMonth: number) {
  return z.object({
    month: z.coerce
      .number({ error: '请选择月份' })
      .int('月份应为1–12的整数')
      .min(1, '月份应为1–12的整数')
      .max(lastMonth, `只能填报${lastMonth}月及以前的月份`),
    done: text('完成情况', true),
    progress: z.coerce
      .number({ error: '进度请填0–100的整数' })
      .int('进度请填0–100的整数')
      .min(0, '进度不能小于0')
      .max(100, '进度不能大于100'),
    problems: text('存在问题', false).default(''),
    plan: text('下步计划', false).default(''),
  });
}

/** The last month a report can be for: this month of the workbook's year (December once the year is over). */
function lastMonthOf(state: WorkbookState): number {
  const { year, month } = partsOf(state.model.today);
  return year > state.model.year ? 12 : year < state.model.year ? 1 : month;
}

/**
 * The month the form suggests: last month while its planned milestone is still unreported, else this month. In the
 * first days of a month the report due is last month's (月度反馈截止工作日): suggesting this month only because it has
 * a plan too had a unit's November report land in 12月, and 11月, still empty, turned the task 滞后.
 */
function suggestedMonth(entry: TaskEntry, last: number): number {
  const previous = entry.task.months.find((m) => m.month === last - 1);
  return previous?.planned && !previous.done ? last - 1 : last;
}

/**
 * The month a ledger item's report is for: a 长期 item owing last month's report before its deadline reports it
 * (the 临期提醒 asks for it), else this month — a November report recorded as 12月 on 3 December also counted for
 * December, and December was never asked for.
 */
function ledgerMonth(state: WorkbookState, entry: TaskEntry, last: number): number {
  const { model } = state;
  const ctx = ruleContextOf(model);
  if (!timeLimits(entry.task, entry.facts, ctx).ongoing) return last;
  // Early January, last year's December is owed in last year's workbook: this one's months start at 1月.
  const due = ledgerReportMonth(entry.task, entry.facts, ctx);
  return due.year === model.year ? due.month : last;
}

/**
 * What 进度 means, under its field: the task's progress so far, which the scan compares with the time elapsed (蓝牌).
 * A unit that typed only this month's share (8) had its task flagged as far behind.
 */
function progressNote(entry: TaskEntry): string {
  const reported = entry.facts.feedback.filter((f) => f.progress !== null);
  const last = reported.reduce<(typeof reported)[number] | null>(
    (a, f) => (!a || f.day >= a.day ? f : a),
    null,
  );
  const before = last ? `；上次填报${last.progress}%` : '';
  return `本事项从开始到现在累计完成的百分比，不是本月新增的部分${before}。`;
}

/**
 * When this person already sent this very answer by link today, its 反馈记录 时间; else null. Reloading the page after
 * submitting (the browser asks to 重新提交) posts it again: it would add a second row and append the text to the
 * month cell twice.
 */
function sameAnswerToday(ctx: LinkContext, f: z.output<ReturnType<typeof feedbackForm>>): string | null {
  const today = ctx.state.stamp.slice(0, 10);
  const want = answerRow(ctx.entry.task.id, f, ctx.person.name);
  const rows = ctx.state.snapshot.tabs[FEEDBACK_TAB]?.rows ?? [];
  const same = rows.find(
    (r) =>
      cellText(r.cells['时间'] ?? null).startsWith(today) &&
      Object.entries(want).every(([k, v]) => cellText(r.cells[k] ?? null).trim() === String(v).trim()),
  );
  return same ? cellText(same.cells['时间'] ?? null) : null;
}

/** The 反馈记录 row of an answer by link, but its 时间. */
function answerRow(id: string, f: z.output<ReturnType<typeof feedbackForm>>, name: string) {
  return {
    编号: id,
    月份: `${f.month}月`,
    完成情况: f.done,
    '进度(%)': f.progress,
    存在问题: f.problems,
    下步计划: f.plan,
    填报人: name,
    渠道: '链接',
  };
}

type Values = Partial<Record<'month' | 'done' | 'progress' | 'problems' | 'plan', string>>;

function formHtml(ctx: LinkContext, errors: string[] = [], values: Values = {}) {
  const last = lastMonthOf(ctx.state);
  const battle = ctx.entry.task.kind === 'battle';
  const month = Number(values.month) || (battle ? suggestedMonth(ctx.entry, last) : ledgerMonth(ctx.state, ctx.entry, last));
  const months = Array.from({ length: last }, (_, i) => last - i);
  return html`<p>
      ${ctx.person.name}（${ctx.entry.task.leadUnit}）：请填报本事项的完成情况。提交后直接记入反馈记录和本事项的完成情况。
    </p>
    ${errorsHtml(errors)}
    <form method="post" action="${actionUrl(ctx)}">
      ${hiddenFields(ctx)}
      <label for="month">月份</label>
      ${
        battle
          ? html`<select id="month" name="month">
              ${months.map((m) => html`<option value="${m}" ${m === month ? ' selected' : ''}>${m}月</option>`)}
            </select>`
          : html`<input type="hidden" name="month" value="${month}" />
              <p>${month}月</p>`
      }
      <label for="done">完成情况</label>
      <textarea id="done" name="done" maxlength="${MAX_TEXT}" required>${values.done ?? ''}</textarea>
      <label for="progress">累计进度（%）</label>
      <input
        id="progress"
        name="progress"
        type="number"
        min="0"
        max="100"
        step="1"
        inputmode="numeric"
        required
        aria-describedby="progress-note"
        value="${values.progress ?? ''}"
      />
      <p class="note" id="progress-note">${progressNote(ctx.entry)}</p>
      <label for="problems">存在问题</label>
      <textarea id="problems" name="problems" maxlength="${MAX_TEXT}">${values.problems ?? ''}</textarea>
      <label for="plan">下步计划</label>
      <textarea id="plan" name="plan" maxlength="${MAX_TEXT}">${values.plan ?? ''}</textarea>
      <button type="submit">提交反馈</button>
    </form>
    <h2>事项情况</h2>
    ${recordHtml(ctx.entry, verdictOf(ctx.state, ctx.entry))}`;
}

/** The unit head's own 办结申请 link, made on the page (the card's first signature is theirs); null for others. */
const completionLink = (ctx: LinkContext) =>
  ctx.person.role === '单位负责人' ? siblingLink(ctx, 'complete') : Promise.resolve(null);

export const feedbackHandler: ActionHandler<z.output<ReturnType<typeof feedbackForm>>> = {
  holder: unitHolder,

  async get(ctx) {
    const apply = await completionLink(ctx);
    const more = apply
      ? html`<p class="note">事项已全部完成？<a href="${apply}">申请办结（主要负责人签字）</a></p>`
      : '';
    const adjust = await siblingLink(ctx, 'adjust');
    const change = adjust
      ? html`<p class="note"><a href="${adjust}">申请调出、调整目标或调整时限</a></p>`
      : '';
    return ctx.c.html(page('填报完成情况', html`${formHtml(ctx)}${more}${change}`));
  },

  form: (ctx) => feedbackForm(lastMonthOf(ctx.state)),
  invalid: (ctx, errors, values) => ctx.c.html(page('填报完成情况', formHtml(ctx, errors, values)), 400),

  async post(ctx, f) {
    const who = ctx.person;
    const twice = sameAnswerToday(ctx, f);
    if (twice) {
      const at = twice.slice(11, 16);
      return ctx.c.html(
        page(
          '反馈已提交',
          html`<p class="ok">这条${f.month}月反馈已于今天${at}记入，没有重复记录。</p>
            <p class="note">如需补充，可再次打开邮件中的链接填报，新内容接在已填内容之后。</p>`,
        ),
      );
    }
    const result = await commitAnswer(ctx, (state, entry) => {
      const id = entry.task.id;
      const row = { 时间: stampCell(state.stamp), ...answerRow(id, f, who.name) };
      const note = `渠道 链接；${who.name}（${who.email}）`;
      const audit = [auditRow(state.stamp, '链接反馈', id, `${f.month}月反馈`, '', f.done, note, who.name)];
      let answered = withRow(state.snapshot, FEEDBACK_TAB, row);
      const column = monthKeys(f.month).done;
      const appends = [];
      if (entry.task.kind === 'battle' && column in entry.row.cells) {
        const added = `${f.done}（进度${f.progress}%，${who.name}${cnDate(state.model.today)}链接反馈）`;
        const before = cellText(entry.row.cells[column] ?? null);
        const after = before.trim() ? `${before}\n${added}` : added;
        appends.push({ tab: entry.task.tab, id, rowHint: entry.row.row, column, text: added });
        answered = withCells(
          answered,
          entry.task.tab,
          (r) => r.row === entry.row.row,
          (cells) => ({
            ...cells,
            [column]: after,
          }),
        );
        audit.push(auditRow(state.stamp, '追加完成情况', id, column, before, after, note, who.name));
      }
      const recomputed = recomputeRow(state, answered, id);
      return {
        value: recomputed.verdict,
        plan: {
          ...emptyPlan(),
          cells: recomputed.cells,
          appends,
          rows: [
            { tab: FEEDBACK_TAB, rows: [row] },
            { tab: AUDIT_TAB, rows: [...audit, ...recomputed.audit], about: '编号' },
          ],
        },
      };
    });
    if (!result.ok) return result.response;
    const verdict = result.value;
    return ctx.c.html(
      page(
        '反馈已提交',
        html`<p class="ok">${f.month}月完成情况已记入反馈记录和本事项。</p>
          ${verdict ? html`<p>事项当前状态：${verdict.status}${verdict.card ? `（${verdict.card}）` : ''}</p>` : ''}
          <p class="note">如需补充，可再次打开邮件中的链接填报，新内容接在已填内容之后。</p>`,
      ),
    );
  },
};
