import type { Context } from 'hono';

/** Cloud Scheduler's RFC 3339 schedule time (kept on retries) or, without one, the clock; null when unreadable. */
export function scheduleTime(header: string | undefined, clock: () => Date): Date | null {
  const now = header ? new Date(header) : clock();
  return Number.isNaN(now.getTime()) ? null : now;
}

/**
 * POST /weekly-brief of the scheduler's app (Cloud Scheduler, functions/README.md): the 分管领导's weekly brief if it is
 * due at the schedule time — the run itself decides (brief day, 周报时间, once per leader per week in the 审计日志), so
 * a job that fires every weekday morning is safe. 500 on failure, so Cloud Scheduler retries.
 */
export function weeklyBriefRoute(brief: (now: Date) => Promise<unknown>, clock: () => Date) {
  return async function weeklyBriefOnSchedule(c: Context) {
    const now = scheduleTime(c.req.header('x-cloudscheduler-scheduletime'), clock);
    if (!now) return c.json({ error: 'x-cloudscheduler-scheduletime 不是有效的 RFC 3339 时间' }, 400);
    try {
      return c.json((await brief(now)) as object);
    } catch (error) {
      console.error(`[brief:scheduled] ${error instanceof Error ? error.stack : String(error)}`);
      return c.json({ error: '周报发送失败，请稍后重试或联系管理员查看日志' }, 500);
    }
  };
}
