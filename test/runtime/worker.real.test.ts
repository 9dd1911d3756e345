/**
 * The Worker as deployed: bundled by `wrangler deploy --dry-run`, run in workerd through miniflare with the
 * production configuration (Google's own API and token URLs), its network routed to the local Sheets server.
 * Its scans must leave the spreadsheet exactly as the Node path does for the same demo county and date.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Miniflare, Response as MfResponse, type Request as MfRequest } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSummary } from '../../src/scan/summary';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { startSmtpSink } from './smtp-sink';
import { buildWorkerBundle, bundleIn } from './worker-bundle';
import {
  ADMIN_TOKEN,
  FROM,
  SCAN_TIME,
  SUNDAY_TIME,
  callsOn,
  dumpOf,
  morningOf,
  nodeScan,
  seedDemo,
  serviceAccountJson,
  type NodeResult,
} from './fixtures';

const GOOGLE_HOSTS = new Set(['sheets.googleapis.com', 'oauth2.googleapis.com']);

let outdir: string;
let bundle: Buffer;
let server: SheetsServer;
let expected: NodeResult;
let mf: Miniflare;
let spreadsheetId: string;
const hostsSeen = new Set<string>();

/** workerd's outbound network: Google's hosts go to the local Sheets server, anything else is refused. */
async function fakeGoogle(request: MfRequest): Promise<MfResponse> {
  const url = new URL(request.url);
  hostsSeen.add(url.host);
  if (!GOOGLE_HOSTS.has(url.host)) return new MfResponse(`no network for ${url.host}`, { status: 502 });
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
  const answer = await fetch(`${server.url}${url.pathname}${url.search}`, {
    method: request.method,
    headers: Object.fromEntries(request.headers),
    body,
  });
  return new MfResponse(await answer.arrayBuffer(), {
    status: answer.status,
    headers: Object.fromEntries(answer.headers),
  });
}

