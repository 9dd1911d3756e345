/**
 * Render the demo's 挂图作战表 (66 tasks, scanned as of 2026-10-31) with LibreOffice as it prints: the page count
 * and PNGs of the first pages go to docs/images/. Needs soffice and pdftoppm.
 *   npx tsx scripts/render-battle-map.ts LABEL [OUT_DIR]      (LABEL: before / after)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const label = process.argv[2] ?? 'after';
const out = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'duban-battle-map-'));
mkdirSync(out, { recursive: true });
const workbook = join(out, 'demo.xlsx');
const duban = (...args: string[]) =>
  execFileSync(process.execPath, ['bin/duban.js', ...args], { stdio: 'inherit' });
duban('init', '--demo', '--as-of', '2026-10-31', '--workbook', workbook);
duban('scan', '--workbook', workbook, '--date', '2026-10-31', '--outbox', join(out, 'outbox'));

// Only the 挂图作战表, as a clerk would print that tab.
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(workbook);
for (const ws of [...wb.worksheets]) if (ws.name !== '挂图作战表') wb.removeWorksheet(ws.id);
const map = join(out, `battle-map-${label}.xlsx`);
await wb.xlsx.writeFile(map);
const profile = mkdtempSync(join(tmpdir(), 'duban-lo-'));
execFileSync('soffice', [
  `-env:UserInstallation=file://${profile}`,
  '--headless',
  '--convert-to',
  'pdf',
  '--outdir',
  out,
  map,
]);
const pdf = join(out, `battle-map-${label}.pdf`);
const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1];
execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', pdf, join(out, `battle-map-${label}`)]);
mkdirSync('docs/images', { recursive: true });
for (const n of ['1', '2']) {
  for (const name of [
    `battle-map-${label}-${n}.png`,
    `battle-map-${label}-0${n}.png`,
    `battle-map-${label}-00${n}.png`,
  ]) {
    try {
      copyFileSync(join(out, name), join('docs/images', `battle-map-${label}-page${n}.png`));
    } catch {
      // pdftoppm pads the page number to the page count's width
    }
  }
}
console.log(`挂图作战表 (${label}): ${pages} pages; ${pdf}`);
