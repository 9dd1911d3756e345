/**
 * A refused desk form (立即扫描, 改回待发送): the Chinese page with its status, and a 审计日志 row like a refused link's
 * (refusal.ts) — who (the desk holder, or the address when nobody is known), which form, why — within a budget per
 * 10 minutes, so a flood of forged posts cannot fill the workbook.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { beijingStamp } from '../../calendar/beijing-clock';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { page } from './layout';
import type { LinkDeps } from './link-deps';
import { addressOf, RateLimiter } from './security';

export type DeskRefusalReason = 'unauthorized' | 'csrf' | 'bad-form';

const TEXT: Record<DeskRefusalReason, { status: ContentfulStatusCode; message: string; note: string }> = {
  unauthorized: {
    status: 401,
    message:
      '需要管理令牌或督查室工作台链接：请用督查室的工作台链接（…/desk?t=…，可用 duban desk-link 生成）打开，或在 Authorization: Bearer 头中提供管理令牌。各单位和领导收到的办理链接不能打开工作台。',
    note: '无管理令牌或工作台链接',
  },
  csrf: {
    status: 403,
    message: '表单校验码错误或来自其他网站：请从督查室工作台页面重新提交。',
    note: '跨站提交或表单校验码错误',
  },
  'bad-form': {
    status: 400,
    message: '提交的内容有误',
    note: '表单内容有误',
  },
};

/** The 401 page of the desk (also for a GET without a token). */
export const DESK_REFUSED = TEXT.unauthorized.message;

export interface DeskRefusal {
  reason: DeskRefusalReason;
  /** Who was at the desk, when the token was good (a bad form, a bad CSRF field). */
  actor?: string;
  /** What was wrong with the form, and what is accepted. */
  errors?: string[];
}

/**
 * @example
 * const refuseDesk = deskRefusals(deps);
 * return refuseDesk(c, { reason: 'csrf', actor: '督查室' }); // 403, and a 审计日志 row 工作台拒绝
 */
export function deskRefusals(deps: Pick<LinkDeps, 'store' | 'clock'>, auditedPer10Minutes = 200) {
  const budget = new RateLimiter(auditedPer10Minutes, 600_000);
  return async function refuseDesk(c: Context, refusal: DeskRefusal): Promise<Response> {
    const text = TEXT[refusal.reason];
    const ip = addressOf(c);
    const form = new URL(c.req.url).pathname;
    const now = deps.clock();
    if (budget.hit('desk', now.getTime())) {
      const note = [text.note, ...(refusal.errors ?? []), `来源 ${ip}`].join('；');
      const actor = refusal.actor ?? `匿名（${ip}）`;
      const row = auditRow(beijingStamp(now), '工作台拒绝', '', form, '', '', note, actor);
      try {
        await deps.store.append(AUDIT_TAB, [row]);
      } catch (error) {
        console.error(`[web:desk] audit of a refused desk form failed: ${String(error)}`);
      }
    }
    console.warn(`[web:desk] refused ${c.req.method} ${form}: ${refusal.reason}`);
    const body = html`<p class="error">${text.message}</p>
      ${refusal.errors?.length ? html`<div class="error">${refusal.errors.map((e) => html`<div>${e}</div>`)}</div>` : ''}
      <p><a href="/desk">返回工作台</a></p>`;
    return c.html(page('督查室工作台', body), text.status);
  };
}
