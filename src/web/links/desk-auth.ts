/**
 * Who may use the 督查室's desk, and the checks every desk form passes: the admin token (in the cookie set by
 * `/desk?t=…`, `Authorization: Bearer` or `X-Duban-Token`) or the 督查室 role's signed link (desk-link.ts, in the cookie
 * only); then a same-origin post with the desk's CSRF field; then the form's own fields by their zod schema. Each
 * refusal is a Chinese page and a 审计日志 row (desk-refusal.ts).
 */
import { zValidator } from '@hono/zod-validator';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import { z } from 'zod';
import { deskHolder } from './desk-link';
import { deskRefusals } from './desk-refusal';
import { issuesOf } from './form';
import type { LinkDeps } from './link-deps';
import { crossSite } from './security';
import { hmac } from './token';

export const DESK_COOKIE = 'duban_desk';

/** Who is at the desk: the admin token's holder (the 督查室 itself) or the 督查室 person a desk link names. */
export interface DeskHolder {
  actor: string;
}

export type DeskEnv = { Variables: { holder: DeskHolder } };

/**
 * Every desk form carries the desk's CSRF field; one that is not one short string reads as absent (the gate refuses
 * it). The form's own fields are checked after the gate.
 */
const deskEnvelope = z.looseObject({ csrf: z.string().max(200).optional().catch(undefined) });
type EnvelopeInput = { out: { form: z.output<typeof deskEnvelope> } };

/** @example const auth = deskAuth(deps, env.DUBAN_ADMIN_TOKEN); app.post('/scan', ...auth.form(scanForm), handler); */
export function deskAuth(deps: LinkDeps, adminToken: string) {
  const isAdmin = async (given: string | undefined) =>
    Boolean(adminToken) && Boolean(given) && (await timingSafeEqual(adminToken, given!.trim()));
  const admin = async (given: string | undefined) => ((await isAdmin(given)) ? { actor: '督查室' } : null);

  /** The admin token, or a desk link of a 督查室 person still in 通讯录. */
  async function holderOf(given: string | undefined): Promise<DeskHolder | null> {
    if (!given) return null;
    if (await isAdmin(given)) return { actor: '督查室' };
    if (!given.includes('.')) return null;
    const held = await deskHolder(deps, given.trim(), deps.clock());
    return 'person' in held ? { actor: held.person.name } : null;
  }

  async function authorized(c: Context): Promise<DeskHolder | null> {
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    return (
      (await holderOf(getCookie(c, DESK_COOKIE))) ??
      (await admin(bearer)) ??
      (await admin(c.req.header('x-duban-token')))
    );
  }

  /** The desk forms' CSRF field: an HMAC under the admin token, which only this server and the cookie's holder have. */
  const csrf = () => hmac(adminToken, 'csrf.desk');

  const refuseDesk = deskRefusals(deps);
  const envelope = zValidator('form', deskEnvelope);
  const gate: MiddlewareHandler<DeskEnv, string, EnvelopeInput> = async function deskGate(c, next) {
    const holder = await authorized(c);
    if (!holder) return refuseDesk(c, { reason: 'unauthorized' });
    const origins = [new URL(c.req.url).origin, ...(deps.publicUrl ? [new URL(deps.publicUrl).origin] : [])];
    if (crossSite(c.req.raw.headers, origins) || c.req.valid('form').csrf !== (await csrf()))
      return refuseDesk(c, { reason: 'csrf', actor: holder.actor });
    c.set('holder', holder);
    await next();
  };
  /** The form's own fields, after the gate: a bad one is refused (400) and audited under the holder's name. */
  const fields = <T extends z.ZodType>(schema: T) =>
    zValidator('form', schema, (result, c) => {
      const { holder } = c.var as DeskEnv['Variables'];
      if (!result.success)
        return refuseDesk(c, { reason: 'bad-form', actor: holder.actor, errors: issuesOf(result.error) });
    });

  return {
    holderOf,
    authorized,
    csrf,
    /** The middlewares of a desk form whose fields `schema` checks, in order. */
    form: <T extends z.ZodType>(schema: T) => [envelope, gate, fields(schema)] as const,
  };
}
