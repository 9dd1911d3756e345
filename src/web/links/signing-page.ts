/**
 * 签发 from a link (seed 004 §五.2, issue 14 item 7): the 分管领导's daily digest carries a link to consent, the
 * 办公室主任's a link to sign. The page lists the drafts (待签发, no 文号) the link was issued for that still wait for that
 * person, read-only; one button each or all at once. Submitting writes 同意人 (or 签发人 + 签发日期) into that draft's
 * 文书登记 row as the signer's own act, audits it, and runs the scan at once, so the signed notices are numbered and
 * sent by the same code that numbers every notice (文号 without gaps, each sent once). The filled cells are the
 * link's single use: a draft already consented (signed) is not offered again.
 */
import type { CellWrite } from '../../store/port';
import { dayCell } from '../../store/grid/date-cell';
import { html } from 'hono/html';
import { z } from 'zod';
import { recipientsFor } from '../../scan/recipients';
import { draftOf, draftStep, draftsByKey } from '../../scan/signing';
import { cellText } from '../../store/grid/cell-text';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { dedupeKey } from '../../workbook/dedupe-key';
import type { Person } from '../../workbook/directory';
import type { WorkbookModel } from '../../workbook/read-workbook';
import type { RegisterRow } from '../../workbook/read-ledgers';
import { AWAITING_SIGNATURE, DECLINED } from '../../workbook/schema/lists';
import { commitAnswer } from './commit';
import { actionUrl, errorsHtml, hiddenFields } from './form';
import { page } from './layout';
import type { ActionHandler, LinkContext } from './link-context';
import { MAX_REASON } from './extension-ledger';
import { entryOf, readState, verdictOf, type WorkbookState } from './workbook-state';

const REGISTER_TAB = '文书登记';
/** Separates the drafts' 去重键 in a link's `ref`. */
export const DRAFT_SEPARATOR = '\n';

type Step = '同意' | '签发';
const STEP: Record<'consent-notices' | 'sign-notices', Step> = {
  'consent-notices': '同意',
  'sign-notices': '签发',
};
const SIGNER: Record<Step, string> = { 同意: '分管领导', 签发: '办公室主任' };

/** The people who act on the drafts of a task at this step: its 分管领导, or the 办公室主任. */
function signersOf(model: WorkbookModel, taskId: string, step: Step): Person[] {
  const entry = entryOf(model, taskId);
  return entry ? recipientsFor('审批提醒', SIGNER[step], entry.task, model.directory).to : [];
}

const isPerson = (people: Person[], email: string) =>
  people.some((p) => p.email.trim().toLowerCase() === email.toLowerCase());

interface Draft {
  key: string;
  row: RegisterRow;
  title: string;
}

/** The drafts this link names (all of the person's when it names none), still 待签发. */
function draftsOfLink(model: WorkbookModel, ref: string | undefined): Draft[] {
  const wanted = ref ? new Set(ref.split(DRAFT_SEPARATOR)) : null;
  const out: Draft[] = [];
  for (const [key, row] of draftsByKey(model.register)) {
    if (wanted && !wanted.has(key)) continue;
    const title = entryOf(model, row.id)?.task.title ?? '';
    out.push({ key, row, title });
  }
  return out;
}

const stepOf = (ctx: Pick<LinkContext, 'claims'>) => STEP[ctx.claims.action as keyof typeof STEP];

/**
 * What this person may act on now: drafts of their tasks at this link's step whose notice is still due — one whose
 * cause has gone (the month reported since, the item closed) is withdrawn by the scan and not offered for signing.
 */
function actionable(ctx: LinkContext, state: WorkbookState): Draft[] {
  const step = stepOf(ctx);
  const { model } = state;
  return draftsOfLink(model, ctx.claims.ref).filter(
    (d) =>
      draftStep(d.row) === step &&
      isPerson(signersOf(model, d.row.id, step), ctx.claims.person) &&
      blocker(state, d) === null,
  );
}

const WITHDRAWN = '文书的事由已消除（如已补报、已办结），不再发出，无需签批。';
const UNREADABLE =
  '该事项的数据有误（见该行“系统提示”），督查室更正前不能签批。文书仍待签发，更正后可再打开此链接办理。';

/**
 * Why a draft cannot be signed now, as the scan sees it: its cause has gone (the scan withdraws it, 已撤销), or its
 * task is 数据有误 (the scan keeps the draft waiting: whether it is still due cannot be known). Null: still due.
 */
function blocker(state: WorkbookState, draft: Draft): string | null {
  const entry = entryOf(state.model, draft.row.id);
  if (!entry) return WITHDRAWN;
  const v = verdictOf(state, entry);
  if (v.status === '数据有误') return UNREADABLE;
  const due = v.due.some((d) => dedupeKey(entry.task.id, d.type, d.level, d.period) === draft.key);
  return due ? null : WITHDRAWN;
}

