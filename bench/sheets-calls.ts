/**
 * Sheets API calls of scans with the google driver, against the local Sheets server. Each workbook is scanned as an
 * office would: the first scan of a new workbook (the import, which fills every system cell), the next working
 * day's scan (nothing due), a day when the escalation ladder's next step falls due (notices), and a re-scan of that
 * same day (nothing changed). The first scan is also redone by a naive per-row client: one values.get per row
 * read, one call per changed cell (values.update for a value, batchUpdate for a fill), one values.append per
 * ledger row. Run: `npx tsx bench/sheets-calls.ts [--quick]`.
 *
 * Workbooks are demo-like and deterministic: the demo county of generateDemo(2026, 2026-06-15), its 挂图作战表 rows
 * repeated with new 编号 up to N tasks. Options: `--quick` (100 and 5,000 tasks), `--sizes=100,20000`; the
 * default, 100 and 50,000, needs `node --max-old-space-size=8000 --import tsx bench/sheets-calls.ts` and about
 * 20 minutes. The "largest call" column shows the biggest request body Google would receive (10 MB bodies are
 * refused, so a write over 8 MB goes out in several batchUpdates).
 */
import { OAuth2Client } from 'google-auth-library';
import { CONFIG_ENTRIES } from '../src/domain/config';
import { createMemoryMailer } from '../src/mail/memory';
import { scanInstant } from '../src/local/targets';
import { runScan, type ScanSummary } from '../src/scan/run-scan';
import { columnLetter } from '../src/store/grid/a1';
import { createGoogleStore } from '../src/store/drivers/google/google';
import type { CellWrite, SheetStore, Snapshot, WritePlan } from '../src/store/port';
import {
  CONFIG_HEADERS,
  TABS,
  TAB_SPECS,
  type CellValue,
  type DemoData,
  type TabDef,
} from '../src/workbook/schema/tabs';
import { generateDemo } from '../sheets-templates/demo';
import type { SeedCell, SeedSheet, SeedSpreadsheet } from '../test/sheets-server/seed';
import { startSheetsServer, type SheetsServer } from '../test/sheets-server/server';

const AS_OF = '2026-06-15';
/** The scans of one workbook, in order. 6月18日: 3 working days after the first 催办单, the 督办单 fall due. */
const SCANS: Array<{ label: string; day: string }> = [
  { label: 'first scan (import)', day: AS_OF },
  { label: 'next working day', day: '2026-06-16' },
  { label: 'ladder step due', day: '2026-06-18' },
  { label: 're-scan, nothing changed', day: '2026-06-18' },
];
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
/** `--sizes=100,20000` picks sizes; `--quick` is 100 and 5,000; default 100 and 50,000. */
const SIZES = sizesArg
  ? sizesArg.slice('--sizes='.length).split(',').map(Number)
  : process.argv.includes('--quick')
    ? [100, 5_000]
    : [100, 50_000];
/**
 * Naive calls actually sent per kind: at most this many, and no more once 10 s went by (on the local server every
 * write copies the whole spreadsheet, so big sheets are slow to write to). The rest is counted, not sent.
 */
const NAIVE_READ_SAMPLE = 2_000;
const NAIVE_WRITE_SAMPLE = 200;
const NAIVE_SAMPLE_MS = 10_000;
/** Sheets API default quota: 60 read and 60 write requests per minute per user (a service account is one user). */
const QUOTA_PER_MINUTE = 60;

type Row = Record<string, CellValue>;

// ---------------------------------------------------------------- workbooks

function seedValue(v: CellValue | undefined): SeedCell {
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  return v ?? null;
}

function headerRowsOf(def: TabDef): { rows: SeedCell[][]; merges: string[] } {
  const top: SeedCell[] = [];
  const bottom: SeedCell[] = [];
  const merges: string[] = [];
  def.columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    if (def.headerRows === 1 || !c.group) {
      top.push(c.header);
      bottom.push(null);
      if (def.headerRows === 2) merges.push(`${col}1:${col}2`);
      return;
    }
    const first = def.columns[i - 1]?.group !== c.group;
    top.push(first ? c.group : null);
    bottom.push(c.header);
    if (first && def.columns[i + 1]?.group === c.group) merges.push(`${col}1:${columnLetter(i + 2)}1`);
  });
  return { rows: def.headerRows === 2 ? [top, bottom] : [top], merges };
}

