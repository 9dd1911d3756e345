/**
 * How long the xlsx driver takes on a big battle map: 50,000 rows × 44 columns (two header rows, 12 month groups),
 * read once, then one apply writing 状态 + fill + 剩余工作日 on every row and an id on 1% of rows.
 * The package driver and the exceljs driver run on copies of the same file, next to a bare unzip + rezip of it (best
 * of three, node:zlib at the driver's deflate levels; and Info-ZIP's unzip + zip through the disk when installed).
 * The line to read is "one scan's store work": the first read and the first apply, as a scan does them once per
 * process (cold code), over the rezip.
 * Run: npx tsx bench/store-xlsx.ts [rows] [package|exceljs]   (each driver alone, for its own peak RSS)
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createMemoryStore } from '../src/store/drivers/memory/memory';
import { emptyPlan, type SheetStore, type TabSpec, type WritePlan } from '../src/store/port';
import type { FixtureTab } from '../src/store/drivers/memory/workbook-model';
import { createXlsxStore } from '../src/store/drivers/xlsx/xlsx';
import { createXlsxPackageStore } from '../src/store/drivers/xlsx-package/xlsx-package';
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

/** Wall time and the process's peak RSS so far, in MB. */
async function time<T>(label: string, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms   peak rss ${peak.toFixed(0)} MB`);
  return { ms, result };
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

/**
 * What one scan asks of the store — one read, then one apply writing every row — then a read after it, an apply with
 * every row hint wrong and one append, on a copy of `source`. Returns the scan's pair (read + first apply) in ms.
 */
async function runDriver(
  name: string,
  create: (file: string) => SheetStore,
  source: string,
): Promise<number> {
  const file = source.replace(/\.xlsx$/, `-${name}.xlsx`);
  await copyFile(source, file);
  const store = create(file);
  const snapshot = await time(`${name} read`, () => store.read([SPEC]));
  const plan = planFor(snapshot.result);
  const applied = await time(`${name} apply (${plan.cells.length} changes)`, () =>
    store.apply(plan, snapshot.result),
  );
  const r = applied.result;
  console.log(
    `  written ${r.cellsWritten} cells, ${r.fillsWritten} fills, ${r.idsAssigned} ids, skipped ${r.skipped.length}`,
  );
  // Row hints all wrong by one: every row is found through the 编号 index instead.
  const again = await time(`${name} read after apply`, () => store.read([SPEC]));
  const shifted = planFor(again.result);
  for (const c of shifted.cells) c.rowHint += 1;
  await time(`${name} apply, all row hints wrong`, () => store.apply(shifted, again.result));
  await time(`${name} append 10 ledger rows`, () =>
    store.append(
      TAB,
      Array.from({ length: 10 }, (_, i) => ({ 编号: `NEW-${i}` })),
    ),
  );
  return snapshot.ms + applied.ms;
}

/** The floor for any driver that rewrites the file: inflate every entry, deflate it again, write the file. Best of 3. */
async function bareRezip(source: string): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i <= 3; i++) {
    const { ms } = await time(`bare unzip + rezip (node:zlib) #${i}`, async () => {
      const entries = readZip(await readFile(source)).map((e) => newEntry(e.name, entryBytes(e), e));
      await writeFile(source.replace(/\.xlsx$/, '-rezip.xlsx'), writeZip(entries));
    });
    best = Math.min(best, ms);
  }
  return best;
}

/** The same with Info-ZIP's command-line tools (level 6, through the disk), when they are installed; else null. */
function infoZipRezip(source: string, dir: string): number | null {
  const tree = join(dir, 'unzipped');
  const started = performance.now();
  const unzip = spawnSync('unzip', ['-q', '-o', source, '-d', tree]);
  const zip =
    unzip.status === 0
      ? spawnSync('zip', ['-q', '-r', '-X', join(dir, 'infozip.xlsx'), '.'], { cwd: tree })
      : null;
  if (zip?.status !== 0) return null;
  const ms = performance.now() - started;
  console.log(`${'bare unzip + rezip (Info-ZIP, on disk)'.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms`);
  return ms;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'duban-bench-'));
  const file = join(dir, 'big.xlsx');
  const only = process.argv[3];
  try {
    const tab = battleMap(ROWS);
    console.log(`${ROWS} rows × ${tab.rows[0]!.length} columns`);
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
    console.log(`file size ${((await stat(file)).size / 2 ** 20).toFixed(1)} MB`);
    const floor = await bareRezip(file);
    const infoZip = infoZipRezip(file, dir);
    const pkg = only === 'exceljs' ? null : await runDriver('package', createXlsxPackageStore, file);
    const excel = only === 'package' ? null : await runDriver('exceljs', createXlsxStore, file);
    const ratio = (ms: number, base: number) => `${(ms / base).toFixed(2)}×`;
    for (const [name, ms] of [
      ['package', pkg],
      ['exceljs', excel],
    ] as const) {
      if (ms === null) continue;
      console.log(
        `${name}: one scan's store work (read + apply) ${ms.toFixed(0)} ms = ${ratio(ms, floor)} the node:zlib rezip` +
          `${infoZip === null ? '' : `, ${ratio(ms, infoZip)} the Info-ZIP rezip`} (issue 12's target: ≤ 1.5×)`,
      );
    }
    if (pkg !== null && excel !== null) console.log(`exceljs / package: ${(excel / pkg).toFixed(1)}×`);
    if (only) return;
    const memory = createMemoryStore({ tabs: [tab] });
    const memSnapshot = await time('memory read', () => memory.read([SPEC]));
    await time('memory apply', () => memory.apply(planFor(memSnapshot.result), memSnapshot.result));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
