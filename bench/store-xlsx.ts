/**
 * How long the xlsx driver takes on a big battle map: 50,000 rows × 44 columns (two header rows, 12 month groups),
 * read once, then one apply writing 状态 + fill + 剩余工作日 on every row and an id on 1% of rows ("one scan's store
 * work"), next to a bare unzip + rezip of the same file (node:zlib at the driver's deflate levels; and Info-ZIP's
 * unzip + zip through the disk when installed).
 *
 * Each of the package driver, the exceljs driver and the node:zlib rezip runs in a process of its own (this file with
 * `--child`), so each peak RSS is its own and like is compared with like:
 * - cold: the first run in a fresh process, as `duban scan` does it once a day (code not yet optimised, and all its
 *   memory touched for the first time, which costs a page fault each 4 KB: the bench prints what a MB costs here);
 * - warm: the best of runs 2 and 3 in the same process, on fresh copies of the file, as `duban serve` scans each
 *   morning (the exceljs driver runs cold only; it takes seconds a run).
 * Info-ZIP is new processes each time; it is compared with both. The package driver's cold run is followed by a read
 * after the apply, an apply with every row hint wrong and an append of 10 ledger rows.
 * Run: npx tsx bench/store-xlsx.ts [rows] [package|exceljs]   (one driver only)
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyPlan, type SheetStore, type TabSpec, type WritePlan } from '../src/store/port';
import type { FixtureTab } from '../src/store/drivers/memory/workbook-model';
import { entryBytes, newEntry, readZip, writeZip } from '../src/store/drivers/xlsx-package/zip';

const ROWS = Number(process.argv[2] ?? 50_000);
const TAB = '挂图作战表';
const FRONT = [
  '序号',
  '编号',
  '事项来源',
  '分管领导',
  '牵头单位',
  '配合单位',
  '主要负责人',
  '具体责任人',
  '工作任务',
  '年度目标',
  '完成时限',
  '星级',
];
const SYSTEM = ['状态', '预警', '剩余工作日', '当前节点', '最近反馈', '催办次数', '原完成时限', '系统提示'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** Deterministic rows: every 100th row has no 编号. */
function battleMap(rows: number): FixtureTab {
  const header1 = [...FRONT, ...MONTHS.flatMap((m) => [m, null]), ...SYSTEM];
  const header2 = [
    ...FRONT.map(() => null),
    ...MONTHS.flatMap(() => ['应完成工作任务', '完成情况']),
    ...SYSTEM.map(() => null),
  ];
  const merges = [
    ...FRONT.map((_, i) => vertical(i + 1)),
    ...MONTHS.map((_, i) => `${letter(FRONT.length + 2 * i + 1)}1:${letter(FRONT.length + 2 * i + 2)}1`),
    ...SYSTEM.map((_, i) => vertical(FRONT.length + 24 + i + 1)),
  ];
  const data = Array.from({ length: rows }, (_, i) => [
    i + 1,
    i % 100 === 99 ? null : `ZD-2026-${String(i + 1).padStart(5, '0')}`,
    '县委县政府目标任务',
    `副县长${i % 7}`,
    `单位${i % 53}`,
    `单位${(i + 1) % 53}、单位${(i + 2) % 53}`,
    `负责人${i % 211}`,
    `联络员${i % 389}`,
    `第${i + 1}项重点工作：推进某某项目建设`,
    '年内完成主体工程',
    `2026-${String((i % 12) + 1).padStart(2, '0')}-28`,
    '☆☆☆',
    ...MONTHS.flatMap((_, m) => [`${m + 1}月节点`, m < 2 ? '已完成' : null]),
    ...SYSTEM.map(() => null),
  ]);
  return { name: TAB, rows: [header1, header2, ...data], merges };
}

function vertical(column: number): string {
  return `${letter(column)}1:${letter(column)}2`;
}
function letter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const SPEC: TabSpec = {
  name: TAB,
  headerRows: 2,
  required: ['编号', '完成时限'],
  fillsOf: (h) => h === '状态' || h.endsWith('/完成情况'),
};

/** Fresh memory touched so far by this process, in MB (minor page faults of 4 KB). */
const touchedMb = () => (process.resourceUsage().minorPageFault * 4) / 1024;

interface Measure {
  ms: number;
  /** Memory touched for the first time during the work, MB. */
  touched: number;
}

