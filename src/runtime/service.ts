/**
 * The one service every runtime runs (`duban serve`, Cloudflare Workers, Cloud Functions): its scans, one at a time,
 * the last summary, and the web app over them. The entries only translate their platform's events into these calls.
 */
import type { Hono } from 'hono';
import type { Address, Mailer, MailTransport } from '../mail/port';
import type { PngRuntime } from '../report/chart-png';
import { runScan } from '../scan/run-scan';
import { runWeeklyBrief, type WeeklyBriefResult } from '../scan/weekly/run-weekly-brief';
import type { ScanSummary } from '../scan/types';
import type { PreviousWorkbookOpener } from '../scan/year-end-reminder';
import type { NoticeJournal } from '../store/journal/port';
import type { SheetStore } from '../store/port';
import { createApp } from '../web/app';
import { boardSource } from '../web/board/board-cache';
import type { ScanFailure, ScanService } from '../web/scan-service';
import { drainHeld } from '../web/links/held-drain';
import type { LinkDeps } from '../web/links/link-deps';
import { scanLinks } from '../web/links/scan-links';
import type { LinkSettings } from '../web/links/link-settings';

export type { MailTransport } from '../mail/port';

export interface MailReport {
  transport: MailTransport;
  /** Set when notices were only registered: how many, and that nobody received them. */
  note?: string;
}

/** A scan summary plus where its notices went. */
export type RuntimeSummary = ScanSummary & { mail: MailReport };

export interface ServiceTargets {
  store: SheetStore;
  mailer: Mailer;
  mailTransport: MailTransport;
  /** The notice journal outside the workbook, where the runtime has one (the local default). */
  journal?: NoticeJournal;
  /** The charts' PNG renderer for the 通报 mail (Node); absent, that mail carries the .docx only. */
  png?: () => Promise<PngRuntime>;
  /** Opens last year's workbook for the year-end 通报 reminder (local: the .xlsx file); absent, no reminder. */
  previousWorkbook?: PreviousWorkbookOpener;
}

/** Where the last summary is kept: memory on the serverless runtimes, a file beside the workbook locally. */
export interface SummaryStore {
  load(): Promise<RuntimeSummary | null>;
  save(summary: RuntimeSummary): Promise<void>;
  /** The scheduled scan that failed since the last scan that succeeded, if any. */
  loadFailure(): Promise<ScanFailure | null>;
  /** Record a failed scheduled scan, or null: a scan succeeded. */
  saveFailure(failure: ScanFailure | null): Promise<void>;
}

export interface ServiceOptions {
  /** Names the runtime in log lines: `[scan:workers] …`. */
  name: string;
  targets: ServiceTargets;
  /** Sender of every notice. */
  from: Address;
  /** Bearer token of the routes that change data. */
  adminToken: string;
  /** The clock of scans started over HTTP; scheduled scans pass their own `now`. */
  clock?: () => Date;
  summaries?: SummaryStore;
  /** The outbox's notices, newest first, for the status page (local only). */
  outbox?: () => Promise<string[]>;
  /** A fresh run id per scan (random by default; fixed in tests). */
  newRunId?: () => string;
  /** DUBAN_VIEWER_TOKEN: opens /board read-only (the admin token opens it too). */
  viewerToken?: string | undefined;
  /** Render the board right after each scan (a long-running server), not on its first request. */
  warmBoard?: boolean;
  /** Runs a scan holding the office's scan lease (local: a lease file beside the workbook); default: as is. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Signed links (签收, 反馈, 延期申请): their keys, office and public address; absent = no link pages. */
  links?: LinkSettings;
}

export interface DubanService extends ScanService {
  scan(now: Date): Promise<RuntimeSummary>;
  scheduledScan(now: Date): Promise<RuntimeSummary | null>;
  lastSummary(): Promise<RuntimeSummary | null>;
  /** The 分管领导's weekly brief, if due now (src/scan/weekly/run-weekly-brief.ts); once per leader per week. */
  weeklyBrief(now: Date): Promise<WeeklyBriefResult>;
  /**
   * Write the link answers held while the workbook was open (duban serve), if it is closed now; how many. Called every
   * half minute by the serve loop; scans do it first anyway.
   */
  drainHeldAnswers(now: Date): Promise<number>;
  /** Record that the schedule's scan failed, for the status page and the desk until a scan succeeds. */
  scheduledScanFailed(failure: ScanFailure): Promise<void>;
  /** Health, POST /api/scan (admin token) and the status page. */
  app: Hono;
}

