/**
 * The Google Sheet made from the template definition, created against the local Sheets API server and read back
 * through the server's state and the google driver; then the demo spreadsheet scanned like the .xlsx demo.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSummary } from '../../src/scan/summary';
import { CONFIG_ENTRIES } from '../../src/domain/config';
import { scanInstant } from '../../src/local/targets';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createGoogleStore } from '../../src/store/drivers/google/google';
import { createGoogleWorkbook, spreadsheetUrl } from '../../sheets-templates/google/google-create';
import { fillOfRgb } from '../../src/store/drivers/google/google-a1';
import type { SheetStore } from '../../src/store/port';
import { createXlsxStore } from '../../src/store/drivers/xlsx/xlsx';
import {
  GUIDE_TAB,
  SYSTEM_COLUMNS,
  SYSTEM_NOTE,
  TABS,
  TAB_NAMES,
  TAB_SPECS,
  headerKeys,
  tabDef,
  type DemoData,
} from '../../src/workbook/schema/tabs';
import { generateDemo } from '../../sheets-templates/demo';
import { writeTemplate } from '../../sheets-templates/xlsx/xlsx';
import type { SheetRec, SpreadsheetRec } from '../sheets-server/model';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';

const SA = 'duban-bot@county-duban.iam.gserviceaccount.com';
let server: SheetsServer;
let dir: string;
beforeAll(async () => {
  server = await startSheetsServer();
  dir = await mkdtemp(join(tmpdir(), 'duban-google-create-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function offlineAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.UTC(2100, 0, 1) });
  return auth;
}

const rootUrl = () => `${server.url}/`;

function storeOf(spreadsheetId: string): SheetStore {
  return createGoogleStore({ spreadsheetId, auth: offlineAuth(), rootUrl: rootUrl() });
}

async function create(opts: { demo?: DemoData; serviceAccountEmail?: string; spreadsheetId?: string } = {}) {
  server.resetCalls();
  const created = await createGoogleWorkbook({
    auth: offlineAuth(),
    rootUrl: rootUrl(),
    title: '督查督办（2026年）',
    ...opts,
  });
  const calls = server.countByMethod();
  const batch = server.calls.find((c) => c.method === 'spreadsheets.batchUpdate');
  const requests = (batch?.body as { requests: object[] } | undefined)?.requests.length ?? 0;
  return { ...created, calls, requests, ss: server.state.spreadsheets.get(created.spreadsheetId)! };
}

const sheetOf = (ss: SpreadsheetRec, title: string): SheetRec =>
  ss.sheets.find((s) => s.properties.title === title)!;
const text = (sheet: SheetRec, r: number, c: number) =>
  sheet.rows[r]?.cells[c]?.userEnteredValue?.stringValue;
const columnOf = (name: (typeof TAB_NAMES)[number], key: string) => headerKeys(name).indexOf(key);

describe('the empty template as a Google Sheet', () => {
  let made: Awaited<ReturnType<typeof create>>;
  beforeAll(async () => {
    made = await create({ serviceAccountEmail: SA });
  });

  it('takes one create and one batchUpdate, and answers the URL staff open', () => {
    expect(made.calls).toEqual({ 'spreadsheets.create': 1, 'spreadsheets.batchUpdate': 1 });
    expect(made.url).toBe(spreadsheetUrl(made.spreadsheetId));
    expect(made.url).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/\w+\/edit$/);
    expect(made.ss.properties.title).toBe('督查督办（2026年）');
  });

  it('has the guide and every tab in order, header rows and leading columns frozen', () => {
    expect(made.ss.sheets.map((s) => s.properties.title)).toEqual([GUIDE_TAB, ...TAB_NAMES]);
    for (const def of TABS) {
      const grid = sheetOf(made.ss, def.name).properties.gridProperties;
      expect([grid.frozenRowCount, grid.frozenColumnCount ?? 0], def.name).toEqual([
        def.headerRows,
        def.frozenColumns,
      ]);
      expect(grid.columnCount).toBeGreaterThanOrEqual(def.columns.length);
    }
  });

  it('reads through the google driver with every header found and the 规则配置 defaults', async () => {
    const snapshot = await storeOf(made.spreadsheetId).read([...TAB_SPECS]);
    expect(snapshot.problems).toEqual([]);
    for (const def of TABS) expect(snapshot.tabs[def.name]!.headers, def.name).toEqual(headerKeys(def.name));
    const config = snapshot.tabs['规则配置']!.rows.map((r) => [r.cells['配置项'], r.cells['取值'] ?? '']);
    expect(config).toEqual(CONFIG_ENTRIES.map((e) => [e.key, e.default]));
    expect(snapshot.tabs['挂图作战表']!.rows).toEqual([]);
  });

  it('merges each month over its two columns and every other 挂图作战表 header over both rows', () => {
    const sheet = sheetOf(made.ss, '挂图作战表');
    const def = tabDef('挂图作战表');
    const merges = sheet.merges.map((m) => [
      m.startRowIndex,
      m.endRowIndex,
      m.startColumnIndex,
      m.endColumnIndex,
    ]);
    const january = columnOf('挂图作战表', '1月/应完成工作任务');
    expect(text(sheet, 0, january)).toBe('1月');
    expect(text(sheet, 1, january)).toBe('应完成工作任务');
    expect(text(sheet, 1, january + 1)).toBe('完成情况');
    expect(merges).toContainEqual([0, 1, january, january + 2]);
    const months = merges.filter(([, bottom]) => bottom === 1);
    expect(months).toHaveLength(12);
    const single = def.columns.flatMap((c, i) => (c.group ? [] : [[0, 2, i, i + 1]]));
    expect(merges.filter(([, bottom]) => bottom === 2).sort((a, b) => a[2]! - b[2]!)).toEqual(single);
    expect(text(sheet, 0, columnOf('挂图作战表', '编号'))).toBe('编号');
  });

  it('paints system headers grey and notes them as system-written', () => {
    const sheet = sheetOf(made.ss, '督办台账');
    const status = columnOf('督办台账', '状态');
    const header = sheet.rows[0]!.cells[status]!;
    expect(fillOfRgb(header.userEnteredFormat!.backgroundColorStyle!.rgbColor!)).toBe('D9D9D9');
    expect(header.userEnteredFormat?.textFormat?.bold).toBe(true);
    expect(header.note).toMatch(new RegExp(`^${SYSTEM_NOTE}`));
    const title = sheet.rows[0]!.cells[columnOf('督办台账', '事项标题')]!;
    expect(title.userEnteredFormat?.backgroundColorStyle?.rgbColor).not.toEqual(
      header.userEnteredFormat?.backgroundColorStyle?.rgbColor,
    );
    const deadline = sheetOf(made.ss, '挂图作战表').rows[0]!.cells[columnOf('挂图作战表', '完成时限')]!;
    expect(deadline.note).toContain('长期 / 持续推进 / 常态化');
  });

  it('sizes columns from the definition widths', () => {
    const sheet = sheetOf(made.ss, '挂图作战表');
    expect(sheet.cols[columnOf('挂图作战表', '工作任务')]!.pixelSize).toBe(30 * 7 + 5);
    expect(sheet.cols[columnOf('挂图作战表', '序号')]!.pixelSize).toBe(6 * 7 + 5);
  });

  it('offers every list column as a drop-down that suggests rather than refuses, down to the last row', () => {
    for (const def of TABS) {
      const sheet = sheetOf(made.ss, def.name);
      def.columns.forEach((c, i) => {
        const first = sheet.rows[def.headerRows]!.cells[i]?.dataValidation;
        const last = sheet.rows[sheet.rows.length - 1]!.cells[i]?.dataValidation;
        if (!c.list) return expect(first, `${def.name}/${c.key}`).toBeUndefined();
        expect(first?.condition?.type).toBe('ONE_OF_LIST');
        expect(first?.condition?.values?.map((v) => v.userEnteredValue)).toEqual([...c.list]);
        expect([first?.strict, first?.showCustomUi]).toEqual([false, true]);
        expect(last).toEqual(first);
        expect(sheet.rows[0]!.cells[i]?.dataValidation, 'header has no drop-down').toBeUndefined();
      });
    }
  });

  it('protects the system columns with a warning and the 审计日志 / 文书登记 tabs for the service account only', () => {
    for (const name of ['挂图作战表', '督办台账'] as const) {
      const ranges = sheetOf(made.ss, name).protectedRanges;
      const first = columnOf(name, SYSTEM_COLUMNS[0]);
      expect(ranges, name).toHaveLength(1);
      expect(ranges[0]).toMatchObject({
        warningOnly: true,
        range: { startColumnIndex: first, endColumnIndex: first + SYSTEM_COLUMNS.length },
      });
      expect(ranges[0]!.range?.startRowIndex).toBeUndefined();
    }
    for (const name of ['审计日志', '文书登记']) {
      const ranges = sheetOf(made.ss, name).protectedRanges;
      expect(ranges, name).toHaveLength(1);
      expect(ranges[0]!.editors).toEqual({ users: [SA] });
      expect(ranges[0]!.warningOnly).toBeFalsy();
      expect(ranges[0]!.range).toEqual({ sheetId: sheetOf(made.ss, name).properties.sheetId });
    }
    const others = TABS.filter((t) => !['挂图作战表', '督办台账', '审计日志', '文书登记'].includes(t.name));
    for (const def of others) expect(sheetOf(made.ss, def.name).protectedRanges, def.name).toEqual([]);
  });

  it('writes the guide tab with a line per tab', () => {
    const guide = sheetOf(made.ss, GUIDE_TAB);
    const labels = guide.rows.map((r) => r.cells[0]?.userEnteredValue?.stringValue);
    expect(labels[0]).toBe('督查督办工作簿使用说明');
    for (const name of TAB_NAMES) expect(labels).toContain(name);
  });

  it('leaves the ledger protections without editors when the service account is not known', async () => {
    const anonymous = await create();
    const audit = sheetOf(anonymous.ss, '审计日志').protectedRanges[0]!;
    expect(audit.editors).toBeUndefined();
    expect(audit.warningOnly).toBeFalsy();
  });
});

describe('setting up an existing spreadsheet shared with the service account', () => {
  it('adds every tab in one batchUpdate before the staff’s own tab, and refuses a second time', async () => {
    const spreadsheetId = server.seed({ sheets: [{ title: '工作表1', rows: [['我的笔记']] }] });
    const made = await create({ spreadsheetId, serviceAccountEmail: SA });
    expect(made.calls).toEqual({ 'spreadsheets.get': 1, 'spreadsheets.batchUpdate': 1 });
    expect(made.ss.sheets.map((s) => s.properties.title)).toEqual([GUIDE_TAB, ...TAB_NAMES, '工作表1']);
    expect(text(sheetOf(made.ss, '工作表1'), 0, 0)).toBe('我的笔记');
    const snapshot = await storeOf(spreadsheetId).read([...TAB_SPECS]);
    expect(snapshot.problems).toEqual([]);
    await expect(create({ spreadsheetId })).rejects.toThrow(/already has a tab '使用说明'/);
    expect(server.state.spreadsheets.get(spreadsheetId)!.sheets).toHaveLength(TABS.length + 2);
  });
});

describe('the demo as a Google Sheet', () => {
  const asOf = '2026-06-15';
  const demo = generateDemo({ year: 2026, asOf });
  let made: Awaited<ReturnType<typeof create>>;
  let xlsxFile: string;
  beforeAll(async () => {
    made = await create({ demo, serviceAccountEmail: SA });
    xlsxFile = join(dir, 'demo.xlsx');
    await writeTemplate(xlsxFile, { demo });
  });

  it('costs the same two calls and the same number of requests whatever the number of rows', async () => {
    const bigger: DemoData = {
      ...demo,
      挂图作战表: [0, 1, 2].flatMap((k) =>
        demo.挂图作战表!.map((row) => ({
          ...row,
          编号: k ? `${String(row.编号)}-${k}` : (row.编号 ?? null),
        })),
      ),
    };
    const big = await create({ demo: bigger, serviceAccountEmail: SA });
    expect(made.calls).toEqual({ 'spreadsheets.create': 1, 'spreadsheets.batchUpdate': 1 });
    expect(big.calls).toEqual(made.calls);
    expect(big.requests).toBe(made.requests);
    const empty = await create({ serviceAccountEmail: SA });
    // one updateCells per tab that has demo rows, nothing per row
    const tabsWithRows = TABS.filter((t) => t.name !== '规则配置' && demo[t.name]?.length).length;
    expect(made.requests - empty.requests).toBe(tabsWithRows);
  });

  it('stores text as text and dates as date serials', () => {
    const sheet = sheetOf(made.ss, '督办台账');
    const assigned = sheet.rows[1]!.cells[columnOf('督办台账', '交办日期')]!;
    expect(typeof assigned.userEnteredValue?.numberValue).toBe('number');
    expect(assigned.userEnteredFormat?.numberFormat?.type).toBe('DATE');
    const formulas = made.ss.sheets.flatMap((s) =>
      s.rows.flatMap((r) => r.cells.filter((c) => c?.userEnteredValue?.formulaValue !== undefined)),
    );
    expect(formulas).toEqual([]);
  });

  it('keeps a demo text that looks like a formula as plain text', async () => {
    const row = { ...demo.挂图作战表![0]!, 工作任务: '=HYPERLINK("http://evil.example","点我")' };
    const tricky = await create({ demo: { ...demo, 挂图作战表: [row] } });
    const cell = sheetOf(tricky.ss, '挂图作战表').rows[2]!.cells[columnOf('挂图作战表', '工作任务')]!;
    expect(cell.userEnteredValue).toEqual({ stringValue: '=HYPERLINK("http://evil.example","点我")' });
  });

  it('reads back through the google driver cell for cell as the .xlsx demo reads through the xlsx driver', async () => {
    const [google, xlsx] = await Promise.all([
      storeOf(made.spreadsheetId).read([...TAB_SPECS]),
      createXlsxStore(xlsxFile).read([...TAB_SPECS]),
    ]);
    expect(google.problems).toEqual(xlsx.problems);
    for (const name of TAB_NAMES) {
      const strip = (rows: (typeof google.tabs)[string]['rows']) =>
        rows.map((r) => ({ row: r.row, cells: r.cells, fills: r.fills }));
      expect(strip(google.tabs[name]!.rows), name).toEqual(strip(xlsx.tabs[name]!.rows));
      // 规则配置 holds every key (the demo only overrides its county's names in it).
      const rows =
        name === '规则配置' ? CONFIG_ENTRIES.length : (demo[name]?.length ?? CONFIG_ENTRIES.length);
      expect(google.tabs[name]!.rows.length, name).toBe(rows);
    }
  });

  it('scans to the same result as the .xlsx demo, and a second scan the same day sends nothing twice', async () => {
    const google = storeOf(made.spreadsheetId);
    const xlsx = createXlsxStore(xlsxFile);
    const scan = (store: SheetStore) =>
      runScan({
        store,
        mailer: createMemoryMailer(),
        now: scanInstant(asOf),
        from: { address: 'duban@example.gov.cn' },
      }).then(publicSummary);
    const [first, firstXlsx] = [await scan(google), await scan(xlsx)];
    expect(first.tasks).toBe(demo.挂图作战表!.length + demo.督办台账!.length);
    expect(first.notices.created).toBeGreaterThan(0);
    expect(first.byCard.红牌).toBeGreaterThan(0);
    expect(first).toEqual(firstXlsx);
    const [second, secondXlsx] = [await scan(google), await scan(xlsx)];
    expect(second.notices.created).toBe(0);
    expect(second).toEqual(secondXlsx);
  });
});
