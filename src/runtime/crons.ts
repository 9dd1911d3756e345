import type { DubanService } from './service';

/**
 * The Workers cron triggers of wrangler.toml (UTC). The weekly brief's runs every morning 08:00–11:00 Beijing: each run
 * sends only when the brief is due (规则配置 周报星期 and 周报时间, a holiday Monday moving it to the week's first
 * working day) and not yet registered for the week, so the hours only bound how late after 周报时间 it can go out.
 */
export const WEEKLY_BRIEF_CRON = '0 0-3 * * *';

/**
 * What a cron trigger runs: the weekly brief for its own cron, the daily scan for any other (the daily one, or one an
 * office added).
 *
 * @example ctx.waitUntil(onCron(runtime, controller.cron, new Date(controller.scheduledTime)));
 */
export function onCron(
  service: Pick<DubanService, 'scheduledScan' | 'weeklyBrief'>,
  cron: string,
  now: Date,
): Promise<unknown> {
  return cron === WEEKLY_BRIEF_CRON ? service.weeklyBrief(now) : service.scheduledScan(now);
}
