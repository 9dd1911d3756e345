import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { timingSafeEqual } from 'hono/utils/buffer';

/** `X-Duban-Token`: for a function deployed private behind IAM, where Cloud Scheduler's OIDC token fills Authorization. */
export const TOKEN_HEADER = 'x-duban-token';

const REFUSED = '需要管理令牌：请在 Authorization: Bearer 或 X-Duban-Token 头中提供';

/**
 * The admin token check of every route that changes data: `Authorization: Bearer <token>` (Hono's bearer-auth), or
 * `X-Duban-Token: <token>`. Both compare in constant time, so response time does not tell how much of a guess was
 * right; a missing or wrong token is a 401 with a Chinese message.
 *
 * @example app.post('/api/scan', adminAuth(env.DUBAN_ADMIN_TOKEN), (c) => c.json(await scan()));
 */
export function adminAuth(token: string): MiddlewareHandler {
  const message = { error: REFUSED };
  const bearer = bearerAuth({
    verifyToken: (given) => Boolean(token) && timingSafeEqual(token, given),
    noAuthenticationHeader: { message },
    invalidAuthenticationHeader: { message },
    invalidToken: { message },
  });
  return async function checkAdminToken(c, next) {
    const given = c.req.header(TOKEN_HEADER);
    if (given === undefined) return bearer(c, next);
    if (!token || !(await timingSafeEqual(token, given.trim())))
      throw new HTTPException(401, { res: Response.json(message, { status: 401 }) });
    return next();
  };
}
