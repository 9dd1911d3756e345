/**
 * What the serverless entry points share: one instance's Hono app and its scans, built from a parsed RuntimeConfig.
 * The entries (src/worker.ts, functions/index.ts) only translate their platform's events into these calls.
 */
import type { Hono } from 'hono';
import { runScan, type ScanSummary } from '../scan/run-scan';
import { createApp } from '../web/app';
import type { RuntimeConfig } from './env';
import { runtimeTargets, scanDepsOf, type MailTransport } from './scan-deps';

export interface MailReport {
  transport: MailTransport;
  /** Set when notices were only kept in memory: how many, and that nobody received them. */
  note?: string;
}

/** A scan summary plus where its notices went. */
export type RuntimeSummary = ScanSummary & { mail: MailReport };

export interface DubanRuntime {
  config: RuntimeConfig;
  /** Health, POST /api/scan (bearer DUBAN_ADMIN_TOKEN) and the page with this instance's last summary. */
  app: Hono;
  /** Scan now; one scan at a time per instance (a second call waits for the running one). */
  scan(now: Date): Promise<RuntimeSummary>;
  /** The daily scan: skipped (null) on days off, as the cron fires every day but scans are for working mornings. */
  scheduledScan(now: Date): Promise<RuntimeSummary | null>;
}

/**
 * Build one instance's runtime. `clock` dates the scans started over HTTP; scheduled scans pass their own `now`.
 *
 * @example
 * const runtime = createRuntime(loadRuntimeConfig(env, 'workers'));
 * ctx.waitUntil(runtime.scheduledScan(new Date(controller.scheduledTime)));
 * return runtime.app.fetch(request);
 */
export function createRuntime(config: RuntimeConfig, clock: () => Date = () => new Date()): DubanRuntime {
  const targets = runtimeTargets(config);
  let running: Promise<RuntimeSummary> | null = null;
  // Per instance only: Workers and Cloud Functions keep no disk, and the sheet's 审计日志 is the durable record.
  let last: RuntimeSummary | null = null;

  function scan(now: Date, scheduled = false): Promise<RuntimeSummary> {
    running ??= scanOnce(now, scheduled).finally(() => (running = null));
    return running;
  }

  async function scanOnce(now: Date, scheduled: boolean): Promise<RuntimeSummary> {
    const summary = await runScan({ ...scanDepsOf(config, targets, now), scheduled });
    if (summary.dayOff) return { ...summary, mail: mailReport(targets.mailTransport, summary) };
    const result: RuntimeSummary = { ...summary, mail: mailReport(targets.mailTransport, summary) };
    last = result;
    console.log(`[scan:${config.runtime}] ${logLine(result)}`);
    return result;
  }

  /** The cron's scan: on a day off by the spreadsheet's own calendar (节假日 tab included) it only reads. */
  async function scheduledScan(now: Date): Promise<RuntimeSummary | null> {
    const summary = await scan(now, true);
    if (!summary.dayOff) return summary;
    console.log(`[scan:${config.runtime}] ${now.toISOString()} is a day off in Asia/Shanghai; no scan`);
    return null;
  }

  const app = createApp({
    scan: () => scan(clock()),
    lastSummary: async () => last,
    adminToken: config.adminToken,
  });
  return { config, app, scan, scheduledScan };
}

function mailReport(transport: MailTransport, summary: ScanSummary): MailReport {
  if (transport === 'smtp') return { transport };
  return {
    transport,
    note:
      `未配置 SMTP（DUBAN_SMTP_HOST）：本次 ${summary.notices.created} 份通知已在文书登记中登记为待发送，` +
      '配置 SMTP 后的下一次扫描会自动发出。',
  };
}

/** One English log line; counts only, no addresses or secrets. */
function logLine(s: RuntimeSummary): string {
  return (
    `${s.date}: ${s.tasks} tasks, ${s.cellsWritten} cells and ${s.fillsWritten} fills written, ` +
    `${s.notices.created} notices created, ${s.notices.sent} sent via ${s.mail.transport}` +
    `${s.mail.transport === 'none' ? ' (no mail transport: kept 待发送 for the next scan)' : ''}, ${s.notices.failed} failed, ` +
    `${s.problems.length} problems`
  );
}
