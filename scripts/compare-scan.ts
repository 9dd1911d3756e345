/**
 * Behaviour check for refactors: scan the demo county as of the given days with the CLI (a fresh workbook each), and
 * compare the JSON summary and every cell (value and fill) of every sheet of the written workbook with a baseline
 * made the same way by an earlier commit.
 *
 *   npx tsx scripts/compare-scan.ts save DIR [DAY…]      # make the baseline (run it on the old commit)
 *   npx tsx scripts/compare-scan.ts check DIR [DAY…]     # scan again here and compare; exit 1 on any difference
 *
 * Days default to 2026-06-15 (a ladder day) and 2026-10-12 (after 国庆, with many notices).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const [mode, dir, ...given] = process.argv.slice(2);
const days = given.length ? given : ['2026-06-15', '2026-10-12'];
if ((mode !== 'save' && mode !== 'check') || !dir) {
  console.error('usage: compare-scan.ts save|check DIR [YYYY-MM-DD…]');
  process.exit(2);
}

function duban(args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/duban.js', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`duban ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** Scan a fresh demo workbook as of `day`; returns the workbook path and the summary. */
function scanDemo(day: string, into: string): { workbook: string; summary: string } {
  const workbook = join(into, `demo-${day}.xlsx`);
  rmSync(workbook, { force: true });
  duban(['init', '--demo', '--as-of', '2026-06-15', '--workbook', workbook]);
  const summary = duban(['scan', '--workbook', workbook, '--date', day, '--json', '--outbox', join(into, `outbox-${day}`)]);
  return { workbook, summary };
}

async function cells(file: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const fill = cell.fill && 'fgColor' in cell.fill ? (cell.fill.fgColor?.argb ?? '') : '';
        out.set(`${ws.name}!R${r}C${c}`, `${JSON.stringify(cell.value)} fill=${fill}`);
      }),
    ),
  );
  return out;
}

if (mode === 'save') {
  mkdirSync(dir, { recursive: true });
  for (const day of days) {
    const { summary } = scanDemo(day, dir);
    await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, `summary-${day}.json`), summary));
    console.log(`saved ${day}`);
  }
} else {
  const here = mkdtempSync(join(tmpdir(), 'compare-scan-'));
  let differences = 0;
  for (const day of days) {
    const base = join(dir, `demo-${day}.xlsx`);
    if (!existsSync(base)) throw new Error(`no baseline ${base}: run "save" on the old commit first`);
    const { workbook, summary } = scanDemo(day, here);
    const before = readFileSync(join(dir, `summary-${day}.json`), 'utf8').trim();
    if (before !== summary.trim()) {
      differences++;
      console.log(`${day}: summary differs\n  before ${before}\n  after  ${summary.trim()}`);
    }
    const [a, b] = await Promise.all([cells(base), cells(workbook)]);
    let cellDiffs = 0;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (a.get(key) === b.get(key)) continue;
      if (cellDiffs++ < 10) console.log(`${day}: ${key}\n  before ${a.get(key)}\n  after  ${b.get(key)}`);
    }
    differences += cellDiffs;
    console.log(`${day}: ${a.size} cells compared, ${cellDiffs} differ; summary ${before === summary.trim() ? 'identical' : 'differs'}`);
  }
  rmSync(here, { recursive: true, force: true });
  process.exit(differences ? 1 : 0);
}
