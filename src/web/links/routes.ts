/**
 * The signed-link pages (SPEC §4.5), mounted under `/l`: `GET /l/<编号>/<action>?t=<token>` shows the page,
 * `POST` the same path submits its form. Every request goes through the same gate: rate limits, the token's
 * signature and expiry, its office, task, action and person, and for forms the same-origin and CSRF checks. Any
 * refusal is a Chinese page with a 4xx and a 审计日志 row.
 */
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ackHandler } from './ack';
import { adjustHandler } from './adjustment';
import { approveAdjustmentHandler } from './adjustment-approval';
import { completeHandler } from './completion';
import { signCompletionHandler } from './completion-sign';
import { extendHandler } from './extension';
import { approveExtensionHandler } from './extension-approval';
import { feedbackHandler } from './feedback';
import { issuesOf, stringsOf } from './form';
import { type HeldAnswer, postedFields } from './held-answers';
import { heldPage } from './held-page';
import type { ActionHandlers, LinkContext, LinkEnv } from './link-context';
import type { LinkDeps } from './link-deps';
import { type RefusalInfo, type RefusalReason, refuse } from './refusal';
import { addressOf, crossSite, linkBodyLimit, linkSecurityHeaders, noStore, RateLimiter } from './security';
import { signNoticesHandler } from './signing-page';
import { hmac, type LinkClaims, TASK_ACTIONS, type TaskAction, verifyLink } from './token';
import { entryOf, readState } from './workbook-state';

const HANDLERS: ActionHandlers = {
  ack: ackHandler,
  feedback: feedbackHandler,
  extend: extendHandler,
  'approve-extension': approveExtensionHandler,
  complete: completeHandler,
  'sign-completion': signCompletionHandler,
  adjust: adjustHandler,
  'approve-adjustment': approveAdjustmentHandler,
  'consent-notices': signNoticesHandler,
  'sign-notices': signNoticesHandler,
};

export interface LinkRouteOptions {
  /** Requests per address per 10 minutes (default 120). */
  perAddress?: number;
  /** Requests per token per 10 minutes (default 30). */
  perToken?: number;
  /** Refusals written to 审计日志 per 10 minutes, all addresses together (default 200); more are only logged. */
  auditedRefusals?: number;
}

/**
 * @example
 * app.route('/l', linkRoutes(deps));
 * await app.request('/l/ZD-2026-001/feedback?t=' + token); // the unit's feedback page
 */
export function linkRoutes(deps: LinkDeps, options: LinkRouteOptions = {}): Hono<LinkEnv> {
  const app = new Hono<LinkEnv>();
  const byAddress = new RateLimiter(options.perAddress ?? 120, 600_000);
  const byToken = new RateLimiter(options.perToken ?? 30, 600_000);
  // Forged tokens from ever-new addresses must not flood the workbook's 审计日志.
  const auditBudget = new RateLimiter(options.auditedRefusals ?? 200, 600_000);

  app.use('*', linkSecurityHeaders, noStore);
  app.post('*', linkBodyLimit);

  const gate: MiddlewareHandler<LinkEnv, string, GateInput> = async function gateLink(c, next) {
    const { task, action } = c.req.valid('param');
    const ip = addressOf(c);
    const now = deps.clock();
    const base = { task, action, ip };
    const deny = (info: Omit<RefusalInfo, 'task' | 'action' | 'ip'>) =>
      refuse(c, deps, {
        ...base,
        ...info,
        audit: quiet(info.reason) || auditBudget.hit('refusals', now.getTime()),
      });
    if (!byAddress.hit(ip, now.getTime())) return deny({ reason: 'rate-limited' });
    if (!deps.keys) return deny({ reason: 'disabled' });
    const form = c.req.method === 'POST' ? c.req.valid('form') : {};
    const token = form.t ?? c.req.valid('query').t ?? '';
    if (!token) return deny({ reason: 'missing' });
    if (!byToken.hit(token, now.getTime())) return deny({ reason: 'rate-limited' });

    const verified = await verifyLink(token, deps.keys, now);
    if (!verified.ok) {
      const reason: RefusalReason = verified.reason === 'expired' ? 'expired' : 'forged';
      return deny({ reason, ...(verified.claims ? { claims: verified.claims } : {}) });
    }
    const { claims } = verified;
    const scoped = (reason: RefusalReason, detail?: string) =>
      deny({ reason, claims, ...(detail ? { detail } : {}) });
    if (claims.office !== deps.office) return scoped('other-office');
    if (claims.task !== task) return scoped('other-task', `令牌事项 ${claims.task}`);
    if (claims.action !== action) return scoped('other-action', `令牌操作 ${claims.action}`);

    const csrf = await csrfOf(deps, claims, token);
    if (c.req.method === 'POST') {
      if (crossSite(c.req.raw.headers, ownOrigins(c, deps))) return scoped('cross-site');
      if (form.csrf !== csrf) return scoped('csrf');
    }
    const state = await readState(deps.store, now);
    const entry = entryOf(state.model, task);
    if (!entry) return scoped('no-task');
    const handler = HANDLERS[action];
    const person = handler.holder({ state, entry, claims });
    if (!person) return scoped('other-person');
    c.set('link', { c, deps, claims, token, csrf, state, entry, person, refuse: scoped });
    c.set('handler', handler);
    await next();
  };

  /** The action's own form, by its schema (which may depend on the workbook); a bad form is the page again, 400. */
  const validForm: MiddlewareHandler<LinkEnv, string, EnvelopeInput> = async function validateLinkForm(
    c,
    next,
  ) {
    const ctx = c.get('link');
    const handler = c.get('handler');
    const blocked = await handler.blocked?.(ctx);
    if (blocked) return blocked;
    const posted = c.req.valid('form');
    const values = stringsOf(posted);
    const held = await heldFor(deps, ctx.token);
    if (held) return heldPage(ctx, held); // submitted again (a reload) while the first one waits
    if (await deps.held?.busy()) {
      const checked = handler.form(ctx).safeParse(posted);
      if (!checked.success) return handler.invalid(ctx, issuesOf(checked.error), values);
      return hold(ctx, postedFields(posted));
    }
    const validate = zValidator('form', handler.form(ctx), (result) => {
      if (!result.success) return handler.invalid(ctx, issuesOf(result.error), values);
    });
    return validate(c as Context, next); // the action's schema is known only now: its input type is not
  };

  const params = zValidator('param', linkParams, (result, c) => (result.success ? undefined : c.notFound()));
  // A token or CSRF field that is not one string (given twice) reads as absent: the gate refuses it, within its limits.
  const query = zValidator('query', linkQuery);
  const envelope = zValidator('form', linkEnvelope);
  app.get('/:task/:action', params, query, gate, async (c) => {
    const ctx = c.get('link');
    const held = await heldFor(deps, ctx.token);
    return held ? heldPage(ctx, held) : c.get('handler').get(ctx);
  });
  app.post('/:task/:action', params, query, envelope, gate, validForm, (c) => {
    return c.get('handler').post(c.get('link'), c.req.valid('form' as never));
  });
  return app;
}

