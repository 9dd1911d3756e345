/**
 * End-to-end scan of an .xlsx battle map of 1,000 / 10,000 / 50,000 tasks: time per phase (read, rules, plan, write,
 * notify) and peak memory, each size in its own process so peak RSS is that size's own. The baseline, measured in the
 * same process on the same file, is what exceljs alone needs to load and save that workbook: the floor for any xlsx scan.
 * Run: npx tsx bench/scan.ts [sizes…]   (default 1000 10000 50000)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateDemo } from '../sheets-templates/demo';
import type { DemoData } from '../src/workbook/schema/tabs';
import { writeTemplate } from '../sheets-templates/xlsx/xlsx';
import { createMemoryMailer } from '../src/mail/memory';
import { runScan } from '../src/scan/run-scan';
import { createXlsxStore } from '../src/store/drivers/xlsx/xlsx';

const AS_OF = '2026-11-20';

/** The demo county's tasks repeated until there are `size` rows on the battle map, each with its own 编号. */
function bigDemo(size: number): DemoData {
  const demo = generateDemo({ year: 2026, asOf: AS_OF });
  const base = demo.挂图作战表 ?? [];
  const rows = Array.from({ length: size }, (_, i) => ({ ...base[i % base.length]!, 序号: i + 1, 编号: `ZD-2026-${String(i + 1).padStart(5, '0')}` }));
  return { ...demo, 挂图作战表: rows };
}

async function child(size: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
  const file = join(dir, 'big.xlsx');
  await writeTemplate(file, { demo: bigDemo(size) });
  const t0 = performance.now();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  await book.xlsx.writeFile(join(dir, 'copy.xlsx'));
  const baseline = performance.now() - t0;
  const t1 = performance.now();
  const summary = await runScan({ store: createXlsxStore(file), mailer: createMemoryMailer(), now: new Date(`${AS_OF}T00:30:00Z`), from: { address: 'd@x.cn' } });
  const total = performance.now() - t1;
  const out = { size, mb: statSync(file).size / 1e6, baseline, total, timings: summary.timings, cells: summary.cellsWritten, notices: summary.notices.created, rssMb: process.resourceUsage().maxRSS / 1024 };
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function parent(sizes: number[]): void {
  console.log('tasks   file MB   read s  rules s  plan s  write s  notify s  total s  exceljs load+save s  ratio  peak RSS MB  cells  notices');
  for (const size of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', 'bench/scan.ts', '--child', String(size)], { encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status !== 0 || !line) {
      console.log(`${size}: failed (${r.stderr.split('\n').slice(-5).join(' ')})`);
      continue;
    }
    const o = JSON.parse(line);
    const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
    console.log(
      `${String(size).padStart(6)}  ${o.mb.toFixed(1).padStart(7)}  ${s(o.timings.read)}  ${s(o.timings.rules)} ${s(o.timings.plan)}  ${s(o.timings.write)}  ${s(o.timings.notify)}  ${s(o.total)}  ${s(o.baseline).padStart(19)}  ${(o.total / o.baseline).toFixed(2).padStart(5)}×  ${o.rssMb.toFixed(0).padStart(11)}  ${String(o.cells).padStart(5)}  ${o.notices}`,
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(Number(args[1]));
else parent(args.length ? args.map(Number) : [1000, 10_000, 50_000]);
