/**
 * The HTTP face of the daily scan for schedulers that call a URL (Cloud Scheduler → Cloud Functions): POST only, the
 * admin token required (admin-auth.ts), the scan dated by the scheduler's own schedule time when it sends one. The
 * token is checked in code even behind IAM, so a function deployed public by mistake is still closed.
 */
import { Hono } from 'hono';
import { adminAuth } from './admin-auth';
import { StoreError, userMessageOf } from '../store/errors';
import { mapError } from './errors';
import type { ScanService } from './scan-service';
import { scheduleTime, weeklyBriefRoute } from './weekly-brief-route';

/** Cloud Scheduler's RFC 3339 schedule time of the run (kept on retries), e.g. `2026-06-15T00:30:00Z`. */
export const SCHEDULE_TIME_HEADER = 'x-cloudscheduler-scheduletime';

/**
 * A Hono app that runs the daily scan of `service` on POST to any path.
 *
 * @example
 * const app = createScheduledApp(service, adminToken);
 * await app.request('/', { method: 'POST', headers: { 'x-duban-token': token } });
 * // 200 with the summary, or { scanned: false, reason } on a day off
 */
export function createScheduledApp(
  service: Pick<ScanService, 'scheduledScan'> & { weeklyBrief?: (now: Date) => Promise<unknown> },
  adminToken: string,
  clock: () => Date = () => new Date(),
): Hono {
  const app = new Hono();
  const { weeklyBrief } = service;
  if (weeklyBrief) app.post('/weekly-brief', adminAuth(adminToken), weeklyBriefRoute(weeklyBrief, clock));
  app.post('*', adminAuth(adminToken), async function scanOnSchedule(c) {
    const now = scheduleTime(c.req.header(SCHEDULE_TIME_HEADER), clock);
    if (!now) return c.json({ error: `${SCHEDULE_TIME_HEADER} 不是有效的 RFC 3339 时间` }, 400);
    try {
      const summary = await service.scheduledScan(now);
      return c.json(summary ?? { scanned: false, reason: '今天不是工作日（北京时间），未扫描' });
    } catch (error) {
      console.error(`[scan:scheduled] ${error instanceof Error ? error.stack : String(error)}`);
      // 500 makes Cloud Scheduler retry the run per the job's retry settings. A store failure says what to fix
      // (share the spreadsheet, check its id), for whoever reads the run's answer.
      const reason = error instanceof StoreError ? userMessageOf(error) : null;
      return c.json(
        { error: reason ? `扫描失败：${reason}` : '扫描失败，请稍后重试或联系管理员查看日志' },
        500,
      );
    }
  });
  app.all('*', (c) => c.json({ error: '只接受 POST 请求' }, 405, { allow: 'POST' }));
  app.onError(mapError);
  return app;
}
