/**
 * Write the answers held while the workbook was open (held-answers.ts), oldest first, each by posting its form again
 * to the link routes in this process, with the clock set to when the unit submitted it: the same checks (token and
 * its expiry then, single use, the task's state now) and the same rows as an answer written at once.
 */
import { beijingStamp } from '../../calendar/beijing-clock';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { ACTION_NAMES, type HeldAnswer, type HeldAnswers, submittedAt } from './held-answers';
import type { LinkDeps } from './link-deps';
import { sendLinkMail } from './link-mail';
import { linkRoutes } from './routes';
import { readState } from './workbook-state';

/**
 * Write what is held while the workbook is free; stops when it is opened again or the store fails (the rest waits
 * for the next call). An answer refused now (the link used meanwhile, the item closed) is dropped: the refusal is in
 * 审计日志 as for any link, and the person who was told "已收到" gets a mail saying why it was not recorded. Returns
 * the answers written or refused, in order.
 *
 * @example
 * const done = await drainHeld(deps, heldAnswersFile('督办-2026.xlsx')); // every 30 s and before each scan
 */
export async function drainHeld(deps: LinkDeps, held: HeldAnswers): Promise<HeldAnswer[]> {
  const done: HeldAnswer[] = [];
  for (const answer of await held.list()) {
    if (await held.busy()) break;
    // No scan from inside: a 签发 replayed during a scan would wait on that scan; the caller scans after.
    const routes = linkRoutes({ ...deps, held: undefined, scan: undefined, clock: () => new Date(answer.at) });
    const response = await routes.request(`/${encodeURIComponent(answer.task)}/${answer.action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': answer.ip },
      body: formBody(answer.form),
    });
    const line = `held ${answer.action} on ${answer.task} of ${answer.at}`;
    if (response.status >= 500) {
      console.warn(`[web:links] ${line} not written yet: ${response.status}`);
      break;
    }
    if (response.status === 400) await auditInvalid(deps, answer);
    if (response.status >= 400) await tellNotWritten(deps, answer, reasonOf(await response.text()));
    console.info(`[web:links] ${line} written: ${response.status}`);
    await held.remove(answer.id);
    done.push(answer);
  }
  return done;
}

function formBody(form: HeldAnswer['form']): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return body.toString();
}

/** A held answer the workbook no longer accepts as filled in (the month closed meanwhile…): say so in 审计日志. */
async function auditInvalid(deps: LinkDeps, answer: HeldAnswer): Promise<void> {
  const note =
    `工作簿关闭后补记时，${beijingStamp(new Date(answer.at))} 提交的${ACTION_NAMES[answer.action]}` +
    `已不符合当前工作簿的要求，未记入；请联系 ${answer.person} 重新提交`;
  const row = auditRow(beijingStamp(deps.clock()), '链接补记失败', answer.task, answer.action, '', '', note);
  await deps.store.append(AUDIT_TAB, [row]).catch((error: unknown) => {
    console.error(`[web:links] audit of an unwritten held answer failed: ${String(error)}`);
  });
}

/** What a link page says is wrong: its first error box, as text (the refusal's message, or a form's first problem). */
function reasonOf(page: string): string {
  const box = /class="error"[^>]*>([\s\S]*?)<\/(?:p|div)>\s*(?:<\/div>)?/.exec(page)?.[1] ?? '';
  const text = box
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || '当前工作簿不再接受这项提交';
}

/** Mail the person whose held answer was not recorded: they were told it was received. */
async function tellNotWritten(deps: LinkDeps, answer: HeldAnswer, reason: string): Promise<void> {
  const what = ACTION_NAMES[answer.action];
  const when = submittedAt(answer);
  try {
    const { model } = await readState(deps.store, deps.clock());
    const subject = `【督办】${answer.task} ${what}未能记入`;
    await sendLinkMail(deps, model.config, [{ address: answer.person }], subject, [
      `您于${when}提交的${what}（${answer.task}）因督查室当时正在编辑督办工作簿而暂存，` +
        `工作簿关闭后记入时未能记入：${reason}`,
      '如仍需办理，请打开最近一封通知邮件中的链接重新提交，或联系督查室。',
    ]);
  } catch (error) {
    const held = `a held ${answer.action} on ${answer.task}`;
    console.error(`[web:links] could not tell its sender that ${held} was not written: ${String(error)}`);
  }
}
