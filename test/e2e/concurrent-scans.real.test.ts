import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { isNoticeType, kindOf } from '../../src/domain/notice-kinds';
import { sendWithoutSigning } from './no-signing';
import { createMemoryMailer, type MemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { serviceAccountAuth } from '../../src/store/drivers/google/google-auth';
import type { SheetStore } from '../../src/store/port';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { SCAN_TIME, seedDemo, serviceAccountJson } from '../runtime/fixtures';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { readRegister } from '../../src/workbook/read-ledgers';
import { tabSpec } from '../../src/workbook/schema/tabs';

const FROM = { address: 'duban@demo.gov.cn' };

/** A register row sent as a mail of its own: not an item of a daily digest (临期提醒, 审批提醒, a leader's 约谈建议). */
const ownMail = (type: string) => !(isNoticeType(type) && kindOf(type).viaDigest);

/** Two scans started at the same moment, each with its own store and mailer, as two cron runs or two machines. */
async function twoAtOnce(makeStore: () => SheetStore, now: Date) {
  const registerOf = async () =>
    readRegister((await makeStore().read([tabSpec('文书登记')])).tabs['文书登记'], 2026);
  const before = new Set((await registerOf()).map((r) => r.key));
  const mailers: MemoryMailer[] = [createMemoryMailer(), createMemoryMailer()];
  const summaries = await Promise.all(
    mailers.map((mailer) => runScan({ store: makeStore(), mailer, now, from: FROM })),
  );
  const register = await registerOf();
  const sent = mailers.flatMap((m) => m.sent);
  return { summaries, register, sent, before };
}

function expectNoDuplicates({ summaries, register, sent, before }: Awaited<ReturnType<typeof twoAtOnce>>) {
  const numbered = register.filter((r) => r.docNo && r.status !== '重复作废').map((r) => r.docNo);
  expect(numbered.length).toBeGreaterThan(5);
  expect(new Set(numbered).size).toBe(numbered.length);
  expect(numbered.some((d) => d.startsWith('〔待编号〕'))).toBe(false);
  const keys = sent.map((m) => m.headers?.['X-Duban-Dedupe-Key']);
  expect(new Set(keys).size).toBe(keys.length);
  // Every notice due went out exactly once, whichever scan sent it.
  const live = register.filter((r) => r.status === '已发送' && ownMail(r.type) && !before.has(r.key));
  expect(register.some((r) => r.status === '重复作废')).toBe(true); // the race did happen
  expect(sent.length).toBe(live.length);
  expect(summaries[0]!.notices.sent + summaries[1]!.notices.sent).toBe(sent.length);
  // Gap-free per type and year.
  const byType = new Map<string, number[]>();
  for (const d of numbered) {
    const m = /^(.*)〔(\d{4})〕(\d+)号$/.exec(d)!;
    byType.set(m[1]! + m[2]!, [...(byType.get(m[1]! + m[2]!) ?? []), Number(m[3])]);
  }
  for (const ns of byType.values()) expect([...ns].sort((a, b) => a - b)).toEqual(ns.map((_, i) => i + 1));
}

/**
 * A scan during an SMTP outage leaves its notices 待发送; then two scans start at the same moment and both find them
 * due for a retry. Each must go out once, from whichever scan claimed it first.
 */
async function outageThenTwoAtOnce(makeStore: () => SheetStore, now: Date) {
  const down = createMemoryMailer();
  down.failNext(Number.MAX_SAFE_INTEGER);
  await runScan({ store: makeStore(), mailer: down, now, from: FROM });
  const registerOf = async () =>
    readRegister((await makeStore().read([tabSpec('文书登记')])).tabs['文书登记'], 2026);
  const pending = (await registerOf()).filter((r) => r.status === '待发送' && ownMail(r.type));
  const mailers = [createMemoryMailer(), createMemoryMailer()];
  await Promise.all(mailers.map((mailer) => runScan({ store: makeStore(), mailer, now, from: FROM })));
  return { pending, register: await registerOf(), mailers };
}

function expectEachRetriedOnce({
  pending,
  register,
  mailers,
}: Awaited<ReturnType<typeof outageThenTwoAtOnce>>) {
  expect(pending.length).toBeGreaterThan(5);
  const keys = mailers.flatMap((m) => m.sent.map((s) => s.headers?.['X-Duban-Dedupe-Key']));
  expect([...keys].sort()).toEqual(pending.map((r) => r.key).sort());
  for (const p of pending) {
    expect(register.find((r) => r.row === p.row)).toMatchObject({ docNo: p.docNo, status: '已发送' });
    // both scans claimed it (the race did happen); the first claim won
    const claims = register.filter((r) => r.type === '重发' && r.key.startsWith(`${p.key}|重发|`));
    expect(claims.map((c) => c.status).sort()).toEqual(['已发送', '重复作废']);
    expect(claims.every((c) => c.docNo === '')).toBe(true);
  }
}

describe('two scans started at the same moment: no duplicate 文号, no duplicate e-mail', () => {
  it('retries a notice left 待发送 by an SMTP outage once, on one .xlsx workbook', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-retry-')), 'demo.xlsx');
    await createWorkbook(file, '2026-11-20');
    await sendWithoutSigning(file); // 签发 is tested in test/scan/signing.test.ts
    expectEachRetriedOnce(
      await outageThenTwoAtOnce(() => createXlsxPackageStore(file), new Date('2026-11-20T00:30:00Z')),
    );
  }, 240_000);

  it('on one .xlsx workbook', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-twice-')), 'demo.xlsx');
    await createWorkbook(file, '2026-11-20');
    await sendWithoutSigning(file); // 签发 is tested in test/scan/signing.test.ts
    expectNoDuplicates(await twoAtOnce(() => createXlsxPackageStore(file), new Date('2026-11-20T00:30:00Z')));
  }, 240_000);

  describe('on one Google spreadsheet', () => {
    let server: SheetsServer;
    beforeAll(async () => (server = await startSheetsServer()));
    afterAll(() => server.close());

    /** A fresh demo spreadsheet, and a store maker for it: each scan its own client, the calls slowed by 5 ms. */
    function demoSheet(): () => SheetStore {
      const spreadsheetId = seedDemo(server);
      server.faults.latency = 5;
      const key = serviceAccountJson(`${server.url}/token`);
      return () =>
        createGoogleStore({ spreadsheetId, auth: serviceAccountAuth(key), rootUrl: `${server.url}/` });
    }

    it('with both scans interleaving their API calls', async () => {
      expectNoDuplicates(await twoAtOnce(demoSheet(), new Date(SCAN_TIME)));
    }, 240_000);

    it('retrying a notice left 待发送 by an SMTP outage once', async () => {
      expectEachRetriedOnce(await outageThenTwoAtOnce(demoSheet(), new Date(SCAN_TIME)));
    }, 240_000);
  });
});
