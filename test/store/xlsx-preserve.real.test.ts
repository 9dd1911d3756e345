import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { StaleSnapshotError, emptyPlan, type TabSpec, type WritePlan } from '../../src/store/port';
import { createXlsxStore as createExcelJsStore } from '../../src/store/drivers/xlsx/xlsx';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { RICH_MAP, writeRichWorkbook } from './rich-workbook';
import { inspectXlsx, type Inspected } from './xlsx-inspect';
import { tempDir } from './xlsx-harness';

const SPEC: TabSpec = {
  name: RICH_MAP,
  headerRows: 2,
  required: ['编号', '完成时限', '状态'],
  fillsOf: (h) => h === '状态' || h.endsWith('/完成情况'),
};

/** Status, card and hint for three rows, an id for the row without one, feedback appended to two month cells. */
const PLAN: WritePlan = {
  ...emptyPlan(),
  cells: [
    { tab: RICH_MAP, id: 'ZD-2026-001', rowHint: 3, column: '状态', value: '正常推进', fill: 'C6EFCE' },
    { tab: RICH_MAP, id: 'ZD-2026-002', rowHint: 4, column: '状态', value: '逾期', fill: 'FF0000' },
    { tab: RICH_MAP, id: 'ZD-2026-002', rowHint: 4, column: '预警', value: '红牌' },
    { tab: RICH_MAP, id: 'ZD-2026-002', rowHint: 4, column: '系统提示', value: '完成时限已过 3 个工作日' },
    { tab: RICH_MAP, id: 'ZD-2026-003', rowHint: 5, column: '状态', value: '正常推进' },
  ],
  ids: [
    { tab: RICH_MAP, row: 5, id: 'ZD-2026-003', fingerprint: { 牵头单位: '发改局', 工作任务: '重点任务3' } },
  ],
  appends: [
    { tab: RICH_MAP, id: 'ZD-2026-001', rowHint: 3, column: '3月/完成情况', text: '补充：已验收' },
    { tab: RICH_MAP, id: 'ZD-2026-002', rowHint: 4, column: '3月/完成情况', text: '推进中' },
  ],
};
const WRITTEN = ['I3', 'I4', 'J4', 'K4', 'I5', 'B5', 'G3', 'G4'];

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  file = join(dir, '督办-2026.xlsx');
  await writeRichWorkbook(file);
});
afterEach(() => cleanup());

/** Everything SheetJS sees about a cell except its value, for cells the plan wrote. */
function cellFacts(cell: XLSX.CellObject | undefined) {
  if (!cell) return null;
  const { v, t, f, z, l, c } = cell as XLSX.CellObject & {
    l?: { Target?: string };
    c?: Array<{ t: string }>;
  };
  const s = cell.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
  return {
    v,
    t,
    f,
    z,
    link: l?.Target,
    comments: c?.map((x) => x.t),
    fill: s?.patternType,
    fg: s?.fgColor?.rgb,
  };
}

function expectSameOutside(before: Inspected, after: Inspected, written: Set<string>) {
  expect(after.book.SheetNames).toEqual(before.book.SheetNames);
  before.book.SheetNames.forEach((name, index) => {
    const a = before.book.Sheets[name]!;
    const b = after.book.Sheets[name]!;
    const addresses = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !k.startsWith('!')));
    for (const address of addresses) {
      const key = `${name}!${address}`;
      if (written.has(key)) continue;
      expect(cellFacts(b[address]), key).toEqual(cellFacts(a[address]));
    }
    expect(b['!merges'], `${name} merges`).toEqual(a['!merges']);
    expect(b['!cols'], `${name} columns`).toEqual(a['!cols']);
    expect(b['!autofilter'], `${name} filter`).toEqual(a['!autofilter']);
    const stylesBefore = before.styles(index);
    const stylesAfter = after.styles(index);
    for (const [address, style] of stylesBefore) {
      const key = `${name}!${address}`;
      if (written.has(key)) {
        // System cells keep the staff's font, border, alignment and number format; only the fill is the system's.
        expect({ ...stylesAfter.get(address), fill: '' }, key).toEqual({ ...style, fill: '' });
      } else expect(stylesAfter.get(address), key).toEqual(style);
    }
  });
  expect(after.book.Workbook?.Names).toEqual(before.book.Workbook?.Names);
}

const DRIVERS = [
  ['exceljs', createExcelJsStore],
  ['package', createXlsxPackageStore],
] as const;