/**
 * Build one instance's service.
 *
 * @example
 * const service = createService({ name: 'workers', targets, from, adminToken });
 * ctx.waitUntil(service.scheduledScan(new Date(controller.scheduledTime)));
 * return service.app.fetch(request);
 */
export function createService(options: ServiceOptions): DubanService {
  const { targets, name } = options;
  const summaries = options.summaries ?? memorySummaries();
  const newRunId = options.newRunId ?? (() => crypto.randomUUID().slice(0, 8));
  let running: Promise<RuntimeSummary> | null = null;
  const board = boardSource(targets.store, options.clock ?? (() => new Date()));

  const exclusive = options.exclusive ?? (<T>(work: () => Promise<T>) => work());
  // The leaders' link to the board in their weekly brief: the viewer token, at the address the mails point to.
  const publicUrl = options.links?.publicUrl?.replace(/\/+$/, '');
  const boardUrl =
    options.viewerToken && publicUrl
      ? `${publicUrl}/board?t=${encodeURIComponent(options.viewerToken)}`
      : undefined;
  const links = options.links ? linkDepsOf(options.links, options, (now) => service.scan(now)) : undefined;
  const held = options.links?.held;
  // Answers held while the workbook was open are written before a scan reads it, so it counts them.
  const drain = () => (links && held ? drainHeld(links, held) : Promise.resolve([]));
  const scanWith = (now: Date, scheduled: boolean, dryRun: boolean) =>
    exclusive(async () => {
      if (!dryRun) await drain();
      return runScan({
        store: targets.store,
        mailer: targets.mailer,
        ...(targets.journal ? { journal: targets.journal } : {}),
        // Local: the lease is held and the journal kept beside the workbook, so the scan writes it once.
        ...(options.exclusive && targets.journal ? { soleWriter: true } : {}),
        mailBulletin: true,
        ...(targets.png ? { png: targets.png } : {}),
        ...(targets.previousWorkbook ? { previousWorkbook: targets.previousWorkbook } : {}),
        from: options.from,
        now,
        runId: newRunId(),
        scheduled,
        ...(dryRun ? { dryRun } : {}),
        ...(options.links ? scanLinks(options.links, now) : {}),
      });
    }).finally(() => targets.mailer.close?.());

  function scanOnce(now: Date, scheduled: boolean): Promise<RuntimeSummary> {
    running ??= (async function runOne() {
      const summary = await scanWith(now, scheduled, false);
      const result: RuntimeSummary = { ...summary, mail: mailReport(targets.mailTransport, summary) };
      if (summary.dayOff) return result;
      if (!summary.dryRun) board.invalidate();
      if (!summary.dryRun && options.warmBoard) board.warm();
      await keepSummary(summaries, result);
      console.info(`[scan:${name}] ${logLine(result)}`);
      return result;
    })().finally(() => (running = null));
    return running;
  }

  const service = {
    scan: (now: Date) => scanOnce(now, false),
    async drainHeldAnswers(now: Date): Promise<number> {
      const done = await drain();
      // A 签发 written from the queue is numbered and sent by a scan, as one written at once is (signing-page.ts).
      if (done.some((a) => a.action === 'sign-notices')) await service.scan(now);
      return done.length;
    },
    /** The daily scan: on a day off by the workbook's own calendar (节假日 tab included) it only reads. */
    async scheduledScan(now: Date): Promise<RuntimeSummary | null> {
      const summary = await scanOnce(now, true);
      if (!summary.dayOff) return summary;
      console.info(`[scan:${name}] ${now.toISOString()} is a day off in Asia/Shanghai; no scan`);
      return null;
    },
    lastSummary: () => summaries.load(),
    lastFailure: () => summaries.loadFailure(),
    scheduledScanFailed: (failure: ScanFailure) => summaries.saveFailure(failure),
    preview: (now: Date) => scanWith(now, false, true),
    weeklyBrief: (now: Date) =>
      (options.exclusive ?? (<T>(work: () => Promise<T>) => work()))(() =>
        runWeeklyBrief({
          store: targets.store,
          mailer: targets.mailer,
          from: options.from,
          now,
          ...(boardUrl ? { boardUrl } : {}),
        }),
      ),
    ...(options.outbox ? { outbox: options.outbox } : {}),
  };
  const app = createApp({
    service,
    adminToken: options.adminToken,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(links ? { links } : {}),
    board,
    viewerToken: options.viewerToken,
  });
  return { ...service, app };
}

