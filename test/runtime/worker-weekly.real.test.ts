/**
 * Issue 11: the weekly brief on the Worker as deployed — the `wrangler deploy --dry-run` bundle in workerd, its second
 * cron (runtime/crons.ts) fired through `scheduled()`, the briefs delivered over SMTP and registered in the spreadsheet's
 * 审计日志 on the local Sheets server: once per leader per week, moved past a holiday Monday, never twice.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_BRIEF_CRON } from '../../src/runtime/crons';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { ADMIN_TOKEN, FROM, dumpOf, seedDemo, serviceAccountJson } from './fixtures';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { buildWorkerBundle, bundleIn } from './worker-bundle';

let outdir: string;
let server: SheetsServer;
let sink: SmtpSink;

beforeAll(async () => {
  outdir = await buildWorkerBundle('duban-worker-weekly-');
  server = await startSheetsServer({ requireIssuedTokens: true });
  sink = await startSmtpSink();
}, 120_000);

afterAll(async () => {
  await sink?.close();
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

/** The bundle over a fresh demo spreadsheet, reaching the local Sheets server and SMTP sink directly. */
async function workerOnFreshDemo() {
  const id = seedDemo(server);
  const mf = bundleIn(outdir, {
    DUBAN_SPREADSHEET_ID: id,
    GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(`${server.url}/token`),
    DUBAN_SHEETS_ROOT_URL: server.url,
    DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
    DUBAN_MAIL_FROM: FROM,
    DUBAN_SMTP_HOST: '127.0.0.1',
    DUBAN_SMTP_PORT: String(sink.port),
  });
  const worker = await mf.getWorker();
  const fire = async (iso: string) => {
    const result = await worker.scheduled({ scheduledTime: new Date(iso), cron: WEEKLY_BRIEF_CRON });
    expect(result.outcome).toBe('ok');
  };
  const registered = () =>
    (dumpOf(server, id).tabs.find((t) => t.name === '审计日志')?.rows ?? []).filter(
      (r) => r[2] === '发送周报',
    );
  return { mf, fire, registered };
}

const briefs = () => sink.received.filter((m) => m.subject.startsWith('【每周督办摘要】'));

describe('the weekly brief on the Workers cron (workerd)', () => {
  it('goes out on Monday at 08:00 to each 分管领导 once, whatever the cron fires after', async () => {
    const before = briefs().length;
    const { mf, fire, registered } = await workerOnFreshDemo();
    try {
      await fire('2026-06-14T00:00:00Z'); // Sunday
      expect(briefs().length).toBe(before);
      for (const hour of ['00', '01', '02', '03']) await fire(`2026-06-15T${hour}:00:00Z`);
      await fire('2026-06-16T00:00:00Z');
      const sent = briefs().slice(before);
      expect(sent.map((m) => m.envelopeTo).sort()).toEqual([
        ['changwu@demo.gov.cn'],
        ['fxz.chengjian@demo.gov.cn'],
        ['fxz.nongye@demo.gov.cn'],
        ['fxz.shehui@demo.gov.cn'],
      ]);
      expect(sent.every((m) => m.subject.includes('2026年6月15日'))).toBe(true);
      expect(registered().map((r) => r[6])).toEqual(Array(4).fill('2026-06-15'));
      // The daily cron is still the scan: it writes no brief.
      const worker = await mf.getWorker();
      await worker.scheduled({ scheduledTime: new Date('2026-06-15T00:30:00Z'), cron: '30 0 * * *' });
      expect(registered()).toHaveLength(4);
    } finally {
      await mf.dispose();
    }
  });

  it('on a holiday Monday (劳动节, 2026-05-04) waits for Wednesday, and sends once', async () => {
    const before = briefs().length;
    const { mf, fire, registered } = await workerOnFreshDemo();
    try {
      for (const day of ['04', '05', '06', '07', '08'])
        for (const hour of ['00', '03']) await fire(`2026-05-${day}T${hour}:00:00Z`);
      const sent = briefs().slice(before);
      expect(sent).toHaveLength(4);
      expect(sent.every((m) => m.subject.includes('2026年5月6日'))).toBe(true);
      expect(registered().map((r) => r[6])).toEqual(Array(4).fill('2026-05-04'));
    } finally {
      await mf.dispose();
    }
  });
});
