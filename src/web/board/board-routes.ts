import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { BoardSource } from './board-cache';
import { parseBoardFilters } from './board-filters';
import { boardPage } from './board-page';

export const BOARD_COOKIE = 'duban_board';

export interface BoardRouteDeps {
  source: BoardSource;
  adminToken: string;
  /** DUBAN_VIEWER_TOKEN: the read-only key of board links; unset, only the admin token opens the board. */
  viewerToken?: string | undefined;
}

const REFUSED =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>督办看板</title></head>' +
  '<body><h1>督办看板</h1><p>需要查看权限：请用督查室发给您的看板链接（…/board?t=…）打开，或联系督查室获取链接。</p></body></html>';

/**
 * GET /board: the battle map for leaders (board-page.ts), read-only. Opened by the viewer link `/board?t=<token>`,
 * which sets an HttpOnly cookie and redirects to the address without the token (so it stays out of history and
 * screenshots), or by the admin token (same link, or `Authorization: Bearer`). Tokens compare in constant time.
 *
 * @example app.route('/board', boardRoutes({ source, adminToken, viewerToken }));
 */
export function boardRoutes(deps: BoardRouteDeps): Hono {
  const app = new Hono();
  const tokens = [deps.viewerToken, deps.adminToken].filter((t): t is string => Boolean(t));
  const valid = async (given: string | undefined) => {
    if (!given) return false;
    for (const t of tokens) if (await timingSafeEqual(t, given)) return true;
    return false;
  };
  app.get('/', async function board(c: Context) {
    const fromLink = c.req.query('t');
    if (fromLink !== undefined) {
      if (!(await valid(fromLink))) return c.html(REFUSED, 401);
      setCookie(c, BOARD_COOKIE, fromLink, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: 60 * 60 * 24 * 90,
      });
      const url = new URL(c.req.url);
      url.searchParams.delete('t');
      return c.redirect(`${url.pathname}${url.search}`, 302);
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!(await valid(getCookie(c, BOARD_COOKIE))) && !(await valid(bearer))) return c.html(REFUSED, 401);
    const filters = parseBoardFilters(c.req.query());
    c.header('cache-control', 'private, no-store');
    return c.html(boardPage(await deps.source.get(), filters));
  });
  return app;
}
