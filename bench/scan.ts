/**
 * End-to-end scan of an .xlsx battle map of 1,000 / 10,000 / 50,000 tasks with the package driver (the default) and
 * the exceljs driver, each size and driver in its own process so peak RSS is that run's own: time per phase (read,
 * rules, plan, write, notify) and peak memory. Floors measured on the same file: a bare unzip + rezip of every entry
 * (node:zlib), and what exceljs alone needs to load and save the workbook.
 * CPU s (user + system) is the figure to compare on a busy machine, where wall time depends on the other load.
 * Run: npx tsx bench/scan.ts [sizes…]   (default 1000 10000 50000; the exceljs scan runs up to 10,000 tasks)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateDemo } from '../sheets-templates/demo';
import { writeTemplate } from '../sheets-templates/xlsx/xlsx';
import { createMemoryMailer } from '../src/mail/memory';
import { runScan } from '../src/scan/run-scan';
import { createXlsxPackageStore } from '../src/store/drivers/xlsx-package/xlsx-package';
import { entryBytes, newEntry, readZip, writeZip } from '../src/store/drivers/xlsx-package/zip';
import { createXlsxStore } from '../src/store/drivers/xlsx/xlsx';
import type { DemoData } from '../src/workbook/schema/tabs';

const AS_OF = '2026-11-20';
const EXCELJS_SCAN_UP_TO = 10_000;
type Kind = 'package' | 'exceljs' | 'floors';

/** The demo county's tasks repeated until there are `size` rows on the battle map, each with its own 编号. */
function bigDemo(size: number): DemoData {
  const demo = generateDemo({ year: 2026, asOf: AS_OF });
  const base = demo.挂图作战表 ?? [];
  const rows = Array.from({ length: size }, (_, i) => ({
    ...base[i % base.length]!,
    序号: i + 1,
    编号: `ZD-2026-${String(i + 1).padStart(5, '0')}`,
  }));
  return { ...demo, 挂图作战表: rows };
}

async function child(kind: Kind, file: string): Promise<void> {
  const rss = () => process.resourceUsage().maxRSS / 1024;
  if (kind === 'floors') {
    const t0 = performance.now();
    const entries = readZip(readFileSync(file)).map((e) => newEntry(e.name, entryBytes(e), e));
    writeFileSync(`${file}.rezip`, writeZip(entries));
    const rezip = performance.now() - t0;
    const t1 = performance.now();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    await book.xlsx.writeFile(`${file}.copy`);
    process.stdout.write(`${JSON.stringify({ rezip, exceljs: performance.now() - t1 })}\n`);
    return;
  }
  const store = kind === 'package' ? createXlsxPackageStore(file) : createXlsxStore(file);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await runScan({
    store,
    mailer: createMemoryMailer(),
    now: new Date(`${AS_OF}T00:30:00Z`),
    from: { address: 'd@x.cn' },
  });
  const total = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const out = {
    cpu: (used.user + used.system) / 1000,
    total,
    timings: summary.timings,
    cells: summary.cellsWritten,
    notices: summary.notices.created,
    rssMb: rss(),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function run(size: number, kind: Kind, file: string): Record<string, never> | null {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--max-old-space-size=8192', 'bench/scan.ts', '--child', String(size), kind, file],
    { encoding: 'utf8' },
  );
  const line = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !line) {
    console.log(`${size} ${kind}: failed (${r.stderr.split('\n').slice(-5).join(' ')})`);
    return null;
  }
  return JSON.parse(line);
}

async function parent(sizes: number[]): Promise<void> {
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  console.log(
    'tasks  file MB  driver    read s  rules s  plan s  write s  notify s  total s  CPU s  peak RSS MB   cells  notices',
  );
  const floors: string[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
    const source = join(dir, 'source.xlsx');
    await writeTemplate(source, { demo: bigDemo(size) });
    const mb = statSync(source).size / 1e6;
    const results: Partial<Record<Kind, Record<string, never>>> = {};
    for (const kind of ['package', 'exceljs', 'floors'] as const) {
      if (kind === 'exceljs' && size > EXCELJS_SCAN_UP_TO) continue;
      const file = join(dir, `${kind}.xlsx`);
      writeFileSync(file, readFileSync(source));
      const o = run(size, kind, file);
      if (!o) continue;
      results[kind] = o;
      if (kind === 'floors') continue;
      const t = (o as unknown as { timings: Record<string, number> }).timings;
      const x = o as unknown as { total: number; cpu: number; rssMb: number; cells: number; notices: number };
      console.log(
        `${String(size).padStart(6)}  ${mb.toFixed(1).padStart(6)}  ${kind.padEnd(8)} ${s(t.read!)}  ${s(t.rules!)} ${s(t.plan!)}  ${s(t.write!)}  ${s(t.notify!)}  ${s(x.total)} ${s(x.cpu)}  ${x.rssMb.toFixed(0).padStart(11)}  ${String(x.cells).padStart(6)}  ${x.notices}`,
      );
    }
    const f = results.floors as unknown as { rezip: number; exceljs: number } | undefined;
    const pkg = (results.package as unknown as { total: number } | undefined)?.total;
    const excel = (results.exceljs as unknown as { total: number } | undefined)?.total;
    if (f && pkg)
      floors.push(
        `${String(size).padStart(6)}  bare unzip+rezip ${s(f.rezip)} s, exceljs load+save ${s(f.exceljs)} s;  package scan = ${(pkg / f.rezip).toFixed(2)}× rezip, ${(pkg / f.exceljs).toFixed(2)}× exceljs load+save${excel ? `; exceljs scan = ${(excel / pkg).toFixed(1)}× package scan` : ''}`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(floors.join('\n'));
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[2] as Kind, args[3]!);
else await parent(args.length ? args.map(Number) : [1000, 10_000, 50_000]);
