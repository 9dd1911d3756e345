/**
 * The Cloud Functions as deployed: functions/index.ts bundled by scripts/build-functions.ts, each target served by
 * the functions-framework CLI in its own process, against the local Sheets server with a service-account key.
 * The scan function must leave the spreadsheet exactly as the Node path does for the same demo county and date.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSummary } from '../../src/scan/summary';
import { buildFunctions } from '../../scripts/build-functions';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { startMetadataServer } from './metadata-server';
import { startSmtpSink } from './smtp-sink';
import {
  ADMIN_TOKEN,
  FROM,
  SCAN_TIME,
  SERVICE_ACCOUNT,
  SUNDAY_TIME,
  callsOn,
  dumpOf,
  morningOf,
  nodeScan,
  seedDemo,
  serviceAccountJson,
  type NodeResult,
} from './fixtures';
import { freePort } from '../free-port';

const FRAMEWORK = 'node_modules/@google-cloud/functions-framework/build/src/main.js';

interface Served {
  url: string;
  child: ChildProcess;
  output: () => string;
}

let outdir: string;
let server: SheetsServer;
let expected: NodeResult;
let spreadsheetId: string;
let app: Served;
let scan: Served;
let env: Record<string, string>;

/** Start `functions-framework --target=…` on the built bundle and wait until it answers. */
async function serve(target: string, env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  let output = '';
  // Only PATH from the parent: no stray Google credentials or DUBAN_* settings of the machine running the tests.
  const child = spawn(
    process.execPath,
    [FRAMEWORK, `--source=${outdir}`, `--target=${target}`, `--port=${port}`],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`functions-framework exited:\n${output}`);
    const up = await fetch(url, { method: 'OPTIONS' }).then(
      () => true,
      () => false,
    );
    if (up) return { url, child, output: () => output };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`functions-framework did not start:\n${output}`);
}