for (const [driver, createXlsxStore] of DRIVERS)
  describe(`${driver} xlsx driver`, () => {
    describe('xlsx driver keeps what staff made', () => {
      it('changes only the planned cells; formatting, formulas, notes, links, widths, hidden columns and other tabs survive', async () => {
        const before = await inspectXlsx(file);
        const store = createXlsxStore(file);
        const snapshot = await store.read([SPEC, { name: '反馈记录', headerRows: 1 }]);
        expect(snapshot.problems).toEqual([]);
        const result = await store.apply(PLAN, snapshot);
        expect(result).toEqual({ skipped: [], cellsWritten: 7, fillsWritten: 2, idsAssigned: 1 });
        await store.append('反馈记录', [
          { 时间: '2026-03-20 09:00', 编号: 'ZD-2026-002', 完成情况: '推进中', 渠道: '链接' },
        ]);

        const after = await inspectXlsx(file);
        const written = new Set([
          ...WRITTEN.map((a) => `${RICH_MAP}!${a}`),
          '反馈记录!A3',
          '反馈记录!B3',
          '反馈记录!C3',
          '反馈记录!D3',
        ]);
        expectSameOutside(before, after, written);

        const map = after.book.Sheets[RICH_MAP]!;
        expect(['I3', 'I4', 'J4', 'K4', 'B5', 'I5'].map((a) => map[a]?.v)).toEqual([
          '正常推进',
          '逾期',
          '红牌',
          '完成时限已过 3 个工作日',
          'ZD-2026-003',
          '正常推进',
        ]);
        expect((map['I4']!.s as { fgColor?: { rgb?: string } }).fgColor?.rgb).toBe('FF0000');
        expect(map['G3']!.v).toBe('已完成\n补充：已验收');
        expect(map['G4']!.v).toBe('推进中');
        expect(after.book.Sheets['反馈记录']!['D3']!.v).toBe('链接');
        // A new ledger row looks like the one above it (borders), without its fill.
        expect(after.styles(1).get('A3')!.border).toBe(before.styles(1).get('A2')!.border);
      });

      it('keeps data validation, frozen panes, conditional formatting, row heights and tab colour', async () => {
        const store = createXlsxStore(file);
        const before = await inspectXlsx(file);
        await store.apply(PLAN, await store.read([SPEC]));
        const after = await inspectXlsx(file);
        const sheet = (i: Inspected) => i.part('xl/worksheets/sheet1.xml');
        const pick = (xml: string, pattern: RegExp) => xml.match(pattern)?.join('') ?? '';
        for (const pattern of [
          /<dataValidations[\s\S]*?<\/dataValidations>/g,
          /<pane [^>]*\/>/g,
          /<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g,
          /<row r="3"[^>]*>/g,
          /<tabColor[^>]*\/>/g,
        ]) {
          expect(pick(sheet(before), pattern), String(pattern)).not.toBe('');
          expect(pick(sheet(after), pattern), String(pattern)).toBe(pick(sheet(before), pattern));
        }
        expect(pick(sheet(after), /<pane [^>]*\/>/g)).toContain('state="frozen"');
      });

      it('keeps the rich text of a staff cell when feedback is appended to it', async () => {
        const store = createXlsxStore(file);
        const snapshot = await store.read([SPEC]);
        await store.apply(
          {
            ...emptyPlan(),
            appends: [
              { tab: RICH_MAP, id: 'ZD-2026-001', rowHint: 3, column: '工作任务', text: '（已调整）' },
            ],
          },
          snapshot,
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const value = wb.getWorksheet(RICH_MAP)!.getCell('D3').value as ExcelJS.CellRichTextValue;
        expect(value.richText.map((r) => r.text).join('')).toBe('重点任务1\n（已调整）');
        expect(value.richText[0]!.font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
      });

      it('reads staff cells as the port describes them: dates, formulas, rich text, links, percentages', async () => {
        const snapshot = await createXlsxStore(file).read([SPEC]);
        const row = snapshot.tabs[RICH_MAP]!.rows[0]!;
        expect(row.cells).toMatchObject({
          序号: { formula: 'ROW()-2', result: 1 },
          完成时限: { date: '2026-07-30' },
          工作任务: '重点任务1',
          进度: '10%', // typed 10%: stored as 0.1 with a percent format, read as the clerk sees it
          内部备注: '附件',
        });
      });
    });

    describe('xlsx driver reuses the loaded workbook', () => {
      it('gives the same file when apply and appends reuse the loaded workbook as when each loads the file again', async () => {
        const steps = async (store: () => ReturnType<typeof createXlsxStore>) => {
          const s = store();
          await s.apply(PLAN, await s.read([SPEC]));
          await store().append('反馈记录', [{ 时间: '2026-03-20', 编号: 'ZD-2026-001' }]);
          await store().append('反馈记录', [{ 时间: '2026-03-21', 编号: 'ZD-2026-002' }]);
          const last = store();
          const snapshot = await last.read([SPEC]);
          await last.apply(
            { ...emptyPlan(), cells: [{ ...PLAN.cells[1]!, value: '临期', fill: 'FFFF00' }] },
            snapshot,
          );
        };
        const copy = join(dir, 'copy.xlsx');
        await writeFile(copy, await readFile(file));
        const shared = createXlsxStore(file);
        await steps(() => shared);
        await steps(() => createXlsxStore(copy));
        const [a, b] = await Promise.all([inspectXlsx(file), inspectXlsx(copy)]);
        expectSameOutside(b, a, new Set());
        expect(a.book.Sheets[RICH_MAP]!['I4']!.v).toBe('临期');
      });
    });

    describe('xlsx driver writes safely', () => {
      it('refuses to apply when staff saved the file after the read, and applies after a fresh read', async () => {
        const store = createXlsxStore(file);
        const snapshot = await store.read([SPEC]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        wb.getWorksheet(RICH_MAP)!.getCell('C3').value = '发改委';
        await wb.xlsx.writeFile(file);
        const saved = await readFile(file);

        await expect(store.apply(PLAN, snapshot)).rejects.toBeInstanceOf(StaleSnapshotError);
        expect(await readFile(file)).toEqual(saved);
        const fresh = await store.read([SPEC]);
        await expect(store.apply(PLAN, fresh)).resolves.toMatchObject({ skipped: [], cellsWritten: 7 });
      });

      it('does not count its own appends as someone else’s edit', async () => {
        const store = createXlsxStore(file);
        const snapshot = await store.read([SPEC]);
        await store.append('反馈记录', [{ 时间: '2026-03-20', 编号: 'ZD-2026-001' }]);
        await expect(store.apply(PLAN, snapshot)).resolves.toMatchObject({ idsAssigned: 1 });
      });

      it('writes a complete temp file beside the workbook and renames it; a crash before the rename leaves the old file', async () => {
        const original = await readFile(file);
        const temps: string[] = [];
        const store = createXlsxStore(file, {
          hooks: {
            async beforeRename(temp) {
              temps.push(temp);
              // The temp file is a whole workbook already, and the target is still the old one.
              expect(XLSX.read(await readFile(temp), { type: 'buffer' }).Sheets[RICH_MAP]!['I4']!.v).toBe(
                '逾期',
              );
              expect(await readFile(file)).toEqual(original);
              throw new Error('simulated crash');
            },
          },
        });
        await expect(store.apply(PLAN, await store.read([SPEC]))).rejects.toThrow('simulated crash');
        expect(temps).toHaveLength(1);
        expect(temps[0]!.startsWith(join(dir, '.'))).toBe(true);
        expect(await readFile(file)).toEqual(original);
        expect((await readdir(dir)).sort()).toEqual(['督办-2026.xlsx']);
      });

      it('serialises concurrent writers to the same file: no append is lost', async () => {
        const a = createXlsxStore(file);
        const b = createXlsxStore(file);
        const rows = (store: typeof a, who: string) =>
          Array.from({ length: 4 }, (_, i) =>
            store.append('反馈记录', [{ 时间: `${who}${i}`, 编号: 'ZD-2026-001' }]),
          );
        const landed = (await Promise.all([...rows(a, 'a'), ...rows(b, 'b')])).flatMap((r) => r.rows);
        expect([...landed].sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
        const log = await createXlsxStore(file).read([{ name: '反馈记录', headerRows: 1 }]);
        expect(log.tabs['反馈记录']!.rows.map((r) => r.cells['时间']).sort()).toEqual(
          ['2026-03-05 10:00', 'a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3'].sort(),
        );
        expect(await readdir(dir)).toEqual(['督办-2026.xlsx']);
      });

      it('waits for another process’s lock file, and takes over a lock left behind more than 60 s ago', async () => {
        const lock = `${file}.lock`;
        await writeFile(lock, '99999 other scan\n');
        const store = createXlsxStore(file, { lock: { timeoutMs: 300 } });
        await expect(store.append('反馈记录', [{ 时间: 'x' }])).rejects.toThrow(/\[store:xlsx\].*lock/);
        const old = new Date((await stat(lock)).mtimeMs - 61_000);
        await utimes(lock, old, old);
        await expect(store.append('反馈记录', [{ 时间: 'x' }])).resolves.toEqual({ rows: [3] });
        expect(await readdir(dir)).toEqual(['督办-2026.xlsx']);
      });

      it('names the file in the error when it is not a workbook', async () => {
        await writeFile(file, 'not a zip');
        await expect(createXlsxStore(file).read([SPEC])).rejects.toThrow(/\[store:xlsx\] .*督办-2026\.xlsx/);
      });
    });
  });
