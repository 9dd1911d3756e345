import { beijingInstant } from '../calendar/beijing-clock';
import { isoOf, shanghaiDayOf } from '../calendar/day';
import { weekKeyOf } from '../domain/weekly-brief-day';
import type { WeeklyBriefResult } from '../scan/weekly/run-weekly-brief';

/**
 * The weekly brief on `duban serve`: `tick` every few seconds asks `brief` (runWeeklyBrief, which reads only 规则配置
 * and 节假日 until the brief is due) and remembers the answer — a day that is not the brief day is not asked again,
 * and a week whose briefs all went out (here or, per the 审计日志, on another runtime) is done. A failed send is
 * asked again on the next tick.
 *
 * @example
 * const weekly = weeklySchedule((now) => service.weeklyBrief(now));
 * setInterval(() => void weekly.tick(new Date()), 30_000);
 */
export function weeklySchedule(brief: (now: Date) => Promise<WeeklyBriefResult>) {
  let doneWeek = '';
  let quietDay = '';
  let running = false;
  let notBefore = 0;
  return {
    async tick(instant: Date): Promise<void> {
      const today = shanghaiDayOf(instant);
      if (running || doneWeek === weekKeyOf(today) || quietDay === isoOf(today)) return;
      if (instant.getTime() < notBefore) return;
      running = true;
      try {
        const result = await brief(instant);
        if (!result.due && result.reason === 'not-brief-day') quietDay = isoOf(today);
        if (!result.due && result.reason === 'too-early')
          notBefore = beijingInstant(today, result.time).getTime();
        if (result.due && result.failed === 0 && result.problems.length === 0) doneWeek = result.week;
        if (result.due && result.sent > 0)
          console.info(`[serve] weekly brief ${result.week}: ${result.sent} sent`);
      } catch (error) {
        console.error(`[serve] weekly brief failed: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    },
  };
}