const reasonOf = (row: RegisterRow) => cellText(row.cells['事由'] ?? null);

function listHtml(ctx: LinkContext, drafts: Draft[], waitingConsent: Draft[]) {
  const step = stepOf(ctx);
  const verb = step === '同意' ? '同意' : '签发';
  return html`<p>
      ${ctx.person.name}：以下文书待您${step === '同意' ? '审核同意' : '签发'}，请阅后办理。签发后即编号发出。
    </p>
    ${drafts.map(
      (d) =>
        html`<section class="draft">
          <h2>《${d.row.type}》（待签发，未编号）</h2>
          <table>
            <tr>
              <th>编号</th>
              <td>${d.row.id}</td>
            </tr>
            <tr>
              <th>工作任务</th>
              <td>${d.title}</td>
            </tr>
            <tr>
              <th>事由</th>
              <td>${reasonOf(d.row)}</td>
            </tr>
            ${
              step === '签发'
                ? html`<tr>
                    <th>同意人</th>
                    <td>${cellText(d.row.cells['同意人'] ?? null)}</td>
                  </tr>`
                : ''
            }
          </table>
          <form method="post" action="${actionUrl(ctx)}">
            ${hiddenFields(ctx)}
            <input type="hidden" name="draft" value="${d.key}" />
            <button type="submit" name="decision" value="同意">${verb}</button>
            <label for="opinion-${d.row.id}">不同意时填写意见</label>
            <textarea id="opinion-${d.row.id}" name="opinion" maxlength="${MAX_REASON}"></textarea>
            <button type="submit" name="decision" value="不同意" class="secondary">不同意（不予签发）</button>
          </form>
        </section>`,
    )}
    ${
      drafts.length > 1
        ? html`<form method="post" action="${actionUrl(ctx)}">
            ${hiddenFields(ctx)}
            <input type="hidden" name="all" value="1" />
            <button type="submit">全部${verb}（${drafts.length}份）</button>
          </form>`
        : ''
    }
    ${
      waitingConsent.length
        ? html`<p>另有 ${waitingConsent.length} 份文书尚待分管领导同意，同意后方可签发。</p>`
        : ''
    }`;
}

/** The drafts this link may act on, each with its button (and 全部), or why there is none; `errors` above them. */
async function listPage(ctx: LinkContext, errors: string[] = [], status: 200 | 400 = 200): Promise<Response> {
  const drafts = actionable(ctx, ctx.state);
  const waitingConsent =
    stepOf(ctx) === '签发'
      ? draftsOfLink(ctx.state.model, ctx.claims.ref).filter((d) => draftStep(d.row) === '同意')
      : [];
  if (!drafts.length) {
    if (waitingConsent.length) return ctx.refuse('closed', '这些文书尚未经分管领导同意，暂不能签发。');
    return ctx.refuse('reused', '此链接所列文书均已办理（或已撤销）。');
  }
  const title = stepOf(ctx) === '同意' ? '文书审核同意' : '文书签发';
  return ctx.c.html(page(title, html`${errorsHtml(errors)}${listHtml(ctx, drafts, waitingConsent)}`), status);
}

/** The form of each draft (`draft`, its 去重键) and of 全部 (`all=1`). */
const signForm = z
  .object({
    draft: z.string({ error: '请选择要办理的文书' }).max(500, '文书标识过长').optional(),
    all: z.string().max(1).optional(),
    decision: z.enum(['同意', '不同意'], { error: '请选择同意或不同意' }).optional(),
    opinion: z.string().trim().max(MAX_REASON, `意见不超过${MAX_REASON}个字`).optional(),
  })
  .refine((f) => f.decision !== '不同意' || (f.opinion ?? '') !== '', {
    message: '不同意时请填写意见（理由）',
  })
  .refine((f) => f.decision !== '不同意' || (f.draft && f.all !== '1'), {
    message: '不同意须逐份办理',
  });

