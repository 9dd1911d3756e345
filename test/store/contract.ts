/**
 * The SheetStore contract: one suite run against every driver (memory, xlsx, google against the local Sheets API
 * server). A driver's test file supplies `makeStore(fixture)`, which builds the described workbook in its medium and
 * returns the store plus a way to simulate staff edits and to dump the whole workbook back as plain data.
 */
import { describe, expect, it } from 'vitest';
import { addressOf } from '../../src/store/grid/a1';
import {
  StaleSnapshotError,
  emptyPlan,
  type SheetStore,
  type Snapshot,
  type TabSpec,
  type WritePlan,
} from '../../src/store/port';
import type { StaffEdit } from './staff-edits';
import { normalizeWorkbook, type MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';

export interface StoreHarness {
  store: SheetStore;
  /** Simulate a person editing the sheet between a read and a write. */
  staffEdit(tab: string, edit: StaffEdit): Promise<void>;
  /** The whole workbook as plain data (normalised like `normalizeWorkbook`). */
  dump(): Promise<MemoryWorkbook>;
  cleanup(): Promise<void>;
  /**
   * True for drivers that refuse a write after any staff edit (files: StaleSnapshotError, the caller re-reads);
   * false for drivers that reconcile by 编号 (memory, Google Sheets).
   */
  staleOnEdit: boolean;
}

export type MakeStore = (fixture: MemoryWorkbook) => Promise<StoreHarness>;

const MAP = '挂图作战表';
const HEADERS = [
  '序号',
  '编号',
  '牵头单位',
  '工作任务',
  '完成时限',
  '3月/应完成工作任务',
  '3月/完成情况',
  '4月/应完成工作任务',
  '4月/完成情况',
  '状态',
  '预警',
  '系统提示',
];

/** The fixture every driver is built from: a two-row-header battle map, ledgers, one with merged cells, a directory. */
export const contractFixture = (): MemoryWorkbook => ({
  tabs: [
    {
      name: MAP,
      rows: [
        [
          '序号',
          '编号',
          '牵头单位',
          '工作 任务',
          '完成\n时限',
          '3月',
          null,
          '四月',
          null,
          '系统列',
          null,
          null,
        ],
        [
          null,
          null,
          null,
          null,
          null,
          '应完成工作任务',
          '完成情况',
          '应完成工作任务',
          '完成 情况',
          '状态',
          '预警',
          '系统提示',
        ],
        [
          1,
          'ZD-2026-001',
          '发改局',
          '项目A开工',
          { date: '2026-06-30' },
          '完成立项',
          '已完成',
          '主体施工',
          null,
          '正常推进',
          null,
          null,
        ],
        [
          2,
          'ZD-2026-002',
          '住建局',
          '老旧小区改造',
          '2026年12月底',
          '摸底',
          null,
          '开工',
          null,
          '滞后',
          '蓝牌',
          null,
        ],
        [3, null, '交通局', '农村公路', '2026-09-30', '设计', '推进中', null, null, null, null, null],
        [],
        [5, 'ZD-2026-005', '水利局', '河道治理', '长期', null, null, null, null, null, null, null],
      ],
      fills: { G3: '00B050', J4: 'FFA500' },
      merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:I1', 'J1:L1'],
    },
    {
      name: '文书登记',
      rows: [
        ['文号', '类型', '编号', '去重键', '发送状态'],
        ['临政督〔2026〕1号', '催办单', 'ZD-2026-002', 'ZD-2026-002|催办单|1|2026-03', '已发送'],
        ['临政督〔2026〕2号', '督办单', 'ZD-2026-005', 'ZD-2026-005|督办单|1|2026-03', '待发送'],
      ],
    },
    {
      name: '调整记录',
      rows: [
        ['编号', '类型', '理由', '状态'],
        ['ZD-2026-001', '调整时限', '征地延后', '待审批'],
        [null, '调整目标', '规模调整', '待审批'],
        [null, null, null, null],
      ],
      merges: ['A2:A4'],
    },
    {
      name: '通讯录',
      rows: [
        ['姓名', '单位', '邮箱'],
        ['张三', '发改局', 'zhang@example.gov.cn'],
      ],
      fills: { A1: 'D9D9D9' },
    },
  ],
});

/** Ledgers with date and date-time columns, as staff fill them: a real date cell and text. */
const datedFixture = (): MemoryWorkbook => ({
  tabs: [
    {
      name: '延期申请',
      rows: [
        ['申请号', '原完成时限', '申请时间', '审批时间', '进度(%)'],
        ['YQ-1', '2026-06-30', { date: '2026-06-01' }, null, null],
      ],
    },
    {
      name: '调整记录',
      rows: [
        ['编号', '日期'],
        ['ZD-2026-001', { date: '2026-11-02' }],
      ],
    },
  ],
});

const mapSpec = (extra: Partial<TabSpec> = {}): TabSpec => ({
  name: MAP,
  headerRows: 2,
  required: ['编号', '完成时限'],
  fillsOf: (h) => h === '状态' || h.endsWith('/完成情况'),
  ...extra,
});

const rowOf = (snapshot: Snapshot, id: string) => {
  const row = snapshot.tabs[MAP]!.rows.find((r) => r.cells['编号'] === id);
  if (!row) throw new Error(`no row ${id} in snapshot`);
  return row;
};

const plan = (part: Partial<WritePlan>): WritePlan => ({ ...emptyPlan(), ...part });

const statusChange = (snapshot: Snapshot, id: string, value: string, fill?: string) => ({
  tab: MAP,
  id,
  rowHint: rowOf(snapshot, id).row,
  column: '状态',
  value,
  ...(fill ? { fill } : {}),
});

/** Every `tab!A1` whose value or fill differs between two dumps. */
function changedCells(before: MemoryWorkbook, after: MemoryWorkbook): string[] {
  const changes: string[] = [];
  const names = new Set([...before.tabs, ...after.tabs].map((t) => t.name));
  for (const name of names) {
    const a = before.tabs.find((t) => t.name === name);
    const b = after.tabs.find((t) => t.name === name);
    const rows = Math.max(a?.rows.length ?? 0, b?.rows.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(a?.rows[r]?.length ?? 0, b?.rows[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const address = addressOf(r + 1, c + 1);
        if (JSON.stringify(a?.rows[r]?.[c] ?? null) !== JSON.stringify(b?.rows[r]?.[c] ?? null))
          changes.push(`${name}!${address}`);
      }
    }
    const fills = new Set([...Object.keys(a?.fills ?? {}), ...Object.keys(b?.fills ?? {})]);
    for (const address of fills)
      if ((a?.fills?.[address] ?? null) !== (b?.fills?.[address] ?? null))
        changes.push(`${name}!${address}:fill`);
    if (JSON.stringify(a?.merges ?? []) !== JSON.stringify(b?.merges ?? [])) changes.push(`${name}:merges`);
  }
  return changes.sort();
}

export function testStoreContract(name: string, makeStore: MakeStore): void {
  describe(`SheetStore contract: ${name}`, () => {
    async function withStore(fixture: MemoryWorkbook, body: (h: StoreHarness) => Promise<void>) {
      const harness = await makeStore(fixture);
      try {
        await body(harness);
      } finally {
        await harness.cleanup();
      }
    }
    const run = (body: (h: StoreHarness) => Promise<void>) => () => withStore(contractFixture(), body);

    /**
     * After a staff edit, the snapshot to apply an old plan with: file drivers must first refuse the old snapshot
     * (StaleSnapshotError); the caller then re-reads, and the old plan's row hints are now wrong, so the driver must
     * still find every row by 编号.
     */
    async function snapshotAfterEdit(
      h: StoreHarness,
      snapshot: Snapshot,
      probe: WritePlan,
    ): Promise<Snapshot> {
      if (!h.staleOnEdit) return snapshot;
      await expect(h.store.apply(probe, snapshot)).rejects.toBeInstanceOf(StaleSnapshotError);
      const fresh = await h.store.read([mapSpec()]);
      return { ...snapshot, version: fresh.version };
    }

    it(
      'reads two-row headers as keys: month groups as 3月/…, vertical merges and other groups by their own text',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        expect(snapshot.problems).toEqual([]);
        const tab = snapshot.tabs[MAP]!;
        expect(tab.headers).toEqual(HEADERS);
        const first = rowOf(snapshot, 'ZD-2026-001');
        expect(first.row).toBe(3);
        expect(first.cells['3月/完成情况']).toBe('已完成');
        expect(first.cells['4月/应完成工作任务']).toBe('主体施工');
        expect(first.cells['完成时限']).toEqual({ date: '2026-06-30' });
        expect(first.cells['状态']).toBe('正常推进');
      }),
    );

    it(
      'skips blank rows and reports each row at its sheet row number',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        expect(snapshot.tabs[MAP]!.rows.map((r) => [r.row, r.cells['编号']])).toEqual([
          [3, 'ZD-2026-001'],
          [4, 'ZD-2026-002'],
          [5, null],
          [7, 'ZD-2026-005'],
        ]);
      }),
    );

    it(
      'keeps only the rows keepRow keeps, asked with cells by header (an unknown header is blank), and still gives the last row',
      run(async (h) => {
        const snapshot = await h.store.read([
          mapSpec({
            keepRow: (text) =>
              text('牵头单位').endsWith('局') && text('3月/完成情况') !== '' && text('没有这列') === '',
          }),
        ]);
        const tab = snapshot.tabs[MAP]!;
        expect(tab.rows.map((r) => [r.row, r.cells['编号'], r.cells['3月/完成情况']])).toEqual([
          [3, 'ZD-2026-001', '已完成'],
          [5, null, '推进中'],
        ]);
        expect(tab.lastRow).toBe(7);
        const all = (await h.store.read([mapSpec()])).tabs[MAP]!;
        expect([all.rows.length, all.lastRow]).toEqual([4, 7]);
      }),
    );

    it(
      'reads the fills of the columns asked for, and only those',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        expect(rowOf(snapshot, 'ZD-2026-001').fills).toEqual({
          '3月/完成情况': '00B050',
          '4月/完成情况': null,
          状态: null,
        });
        expect(rowOf(snapshot, 'ZD-2026-002').fills['状态']).toBe('FFA500');
      }),
    );

    it(
      'finds every column by header after staff move, insert and hide columns',
      run(async (h) => {
        const before = await h.store.read([mapSpec()]);
        await h.staffEdit(MAP, { kind: 'moveColumn', from: 'E', before: 'B' });
        await h.staffEdit(MAP, {
          kind: 'insertColumnBefore',
          column: 'C',
          values: ['备注', null, '外部说明'],
        });
        await h.staffEdit(MAP, { kind: 'hideColumn', column: 'E' });
        const after = await h.store.read([mapSpec()]);
        expect(after.problems).toEqual([]);
        expect([...after.tabs[MAP]!.headers].sort()).toEqual([...HEADERS, '备注'].sort());
        expect(after.tabs[MAP]!.headers.slice(0, 4)).toEqual(['序号', '完成时限', '备注', '编号']);
        for (const id of ['ZD-2026-001', 'ZD-2026-002', 'ZD-2026-005'])
          expect(rowOf(after, id).cells).toEqual({
            ...rowOf(before, id).cells,
            备注: id === 'ZD-2026-001' ? '外部说明' : null,
          });
      }),
    );

    it(
      'reports a missing tab and a missing header in Chinese, naming the tab and the header',
      run(async (h) => {
        const snapshot = await h.store.read([
          mapSpec({ required: ['编号', '分管领导'] }),
          { name: '督办台账', headerRows: 1 },
        ]);
        expect(snapshot.problems).toHaveLength(2);
        const [header, tab] = snapshot.problems;
        expect(header).toMatchObject({ tab: MAP, code: 'missing-header', header: '分管领导' });
        expect(header!.message).toContain('挂图作战表');
        expect(header!.message).toContain('分管领导');
        expect(tab).toMatchObject({ tab: '督办台账', code: 'missing-tab' });
        expect(tab!.message).toContain('督办台账');
        expect(snapshot.tabs[MAP]!.rows).toHaveLength(4);
      }),
    );

    it(
      'reports a duplicate header and keeps using the first column of that name',
      run(async (h) => {
        await h.staffEdit(MAP, { kind: 'setCell', cell: 'D1', value: '牵头单位' });
        const snapshot = await h.store.read([mapSpec()]);
        expect(snapshot.problems).toEqual([
          expect.objectContaining({ tab: MAP, code: 'duplicate-header', header: '牵头单位' }),
        ]);
        expect(snapshot.problems[0]!.message).toMatch(/挂图作战表.*牵头单位/);
        expect(rowOf(snapshot, 'ZD-2026-001').cells['牵头单位']).toBe('发改局');
      }),
    );

    it(
      'writes only the planned cells and fills, nothing else in any tab',
      run(async (h) => {
        const before = await h.dump();
        const snapshot = await h.store.read([mapSpec()]);
        const result = await h.store.apply(
          plan({
            cells: [
              statusChange(snapshot, 'ZD-2026-002', '逾期', 'FF0000'),
              { tab: MAP, id: 'ZD-2026-001', rowHint: 3, column: '4月/完成情况', fill: 'FFFF00' },
              { tab: MAP, id: 'ZD-2026-005', rowHint: 7, column: '系统提示', value: null },
            ],
          }),
          snapshot,
        );
        expect(result).toEqual({ skipped: [], cellsWritten: 2, fillsWritten: 2, idsAssigned: 0 });
        const after = await h.dump();
        expect(changedCells(before, after)).toEqual([`${MAP}!I3:fill`, `${MAP}!J4`, `${MAP}!J4:fill`]);
        const again = await h.store.read([mapSpec()]);
        expect(rowOf(again, 'ZD-2026-002').cells['状态']).toBe('逾期');
        expect(rowOf(again, 'ZD-2026-002').fills['状态']).toBe('FF0000');
        expect(rowOf(again, 'ZD-2026-001').fills['4月/完成情况']).toBe('FFFF00');
      }),
    );

    it(
      'clears a fill with null and writes numbers as numbers',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        await h.store.apply(
          plan({
            cells: [
              { ...statusChange(snapshot, 'ZD-2026-002', '正常推进'), fill: null },
              { tab: MAP, id: 'ZD-2026-002', rowHint: 4, column: '预警', value: 3 },
            ],
          }),
          snapshot,
        );
        const again = rowOf(await h.store.read([mapSpec()]), 'ZD-2026-002');
        expect(again.fills['状态']).toBeNull();
        expect(again.cells['预警']).toBe(3);
      }),
    );

    it(
      'finds rows by 编号 when the row hints are wrong',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const result = await h.store.apply(
          plan({ cells: [{ ...statusChange(snapshot, 'ZD-2026-005', '逾期'), rowHint: 3 }] }),
          snapshot,
        );
        expect(result.skipped).toEqual([]);
        const again = await h.store.read([mapSpec()]);
        expect(rowOf(again, 'ZD-2026-005').cells['状态']).toBe('逾期');
        expect(rowOf(again, 'ZD-2026-001').cells['状态']).toBe('正常推进');
      }),
    );

    it(
      'writes to the right rows after staff sort the sheet between read and write',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const planned = plan({
          cells: [
            statusChange(snapshot, 'ZD-2026-001', '临期'),
            statusChange(snapshot, 'ZD-2026-005', '逾期'),
          ],
        });
        await h.staffEdit(MAP, { kind: 'sortRows', firstRow: 3, column: 'B', descending: true });
        const result = await h.store.apply(planned, await snapshotAfterEdit(h, snapshot, planned));
        expect(result).toMatchObject({ skipped: [], cellsWritten: 2 });
        const again = await h.store.read([mapSpec()]);
        expect(again.tabs[MAP]!.rows.map((r) => [r.cells['编号'], r.cells['状态']])).toEqual([
          ['ZD-2026-005', '逾期'],
          ['ZD-2026-002', '滞后'],
          ['ZD-2026-001', '临期'],
          [null, null],
        ]);
      }),
    );

    it(
      'writes to the right rows after staff insert a row above them',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const planned = plan({ cells: [statusChange(snapshot, 'ZD-2026-002', '逾期')] });
        await h.staffEdit(MAP, {
          kind: 'insertRowAbove',
          row: 3,
          values: [0, 'ZD-2026-000', '财政局', '新增任务'],
        });
        const result = await h.store.apply(planned, await snapshotAfterEdit(h, snapshot, planned));
        expect(result.skipped).toEqual([]);
        const again = await h.store.read([mapSpec()]);
        expect(rowOf(again, 'ZD-2026-002')).toMatchObject({
          row: 5,
          cells: { 状态: '逾期', 牵头单位: '住建局' },
        });
        expect(rowOf(again, 'ZD-2026-000').cells['状态']).toBeNull();
      }),
    );

    it(
      'skips and reports a change whose row was deleted, and the ledger rows about it, and still writes the others',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const about = (id: string) => ({ 文号: `审计 ${id}`, 类型: '状态变更', 编号: id });
        const planned = plan({
          cells: [
            statusChange(snapshot, 'ZD-2026-002', '逾期'),
            statusChange(snapshot, 'ZD-2026-005', '临期'),
          ],
          rows: [
            { tab: '文书登记', rows: [about('ZD-2026-002'), about('ZD-2026-005')], about: '编号' },
            { tab: '文书登记', rows: [about('ZD-2026-002')] },
          ],
        });
        await h.staffEdit(MAP, { kind: 'deleteRowWithId', id: 'ZD-2026-002' });
        const before = await h.dump();
        const result = await h.store.apply(planned, await snapshotAfterEdit(h, snapshot, planned));
        expect(result.skipped).toEqual([
          { tab: MAP, id: 'ZD-2026-002', reason: expect.stringContaining('ZD-2026-002') },
        ]);
        expect([result.cellsWritten, result.rowsAppended]).toEqual([1, 2]);
        expect(changedCells(before, await h.dump()).filter((c) => c.startsWith(MAP))).toEqual([`${MAP}!J6`]);
        const ledger = (await h.store.read([{ name: '文书登记', headerRows: 1 }])).tabs['文书登记']!;
        // rows without `about` are kept whatever was skipped
        expect(ledger.rows.slice(2).map((r) => r.cells['文号'])).toEqual([
          '审计 ZD-2026-005',
          '审计 ZD-2026-002',
        ]);
      }),
    );

    it(
      'assigns 编号 to a row without one only while its fingerprint still matches',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const unnumbered = snapshot.tabs[MAP]!.rows.find((r) => r.cells['编号'] === null)!;
        const assign = (id: string) =>
          plan({
            ids: [
              {
                tab: MAP,
                row: unnumbered.row,
                id,
                fingerprint: { 牵头单位: '交通局', 工作任务: '农村公路' },
              },
            ],
            cells: [{ tab: MAP, id, rowHint: unnumbered.row, column: '状态', value: '正常推进' }],
          });
        await h.staffEdit(MAP, { kind: 'setCell', cell: 'D5', value: '农村公路提档升级' });
        const refused = await h.store.apply(
          assign('ZD-2026-003'),
          await snapshotAfterEdit(h, snapshot, assign('X')),
        );
        expect(refused.idsAssigned).toBe(0);
        expect(refused.skipped.map((s) => s.id)).toEqual(['ZD-2026-003', 'ZD-2026-003']);
        const untouched = await h.store.read([mapSpec()]);
        expect(untouched.tabs[MAP]!.rows.find((r) => r.row === 5)!.cells).toMatchObject({
          编号: null,
          状态: null,
        });

        await h.staffEdit(MAP, { kind: 'setCell', cell: 'D5', value: '农村公路' });
        await h.staffEdit(MAP, { kind: 'insertRowAbove', row: 3 });
        const moved = await h.store.apply(
          assign('ZD-2026-003'),
          await snapshotAfterEdit(h, snapshot, assign('X')),
        );
        expect(moved).toMatchObject({ skipped: [], idsAssigned: 1, cellsWritten: 1 });
        const again = await h.store.read([mapSpec()]);
        expect(rowOf(again, 'ZD-2026-003')).toMatchObject({
          row: 6,
          cells: { 牵头单位: '交通局', 状态: '正常推进' },
        });
      }),
    );

    it(
      'does not give a 编号 that another row already holds',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const result = await h.store.apply(
          plan({ ids: [{ tab: MAP, row: 5, id: 'ZD-2026-001', fingerprint: { 牵头单位: '交通局' } }] }),
          snapshot,
        );
        expect(result.idsAssigned).toBe(0);
        expect(result.skipped).toEqual([
          { tab: MAP, id: 'ZD-2026-001', reason: expect.stringContaining('已被') },
        ]);
      }),
    );

    it(
      'appends feedback text after what staff typed, on a new line',
      run(async (h) => {
        const snapshot = await h.store.read([mapSpec()]);
        const result = await h.store.apply(
          plan({
            appends: [
              {
                tab: MAP,
                id: 'ZD-2026-001',
                rowHint: 3,
                column: '3月/完成情况',
                text: '3月20日：已开工（链接反馈）',
              },
              { tab: MAP, id: 'ZD-2026-002', rowHint: 4, column: '3月/完成情况', text: '摸底完成80%' },
            ],
          }),
          snapshot,
        );
        expect(result.cellsWritten).toBe(2);
        const again = await h.store.read([mapSpec()]);
        expect(rowOf(again, 'ZD-2026-001').cells['3月/完成情况']).toBe('已完成\n3月20日：已开工（链接反馈）');
        expect(rowOf(again, 'ZD-2026-002').cells['3月/完成情况']).toBe('摸底完成80%');
        expect(rowOf(again, 'ZD-2026-001').fills['3月/完成情况']).toBe('00B050');
      }),
    );

    it(
      "stores text from outside as plain text: '=HYPERLINK(…)' reads back as the same string",
      run(async (h) => {
        const formulaText = '=HYPERLINK("http://evil.example","点我")';
        const snapshot = await h.store.read([mapSpec()]);
        await h.store.apply(
          plan({
            cells: [{ tab: MAP, id: 'ZD-2026-001', rowHint: 3, column: '系统提示', value: formulaText }],
            appends: [{ tab: MAP, id: 'ZD-2026-005', rowHint: 7, column: '4月/完成情况', text: '=1+1' }],
          }),
          snapshot,
        );
        await h.store.append('文书登记', [{ 文号: '=SUM(1,2)', 类型: '催办单' }]);
        const again = await h.store.read([mapSpec(), { name: '文书登记', headerRows: 1 }]);
        expect(rowOf(again, 'ZD-2026-001').cells['系统提示']).toBe(formulaText);
        expect(rowOf(again, 'ZD-2026-005').cells['4月/完成情况']).toBe('=1+1');
        expect(again.tabs['文书登记']!.rows.at(-1)!.cells['文号']).toBe('=SUM(1,2)');
      }),
    );

    it(
      'appends ledger rows below the last row and returns where they landed; updates a ledger row by key',
      run(async (h) => {
        const landed = await h.store.append('文书登记', [
          {
            文号: '临政督〔2026〕3号',
            类型: '催办单',
            编号: 'ZD-2026-001',
            去重键: 'k3',
            发送状态: '待发送',
          },
          {
            文号: '临政督〔2026〕4号',
            类型: '督办单',
            编号: 'ZD-2026-002',
            去重键: 'k4',
            发送状态: '待发送',
          },
        ]);
        expect(landed.rows).toEqual([4, 5]);
        const snapshot = await h.store.read([{ name: '文书登记', headerRows: 1, required: ['去重键'] }]);
        const result = await h.store.apply(
          plan({
            ledgerUpdates: [
              { tab: '文书登记', keyColumn: '去重键', key: 'k3', values: { 发送状态: '已发送' } },
              { tab: '文书登记', keyColumn: '去重键', key: 'no-such-key', values: { 发送状态: '已发送' } },
            ],
          }),
          snapshot,
        );
        expect(result.cellsWritten).toBe(1);
        expect(result.skipped).toEqual([{ tab: '文书登记', id: 'no-such-key', reason: expect.any(String) }]);
        const again = await h.store.read([{ name: '文书登记', headerRows: 1 }]);
        expect(
          again.tabs['文书登记']!.rows.map((r) => [r.row, r.cells['去重键'], r.cells['发送状态']]),
        ).toEqual([
          [2, 'ZD-2026-002|催办单|1|2026-03', '已发送'],
          [3, 'ZD-2026-005|督办单|1|2026-03', '待发送'],
          [4, 'k3', '已发送'],
          [5, 'k4', '待发送'],
        ]);
      }),
    );

    it(
      'appends ledger rows in the same batch as cell writes and ledger updates, all or nothing',
      run(async (h) => {
        const snapshot = await h.store.read([{ name: '文书登记', headerRows: 1, required: ['去重键'] }]);
        const result = await h.store.apply(
          plan({
            ledgerUpdates: [
              {
                tab: '文书登记',
                keyColumn: '去重键',
                key: 'ZD-2026-005|督办单|1|2026-03',
                values: { 发送状态: '已发送' },
              },
            ],
            rows: [
              {
                tab: '文书登记',
                rows: [{ 文号: '=HYPERLINK("x")', 类型: '催办单', 去重键: 'k9', 发送状态: '待发送' }],
              },
            ],
          }),
          snapshot,
        );
        expect([result.cellsWritten, result.rowsAppended]).toEqual([1, 1]);
        const again = await h.store.read([{ name: '文书登记', headerRows: 1 }]);
        expect(
          again.tabs['文书登记']!.rows.map((r) => [
            r.row,
            r.cells['文号'],
            r.cells['去重键'],
            r.cells['发送状态'],
          ]),
        ).toEqual([
          [2, expect.anything(), 'ZD-2026-002|催办单|1|2026-03', '已发送'],
          [3, expect.anything(), 'ZD-2026-005|督办单|1|2026-03', '已发送'],
          [4, '=HYPERLINK("x")', 'k9', '待发送'],
        ]);
        const before = await h.dump();
        const bad = plan({
          ledgerUpdates: [
            { tab: '文书登记', keyColumn: '去重键', key: 'k9', values: { 发送状态: '已发送' } },
          ],
          rows: [{ tab: '文书登记', rows: [{ 不存在的列: 'x' }] }],
        });
        await expect(
          h.store.apply(bad, await h.store.read([{ name: '文书登记', headerRows: 1 }])),
        ).rejects.toThrow(/不存在的列/);
        expect(await h.dump()).toEqual(before);
      }),
    );

    it(
      'appends below merged cells that hang under the last value of a ledger',
      run(async (h) => {
        const landed = await h.store.append('调整记录', [
          { 编号: 'ZD-2026-005', 类型: '调出', 理由: '任务取消', 状态: '待审批' },
        ]);
        expect(landed.rows).toEqual([5]);
        const dump = await h.dump();
        const tab = dump.tabs.find((t) => t.name === '调整记录')!;
        expect(tab.merges).toEqual(['A2:A4']);
        expect(tab.rows[4]).toEqual(['ZD-2026-005', '调出', '任务取消', '待审批']);
      }),
    );

    it('writes times and dates as real date cells that read back to the second — appended, batched, updated — and text as text', () =>
      withStore(datedFixture(), async (h) => {
        const specs = [
          { name: '延期申请', headerRows: 1 as const },
          { name: '调整记录', headerRows: 1 as const },
        ];
        const asked = { date: '2026-12-03', time: '14:05:09' };
        await h.store.append('延期申请', [
          { 申请号: 'YQ-2', 原完成时限: '2026-09-30', 申请时间: asked, '进度(%)': 60 },
        ]);
        const result = await h.store.apply(
          plan({
            ledgerUpdates: [
              {
                tab: '延期申请',
                keyColumn: '申请号',
                key: 'YQ-1',
                values: { 审批时间: { date: '2026-12-05', time: '16:45:30' } },
              },
            ],
            rows: [
              {
                tab: '延期申请',
                rows: [{ 申请号: 'YQ-3', 申请时间: { date: '2026-12-04', time: '23:59:59' } }],
              },
              { tab: '调整记录', rows: [{ 编号: 'ZD-2026-002', 日期: { date: '2026-12-04' } }] },
            ],
          }),
          await h.store.read(specs),
        );
        expect([result.cellsWritten, result.rowsAppended, result.skipped]).toEqual([1, 2, []]);
        const again = await h.store.read(specs);
        const cells = (tab: string, headers: string[]) =>
          again.tabs[tab]!.rows.map((r) => headers.map((k) => r.cells[k] ?? null));
        expect(cells('延期申请', ['申请号', '原完成时限', '申请时间', '审批时间', '进度(%)'])).toEqual([
          ['YQ-1', '2026-06-30', { date: '2026-06-01' }, { date: '2026-12-05', time: '16:45:30' }, null],
          ['YQ-2', '2026-09-30', asked, null, 60],
          ['YQ-3', null, { date: '2026-12-04', time: '23:59:59' }, null, null],
        ]);
        expect(cells('调整记录', ['编号', '日期'])).toEqual([
          ['ZD-2026-001', { date: '2026-11-02' }],
          ['ZD-2026-002', { date: '2026-12-04' }],
        ]);
      }));

    it(
      'refuses an append to a missing tab or an unknown column and writes nothing',
      run(async (h) => {
        const before = await h.dump();
        await expect(h.store.append('审计日志', [{ 时间: 'x' }])).rejects.toThrow(/\[store:\w+\].*审计日志/);
        await expect(h.store.append('文书登记', [{ 文号: 'a' }, { 不存在的列: 'b' }])).rejects.toThrow(
          /不存在的列/,
        );
        expect(await h.dump()).toEqual(before);
      }),
    );

    it(
      'writes a whole system tab (the monthly 通报) in the batch: created when missing, replaced when it exists',
      run(async (h) => {
        const before = await h.dump();
        const tab = (rows: Array<Array<string | number | null>>) => ({
          name: '2026年10月通报',
          rows,
          fills: { A2: 'DDEBF7' },
          merges: ['A1:C1'],
          widths: [8, 16, 8],
        });
        const snapshot = await h.store.read([{ name: MAP, headerRows: 2 }]);
        const first = await h.store.apply(
          plan({
            tabs: [
              tab([['标题'], ['排名', '单位', '得分'], [1, '=HYPERLINK("x")', 102], [2, '县财政局', 100]]),
            ],
          }),
          snapshot,
        );
        expect(first.tabsWritten).toBe(1);
        await h.store.apply(
          plan({ tabs: [tab([['标题'], ['排名', '单位', '得分'], [1, '县发改局', 98]])] }),
          await h.store.read([{ name: MAP, headerRows: 2 }]),
        );
        const after = await h.dump();
        expect(after.tabs.filter((t) => t.name !== '2026年10月通报')).toEqual(before.tabs);
        const written = after.tabs.find((t) => t.name === '2026年10月通报')!;
        expect(written.rows).toEqual([['标题'], ['排名', '单位', '得分'], [1, '县发改局', 98]]);
        expect(written.fills).toEqual({ A2: 'DDEBF7' });
        expect(written.merges).toEqual(['A1:C1']);
      }),
    );

    it(
      'starts from the fixture as described',
      run(async (h) => {
        expect(await h.dump()).toEqual(normalizeWorkbook(contractFixture()));
      }),
    );
  });
}
