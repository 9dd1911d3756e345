import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { serve as serveNode } from '@hono/node-server';
import { isoOf, shanghaiDayOf } from '../calendar/day';
import { runScan, type ScanSummary } from '../scan/run-scan';
import { tabSpec } from '../workbook/schema/tabs';
import { readWorkbook } from '../workbook/read-workbook';
import { createApp } from '../web/app';
import { localTargets, senderFromEnv } from './scan-deps';

export interface ServeOptions {
  workbook: string;
  outbox?: string;
  port: number;
  /** Run the daily scan at 规则配置 每日扫描时间 on working days (default true). */
  schedule?: boolean;
  /** Scan once right away (npm start); the summary is returned with the handle. */
  scanOnStart?: boolean;
  now?: () => Date;
  /** How often the schedule looks at the clock (default 30 s). */
  tickMs?: number;
}

/**
 * `duban serve`: the Hono app on Node over a local workbook, plus an in-process schedule that scans once a day at
 * the configured time on working days. Returns a handle to stop it.
 */
export interface RunningServer {
  url: string;
  token: string;
  outboxDir: string;
  firstScan: ScanSummary | null;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const { store, mailer, outboxDir } = localTargets(options.workbook, options.outbox);
  const lastFile = join(dirname(options.workbook), 'last-scan.json');
  const token = process.env.DUBAN_ADMIN_TOKEN || randomBytes(18).toString('base64url');
  let running: Promise<ScanSummary> | null = null;

  async function scan(): Promise<ScanSummary> {
    // One scan at a time in this process; a second request waits for the running one.
    running ??= runScan({ store, mailer, now: now(), from: senderFromEnv() })
      .then(async (summary) => {
        await writeFile(lastFile, JSON.stringify(summary, null, 1));
        return summary;
      })
      .finally(() => (running = null));
    return running;
  }

  const app = createApp({
    scan,
    adminToken: token,
    lastSummary: async () =>
      JSON.parse(await readFile(lastFile, 'utf8').catch(() => 'null')) as ScanSummary | null,
    outbox: async () =>
      (await readdir(outboxDir).catch(() => [] as string[]))
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse(),
  });
  const firstScan = options.scanOnStart ? await scan() : null;
  const { server, port } = await new Promise<{ server: ReturnType<typeof serveNode>; port: number }>(
    (resolve) => {
      const s = serveNode({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, (info) =>
        resolve({ server: s, port: info.port }),
      );
    },
  );
  const timer =
    options.schedule === false ? null : setInterval(() => void dailyTick(), options.tickMs ?? 30_000);
  let lastScheduled = '';

  async function dailyTick(): Promise<void> {
    const instant = now();
    const iso = isoOf(shanghaiDayOf(instant));
    if (lastScheduled === iso) return;
    // The workbook's own calendar and time: 规则配置 每日扫描时间, 节假日 overrides included.
    const model = readWorkbook(
      await store.read([tabSpec('规则配置'), tabSpec('节假日')]),
      shanghaiDayOf(instant),
    );
    if (!model.calendar.isWorkday(model.today)) return;
    const hhmm = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
    if (hhmm < model.config.scanTime) return;
    lastScheduled = iso;
    try {
      await scan();
    } catch (error) {
      console.error(`[serve] scheduled scan failed: ${(error as Error).message}`);
    }
  }

  return {
    url: `http://localhost:${port}`,
    token,
    outboxDir,
    firstScan,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        server.close(() => resolve());
      }),
  };
}
