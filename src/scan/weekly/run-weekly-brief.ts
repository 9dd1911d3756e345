import { beijingClockTime, beijingStamp } from '../../calendar/beijing-clock';
import { isoOf, shanghaiDayOf } from '../../calendar/day';
import { briefDayOfWeek, weekKeyOf } from '../../domain/weekly-brief-day';
import { renderWeeklyDigest } from '../../mail/notices';
import type { Address, Mailer } from '../../mail/port';
import { senderOf } from '../../mail/sender';
import { toMailMessage } from '../../mail/to-mail-message';
import type { SheetStore } from '../../store/port';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import { readSettings } from '../../workbook/read-settings';
import { runSpecsKeeping, tabSpec } from '../../workbook/schema/tabs';
import { planScan } from '../plan-scan';
import { BRIEF_SENT, planWeeklyBriefs } from './plan-weekly-brief';
import { weekAuditRows } from './week-changes';

export interface WeeklyBriefDeps {
  store: SheetStore;
  mailer: Mailer;
  from: Address;
  /** The run's clock: its Asia/Shanghai date and time decide whether the brief is due. */
  now: Date;
  /** The board's address for the mail's link, when the runtime knows it. */
  boardUrl?: string;
}

/** What one run did: not due (and why), or how many briefs went out, had gone out already, or failed. */
export type WeeklyBriefResult =
  | {
      due: false;
      week: string;
      briefDay: string | null;
      reason: 'not-brief-day' | 'too-early';
      /** 规则配置 周报时间, `HH:mm` Beijing. */
      time: string;
    }
  | { due: true; week: string; sent: number; alreadySent: number; failed: number; problems: string[] };

/**
 * The weekly brief to every 分管领导 (SPEC §4.4, seed 004 §二.1), the same on every runtime: due on this week's brief
 * day (briefDayOfWeek: 规则配置 周报星期, moved to the week's first working day after it when that day is a holiday) at
 * or after 规则配置 周报时间, that day only (a brief that could not go out that day is not sent late in the week). Each brief
 * sent gets a 发送周报 row in the 审计日志 right after the mail server accepts it, and a leader with such a row for
 * this week gets nothing more — so the brief goes out once per leader per week however many runs and runtimes
 * call this. A failed send is retried on the next run. Reads only 规则配置 and 节假日 when not due.
 *
 * @example
 * await runWeeklyBrief({ store, mailer, from, now: new Date('2026-06-15T00:00:00Z') }); // { due: true, sent: 5, … }
 */
export async function runWeeklyBrief(deps: WeeklyBriefDeps): Promise<WeeklyBriefResult> {
  const today = shanghaiDayOf(deps.now);
  const week = weekKeyOf(today);
  const rules = readSettings(await deps.store.read([tabSpec('规则配置'), tabSpec('节假日')]), today);
  const briefDay = briefDayOfWeek(today, rules.calendar, rules.config.weeklyBriefWeekday);
  const notDue = (reason: 'not-brief-day' | 'too-early') =>
    ({
      due: false,
      week,
      briefDay: briefDay === null ? null : isoOf(briefDay),
      reason,
      time: rules.config.weeklyBriefTime,
    }) as const;
  if (briefDay !== today) return notDue('not-brief-day');
  if (beijingClockTime(deps.now) < rules.config.weeklyBriefTime) return notDue('too-early');

  const since = briefDay - 7;
  const snapshot = await deps.store.read(runSpecsKeeping(weekAuditRows(isoOf(since))));
  const plan = planScan(snapshot, readSettings(snapshot, today), deps.now, 'weekly');
  if (plan.summary.stopped)
    return {
      due: true,
      week,
      sent: 0,
      alreadySent: 0,
      failed: 0,
      problems: plan.summary.problems.map((p) => p.message),
    };
  const briefs = planWeeklyBriefs(plan.model, plan.verdicts, snapshot.tabs, {
    key: week,
    since,
    provisionalYears: plan.summary.provisionalYears,
    boardUrl: deps.boardUrl,
  });
  const leaders = plan.model.directory.byRole('分管领导').filter((p) => p.email).length;
  const result = {
    due: true as const,
    week,
    sent: 0,
    alreadySent: leaders - briefs.length,
    failed: 0,
    problems: [] as string[],
  };
  const { from, replyTo } = senderOf(deps.from, plan.model.config);
  for (const brief of briefs) {
    const mail = renderWeeklyDigest(brief.doc);
    const key = `周报|${brief.leader.name}|${week}`;
    const sent = await deps.mailer.send(
      toMailMessage(mail, {
        from,
        ...(replyTo ? { replyTo } : {}),
        to: brief.to,
        date: deps.now,
        headers: { 'X-Duban-Dedupe-Key': key },
      }),
    );
    if (!sent.ok) {
      result.failed++;
      result.problems.push(`${brief.leader.name}的周报发送失败，下次运行时重试：${sent.error}`);
      continue;
    }
    const to = brief.to.map((a) => a.address).join('、');
    const where = sent.stored ? `未配置邮件服务器，周报已存入发件箱（${sent.location ?? ''}），收件人${to}` : `周报已发送至${to}`;
    const note = `${where}：${brief.doc.items.length}项，待处理${brief.doc.waiting?.length ?? 0}件`;
    await deps.store.append(AUDIT_TAB, [
      auditRow(beijingStamp(deps.now), BRIEF_SENT, '', brief.leader.name, '', week, note),
    ]);
    result.sent++;
  }
  return result;
}