export const signNoticesHandler: ActionHandler<z.output<typeof signForm>> = {
  holder({ state, entry, claims }) {
    const step = STEP[claims.action as keyof typeof STEP];
    const email = claims.person.toLowerCase();
    return signersOf(state.model, entry.task.id, step).find((p) => p.email.trim().toLowerCase() === email);
  },
  get: (ctx) => listPage(ctx),
  form: () => signForm,
  invalid: (ctx, errors) => listPage(ctx, errors, 400),

  async post(ctx, body) {
    const step = stepOf(ctx);
    const chosen = body.all === '1' ? null : (body.draft ?? '');
    const result = await commitAnswer<string[]>(ctx, (state) => {
      const model = state.model;
      let targets: Draft[];
      if (chosen === null) {
        targets = actionable(ctx, state);
        if (!targets.length) {
          const listed = draftsOfLink(model, ctx.claims.ref);
          const unconsented = listed.some((d) => draftStep(d.row) === '同意');
          if (unconsented && step === '签发')
            return { refusal: 'closed', detail: '这些文书尚未经分管领导同意，暂不能签发。' };
          const atStep = listed.find((d) => draftStep(d.row) === step);
          return atStep
            ? { refusal: 'closed', detail: blocker(state, atStep) ?? WITHDRAWN }
            : { refusal: 'reused', detail: '此链接所列文书均已办理。' };
        }
      } else {
        const named = ctx.claims.ref ? ctx.claims.ref.split(DRAFT_SEPARATOR) : null;
        if (!draftOf(`${chosen}|待签发`) || (named && !named.includes(chosen)))
          return { refusal: 'other-task', detail: '此链接不包括该文书。' };
        const draft = draftsOfLink(model, undefined).find((d) => d.key === chosen);
        if (!draft) return { refusal: 'reused', detail: '该文书已签发或已撤销。' };
        if (!isPerson(signersOf(model, draft.row.id, step), ctx.claims.person))
          return { refusal: 'other-person' };
        const at = draftStep(draft.row);
        if (step === '签发' && at === '同意')
          return { refusal: 'closed', detail: '该文书尚未经分管领导同意，不能签发。' };
        if (at !== step) return { refusal: 'reused', detail: '该文书已经办理过。' };
        const why = blocker(state, draft);
        if (why) return { refusal: 'closed', detail: why };
        targets = [draft];
      }
      const declined = body.decision === '不同意';
      const values: Record<string, CellWrite> = declined
        ? { 发送状态: DECLINED }
        : step === '同意'
          ? { 同意人: ctx.person.name }
          : { 签发人: ctx.person.name, 签发日期: dayCell(state.stamp) };
      const column = declined ? '发送状态' : step === '同意' ? '同意人' : '签发人';
      const action = declined ? '不予签发' : step === '同意' ? '文书同意' : '文书签发';
      const note = declined ? `；意见：${body.opinion}` : '';
      return {
        value: targets.map((d) => d.key),
        plan: {
          cells: [],
          ids: [],
          appends: [],
          ledgerUpdates: targets.map((d) => ({
            tab: REGISTER_TAB,
            keyColumn: '去重键',
            key: `${d.key}|待签发`,
            values,
          })),
          rows: [
            {
              tab: AUDIT_TAB,
              rows: targets.map((d) =>
                auditRow(
                  state.stamp,
                  action,
                  d.row.id,
                  column,
                  declined ? AWAITING_SIGNATURE : '',
                  declined ? DECLINED : ctx.person.name,
                  `《${d.row.type}》${d.key}；经签发链接${note}`,
                  ctx.person.name,
                ),
              ),
              about: '编号',
            },
          ],
        },
      };
    });
    if (!result.ok) return result.response;
    const done = result.value;
    if (body.decision === '不同意')
      return ctx.c.html(
        page(
          '不予签发',
          html`<p class="ok">已记录：不予签发。该文书不编号、不发出，本轮不再提出。</p>
            <p>意见：${body.opinion}</p>`,
        ),
      );
    const sent = step === '签发' ? await issue(ctx, done) : '';
    const verb = step === '同意' ? '同意' : '签发';
    return ctx.c.html(
      page(
        `${verb}完成`,
        html`<p class="ok">已${verb} ${done.length} 份文书。${sent}</p>
          ${step === '同意' ? html`<p>已转办公室主任签发。</p>` : ''}`,
      ),
    );
  },
};

/**
 * Number and send the signed drafts now, by the scan (the one code path that numbers notices). A scan already running
 * may have read the workbook before the signature: then one more. A failure leaves them signed; the next scan sends.
 */
async function issue(ctx: LinkContext, keys: string[]): Promise<string> {
  const later = '签发已记录，编号和发送将由下一次扫描完成。';
  if (!ctx.deps.scan) return later;
  const waiting = async () => {
    const state = await readState(ctx.deps.store, ctx.deps.clock());
    const drafts = draftsByKey(state.model.register);
    return keys.some((k) => drafts.has(k));
  };
  try {
    await ctx.deps.scan(ctx.deps.clock());
    if (await waiting()) await ctx.deps.scan(ctx.deps.clock());
    return (await waiting()) ? later : '已编号并发出。';
  } catch (error) {
    console.error(`[web:links] scan after 签发 failed: ${(error as Error).message}`);
    return later;
  }
}