/** Wall time of `work` and the memory it touched first, printed with the process's peak RSS so far. */
async function time<T>(label: string, work: () => Promise<T>): Promise<Measure & { result: T }> {
  const touched0 = touchedMb();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const touched = touchedMb() - touched0;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   new memory ${touched.toFixed(0).padStart(4)} MB   peak rss ${peak.toFixed(0)} MB`,
  );
  return { ms, touched, result };
}

function planFor(snapshot: Awaited<ReturnType<SheetStore['read']>>): WritePlan {
  const plan = emptyPlan();
  for (const row of snapshot.tabs[TAB]!.rows) {
    let id = row.cells['编号'] as string | null;
    if (id === null) {
      id = `ZD-2026-N${row.row}`;
      plan.ids.push({ tab: TAB, row: row.row, id, fingerprint: { 工作任务: String(row.cells['工作任务']) } });
    }
    plan.cells.push({ tab: TAB, id, rowHint: row.row, column: '状态', value: '正常推进', fill: 'C6EFCE' });
    plan.cells.push({ tab: TAB, id, rowHint: row.row, column: '剩余工作日', value: row.row % 40 });
  }
  return plan;
}

type Driver = 'package' | 'exceljs';

async function storeOf(driver: Driver, file: string): Promise<SheetStore> {
  if (driver === 'package')
    return (await import('../src/store/drivers/xlsx-package/xlsx-package')).createXlsxPackageStore(file);
  return (await import('../src/store/drivers/xlsx/xlsx')).createXlsxStore(file);
}

/** One scan's store work on a fresh copy of `source`: one read, then one apply writing every row. */
async function scanWork(driver: Driver, source: string, label: string) {
  const file = source.replace(/\.xlsx$/, `-${label.replace(/ /g, '-')}.xlsx`);
  await copyFile(source, file);
  const store = await storeOf(driver, file);
  const snapshot = await time(`${driver} read (${label})`, () => store.read([SPEC]));
  const plan = planFor(snapshot.result);
  const applied = await time(`${driver} apply ${plan.cells.length} changes (${label})`, () =>
    store.apply(plan, snapshot.result),
  );
  const r = applied.result;
  console.log(
    `  written ${r.cellsWritten} cells, ${r.fillsWritten} fills, ${r.idsAssigned} ids, skipped ${r.skipped.length}`,
  );
  const work = { ms: snapshot.ms + applied.ms, touched: snapshot.touched + applied.touched };
  return { store, work };
}

/** A driver's child process: the cold scan work and what follows it, then (package) two warm runs. */
async function driverChild(driver: Driver, source: string): Promise<ChildResult> {
  const { store, work: cold } = await scanWork(driver, source, 'cold');
  // Row hints all wrong by one: every row is found through the 编号 index instead.
  const again = await time(`${driver} read after apply`, () => store.read([SPEC]));
  const shifted = planFor(again.result);
  for (const c of shifted.cells) c.rowHint += 1;
  await time(`${driver} apply, all row hints wrong`, () => store.apply(shifted, again.result));
  await time(`${driver} append 10 ledger rows`, () =>
    store.append(
      TAB,
      Array.from({ length: 10 }, (_, i) => ({ 编号: `NEW-${i}` })),
    ),
  );
  const warm: Measure[] = [];
  if (driver === 'package')
    for (const n of [2, 3]) warm.push((await scanWork(driver, source, `warm ${n}`)).work);
  return { cold, warm: best(warm) };
}

/** The floor for any driver that rewrites the file: inflate every entry, deflate it again, write the file. */
async function rezipChild(source: string): Promise<ChildResult> {
  const runs: Measure[] = [];
  for (let i = 1; i <= 3; i++)
    runs.push(
      await time(`bare unzip + rezip (node:zlib) #${i}`, async () => {
        const entries = readZip(await readFile(source)).map((e) => newEntry(e.name, entryBytes(e), e));
        await writeFile(source.replace(/\.xlsx$/, '-rezip.xlsx'), writeZip(entries));
      }),
    );
  // What touching new memory costs here: 64 MB, in a process that has not freed any to reuse.
  const page = await time('touch 64 MB of new memory', async () => Buffer.allocUnsafe(64 << 20).fill(1));
  return { cold: runs[0]!, warm: best(runs.slice(1)), msPerNewMb: page.ms / page.touched };
}

interface ChildResult {
  cold: Measure;
  warm: Measure | null;
  msPerNewMb?: number;
}

const best = (runs: Measure[]): Measure | null =>
  runs.reduce<Measure | null>((a, b) => (a === null || b.ms < a.ms ? b : a), null);

