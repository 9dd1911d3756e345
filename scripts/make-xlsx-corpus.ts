/**
 * Builds the xlsx fixture corpus in test/fixtures/xlsx/ from the demo workbook, adding the parts exceljs would drop,
 * assembled to the published schemas (scripts/xlsx-corpus/parts.ts):
 *
 * - rich.xlsx — a 统计分析 tab a clerk made: a chart, a pivot table with its cache, a slicer and sparklines; on the
 *   挂图作战表 a threaded comment, an x14 data bar and an x14 validation; custom document properties.
 * - macro.xlsm — the demo as a macro-enabled workbook with a VBA project saved by Excel
 *   (scripts/xlsx-corpus/vbaProject.bin: the `xl/vbaProject.bin` of tafia/calamine's MIT-licensed test file
 *   tests/vba.xlsm — modules ThisWorkbook, Sheet1…; the test is that the part and the content type survive).
 * - zip64.xlsx — rich.xlsx re-zipped with zip64 records (Info-ZIP `zip -fz`, as some streaming writers save small
 *   workbooks): the driver reads the zip64 end record and extra fields. Made only where `zip` is installed.
 * - wps.xlsx — as WPS saves it: a =DISPIMG() in-cell picture (cellimages.xml + media) in a 现场照片 column staff
 *   added, WPS's application name and custom properties.
 * - tables.xlsx — the demo with the 文书登记 and 督办台账 ledgers formatted as Excel tables (套用表格格式), each table
 *   with its autoFilter: the scan appends below the first (which grows over the rows) and writes cells in the second.
 *
 * Run: npx tsx scripts/make-xlsx-corpus.ts   (the files are committed; the corpus test reads them)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../sheets-templates/demo';
import { buildTemplateWorkbook } from '../sheets-templates/xlsx/xlsx';
import { columnLetter } from '../src/store/grid/a1';
import { readWorkbookParts } from '../src/store/drivers/xlsx-package/workbook-part';
import {
  entryBytes,
  newEntry,
  readZip,
  writeZip,
  type ZipEntry,
} from '../src/store/drivers/xlsx-package/zip';
import { TABS } from '../src/workbook/schema/tabs';
import * as P from './xlsx-corpus/parts';

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'xlsx');
const AS_OF = '2026-11-20';
const STATS = '统计分析';
const PICTURE_ID = 'ID_9F8E7D6C5B4A4F3E';
/** Entries get this fixed time so the corpus is the same bytes each time it is made. */
const FIXED = { time: (9 << 11) | (30 << 5), date: ((2026 - 1980) << 9) | (11 << 5) | 20 };

