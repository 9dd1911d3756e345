import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ScanSummary } from '../scan/types';
import { homePage } from './home-page';

export interface AppDeps {
  /** Run a scan now (the runtime decides store, mailer and clock). */
  scan: () => Promise<ScanSummary>;
  /** The last scan's summary, if any. */
  lastSummary: () => Promise<ScanSummary | null>;
  /** Bearer token required by every route that changes data. */
  adminToken: string;
  /** Names of the notices in the outbox, newest first (local runtime only). */
  outbox?: () => Promise<string[]>;
}

/**
 * The Hono app shared by every runtime (Node `serve`, Workers, Cloud Functions): health, a manual scan, and a page
 * with the last scan's summary. No runtime specifics here.
 *
 * @example
 * const app = createApp({ scan, lastSummary, adminToken: env.DUBAN_ADMIN_TOKEN });
 * await app.request('/health'); // 200 {"ok":true}
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/health', (c) => c.json({ ok: true }));

  app.post('/api/scan', async function scanNow(c) {
    const auth = c.req.header('authorization') ?? '';
    if (!deps.adminToken || auth !== `Bearer ${deps.adminToken}`) {
      throw new HTTPException(401, { message: '需要管理令牌：请在 Authorization 头中提供 Bearer 令牌' });
    }
    return c.json(await deps.scan());
  });

  app.get('/', async function home(c) {
    const [summary, outbox] = await Promise.all([
      deps.lastSummary(),
      deps.outbox?.() ?? Promise.resolve(null),
    ]);
    return c.html(homePage(summary, outbox));
  });

  app.onError(function mapError(error, c) {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    console.error(`[web] ${error instanceof Error ? error.stack : String(error)}`);
    return c.json({ error: '服务器内部错误，请稍后重试或联系管理员' }, 500);
  });
  return app;
}