beforeAll(async () => {
  outdir = await buildWorkerBundle('duban-worker-');
  bundle = await readFile(join(outdir, 'worker.js'));
  server = await startSheetsServer({ requireIssuedTokens: true });
  expected = await nodeScan(server);
  spreadsheetId = seedDemo(server);
  mf = bundleIn(
    outdir,
    {
      DUBAN_SPREADSHEET_ID: spreadsheetId,
      GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(),
      DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
      DUBAN_MAIL_FROM: FROM,
    },
    fakeGoogle,
  );
  await mf.ready;
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('the Worker bundle', () => {
  it('fits the 1 MB (gzip) limit of the Workers free plan', () => {
    const gzip = gzipSync(bundle).length;
    expect(gzip).toBeLessThanOrEqual(1024 * 1024);
  });

  it('answers /health', async () => {
    const res = await mf.dispatchFetch('http://duban.example/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('POST /api/scan on the Worker', () => {
  it('refuses a request without the admin token and leaves the spreadsheet alone', async () => {
    seedDemo(server, spreadsheetId);
    const before = dumpOf(server, spreadsheetId);
    server.resetCalls();
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789']) {
      const res = await mf.dispatchFetch('http://duban.example/api/scan', {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(/管理令牌/);
    }
    expect(callsOn(server, spreadsheetId)).toEqual({});
    expect(dumpOf(server, spreadsheetId)).toEqual(before);
  });

  it('scans the spreadsheet as the Node path does, reporting that notices stay 待发送 until SMTP is configured', async () => {
    seedDemo(server, spreadsheetId);
    // A manual scan runs as of the request's arrival; the Node path is run for the same Shanghai day to compare.
    const res = await mf.dispatchFetch('http://duban.example/api/scan', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Parameters<typeof publicSummary>[0] & {
      mail: { transport: string; note: string };
    };
    expect(body.mail.transport).toBe('none');
    expect(body.mail.note).toContain(`${body.notices.created} 份通知已在文书登记中登记为待发送`);
    const node = await nodeScan(server, morningOf(body.date));
    expect(publicSummary(body)).toEqual(node.summary);
    expect(body.notices.sent).toBe(0);
    expect(body.notices.unsent).toBeGreaterThan(0);
    expect(body.notices.failed).toBe(0);
    // Only Google's two hosts were called, and every token came from the service account's JWT.
    expect([...hostsSeen].sort()).toEqual(['oauth2.googleapis.com', 'sheets.googleapis.com']);
    expect(server.tokenRequests.at(-1)).toMatchObject({
      iss: 'duban-bot@duban-2026.iam.gserviceaccount.com',
    });
  });
});

describe('the Worker cron', () => {
  it('scans at the scheduled time and writes what the Node path writes', async () => {
    seedDemo(server, spreadsheetId);
    const worker = await mf.getWorker();
    const result = await worker.scheduled({ scheduledTime: new Date(SCAN_TIME), cron: '30 0 * * *' });
    expect(result.outcome).toBe('ok');
    expect(dumpOf(server, spreadsheetId)).toEqual(expected.workbook);
    // The page shows the summary of that scan, which equals the Node one.
    const page = await (await mf.dispatchFetch('http://duban.example/')).text();
    expect(page).toContain(`最近一次扫描：${expected.summary.date}（${expected.summary.tasks}项）`);
  });

  it('does not scan on a day off', async () => {
    seedDemo(server, spreadsheetId);
    const before = dumpOf(server, spreadsheetId);
    server.resetCalls();
    const worker = await mf.getWorker();
    const result = await worker.scheduled({ scheduledTime: new Date(SUNDAY_TIME), cron: '30 0 * * *' });
    expect(result.outcome).toBe('ok');
    // It reads the spreadsheet (its 节假日 tab may make the day a working day) and writes nothing.
    expect(Object.keys(callsOn(server, spreadsheetId)).filter((m) => !/get|batchGet/i.test(m))).toEqual([]);
    expect(dumpOf(server, spreadsheetId)).toEqual(before);
  });
});

describe('the Worker with SMTP', () => {
  it('delivers every notice of the cron scan through SMTP at an IP address', async () => {
    const sink = await startSmtpSink();
    const id = seedDemo(server);
    // workerd opens SMTP sockets through the outbound service, which a fetch function cannot serve: this Worker
    // reaches the local servers directly instead.
    const mailing = bundleIn(outdir, {
      DUBAN_SPREADSHEET_ID: id,
      GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(`${server.url}/token`),
      DUBAN_SHEETS_ROOT_URL: server.url,
      DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
      DUBAN_MAIL_FROM: FROM,
      DUBAN_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, // the one setting of every runtime (issue 13)
    });
    try {
      const worker = await mailing.getWorker();
      const result = await worker.scheduled({ scheduledTime: new Date(SCAN_TIME), cron: '30 0 * * *' });
      expect(result.outcome).toBe('ok');
      const delivered = await nodeScan(server, new Date(SCAN_TIME), 'delivering');
      // Every notice, plus the 5月通报 to the leaders (issue 11: the runtimes mail it when the scan writes its tab).
      const bulletins = sink.received.filter((m) => m.subject.startsWith('【督查通报】'));
      expect(bulletins).toHaveLength(1);
      expect(sink.received).toHaveLength(delivered.summary.notices.sent + 1);
      expect(sink.received.every((m) => m.envelopeFrom === 'duban@example.gov.cn')).toBe(true);
      // Numbered notices go out (催办单 / 督办单 wait for 签发 by default, seed 004 §五.2; the others are automatic).
      expect(
        sink.received.filter((m) => /^【(提醒函|交办单|督办通知书|催办单)/.test(m.subject)).length,
      ).toBeGreaterThan(0);
      expect(dumpOf(server, id)).toEqual(delivered.workbook);
    } finally {
      await mailing.dispose();
      await sink.close();
    }
  });
});

describe('a Worker with a bad environment', () => {
  it('answers with the keys to fix and fails its cron, naming them in the log', async () => {
    const broken = bundleIn(
      outdir,
      { DUBAN_SPREADSHEET_ID: '', DUBAN_ADMIN_TOKEN: ADMIN_TOKEN, GOOGLE_SERVICE_ACCOUNT_JSON: '{"type":' },
      fakeGoogle,
    );
    try {
      const res = await broken.dispatchFetch('http://duban.example/health');
      expect(res.status).toBe(500);
      const { problems } = (await res.json()) as { problems: string[] };
      expect(problems).toEqual([
        expect.stringMatching(
          /^设置 DUBAN_SPREADSHEET_ID（Google 表格 ID）未设置：Cloudflare Workers 需要.*wrangler\.toml 的 \[vars\]/,
        ),
        expect.stringMatching(
          /^设置 GOOGLE_SERVICE_ACCOUNT_JSON（Google 服务账号密钥）不是有效的 JSON：.*wrangler secret put GOOGLE_SERVICE_ACCOUNT_JSON。$/,
        ),
      ]);
      const worker = await broken.getWorker();
      const result = await worker.scheduled({ scheduledTime: new Date(SCAN_TIME), cron: '30 0 * * *' });
      expect(result.outcome).toBe('exception');
    } finally {
      await broken.dispose();
    }
  });
});
