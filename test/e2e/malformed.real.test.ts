import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { duban } from './cli';
import { readBook, readRows } from './sheet-reader';
import { columnOf } from './xlsx-staff-edits';

/** One corrupted cell and the problem code it must produce (null: must scan fine and stay as typed). */
interface Corruption {
  tab: '挂图作战表' | '督办台账';
  row: number;
  column: string;
  value: ExcelJS.CellValue;
  code: string | null;
}

const LONG = '很长的说明'.repeat(2000); // 10,000 characters
const BAD_DATES = [
  '下个月',
  '2026-02-30',
  '3月32日',
  '两日内',
  '2026/13/01',
  '2026-03-31、2026-04-30',
  'ASAP',
  '２０２６年１３月１日',
];
const HYPERLINK = { formula: 'HYPERLINK("http://evil.example/x","点此查看")', result: '点此查看' };

/** 200 bad cells spread over the demo's rows, at most three per row so every message fits in 系统提示. */
function corruptions(battleRows: number[], ledgerRows: number[]): Corruption[] {
  const out: Corruption[] = [];
  const kinds: Array<(tab: Corruption['tab'], row: number, i: number) => Corruption[]> = [
    (tab, row, i) => [
      { tab, row, column: '完成时限', value: BAD_DATES[i % BAD_DATES.length]!, code: 'bad-date' },
    ],
    (tab, row) => [{ tab, row, column: '事项来源', value: '群众来信来访转办', code: 'unknown-source' }],
    (tab, row) => [{ tab, row, column: '牵头单位', value: null, code: 'missing-value' }],
    (tab, row) => [{ tab, row, column: '牵头单位', value: '县不存在局', code: 'unknown-unit' }],
    (tab, row) => [
      { tab, row, column: tab === '挂图作战表' ? '年度目标' : '办理要求', value: LONG, code: 'too-long' },
    ],
    (tab, row) => [
      {
        tab,
        row,
        column: '完成时限',
        value: { formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue,
        code: 'bad-date',
      },
    ],
    (tab, row) => [
      {
        tab,
        row,
        column: '完成时限',
        value: { formula: 'DATE(2026,12,31)', result: new Date(Date.UTC(2026, 11, 31)) },
        code: null,
      },
    ],
  ];
  const rows = [
    ...battleRows.map((r) => ['挂图作战表', r] as const),
    ...ledgerRows.map((r) => ['督办台账', r] as const),
  ];
  let k = 0;
  for (let pass = 0; out.length < 200; pass++) {
    for (const [tab, row] of rows) {
      if (out.length >= 200) break;
      if (pass === 2 && tab === '挂图作战表') {
        out.push({
          tab,
          row,
          column: `${(row % 12) + 1}月/完成情况`,
          value: row % 2 ? '=HYPERLINK("x")' : HYPERLINK,
          code: null,
        });
        continue;
      }
      const taken = new Set(out.filter((c) => c.tab === tab && c.row === row).map((c) => c.column));
      const kind = kinds[k++ % kinds.length]!(tab, row, k);
      if (kind.every((c) => !taken.has(c.column))) out.push(...kind);
    }
  }
  return out.slice(0, 200);
}

function cellOf(ws: ExcelJS.Worksheet, row: number, key: string): ExcelJS.Cell {
  if (!key.includes('/')) return ws.getCell(row, columnOf(ws, key));
  const [month, sub] = key.split('/');
  return ws.getCell(row, columnOf(ws, month!) + (sub === '完成情况' ? 1 : 0));
}

const dir = mkdtempSync(join(tmpdir(), 'duban-bad-'));
const file = join(dir, 'bad.xlsx');
let bad: Corruption[] = [];
let summary: {
  problems: Array<{ tab: string; row: number; cell: string; code: string; message: string }>;
  tasks: number;
  byStatus: Record<string, number>;
};

beforeAll(async () => {
  await createWorkbook(file, '2026-11-20');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rowsOf = (ws: ExcelJS.Worksheet, first: number) =>
    Array.from({ length: ws.actualRowCount - first + 1 }, (_, i) => first + i);
  const map = book.getWorksheet('挂图作战表')!;
  const ledger = book.getWorksheet('督办台账')!;
  bad = corruptions(rowsOf(map, 3), rowsOf(ledger, 2));
  for (const c of bad) cellOf(c.tab === '挂图作战表' ? map : ledger, c.row, c.column).value = c.value;
  await book.xlsx.writeFile(file);
  const scan = duban([
    'scan',
    '--workbook',
    file,
    '--date',
    '2026-11-20',
    '--outbox',
    join(dir, 'outbox'),
    '--json',
  ]);
  expect(scan.code).toBe(0);
  summary = JSON.parse(scan.stdout);
}, 180_000);

describe('a workbook with 200 malformed cells', () => {
  it('has 200 of them, of every kind', () => {
    expect(bad).toHaveLength(200);
    expect(new Set(bad.map((c) => c.code))).toEqual(
      new Set(['bad-date', 'unknown-source', 'missing-value', 'unknown-unit', 'too-long', null]),
    );
  });

  it('scans to the end: every task row gets a status', () => {
    const rows = [...readRows(readBook(file), '挂图作战表'), ...readRows(readBook(file), '督办台账')];
    expect(summary.tasks).toBe(rows.length);
    expect(rows.every((r) => r.values['状态'] !== '')).toBe(true);
  });

  it('reports each bad cell in the JSON summary and in the row’s 系统提示', () => {
    const book = readBook(file);
    const hints = new Map<string, string>();
    for (const tab of ['挂图作战表', '督办台账'])
      for (const r of readRows(book, tab)) hints.set(`${tab}:${r.row}`, r.values['系统提示'] ?? '');
    const missing: string[] = [];
    for (const c of bad.filter((x) => x.code)) {
      const reported = summary.problems.find(
        (p) => p.tab === c.tab && p.row === c.row && p.cell === c.column && p.code === c.code,
      );
      if (!reported) missing.push(`${c.tab}:${c.row} ${c.column} ${c.code} not in summary`);
      else if (!hints.get(`${c.tab}:${c.row}`)!.includes(reported.message.slice(0, 40)))
        missing.push(`${c.tab}:${c.row} ${c.column} not in 系统提示`);
    }
    expect(missing).toEqual([]);
  });

  it('a bad 完成时限 makes the row 数据有误; a formula giving a real date is read as that date', () => {
    const rows = readRows(readBook(file), '挂图作战表');
    for (const c of bad.filter((x) => x.tab === '挂图作战表' && x.column === '完成时限')) {
      const status = rows.find((r) => r.row === c.row)!.values['状态'];
      if (c.code === 'bad-date') expect(status).toBe('数据有误');
      else expect(status).not.toBe('数据有误');
    }
  });

  it('staff text is kept as typed: 10,000 characters and =HYPERLINK formulas are neither cut nor evaluated', () => {
    const rows = readRows(readBook(file), '挂图作战表');
    const long = bad.find((c) => c.tab === '挂图作战表' && c.code === 'too-long')!;
    expect(rows.find((r) => r.row === long.row)!.values['年度目标']).toBe(LONG);
    const links = bad.filter((c) => c.code === null && c.column.endsWith('完成情况'));
    expect(new Set(links.map((c) => typeof c.value))).toEqual(new Set(['string', 'object']));
    for (const link of links) {
      expect(rows.find((r) => r.row === link.row)!.values[link.column]).toBe(
        typeof link.value === 'string' ? link.value : '点此查看',
      );
    }
  });
});