/** A package under construction: parts by name, in zip order. */
class Parts {
  readonly order: string[] = [];
  private readonly parts = new Map<string, Buffer>();
  constructor(entries: ZipEntry[]) {
    for (const e of entries) this.set(e.name, entryBytes(e));
  }
  text(name: string): string {
    return this.parts.get(name)?.toString('utf8') ?? '';
  }
  has(name: string): boolean {
    return this.parts.has(name);
  }
  set(name: string, content: string | Buffer): void {
    if (!this.parts.has(name)) this.order.push(name);
    this.parts.set(name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
  edit(name: string, change: (xml: string) => string): void {
    const before = this.text(name);
    const after = change(before);
    if (after === before) throw new Error(`edit of ${name} changed nothing`);
    this.set(name, after);
  }
  contentType(partName: string, type: string): void {
    this.edit('[Content_Types].xml', (x) =>
      x.replace('</Types>', `<Override PartName="/${partName}" ContentType="${type}"/></Types>`),
    );
  }
  /** Add a relationship from `from` (its rels part is made when missing); returns its id. */
  relate(from: string, type: string, target: string): string {
    const slash = from.lastIndexOf('/');
    const rels = `${from.slice(0, slash + 1)}_rels/${from.slice(slash + 1)}.rels`;
    if (!this.has(rels)) this.set(rels, P.relsXml([]));
    const ids = [...this.text(rels).matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    this.edit(rels, (x) =>
      x.replace(
        '</Relationships>',
        `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
      ),
    );
    return id;
  }
  bytes(): Buffer {
    return writeZip(this.order.map((name) => ({ ...newEntry(name, this.parts.get(name)!), ...FIXED })));
  }
}

/** Insert `xml` before the first of `before` found in the worksheet (schema order of CT_Worksheet). */
function insertBefore(sheet: string, xml: string, before: string[]): string {
  for (const tag of before) {
    const at = sheet.indexOf(tag);
    if (at >= 0) return sheet.slice(0, at) + xml + sheet.slice(at);
  }
  throw new Error(`none of ${before.join(' ')} in the worksheet`);
}
const AFTER_DRAWING = [
  '<legacyDrawing ',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];
const addExt = (sheet: string, ext: string) =>
  sheet.includes('</extLst>')
    ? sheet.replace('</extLst>', `${ext}</extLst>`)
    : sheet.replace('</worksheet>', `<extLst>${ext}</extLst></worksheet>`);

async function base(kind: 'rich' | 'macro' | 'wps'): Promise<Parts> {
  const demo = generateDemo({ year: 2026, asOf: AS_OF });
  const wb = await buildTemplateWorkbook({ demo });
  if (kind === 'rich') {
    const ws = wb.addWorksheet(STATS);
    ws.addRow(['单位', ...P.MONTHS, '趋势']);
    for (const [i, u] of P.UNITS.entries()) ws.addRow([u, ...P.COUNTS[i]!]);
    // What Excel shows of the pivot table at H1 (its cached result).
    ws.getCell('H1').value = '行标签';
    ws.getCell('I1').value = '求和项:11月';
    P.UNITS.forEach((u, i) => {
      ws.getCell(`H${i + 2}`).value = u;
      ws.getCell(`I${i + 2}`).value = P.COUNTS[i]![3]!;
    });
    ws.getCell('H6').value = '总计';
    ws.getCell('I6').value = P.COUNTS.reduce((n, r) => n + r[3]!, 0);
  }
  if (kind === 'wps') {
    const ws = wb.getWorksheet('挂图作战表')!;
    const column = ws.columnCount + 1;
    ws.getCell(1, column).value = '现场照片';
    for (const row of [3, 4])
      ws.getCell(row, column).value = {
        formula: `_xlfn.DISPIMG("${PICTURE_ID}",1)`,
        result: `=DISPIMG("${PICTURE_ID}",1)`,
      };
  }
  const parts = new Parts(readZip(Buffer.from(await wb.xlsx.writeBuffer())));
  return parts;
}

function tabPart(parts: Parts, name: string): string {
  const tab = readWorkbookParts((n) => (parts.has(n) ? parts.text(n) : null)).tabs.find(
    (t) => t.name === name,
  );
  if (!tab) throw new Error(`no tab ${name}`);
  return tab.part;
}

function column(header: string): string {
  const def = TABS.find((t) => t.name === '挂图作战表')!;
  const index = def.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`no column ${header}`);
  return columnLetter(index + 1);
}

function customProps(parts: Parts, extra: Record<string, string> = {}): void {
  parts.set('docProps/custom.xml', P.customPropsXml(extra));
  parts.contentType('docProps/custom.xml', P.CT.custom);
  parts.relate('_rels/.rels', P.REL.custom, 'docProps/custom.xml');
}

async function rich(): Promise<Buffer> {
  const parts = await base('rich');
  const stats = tabPart(parts, STATS);
  const map = tabPart(parts, '挂图作战表');
  const workbook = 'xl/workbook.xml';

  // Chart in a drawing on 统计分析.
  parts.set('xl/charts/chart1.xml', P.chartXml(STATS));
  parts.set('xl/drawings/drawing1.xml', P.drawingXml());
  parts.set(
    'xl/drawings/_rels/drawing1.xml.rels',
    P.relsXml([['rId1', P.REL.chart, '../charts/chart1.xml']]),
  );
  parts.contentType('xl/charts/chart1.xml', P.CT.chart);
  parts.contentType('xl/drawings/drawing1.xml', P.CT.drawing);
  const drawing = parts.relate(stats, P.REL.drawing, '../drawings/drawing1.xml');
  parts.edit(stats, (x) => insertBefore(x, `<drawing r:id="${drawing}"/>`, AFTER_DRAWING));

  // Pivot table with its cache (workbook level) and records.
  const cache = P.pivotCacheXml(STATS);
  parts.set('xl/pivotCache/pivotCacheDefinition1.xml', cache.definition);
  parts.set('xl/pivotCache/pivotCacheRecords1.xml', cache.records);
  parts.set(
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    P.relsXml([['rId1', P.REL.pivotRecords, 'pivotCacheRecords1.xml']]),
  );
  parts.set('xl/pivotTables/pivotTable1.xml', P.pivotTableXml());
  parts.set(
    'xl/pivotTables/_rels/pivotTable1.xml.rels',
    P.relsXml([['rId1', P.REL.pivotCache, '../pivotCache/pivotCacheDefinition1.xml']]),
  );
  parts.contentType('xl/pivotCache/pivotCacheDefinition1.xml', P.CT.pivotCache);
  parts.contentType('xl/pivotCache/pivotCacheRecords1.xml', P.CT.pivotRecords);
  parts.contentType('xl/pivotTables/pivotTable1.xml', P.CT.pivotTable);
  parts.relate(stats, P.REL.pivotTable, '../pivotTables/pivotTable1.xml');
  const cacheRel = parts.relate(workbook, P.REL.pivotCache, 'pivotCache/pivotCacheDefinition1.xml');
  parts.edit(workbook, (x) =>
    x.replace(
      /(<calcPr[^>]*\/>)/,
      `$1<pivotCaches><pivotCache cacheId="1" r:id="${cacheRel}"/></pivotCaches>`,
    ),
  );

  // Slicer on the pivot table's 单位 field, and sparklines in F2:F5.
  const slicer = P.slicerXml();
  parts.set('xl/slicers/slicer1.xml', slicer.slicer);
  parts.set('xl/slicerCaches/slicerCache1.xml', slicer.cache);
  parts.contentType('xl/slicers/slicer1.xml', P.CT.slicer);
  parts.contentType('xl/slicerCaches/slicerCache1.xml', P.CT.slicerCache);
  const slicerRel = parts.relate(stats, P.REL.slicer, '../slicers/slicer1.xml');
  const slicerCacheRel = parts.relate(workbook, P.REL.slicerCache, 'slicerCaches/slicerCache1.xml');
  parts.edit(stats, (x) => addExt(x, P.sparklinesExt(STATS) + P.slicerListExt(slicerRel)));
  parts.edit(workbook, (x) =>
    x
      .replace('</definedNames>', '<definedName name="切片器_单位">#N/A</definedName></definedNames>')
      .replace(
        '</workbook>',
        `<extLst><ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${P.NS.x14}"><x14:slicerCaches><x14:slicerCache r:id="${slicerCacheRel}"/></x14:slicerCaches></ext></extLst></workbook>`,
      ),
  );

  // On the battle map: a threaded comment on a task, an x14 data bar over 序号 and an x14 list validation on 分管领导.
  const ref = `${column('工作任务')}3`;
  parts.set('xl/threadedComments/threadedComment1.xml', P.threadedCommentXml(ref));
  parts.set('xl/persons/person.xml', P.personsXml());
  parts.contentType('xl/threadedComments/threadedComment1.xml', P.CT.threaded);
  parts.contentType('xl/persons/person.xml', P.CT.person);
  parts.relate(map, P.REL.threaded, '../threadedComments/threadedComment1.xml');
  parts.relate(workbook, P.REL.person, 'persons/person.xml');
  const comments = parts
    .text(`xl/worksheets/_rels/${map.split('/').pop()}.rels`)
    .match(/Target="\.\.\/(comments\d+\.xml)"/)![1]!;
  parts.edit(`xl/${comments}`, (x) => {
    const authors = (x.match(/<author>/g) ?? []).length;
    return x
      .replace('</authors>', `<author>tc=${P.THREAD_ID}</author></authors>`)
      .replace(
        '</commentList>',
        `${P.legacyThreadComment(ref).replace('AUTHOR', String(authors))}</commentList>`,
      );
  });
  const dataBar = `${column('序号')}3:${column('序号')}200`;
  parts.edit(map, (x) =>
    insertBefore(x, P.dataBarRule(dataBar), [
      '<dataValidations',
      '<hyperlinks',
      '<printOptions',
      '<pageMargins',
    ]),
  );
  parts.edit(map, (x) =>
    addExt(x, P.battleMapExts(dataBar, `${column('分管领导')}3:${column('分管领导')}200`)),
  );

  customProps(parts);
  return parts.bytes();
}

async function macro(): Promise<Buffer> {
  const parts = await base('macro');
  parts.set('xl/vbaProject.bin', readFileSync(join(import.meta.dirname, 'xlsx-corpus', 'vbaProject.bin')));
  parts.edit('[Content_Types].xml', (x) =>
    x
      .replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        P.CT.macroWorkbook,
      )
      .replace(
        '<Default Extension="xml"',
        `<Default Extension="bin" ContentType="${P.CT.vba}"/><Default Extension="xml"`,
      ),
  );
  parts.relate('xl/workbook.xml', P.REL.vba, 'vbaProject.bin');
  customProps(parts);
  return parts.bytes();
}

/** Tabs formatted as Excel tables in tables.xlsx, with their table names as Chinese Excel gives them. */
const TABLES = [
  ['文书登记', '表1'],
  ['督办台账', '表2'],
] as const;

async function tables(): Promise<Buffer> {
  const demo = generateDemo({ year: 2026, asOf: AS_OF });
  const wb = await buildTemplateWorkbook({ demo });
  const ranges = TABLES.map(([tab, name]) => {
    const ws = wb.getWorksheet(tab)!;
    const headers: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell) => headers.push(cell.text));
    let last = 1;
    ws.eachRow((row, n) => {
      if (row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== ''))
        last = n;
    });
    return { tab, name, headers, ref: `A1:${columnLetter(headers.length)}${last}` };
  });
  const parts = new Parts(readZip(Buffer.from(await wb.xlsx.writeBuffer())));
  ranges.forEach(({ tab, name, headers, ref }, i) => {
    const part = `xl/tables/table${i + 1}.xml`;
    parts.set(part, P.tableXml(i + 1, name, ref, headers));
    parts.contentType(part, P.CT.table);
    const sheet = tabPart(parts, tab);
    const rel = parts.relate(sheet, P.REL.table, `../tables/table${i + 1}.xml`);
    parts.edit(sheet, (x) =>
      insertBefore(x, `<tableParts count="1"><tablePart r:id="${rel}"/></tableParts>`, ['<extLst', '</worksheet>']),
    );
  });
  return parts.bytes();
}

