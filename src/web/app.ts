import { Hono } from 'hono';
import { adminAuth } from './admin-auth';
import type { BoardSource } from './board/board-cache';
import { boardRoutes } from './board/board-routes';
import { mapError } from './errors';
import { homePage } from './home-page';
import type { LinkDeps } from './links/link-deps';
import { deskRoutes } from './links/desk';
import { linkRoutes } from './links/routes';
import type { ScanService } from './scan-service';

export interface AppDeps {
  service: ScanService;
  /** Bearer token required by every route that changes data. */
  adminToken: string;
  /** The clock of scans started over HTTP. */
  clock?: () => Date;
  /** The signed-link pages under /l (签收, 反馈, 延期申请, 审批); absent = not served. */
  links?: LinkDeps;
  /** The board's snapshot (GET /board); no board without it. */
  board?: BoardSource;
  /** DUBAN_VIEWER_TOKEN: opens /board read-only. */
  viewerToken?: string | undefined;
}

/**
 * The Hono app shared by every runtime (Node `serve`, Workers, Cloud Functions): health, a manual scan, and a page
 * with the last scan's summary. No runtime specifics here.
 *
 * @example
 * const app = createApp({ service, adminToken: env.DUBAN_ADMIN_TOKEN });
 * await app.request('/health'); // 200 {"ok":true}
 */
export function createApp({
  service,
  adminToken,
  clock = () => new Date(),
  board,
  viewerToken,
  links,
}: AppDeps): Hono {
  const app = new Hono();
  if (links) app.route('/l', linkRoutes(links));
  if (links) app.route('/desk', deskRoutes(links, adminToken, { service, clock }));
  if (board) app.route('/board', boardRoutes({ source: board, adminToken, viewerToken }));

  app.get('/health', (c) => c.json({ ok: true }));

  app.post('/api/scan', adminAuth(adminToken), async function scanNow(c) {
    return c.json(await service.scan(clock()));
  });

  app.get('/', async function home(c) {
    const [summary, outbox, failure] = await Promise.all([
      service.lastSummary(),
      service.outbox?.() ?? Promise.resolve(null),
      service.lastFailure?.() ?? Promise.resolve(null),
    ]);
    return c.html(homePage(summary, outbox, failure));
  });

  app.onError(mapError);
  return app;
}