/** The address of a link page: a task 编号 and one of the actions; anything else is not found. */
const linkParams = z.object({ task: z.string().min(1).max(100), action: z.enum(TASK_ACTIONS) });
/** The token travels in the address (`?t=`) of a page and in the body of its form (verifyLink judges it); other keys are the page's own. */
const linkQuery = z.looseObject({ t: z.string().optional().catch(undefined) });
const linkEnvelope = z.looseObject({
  t: z.string().optional().catch(undefined),
  csrf: z.string().max(200).optional().catch(undefined),
});
type EnvelopeInput = { out: { form: z.output<typeof linkEnvelope> } };
/** What the gate reads, as the validators before it left it (`form` on a POST only). */
type GateInput = {
  out: {
    param: z.output<typeof linkParams>;
    query: z.output<typeof linkQuery>;
    form: z.output<typeof linkEnvelope>;
  };
};

/** The answer of this link still waiting for the workbook to be closed, if any. */
async function heldFor(deps: LinkDeps, token: string): Promise<HeldAnswer | undefined> {
  return deps.held ? (await deps.held.list()).find((a) => a.token === token) : undefined;
}

/** Keep a checked answer until the workbook is closed, and tell the unit it is received. */
async function hold(ctx: LinkContext, form: HeldAnswer['form']): Promise<Response> {
  const { claims, deps } = ctx;
  const answer: HeldAnswer = {
    id: crypto.randomUUID(),
    at: deps.clock().toISOString(),
    task: claims.task,
    action: claims.action as TaskAction,
    token: ctx.token,
    person: claims.person,
    form,
    ip: addressOf(ctx.c),
  };
  await deps.held!.add(answer);
  console.info(`[web:links] ${answer.action} on ${answer.task} held: the workbook is open in an editor`);
  return heldPage(ctx, answer);
}

/** Refusals never written to 审计日志 anyway: they spend no audit budget. */
const quiet = (reason: RefusalReason) => reason === 'rate-limited' || reason === 'disabled';

/** The CSRF field of a link's forms: an HMAC of the token under the key that signed it, so only this server makes it. */
async function csrfOf(deps: LinkDeps, claims: LinkClaims, token: string): Promise<string> {
  const kid = token.split('.')[0];
  const key = deps.keys!.all.find((k) => k.id === kid) ?? deps.keys!.signing;
  return hmac(key.secret, `csrf.${claims.action}.${token}`);
}

function ownOrigins(c: Context, deps: LinkDeps): string[] {
  const origins = [new URL(c.req.url).origin];
  if (deps.publicUrl) origins.push(new URL(deps.publicUrl).origin);
  return origins;
}