function sheetOf(def: TabDef, rows: Row[]): SeedSheet {
  const header = headerRowsOf(def);
  return {
    title: def.name,
    rows: [...header.rows, ...rows.map((row) => def.columns.map((c) => seedValue(row[c.key])))],
    merges: header.merges,
    frozenRowCount: def.headerRows,
    columnCount: Math.max(26, def.columns.length),
    rowCount: def.headerRows + rows.length + 100,
  };
}

function seedOf(data: DemoData): SeedSpreadsheet {
  const config = CONFIG_ENTRIES.map((e) => ({
    [CONFIG_HEADERS.key]: e.key,
    [CONFIG_HEADERS.value]: e.default,
  }));
  return {
    title: 'bench',
    sheets: TABS.map((def) => sheetOf(def, def.name === '规则配置' ? config : (data[def.name] ?? []))),
  };
}

/** `n` battle-map rows: the given rows first, then copies with fresh 编号 (ZD-2026-X00001 …). */
function repeatTasks(rows: Row[], n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const base = rows[i % rows.length]!;
    if (i < rows.length) return { ...base, 序号: i + 1 };
    return { ...base, 序号: i + 1, 编号: `ZD-2026-X${String(i + 1).padStart(5, '0')}` };
  });
}

// ---------------------------------------------------------------- measuring

function offlineAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'bench-token', expiry_date: Date.UTC(2100, 0, 1) });
  return auth;
}

interface Recorded {
  /** Every read of the scan, in order (the scan reads all tabs, then 文书登记 again before numbering notices). */
  reads: Snapshot[];
  plans: WritePlan[];
  appended: Array<{ tab: string; rows: number }>;
}

/** The google store, remembering what the scan read, planned and appended (for the naive client to redo). */
function recordingStore(inner: SheetStore, rec: Recorded): SheetStore {
  return {
    async read(specs) {
      const snapshot = await inner.read(specs);
      rec.reads.push(snapshot);
      return snapshot;
    },
    apply(plan, snapshot) {
      rec.plans.push(plan);
      return inner.apply(plan, snapshot);
    },
    append(tab, rows) {
      rec.appended.push({ tab, rows: rows.length });
      return inner.append(tab, rows);
    },
  };
}

interface ScanRun {
  summary: ScanSummary;
  calls: Record<string, number>;
  total: number;
  ms: number;
  rec: Recorded;
  /** Size of the largest request body sent, in bytes of JSON. */
  largestBody: number;
}

async function scanOnce(server: SheetsServer, spreadsheetId: string, day: string): Promise<ScanRun> {
  const rec: Recorded = { reads: [], plans: [], appended: [] };
  const store = recordingStore(
    createGoogleStore({ spreadsheetId, auth: offlineAuth(), rootUrl: `${server.url}/` }),
    rec,
  );
  server.resetCalls();
  const t0 = performance.now();
  const summary = await runScan({
    store,
    mailer: createMemoryMailer(),
    now: scanInstant(day),
    from: { name: '县政府督查室', address: 'duban@example.gov.cn' },
  });
  const ms = performance.now() - t0;
  const calls = server.countByMethod();
  const largestBody = server.calls.reduce(
    (m, c) => Math.max(m, c.body ? Buffer.byteLength(JSON.stringify(c.body)) : 0),
    0,
  );
  return { summary, calls, total: Object.values(calls).reduce((a, b) => a + b, 0), ms, rec, largestBody };
}

interface NaiveRun {
  /** Calls the naive client needs for the whole scan. */
  total: number;
  byKind: { rowReads: number; cellWrites: number; fillWrites: number; appends: number };
  sent: number;
  ms: number;
  /** Estimated wall time of all `total` calls at the measured per-call times. */
  estimatedMs: number;
}

/**
 * The naive client on a fresh copy of the workbook: values.get per row of every tab read, then per changed cell a
 * values.update (value) or batchUpdate (fill), per ledger row a values.append. Sends a sample, counts the rest.
 */
