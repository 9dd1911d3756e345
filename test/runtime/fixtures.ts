/**
 * Shared set-up of the runtime tests: the demo county seeded as a Google spreadsheet on the local Sheets server, a
 * service-account key the server issues tokens for, and the Node path's result (runScan + google driver) to compare
 * every runtime against.
 */
import { generateKeyPairSync } from 'node:crypto';
import { publicSummary } from '../../src/scan/summary';
import { createMemoryMailer } from '../../src/mail/memory';
import { noMailTransport } from '../../src/runtime/targets';
import { runScan } from '../../src/scan/run-scan';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { serviceAccountAuth } from '../../src/store/drivers/google/google-auth';
import type { MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import { generateDemo } from '../../sheets-templates/demo';
import { templateSeed } from '../sheets-server/seed-template';
import type { SheetsServer } from '../sheets-server/server';
import { dumpSpreadsheet } from '../sheets-server/workbook';

export const SCAN_DAY = '2026-06-15';
/** 08:30 Asia/Shanghai on SCAN_DAY (a Monday), when the cron fires. */
export const SCAN_TIME = Date.UTC(2026, 5, 15, 0, 30);
/** 08:30 on Sunday 2026-06-14: a day off, the cron must not scan. */
export const SUNDAY_TIME = Date.UTC(2026, 5, 14, 0, 30);
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const FROM = '县政府督查室 <duban@example.gov.cn>';
export const SERVICE_ACCOUNT = 'duban-bot@duban-2026.iam.gserviceaccount.com';

const demo = generateDemo({ year: 2026, asOf: SCAN_DAY });

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** The service-account key JSON as an operator would paste it (token_uri only when a test redirects it). */
export function serviceAccountJson(tokenUri?: string): string {
  return JSON.stringify({
    type: 'service_account',
    project_id: 'duban-2026',
    private_key_id: 'k1',
    private_key: privateKey,
    client_email: SERVICE_ACCOUNT,
    ...(tokenUri ? { token_uri: tokenUri } : {}),
  });
}

/** Seed (or reset) a spreadsheet holding the demo county on SCAN_DAY, shared with the service account only. */
export function seedDemo(server: SheetsServer, id?: string): string {
  return server.seed(templateSeed({ demo, sharedWith: [SERVICE_ACCOUNT], ...(id ? { id } : {}) }));
}

/** 08:30 Asia/Shanghai on a YYYY-MM-DD day, as the cron would scan it. */
export function morningOf(iso: string): Date {
  return new Date(`${iso}T00:30:00Z`);
}

export function dumpOf(server: SheetsServer, id: string): MemoryWorkbook {
  return dumpSpreadsheet(server.state.spreadsheets.get(id)!);
}

export interface NodeResult {
  summary: ReturnType<typeof publicSummary>;
  workbook: MemoryWorkbook;
}

/**
 * The Node path on its own copy of the demo: runScan with the google driver, as of `now` (default SCAN_TIME).
 * `mail`: 'none' fails every send as a runtime without SMTP does; 'delivering' delivers every notice.
 */
export async function nodeScan(
  server: SheetsServer,
  now = new Date(SCAN_TIME),
  mail: 'none' | 'delivering' = 'none',
): Promise<NodeResult> {
  const id = seedDemo(server);
  const store = createGoogleStore({
    spreadsheetId: id,
    auth: serviceAccountAuth(serviceAccountJson(`${server.url}/token`)),
    rootUrl: `${server.url}/`,
  });
  const summary = await runScan({
    store,
    mailer: mail === 'none' ? noMailTransport() : createMemoryMailer(),
    now,
    from: { name: '县政府督查室', address: 'duban@example.gov.cn' },
    // As the runtimes scan: last month's 通报 mailed to the leaders when its tab is written.
    mailBulletin: true,
  });
  return { summary: publicSummary(summary), workbook: dumpOf(server, id) };
}

/** Calls per API method on one spreadsheet. */
export function callsOn(server: SheetsServer, id: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of server.calls) if (c.spreadsheetId === id) out[c.method] = (out[c.method] ?? 0) + 1;
  return out;
}