async function wps(): Promise<Buffer> {
  const parts = await base('wps');
  parts.set('xl/cellimages.xml', P.cellImagesXml(PICTURE_ID));
  parts.set('xl/_rels/cellimages.xml.rels', P.relsXml([['rId1', P.REL.image, 'media/image1.png']]));
  parts.set('xl/media/image1.png', P.PNG);
  parts.edit('[Content_Types].xml', (x) =>
    x.replace(
      '<Default Extension="xml"',
      '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"',
    ),
  );
  parts.contentType('xl/cellimages.xml', P.CT.cellImages);
  parts.relate('xl/workbook.xml', P.REL.cellImages, 'cellimages.xml');
  parts.edit('docProps/app.xml', (x) =>
    x.replace(/<Application>[^<]*<\/Application>/, '<Application>WPS 表格</Application>'),
  );
  customProps(parts, { KSOProductBuildVer: '2052-12.1.0.16388', ICV: '6E2B4C7D1F3A4E5B9C8D7E6F5A4B3C2D' });
  return parts.bytes();
}

mkdirSync(OUT, { recursive: true });
for (const [name, make] of [
  ['rich.xlsx', rich],
  ['macro.xlsm', macro],
  ['wps.xlsx', wps],
  ['tables.xlsx', tables],
] as const) {
  writeFileSync(join(OUT, name), await make());
  console.log(`wrote ${join(OUT, name)}`);
}
zip64(join(OUT, 'rich.xlsx'), join(OUT, 'zip64.xlsx'));

/** `source` re-zipped by Info-ZIP with zip64 records forced, its entries in the same order. */
function zip64(source: string, out: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'zip64-'));
  const names = readZip(readFileSync(source)).map((e) => e.name).filter((n) => !n.endsWith('/'));
  for (const e of readZip(readFileSync(source))) {
    if (e.name.endsWith('/')) continue;
    mkdirSync(join(dir, e.name, '..'), { recursive: true });
    writeFileSync(join(dir, e.name), entryBytes(e));
  }
  rmSync(out, { force: true });
  try {
    execFileSync('zip', ['-q', '-X', '-D', '-fz', out, ...names], { cwd: dir });
    console.log(`wrote ${out}`);
  } catch (error) {
    console.log(`zip64.xlsx not made (Info-ZIP zip needed): ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
