/**
 * Write the answers held while the workbook was open (held-answers.ts), oldest first, each by posting its form again
 * to the link routes in this process, with the clock set to when the unit submitted it: the same checks (token and
 * its expiry then, single use, the task's state now) and the same rows as an answer written at once.
 */
import { beijingStamp } from '../../calendar/beijing-clock';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { ACTION_NAMES, type HeldAnswer, type HeldAnswers } from './held-answers';
import type { LinkDeps } from './link-deps';
import { linkRoutes } from './routes';

/**
 * Write what is held while the workbook is free; stops when it is opened again or the store fails (the rest waits
 * for the next call). An answer refused now (the link used meanwhile, the item closed) is dropped: the refusal is in
 * 审计日志 as for any link. Returns the answers written or refused, in order.
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
