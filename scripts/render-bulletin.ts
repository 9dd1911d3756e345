/**
 * Render the demo county's October 2026 通报 to .docx, PDF (LibreOffice) and a PNG of page 1 for docs/images/.
 * Needs soffice and pdftoppm (.ci/run installs them).   npx tsx scripts/render-bulletin.ts [OUT_DIR]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDay } from '../src/calendar/day';
import { bulletinDocx } from '../src/report/bulletin-docx';
import { svgToPng } from '../src/report/chart-png';
import { leaderChart, rankingChart, trendChart } from '../src/report/chart-spec';
import { chartSvg } from '../src/report/chart-svg';
import { nodePngRuntime } from '../src/report/resvg-node';
import { CARD_FILL, STATUS_FILL } from '../src/workbook/palette';
import { demoBulletin } from '../test/report/demo-bulletin';

const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'duban-bulletin-'));
mkdirSync(out, { recursive: true });
const { bulletin, config } = await demoBulletin('2026-10');
const docx = join(out, 'bulletin-2026-10.docx');
writeFileSync(
  docx,
  await bulletinDocx(bulletin, {
    agencyName: config.agencyName,
    docNo: '临政督通〔2026〕10号',
    issuedOn: toDay('2026-11-03'),
    mainRecipients: config.bulletinTo,
    copyTo: config.bulletinCopy,
  }),
);
const profile = mkdtempSync(join(tmpdir(), 'duban-lo-'));
execFileSync('soffice', [
  `-env:UserInstallation=file://${profile}`,
  '--headless',
  '--convert-to',
  'pdf',
  '--outdir',
  out,
  docx,
]);
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '80',
  '-f',
  '1',
  '-l',
  '1',
  '-singlefile',
  join(out, 'bulletin-2026-10.pdf'),
  join(out, 'bulletin-2026-10-page1'),
]);
mkdirSync('docs/images', { recursive: true });
copyFileSync(join(out, 'bulletin-2026-10-page1.png'), 'docs/images/bulletin-2026-10-page1.png');
const colours = { status: STATUS_FILL, card: CARD_FILL };
const charts = {
  ranking: rankingChart(bulletin),
  leaders: leaderChart(bulletin, colours),
  trend: trendChart(bulletin, colours),
};
const runtime = await nodePngRuntime();
for (const [name, spec] of Object.entries(charts)) {
  const svg = chartSvg(spec);
  writeFileSync(`docs/images/chart-${name}-2026-10.svg`, svg);
  writeFileSync(`docs/images/chart-${name}-2026-10.png`, (await svgToPng(svg, runtime, 1)).png);
}
console.log(`written ${out} and docs/images/bulletin-2026-10-page1.png`);