function stop(served: Served | undefined): Promise<void> {
  if (!served || served.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    served.child.once('exit', () => resolve());
    served.child.kill();
  });
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'duban-functions-'));
  await buildFunctions(outdir);
  server = await startSheetsServer({ requireIssuedTokens: true });
  expected = await nodeScan(server);
  spreadsheetId = seedDemo(server);
  env = {
    DUBAN_SPREADSHEET_ID: spreadsheetId,
    GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(`${server.url}/token`),
    DUBAN_SHEETS_ROOT_URL: server.url,
    DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
    DUBAN_MAIL_FROM: FROM,
  };
  [app, scan] = await Promise.all([serve('duban', env), serve('dubanScan', env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(app), stop(scan)]);
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('the duban function (web app)', () => {
  it('answers /health and refuses POST /api/scan without the token', async () => {
    const health = await fetch(`${app.url}/health`);
    expect(await health.json()).toEqual({ ok: true });
    server.resetCalls();
    const res = await fetch(`${app.url}/api/scan`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(callsOn(server, spreadsheetId)).toEqual({});
  });

  it('scans on POST /api/scan with the token, as the Node path does that day', async () => {
    seedDemo(server, spreadsheetId);
    const res = await fetch(`${app.url}/api/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Parameters<typeof publicSummary>[0] & { mail: { transport: string } };
    const node = await nodeScan(server, morningOf(body.date));
    expect(publicSummary(body)).toEqual(node.summary);
    expect(body.mail.transport).toBe('none');
  });
});

describe('the dubanScan function (Cloud Scheduler)', () => {
  const post = (headers: Record<string, string>) => fetch(scan.url, { method: 'POST', headers });

  it('accepts only POST with the admin token', async () => {
    server.resetCalls();
    expect((await fetch(scan.url)).status).toBe(405);
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-duban-token': 'wrong-token-0123456789' })).status).toBe(401);
    expect(callsOn(server, spreadsheetId)).toEqual({});
  });

  it("scans as of the scheduler's schedule time and writes what the Node path writes", async () => {
    seedDemo(server, spreadsheetId);
    // Deployed private, the function sees Cloud Scheduler's OIDC token in Authorization and the admin token beside it.
    const res = await post({
      authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.oidc-token-from-cloud-scheduler.sig',
      'x-duban-token': ADMIN_TOKEN,
      'x-cloudscheduler-scheduletime': new Date(SCAN_TIME).toISOString(),
    });
    expect(res.status).toBe(200);
    expect(publicSummary((await res.json()) as Parameters<typeof publicSummary>[0])).toEqual(
      expected.summary,
    );
    expect(dumpOf(server, spreadsheetId)).toEqual(expected.workbook);
  });

  it('does not scan on a day off', async () => {
    seedDemo(server, spreadsheetId);
    server.resetCalls();
    const res = await post({
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'x-cloudscheduler-scheduletime': new Date(SUNDAY_TIME).toISOString(),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ scanned: false, reason: expect.stringContaining('不是工作日') });
    expect(Object.keys(callsOn(server, spreadsheetId)).filter((m) => !/get|batchGet/i.test(m))).toEqual([]);
  });
});

describe('the dubanScan function without a key', () => {
  it("runs as the function's own service account (Application Default Credentials from the metadata server)", async () => {
    const metadata = await startMetadataServer(SERVICE_ACCOUNT, 'metadata-token-0001');
    // The Sheets server knows the token as the service account's, as Google would.
    server.state.tokens.set(metadata.token, SERVICE_ACCOUNT);
    const id = seedDemo(server);
    const { GOOGLE_SERVICE_ACCOUNT_JSON: _key, ...keyless } = env;
    const adc = await serve('dubanScan', {
      ...keyless,
      DUBAN_SPREADSHEET_ID: id,
      GCE_METADATA_HOST: metadata.host,
    });
    try {
      server.resetCalls();
      const res = await fetch(adc.url, {
        method: 'POST',
        headers: {
          'x-duban-token': ADMIN_TOKEN,
          'x-cloudscheduler-scheduletime': new Date(SCAN_TIME).toISOString(),
        },
      });
      expect(res.status).toBe(200);
      expect(publicSummary((await res.json()) as Parameters<typeof publicSummary>[0])).toEqual(
        expected.summary,
      );
      expect(metadata.requests).toContain('/computeMetadata/v1/instance/service-accounts/default/token');
      expect(
        server.calls.filter((c) => c.spreadsheetId === id).every((c) => c.principal === SERVICE_ACCOUNT),
      ).toBe(true);
      expect(dumpOf(server, id)).toEqual(expected.workbook);
    } finally {
      await stop(adc);
      await metadata.close();
    }
  });
});

describe('the dubanScan function with SMTP', () => {
  it('delivers every notice through SMTP, the server named by its host name', async () => {
    const sink = await startSmtpSink();
    const id = seedDemo(server);
    const mailing = await serve('dubanScan', {
      ...env,
      DUBAN_SPREADSHEET_ID: id,
      DUBAN_SMTP_URL: `smtp://localhost:${sink.port}`, // the one setting of every runtime (issue 13)
    });
    try {
      const res = await fetch(mailing.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'x-cloudscheduler-scheduletime': new Date(SCAN_TIME).toISOString(),
        },
      });
      const body = (await res.json()) as { mail: { transport: string; note?: string } };
      expect(body.mail).toEqual({ transport: 'smtp' });
      const delivered = await nodeScan(server, new Date(SCAN_TIME), 'delivering');
      // Every notice, plus the 5月通报 to the leaders (issue 11: the runtimes mail it when the scan writes its tab).
      expect(sink.received.filter((m) => m.subject.startsWith('【督查通报】'))).toHaveLength(1);
      expect(sink.received).toHaveLength(delivered.summary.notices.sent + 1);
      expect(sink.received.every((m) => m.envelopeFrom === 'duban@example.gov.cn')).toBe(true);
      expect(dumpOf(server, id)).toEqual(delivered.workbook);
    } finally {
      await stop(mailing);
      await sink.close();
    }
  });
});

describe('a Cloud Function with a bad environment', () => {
  it('answers every request with the keys to fix, never their values', async () => {
    const broken = await serve('duban', {
      DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
      GOOGLE_SERVICE_ACCOUNT_JSON: '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEv',
    });
    try {
      const res = await fetch(`${broken.url}/health`);
      expect(res.status).toBe(500);
      const { problems } = (await res.json()) as { problems: string[] };
      expect(problems).toEqual([
        expect.stringMatching(
          /^设置 DUBAN_SPREADSHEET_ID（Google 表格 ID）未设置：Cloud Functions 需要 Google 表格的 ID.*--set-env-vars DUBAN_SPREADSHEET_ID=/,
        ),
        expect.stringMatching(
          /^设置 GOOGLE_SERVICE_ACCOUNT_JSON（Google 服务账号密钥）不是有效的 JSON：.*--set-secrets GOOGLE_SERVICE_ACCOUNT_JSON=/,
        ),
      ]);
      expect(broken.output()).toContain('DUBAN_SPREADSHEET_ID is missing: Cloud Functions needs the id');
      expect(JSON.stringify(problems) + broken.output()).not.toContain('MIIEv');
    } finally {
      await stop(broken);
    }
  });
});