async function naiveRun(server: SheetsServer, spreadsheetId: string, scan: ScanRun): Promise<NaiveRun> {
  const sheets = (await import('googleapis/build/src/apis/sheets')).sheets_v4;
  const api = new sheets.Sheets({ auth: offlineAuth(), rootUrl: `${server.url}/` });
  const snapshot = scan.rec.reads[0]!;
  const reads: string[] = [];
  const headerRows = new Map(TAB_SPECS.map((s) => [s.name, s.headerRows]));
  for (const read of scan.rec.reads) {
    for (const tab of Object.values(read.tabs)) {
      const last = tab.rows.reduce<number>((m, r) => Math.max(m, r.row), headerRows.get(tab.name) ?? 1);
      for (let r = 1; r <= last; r++) reads.push(`'${tab.name}'!${r}:${r}`);
    }
  }
  const column = (tab: string, key: string) =>
    columnLetter((snapshot.tabs[tab]?.headers.indexOf(key) ?? 0) + 1);
  const values: Array<{ range: string; value: CellWrite }> = [];
  const fills: Array<{ tab: string; row: number; col: number }> = [];
  for (const plan of scan.rec.plans) {
    for (const c of plan.cells) {
      if (c.value !== undefined)
        values.push({ range: `'${c.tab}'!${column(c.tab, c.column)}${c.rowHint}`, value: c.value });
      if (c.fill !== undefined)
        fills.push({ tab: c.tab, row: c.rowHint, col: snapshot.tabs[c.tab]!.headers.indexOf(c.column) });
    }
    for (const id of plan.ids)
      values.push({ range: `'${id.tab}'!${column(id.tab, '编号')}${id.row}`, value: id.id });
    for (const a of plan.appends)
      values.push({ range: `'${a.tab}'!${column(a.tab, a.column)}${a.rowHint}`, value: a.text });
    // a ledger update finds its row by reading the key column first: counted as one read per update
    for (const u of plan.ledgerUpdates) {
      reads.push(`'${u.tab}'!${column(u.tab, u.keyColumn)}:${column(u.tab, u.keyColumn)}`);
      for (const [k, v] of Object.entries(u.values))
        values.push({ range: `'${u.tab}'!${column(u.tab, k)}2`, value: v });
    }
  }
  const appends = scan.rec.appended.reduce((n, a) => n + a.rows, 0);
  const total = reads.length + values.length + fills.length + appends;

  server.resetCalls();
  const timeOf = async <T>(items: T[], sample: number, send: (item: T) => Promise<unknown>) => {
    const t0 = performance.now();
    let sent = 0;
    for (const item of items.slice(0, sample)) {
      await send(item);
      sent++;
      if (performance.now() - t0 > NAIVE_SAMPLE_MS) break;
    }
    const ms = performance.now() - t0;
    return { ms, sent, perCall: sent ? ms / sent : 0 };
  };
  const sheetIdOf = new Map(
    (
      (await api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(sheetId,title)' })).data
        .sheets ?? []
    ).map((s) => [s.properties?.title ?? '', s.properties?.sheetId ?? 0]),
  );
  server.resetCalls();
  const r = await timeOf(reads, NAIVE_READ_SAMPLE, (range: string) =>
    api.spreadsheets.values.get({ spreadsheetId, range }),
  );
  const w = await timeOf(values, NAIVE_WRITE_SAMPLE, (v: { range: string; value: CellWrite }) =>
    api.spreadsheets.values.update({
      spreadsheetId,
      range: v.range,
      valueInputOption: 'RAW',
      requestBody: { values: [[v.value ?? '']] },
    }),
  );
  const f = await timeOf(fills, NAIVE_WRITE_SAMPLE, (x: { tab: string; row: number; col: number }) =>
    api.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: {
                sheetId: sheetIdOf.get(x.tab),
                startRowIndex: x.row - 1,
                endRowIndex: x.row,
                startColumnIndex: x.col,
                endColumnIndex: x.col + 1,
              },
              cell: { userEnteredFormat: { backgroundColor: { red: 1 } } },
              fields: 'userEnteredFormat.backgroundColor',
            },
          },
        ],
      },
    }),
  );
  const sent = Object.values(server.countByMethod()).reduce((a, b) => a + b, 0);
  const sentAll = sent === total - appends;
  // appends cost about what a single-cell write costs: not sent, estimated at the write rate
  const estimatedMs =
    reads.length * r.perCall +
    values.length * w.perCall +
    (fills.length + appends) * (f.perCall || w.perCall);
  return {
    total,
    byKind: { rowReads: reads.length, cellWrites: values.length, fillWrites: fills.length, appends },
    sent,
    ms: r.ms + w.ms + f.ms,
    estimatedMs: sentAll ? r.ms + w.ms + f.ms + appends * (f.perCall || w.perCall) : estimatedMs,
  };
}

