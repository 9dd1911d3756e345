import { partsOf, type Day } from '../calendar/day';
import type { WorkCalendar } from '../calendar/types';
import type { RulesConfig } from './config';
import type { RuleContext } from './types';

/** What every task evaluated in one context shares about today. */
export interface ScanDay {
  /** Today's calendar year and month (the workbook's year is `workYear`). */
  year: number;
  month: number;
  /** 时限要求 of a notice issued today: `escalationWorkdays` working days from today. */
  replyBy: Day;
}

/**
 * Today's facts, worked out once per context instead of once per task. The entry remembers what it was computed
 * from, so a context whose day, calendar or 规则配置 is changed afterwards gets fresh values.
 */
export function scanDayOf(ctx: RuleContext): ScanDay {
  const cached = scanDays.get(ctx);
  if (
    cached &&
    cached.today === ctx.today &&
    cached.cal === ctx.cal &&
    cached.config === ctx.config &&
    cached.escalationWorkdays === ctx.config.escalationWorkdays
  ) {
    return cached;
  }
  const { year, month } = partsOf(ctx.today);
  const day: CachedScanDay = {
    year,
    month,
    replyBy: ctx.cal.addWorkdays(ctx.today, ctx.config.escalationWorkdays),
    today: ctx.today,
    cal: ctx.cal,
    config: ctx.config,
    escalationWorkdays: ctx.config.escalationWorkdays,
  };
  scanDays.set(ctx, day);
  return day;
}

interface CachedScanDay extends ScanDay {
  today: Day;
  cal: WorkCalendar;
  config: RulesConfig;
  escalationWorkdays: number;
}

const scanDays = new WeakMap<RuleContext, CachedScanDay>();