/** The link pages' dependencies; the settings are read at each use (duban serve learns its port after listening). */
function linkDepsOf(
  settings: LinkSettings,
  options: ServiceOptions,
  scan: (now: Date) => Promise<unknown>,
): LinkDeps {
  return {
    scan,
    store: options.targets.store,
    mailer: options.targets.mailer,
    mailTransport: options.targets.mailTransport,
    from: options.from,
    clock: options.clock ?? (() => new Date()),
    get keys() {
      return settings.keys;
    },
    get office() {
      return settings.office;
    },
    get publicUrl() {
      return settings.publicUrl;
    },
    held: settings.held,
  };
}

/** The last summary of this instance only: Workers and Cloud Functions keep no disk (the 审计日志 is the record). */
function memorySummaries(): SummaryStore {
  let last: RuntimeSummary | null = null;
  let failure: ScanFailure | null = null;
  return {
    load: async () => last,
    save: async (summary) => void (last = summary),
    loadFailure: async () => failure,
    saveFailure: async (f) => void (failure = f),
  };
}

/**
 * Keeps a scan's summary for the status page; a rescan that found nothing to do keeps the day's summary instead.
 * Either way the scan succeeded: an earlier failed scheduled scan is no longer news.
 */
export async function keepSummary(summaries: SummaryStore, result: RuntimeSummary): Promise<void> {
  await summaries.saveFailure(null);
  const previous = await summaries.load();
  if (!(isIdle(result) && previous?.date === result.date)) await summaries.save(result);
}

/** Nothing written, nothing sent, nothing left unsent or failed. */
function isIdle(s: ScanSummary): boolean {
  const { created, sent, unsent, failed } = s.notices;
  return s.cellsWritten + s.fillsWritten + s.idsAssigned + s.auditRows + created + sent + unsent + failed === 0;
}

/** What the status page says about where the notices went. */
export function mailReport(transport: MailTransport, summary: ScanSummary): MailReport {
  if (transport === 'outbox')
    return summary.notices.sent
      ? {
          transport,
          note:
            `未配置邮件服务器（DUBAN_SMTP_URL）：本次 ${summary.notices.sent} 份通知已存入发件箱，尚未发给任何人；` +
            '请用邮件客户端打开发件箱中的 .eml 文件转发，或配置邮件服务器。',
        }
      : { transport };
  if (transport !== 'none') return { transport };
  return {
    transport,
    note:
      `未配置邮件服务器（DUBAN_SMTP_URL）：本次 ${summary.notices.created} 份通知已在文书登记中登记为待发送，` +
      '配置 SMTP 后的下一次扫描会自动发出。',
  };
}

/** One English log line; counts only, no addresses or secrets. */
function logLine(s: RuntimeSummary): string {
  return (
    `${s.date}: ${s.tasks} tasks, ${s.cellsWritten} cells and ${s.fillsWritten} fills written, ` +
    `${s.notices.created} notices created, ${s.notices.sent} sent via ${s.mail.transport}` +
    `${s.mail.transport === 'none' ? ' (no mail transport)' : ''}, ${s.notices.unsent} kept 待发送 for the next scan, ` +
    `${s.notices.failed} refused for good, ` +
    `${s.problems.length} problems`
  );
}