// ---------------------------------------------------------------- report

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const hours = (calls: number) => {
  const minutes = calls / QUOTA_PER_MINUTE;
  return minutes >= 60 ? `${(minutes / 60).toFixed(1)} h` : `${minutes.toFixed(1)} min`;
};
const methods = (calls: Record<string, number>) =>
  Object.entries(calls)
    .map(([m, n]) => `${m.replace('spreadsheets.', '')}×${n}`)
    .join(' ');

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

interface Tables {
  results: string[][];
  details: string[];
  scans: string[][];
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

async function measureSize(server: SheetsServer, demo: DemoData, n: number, out: Tables) {
  const data: DemoData = { ...demo, 挂图作战表: repeatTasks(demo.挂图作战表!, n), 督办台账: demo.督办台账 };
  const seed = seedOf(data);
  const spreadsheetId = server.seed(seed);
  const runs: ScanRun[] = [];
  for (const { label, day } of SCANS) {
    const run = await scanOnce(server, spreadsheetId, day);
    runs.push(run);
    out.scans.push([
      fmt(n),
      `${label} ${day.slice(5)}`,
      fmt(run.summary.notices.created),
      fmt(run.summary.cellsWritten),
      fmt(run.summary.auditRows),
      fmt(run.total),
      methods(run.calls),
      mb(run.largestBody),
      secs(run.ms),
    ]);
  }
  const first = runs[0]!;
  const naive = await naiveRun(server, server.seed(seed), first);
  out.results.push([
    fmt(n),
    fmt(first.summary.tasks),
    fmt(first.summary.notices.created),
    fmt(first.total),
    fmt(naive.total),
    `${fmt(Math.round(naive.total / first.total))}×`,
    secs(first.ms),
    `${naive.sent === naive.total - naive.byKind.appends ? '' : '~'}${secs(naive.estimatedMs)}`,
    hours(naive.total),
  ]);
  out.details.push(
    `${fmt(n)} tasks — ours: ${methods(first.calls)}; naive: ${fmt(naive.byKind.rowReads)} row reads + ` +
      `${fmt(naive.byKind.cellWrites)} value writes + ${fmt(naive.byKind.fillWrites)} fill writes + ` +
      `${fmt(naive.byKind.appends)} row appends, ${fmt(naive.sent)} of them sent (${secs(naive.ms)}), the rest extrapolated`,
  );
  server.state.spreadsheets.clear();
}

async function main(): Promise<void> {
  const server = await startSheetsServer();
  const demo = generateDemo({ year: 2026, asOf: AS_OF });
  const out: Tables = { results: [], details: [], scans: [] };
  const failures: string[] = [];
  for (const n of SIZES) {
    try {
      await measureSize(server, demo, n, out);
    } catch (error) {
      // A failure is a finding: report it and still measure the other sizes.
      out.results.push([fmt(n), 'FAILED', '', '', '', '', '', '', '']);
      failures.push(`${fmt(n)} tasks: ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
    server.state.spreadsheets.clear();
  }
  await server.close();

  console.log('Sheets API calls of each scan (local Sheets server, google driver)\n');
  const scanHead = [
    'rows',
    'scan',
    'notices',
    'cells',
    'audit rows',
    'calls',
    'by method',
    'largest call',
    'time',
  ];
  console.log(table(scanHead, out.scans));
  console.log(`\nThe first scan next to a naive per-row client doing the same work\n`);
  const head = ['挂图作战表 rows', 'tasks', 'notices', 'our calls', 'naive calls', 'ratio', 'our time'];
  console.log(table([...head, 'naive time', 'naive @60/min'], out.results));
  console.log(`\n${out.details.join('\n')}`);
  if (failures.length) console.log(`\nFAILED\n${failures.join('\n')}`);
  console.log(
    `\nnaive time: measured per-call time on the local server × calls (~ = only a sample was sent: up to ` +
      `${fmt(NAIVE_READ_SAMPLE)} reads and ${fmt(NAIVE_WRITE_SAMPLE)} writes of each kind, at most ${NAIVE_SAMPLE_MS / 1000} s ` +
      'each; the rest extrapolated; local writes copy the whole sheet, so this grows with size). "naive @60/min" is the ' +
      'floor set by the default Sheets quota of 60 requests per minute per user.',
  );
}

await main();