/** Run this file as `--child kind file` and return what it measured; its lines are printed as they were. */
function child(kind: 'rezip' | Driver, file: string): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/store-xlsx.ts', '--child', kind, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const lines = r.stdout.trim().split('\n');
  const last = lines.pop();
  if (r.status !== 0 || !last?.startsWith('{'))
    throw new Error(`${kind} child failed: ${r.stderr.slice(-2000)}`);
  console.log(lines.join('\n'));
  return JSON.parse(last) as ChildResult;
}

/** Info-ZIP's command-line tools (level 6, through the disk), when they are installed: best of 3; else null. */
function infoZipRezip(source: string, dir: string): number | null {
  let fastest: number | null = null;
  for (let i = 1; i <= 3; i++) {
    const tree = join(dir, `unzipped-${i}`);
    const started = performance.now();
    const unzip = spawnSync('unzip', ['-q', '-o', source, '-d', tree]);
    const zip =
      unzip.status === 0
        ? spawnSync('zip', ['-q', '-r', '-X', join(dir, `infozip-${i}.xlsx`), '.'], { cwd: tree })
        : null;
    if (zip?.status !== 0) return null;
    const ms = performance.now() - started;
    console.log(
      `${`bare unzip + rezip (Info-ZIP, on disk) #${i}`.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`,
    );
    fastest = Math.min(fastest ?? ms, ms);
  }
  return fastest;
}

async function generate(file: string, tab: FixtureTab): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  await time('generate file (exceljs stream)', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet(TAB);
    const [h1, h2, ...data] = tab.rows;
    const headers = [ws.addRow(h1!), ws.addRow(h2!)];
    for (const range of tab.merges!) ws.mergeCells(range);
    for (const row of headers) row.commit();
    for (const row of data) ws.addRow(row).commit();
    ws.commit();
    await wb.commit();
  });
}

function report(
  rezip: ChildResult,
  infoZip: number | null,
  pkg: ChildResult | null,
  excel: ChildResult | null,
) {
  const ms = (m: Measure) => `${m.ms.toFixed(0)} ms (new memory ${m.touched.toFixed(0)} MB)`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`\nnew memory costs ${rezip.msPerNewMb!.toFixed(1)} ms a MB here (a page fault each 4 KB)`);
  console.log(
    `bare unzip + rezip: node:zlib cold ${ms(rezip.cold)}, warm ${rezip.warm ? ms(rezip.warm) : '—'}` +
      `${infoZip === null ? '' : `; Info-ZIP ${infoZip.toFixed(0)} ms`}`,
  );
  console.log("one scan's store work (read + apply), against the rezip (issue 12's target: ≤ 1.5×):");
  for (const [name, m] of [
    ['package', pkg],
    ['exceljs', excel],
  ] as const) {
    if (!m) continue;
    for (const [kind, own, floor] of [
      ['cold', m.cold, rezip.cold],
      ['warm', m.warm, rezip.warm],
    ] as const) {
      if (!own || !floor) continue;
      console.log(
        `  ${`${name} ${kind}`.padEnd(13)} ${ms(own)} = ${ratio(own.ms, floor.ms)} the node:zlib rezip ${kind}` +
          `${infoZip === null ? '' : `, ${ratio(own.ms, infoZip)} Info-ZIP`}`,
      );
    }
  }
  if (pkg && excel) console.log(`exceljs / package, cold: ${(excel.cold.ms / pkg.cold.ms).toFixed(1)}×`);
}

async function main() {
  if (process.argv[2] === '--child') {
    const [kind, file] = process.argv.slice(3) as ['rezip' | Driver, string];
    const result = kind === 'rezip' ? await rezipChild(file) : await driverChild(kind, file);
    console.log(JSON.stringify(result));
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'duban-bench-'));
  const file = join(dir, 'big.xlsx');
  const only = process.argv[3];
  try {
    const tab = battleMap(ROWS);
    console.log(`${ROWS} rows × ${tab.rows[0]!.length} columns`);
    await generate(file, tab);
    console.log(`file size ${((await stat(file)).size / 2 ** 20).toFixed(1)} MB`);
    const rezip = child('rezip', file);
    const infoZip = infoZipRezip(file, dir);
    const pkg = only === 'exceljs' ? null : child('package', file);
    const excel = only === 'package' ? null : child('exceljs', file);
    report(rezip, infoZip, pkg, excel);
    if (only) return;
    const { createMemoryStore } = await import('../src/store/drivers/memory/memory');
    const memory = createMemoryStore({ tabs: [tab] });
    const memSnapshot = await time('memory read', () => memory.read([SPEC]));
    await time('memory apply', () => memory.apply(planFor(memSnapshot.result), memSnapshot.result));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
