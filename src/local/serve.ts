import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { serve as serveNode } from '@hono/node-server';
import { createService, type RuntimeSummary } from '../runtime/service';
import type { LinkSettings } from '../web/links/link-settings';
import { dailySchedule } from './daily-schedule';
import { lastScanFile } from './last-scan';
import { localEnvFor } from './config-file';
import { containerNote, linkBase, localOnlyNote } from './link-base';
import { localLinkKeys } from './link-secret';
import { heldAnswersFile } from './held-answers-file';
import { localTargets } from './targets';
import { weeklySchedule } from './weekly-schedule';
import { workbookGuard } from './workbook-guard';

export interface ServeOptions {
  workbook: string;
  outbox?: string;
  port: number;
  /**
   * Address to listen on: 127.0.0.1 (this PC only, the default) or e.g. 0.0.0.0 for an intranet server — then
   * DUBAN_ADMIN_TOKEN must be set, since the token is what stops anyone on the network from starting a scan.
   */
  host?: string;
  /** Run the daily scan at 规则配置 每日扫描时间 on working days (default true). */
  schedule?: boolean;
  /** Scan once right away (npm start); the summary is returned with the handle. */
  scanOnStart?: boolean;
  now?: () => Date;
  /** How long a scan waits for a workbook open in Excel / WPS / LibreOffice to be closed (open-in-editor.ts). */
  openWaitMs?: number;
  /** How often the schedule looks at the clock and held link answers are written (default 30 s). */
  tickMs?: number;
}

/** A running `duban serve`: its address, admin token and outbox, the first scan's summary, and how to stop it. */
export interface RunningServer {
  url: string;
  token: string;
  outboxDir: string;
  firstScan: RuntimeSummary | null;
  close(): Promise<void>;
}

/**
 * `duban serve`: the one service (src/runtime/service.ts) over a local workbook, on Node, plus an in-process schedule
 * that scans once a day at the configured time on working days. The last summary is kept in `last-scan.json` beside
 * the workbook, so the status page survives a restart.
 *
 * @example
 * const server = await startServer({ workbook: 'data/demo.xlsx', port: 8787, scanOnStart: true });
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const env = localEnvFor(options.workbook);
  if (!env.ok) throw new Error(env.message);
  const host = options.host ?? '127.0.0.1';
  const tokenMissing = lanWithoutToken(host, env.config.adminToken);
  if (tokenMissing) throw new Error(tokenMissing);
  const targets = localTargets(options.workbook, options.outbox, env.config);
  const token = env.config.adminToken || randomBytes(18).toString('base64url');
  const linkKeys = await localLinkKeys(options.workbook, env.config.linkKeys);
  if (linkKeys.created)
    console.log(`[serve] 已生成链接密钥文件 ${linkKeys.file}（仅本人可读）；设置 DUBAN_LINK_SECRET 可改用自己的密钥。`);
  // The links in notices open `duban serve` itself unless DUBAN_PUBLIC_URL names another address.
  const links: LinkSettings = {
    keys: linkKeys.keys,
    office: basename(options.workbook),
    held: heldAnswersFile(options.workbook),
  };
  links.publicUrl = env.config.publicUrl ?? (options.port ? linkBase(host, options.port) : undefined);
  const summaries = lastScanFile(options.workbook);
  const service = createService({
    name: 'local',
    targets,
    from: env.config.from,
    adminToken: token,
    viewerToken: env.config.viewerToken,
    warmBoard: true,
    clock: now,
    exclusive: workbookGuard(options.workbook, {
      ...(options.openWaitMs !== undefined ? { waitMs: options.openWaitMs } : {}),
      onWait: (message) => console.error(`[scan:local] ${message}`),
    }),
    links,
    summaries,
    outbox: async () =>
      (await readdir(targets.outboxDir).catch(() => [] as string[]))
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse(),
  });
  // Listen first: a port already taken must stop the start before any scan writes or sends.
  const { server, port } = await new Promise<{ server: ReturnType<typeof serveNode>; port: number }>(
    (resolve, reject) => {
      const s = serveNode({ fetch: service.app.fetch, port: options.port, hostname: host }, (info) =>
        resolve({ server: s, port: info.port }),
      );
      s.once('error', reject);
    },
  );
  const fromSetting = env.config.publicUrl !== undefined;
  links.publicUrl ??= linkBase(host, port);
  const note = localOnlyNote(links.publicUrl, fromSetting) ?? containerNote(links.publicUrl, fromSetting);
  if (note) console.log(note);
  const firstScan = options.scanOnStart ? await service.scan(now()) : null;
  const schedule = dailySchedule(
    targets.store,
    (instant) => service.scheduledScan(instant),
    service.scheduledScanFailed,
  );
  // The scan `npm start` just made counts as today's: the schedule does not scan again the same morning.
  if (firstScan && !firstScan.dayOff) schedule.done(now());
  const weekly = weeklySchedule((instant) => service.weeklyBrief(instant));
  // Each tick: the link answers held while the workbook was open, then (unless off) the day's scan and the briefs.
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await service.drainHeldAnswers(now()).catch((error: Error) => {
        console.error(`[web:links] held answers not written: ${error.message}`);
      });
      if (options.schedule === false) return;
      await schedule.tick(now());
      await weekly.tick(now());
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 30_000);

  return {
    url: `http://${isLoopback(host) ? 'localhost' : host}:${port}`,
    token,
    outboxDir: targets.outboxDir,
    firstScan,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.close(() => resolve());
      }),
  };
}

/** Why serving on `host` needs DUBAN_ADMIN_TOKEN first (a LAN address without one), or null. */
export function lanWithoutToken(host: string, adminToken: string | undefined): string | null {
  if (isLoopback(host) || adminToken) return null;
  return (
    `在 ${host} 上对局域网提供服务时必须设置管理令牌：请在工作簿旁的 duban.env 中写 DUBAN_ADMIN_TOKEN=（至少16个随机字符，` +
    '可用 openssl rand -base64 24 生成），或设置同名环境变量，再启动 duban serve。'
  );
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
