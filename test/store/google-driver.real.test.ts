/**
 * Google-specific guarantees of the google driver, against the local Sheets API server: constant call counts,
 * staff edits between read and write, retries, atomic failure, sharing errors.
 */
import { OAuth2Client } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import {
  emptyPlan,
  type SheetStore,
  type Snapshot,
  type TabSpec,
  type WritePlan,
} from '../../src/store/port';
import type { MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import type { CallInfo } from '../sheets-server/faults';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';
import { dumpSpreadsheet, seedOfWorkbook } from '../sheets-server/workbook';

const MAP = '挂图作战表';
let server: SheetsServer;
beforeAll(async () => {
  server = await startSheetsServer();
});
afterEach(() => {
  server.faults.clear();
  server.resetCalls();
});
afterAll(() => server.close());

function offlineAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.UTC(2100, 0, 1) });
  return auth;
}

const id = (i: number) => `ZD-2026-${String(i).padStart(4, '0')}`;
const UNITS = ['发改局', '住建局', '交通局', '水利局', '教体局'];

/** A battle map with `n` tasks: two header rows, month groups merged, system columns at the end. */
function battleMap(n: number): MemoryWorkbook {
  const rows: MemoryWorkbook['tabs'][number]['rows'] = [
    ['序号', '编号', '牵头单位', '工作任务', '完成时限', '3月', null, '状态', '系统提示'],
    [null, null, null, null, null, '应完成工作任务', '完成情况', null, null],
  ];
  for (let i = 1; i <= n; i++)
    rows.push([
      i,
      id(i),
      UNITS[i % UNITS.length]!,
      `任务${i}`,
      { date: '2026-06-30' },
      `节点${i}`,
      i % 3 ? '推进中' : null,
      null,
      null,
    ]);
  return {
    tabs: [
      { name: MAP, rows, merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:H2', 'I1:I2'] },
      { name: '审计日志', rows: [['时间', '操作者', '动作', '编号']] },
    ],
  };
}

const spec: TabSpec = {
  name: MAP,
  headerRows: 2,
  required: ['编号', '完成时限', '状态'],
  fillsOf: (h) => h === '状态' || h.endsWith('/完成情况'),
};

function storeFor(spreadsheetId: string, sleeps: number[] = []): SheetStore {
  return createGoogleStore({
    spreadsheetId,
    auth: offlineAuth(),
    rootUrl: `${server.url}/`,
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  });
}

/** Every task gets a 状态 naming its own 编号 and a fill, so a value on the wrong row shows. */
function planForAll(snapshot: Snapshot): WritePlan {
  return {
    ...emptyPlan(),
    cells: snapshot.tabs[MAP]!.rows.map((r) => ({
      tab: MAP,
      id: String(r.cells['编号']),
      rowHint: r.row,
      column: '状态',
      value: `状态:${r.cells['编号']}`,
      fill: 'FF0000',
    })),
  };
}

const apiCalls = () =>
  server.calls.reduce<Record<string, number>>(
    (acc, c) => ({ ...acc, [c.method]: (acc[c.method] ?? 0) + 1 }),
    {},
  );

describe('google driver call budget', () => {
  it('reads and applies a plan for 100 and for 5,000 tasks with the same handful of API calls', async () => {
    const budgets: Array<Record<string, number>> = [];
    for (const n of [100, 5000]) {
      const spreadsheetId = server.seed(seedOfWorkbook(battleMap(n)));
      const store = storeFor(spreadsheetId);
      server.resetCalls();
      const snapshot = await store.read([spec]);
      expect(snapshot.tabs[MAP]!.rows).toHaveLength(n);
      expect(snapshot.tabs[MAP]!.rows[0]!.cells['完成时限']).toEqual({ date: '2026-06-30' });
      const result = await store.apply(planForAll(snapshot), snapshot);
      expect(result).toEqual({ skipped: [], cellsWritten: n, fillsWritten: n, idsAssigned: 0 });
      budgets.push(apiCalls());
      const last = server.staff(spreadsheetId).values(MAP, `B${n + 2}:H${n + 2}`)[0]!;
      expect([last[0], last[6]]).toEqual([id(n), `状态:${id(n)}`]);
      expect(server.staff(spreadsheetId).fill(MAP, `H${n + 2}`)).toBe('FF0000');
      server.state.spreadsheets.delete(spreadsheetId);
    }
    expect(budgets[0]).toEqual({
      'spreadsheets.values.batchGet': 1,
      'spreadsheets.get': 2,
      'spreadsheets.batchUpdate': 1,
    });
    expect(budgets[1]).toEqual(budgets[0]);
  });

  it('sends nothing at all for an empty plan', async () => {
    const store = storeFor(server.seed(seedOfWorkbook(battleMap(3))));
    const snapshot = await store.read([spec]);
    server.resetCalls();
    await store.apply(emptyPlan(), snapshot);
    expect(server.calls).toEqual([]);
  });
});

describe('where the spreadsheet is', () => {
  it("gives the spreadsheet's id and each tab's gid (sheetId) in one call, for links to a cell", async () => {
    const spreadsheetId = server.seed(seedOfWorkbook(battleMap(2)));
    const store = storeFor(spreadsheetId);
    server.resetCalls();
    const location = await store.location!();
    expect(location.id).toBe(spreadsheetId);
    const meta = server.state.spreadsheets.get(spreadsheetId)!;
    expect(Object.keys(location.gids)).toContain(MAP);
    expect(location.gids[MAP]).toBe(meta.sheets.find((t) => t.properties.title === MAP)!.properties.sheetId);
    expect(server.calls.filter((c) => c.spreadsheetId === spreadsheetId)).toHaveLength(1);
  });
});

describe('staff edits between read and write', () => {
  it('after a typed cell, a sort, an inserted and a deleted row: every value lands on its own task, staff cells untouched', async () => {
    const spreadsheetId = server.seed(seedOfWorkbook(battleMap(30)));
    const store = storeFor(spreadsheetId);
    const snapshot = await store.read([spec]);
    const staff = server.staff(spreadsheetId);
    staff.type(MAP, 'G5', '已完成（人工填写）'); // task 3's 3月/完成情况
    staff.sortRows(MAP, 'C', 3, 'DESCENDING'); // by 牵头单位: every row moves
    staff.insertRow(MAP, 4, [0, 'ZD-2026-NEW', '财政局', '新增任务']);
    const victim = staff.values(MAP, 'B1:B40').findIndex((r) => r[0] === id(7)) + 1;
    staff.deleteRow(MAP, victim);

    const result = await store.apply(planForAll(snapshot), snapshot);

    expect(result.skipped).toEqual([{ tab: MAP, id: id(7), reason: expect.stringContaining(id(7)) }]);
    expect(result.cellsWritten).toBe(29);
    const rows = staff.values(MAP, 'A3:I40');
    for (const row of rows) {
      const [, taskId, , , , , progress, status] = row;
      if (taskId === 'ZD-2026-NEW') expect(status ?? '').toBe('');
      else expect(status).toBe(`状态:${taskId}`);
      if (taskId === id(3)) expect(progress).toBe('已完成（人工填写）');
    }
    expect(rows.map((r) => r[1])).not.toContain(id(7));
    // every written task row now carries its 编号 as row developer metadata, wherever it sits
    const tags = staff.rowMetadata(MAP, 'duban.id');
    rows.forEach((row, i) => {
      if (row[1] !== 'ZD-2026-NEW') expect(tags[i + 3]).toEqual([row[1]]);
    });
  });

  it('keeps row tags current when staff sort again before the next write', async () => {
    const spreadsheetId = server.seed(seedOfWorkbook(battleMap(6)));
    const store = storeFor(spreadsheetId);
    const first = await store.read([spec]);
    await store.apply(planForAll(first), first);
    server.staff(spreadsheetId).sortRows(MAP, 'B', 3, 'DESCENDING');
    const second = await store.read([spec]);
    await store.apply(planForAll(second), second);
    const tags = server.staff(spreadsheetId).rowMetadata(MAP, 'duban.id');
    expect(Object.values(tags).every((v) => v.length === 1)).toBe(true);
    expect(tags[3]).toEqual([id(6)]);
    expect(tags[8]).toEqual([id(1)]);
  });
});

describe('faults', () => {
  /** Fail every distinct call once with 429, so each is retried exactly once. */
  function quotaOnceEach(retryAfter: number) {
    const seen = new Set<string>();
    server.faults.fail(
      {
        when: (c: CallInfo) => {
          const key = `${c.method} ${JSON.stringify(c.query)} ${JSON.stringify(c.body)}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        },
      },
      { status: 429, retryAfter },
      Infinity,
    );
  }

  async function scenario(store: SheetStore) {
    const snapshot = await store.read([spec]);
    const result = await store.apply(planForAll(snapshot), snapshot);
    const landed = await store.append('审计日志', [
      { 时间: '2026-03-02 08:30', 操作者: '系统', 动作: '扫描' },
    ]);
    return { result, landed };
  }

  it('429 on every call once and a 500 on the write give the same result as no faults, honouring Retry-After', async () => {
    const clean = server.seed(seedOfWorkbook(battleMap(12)));
    const faulty = server.seed(seedOfWorkbook(battleMap(12)));
    const expected = await scenario(storeFor(clean));

    quotaOnceEach(2);
    server.faults.fail({ when: (c) => c.method === 'spreadsheets.batchUpdate' }, { status: 500 });
    const sleeps: number[] = [];
    const got = await scenario(storeFor(faulty, sleeps));

    expect(got).toEqual(expected);
    expect(dumpSpreadsheet(server.state.spreadsheets.get(faulty)!)).toEqual(
      dumpSpreadsheet(server.state.spreadsheets.get(clean)!),
    );
    const statuses = server.calls
      .filter((c) => c.spreadsheetId === faulty)
      .map((c) => `${c.method}:${c.status}`);
    expect(statuses.filter((s) => s.endsWith(':429'))).toHaveLength(6); // read 2, apply 2, append 2
    expect(statuses).toContain('spreadsheets.batchUpdate:500');
    expect(sleeps.filter((ms) => ms === 2000)).toHaveLength(6); // Retry-After: 2
    expect(sleeps).toContain(500); // the 500 on the write's 2nd try: full jitter 0.5 × 500ms × 2¹
  });

  it('a write that keeps failing leaves the sheet exactly as it was and says so in one readable error', async () => {
    const spreadsheetId = server.seed(seedOfWorkbook(battleMap(5)));
    const store = storeFor(spreadsheetId);
    const snapshot = await store.read([spec]);
    const before = dumpSpreadsheet(server.state.spreadsheets.get(spreadsheetId)!);
    server.faults.fail({ when: (c) => c.method === 'spreadsheets.batchUpdate' }, { status: 503 }, Infinity);
    await expect(store.apply(planForAll(snapshot), snapshot)).rejects.toThrow(
      /^\[store:google\] apply: 503 UNAVAILABLE The service is currently unavailable\.$/,
    );
    expect(server.calls.filter((c) => c.method === 'spreadsheets.batchUpdate')).toHaveLength(5);
    expect(dumpSpreadsheet(server.state.spreadsheets.get(spreadsheetId)!)).toEqual(before);
  });

  it('does not repeat an append after a 500 (it may have landed) but does after a 429', async () => {
    const spreadsheetId = server.seed(seedOfWorkbook(battleMap(2)));
    const store = storeFor(spreadsheetId);
    server.faults.fail({ when: (c) => c.method === 'spreadsheets.values.append' }, { status: 429 });
    await expect(store.append('审计日志', [{ 动作: 'a' }])).resolves.toEqual({ rows: [2] });
    server.faults.fail({ when: (c) => c.method === 'spreadsheets.values.append' }, { status: 500 });
    await expect(store.append('审计日志', [{ 动作: 'b' }])).rejects.toThrow(/\[store:google\] append: 500/);
    expect(
      server.calls.filter((c) => c.method === 'spreadsheets.values.append').map((c) => c.status),
    ).toEqual([429, 200, 500]);
  });

  it('names the e-mail to share the spreadsheet with when the service account was not given access', async () => {
    const spreadsheetId = server.seed({
      ...seedOfWorkbook(battleMap(2)),
      sharedWith: ['someone@example.gov.cn'],
    });
    const store = createGoogleStore({
      spreadsheetId,
      auth: offlineAuth(),
      rootUrl: `${server.url}/`,
      clientEmail: 'duban-bot@duban-2026.iam.gserviceaccount.com',
    });
    const error = await store.read([spec]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `[store:google] read: 403 PERMISSION_DENIED The caller does not have permission — share spreadsheet ${spreadsheetId} with duban-bot@duban-2026.iam.gserviceaccount.com as an Editor`,
    );
    expect(server.calls).toHaveLength(1); // a 403 is not retried
  });
});

describe('row tags within Google’s developer-metadata cap', () => {
  it('tags rows until the budget and still writes every value when a big sheet would exceed the cap', async () => {
    const spreadsheetId = server.seed(seedOfWorkbook(battleMap(2000)));
    const store = storeFor(spreadsheetId);
    const snapshot = await store.read([spec]);
    const result = await store.apply(planForAll(snapshot), snapshot);
    expect(result.cellsWritten).toBe(2000);
    const tags = Object.values(server.staff(spreadsheetId).rowMetadata(MAP, 'duban.id'));
    const chars = tags.flat().reduce((n, v) => n + 'duban.id'.length + v.length, 0);
    expect(tags.length).toBeGreaterThan(900);
    expect(chars).toBeLessThanOrEqual(20_000);
    expect(server.staff(spreadsheetId).values(MAP, 'H2002')).toEqual([[`状态:${id(2000)}`]]);
  });
});
