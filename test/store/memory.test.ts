import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store';
import { StaleSnapshotError, emptyPlan } from '../../src/store/port';
import { contractFixture, testStoreContract } from './contract';

testStoreContract('memory', async (fixture) => {
  const store = createMemoryStore(fixture);
  return {
    store,
    staleOnEdit: false,
    staffEdit: async (tab, edit) => store.staffEdit(tab, edit),
    dump: async () => store.dump(),
    cleanup: async () => undefined,
  };
});

testStoreContract('memory (staleOnEdit, behaving like a file)', async (fixture) => {
  const store = createMemoryStore(fixture, { staleOnEdit: true });
  return {
    store,
    staleOnEdit: true,
    staffEdit: async (tab, edit) => store.staffEdit(tab, edit),
    dump: async () => store.dump(),
    cleanup: async () => undefined,
  };
});

describe('memory store extras', () => {
  it('counts port calls so a scan can be held to one read and one apply', async () => {
    const store = createMemoryStore(contractFixture());
    const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2 }]);
    await store.apply(emptyPlan(), snapshot);
    expect(store.calls).toEqual({ read: 1, apply: 1, append: 0 });
  });

  it('hands out copies: changing a dump or the fixture never changes the store', async () => {
    const fixture = contractFixture();
    const store = createMemoryStore(fixture);
    fixture.tabs[0]!.rows[2]![1] = 'CHANGED';
    store.dump().tabs[0]!.rows[2]![1] = 'CHANGED';
    expect(store.tab('挂图作战表')!.rows[2]![1]).toBe('ZD-2026-001');
  });

  it('keeps its own writes from making a snapshot stale, but not staff edits', async () => {
    const store = createMemoryStore(contractFixture(), { staleOnEdit: true });
    const snapshot = await store.read([{ name: '文书登记', headerRows: 1 }]);
    await store.append('文书登记', [{ 文号: 'x' }]);
    await expect(store.apply(emptyPlan(), snapshot)).resolves.toMatchObject({ skipped: [] });
    store.staffEdit('文书登记', { kind: 'setCell', cell: 'B2', value: '督办单' });
    await expect(store.apply(emptyPlan(), snapshot)).rejects.toBeInstanceOf(StaleSnapshotError);
  });

  it('appends a ledger row into the first row after typed content, keeping the formulas filled down there', async () => {
    const store = createMemoryStore({
      tabs: [
        {
          name: '反馈记录',
          rows: [
            ['序号', '时间', '编号'],
            [{ formula: 'ROW()-1', result: 1 }, '2026-03-02', 'ZD-1'],
            [{ formula: 'ROW()-1', result: 2 }],
            [{ formula: 'ROW()-1', result: 3 }],
          ],
        },
      ],
    });
    expect(await store.append('反馈记录', [{ 时间: '2026-03-05', 编号: 'ZD-2' }])).toEqual({ rows: [3] });
    expect(store.tab('反馈记录')!.rows[2]).toEqual([{ formula: 'ROW()-1', result: 2 }, '2026-03-05', 'ZD-2']);
  });

  it('finds each change of a task by its 编号 again once a change rewrote a 编号', async () => {
    const store = createMemoryStore(contractFixture());
    const snapshot = await store.read([{ name: '挂图作战表', headerRows: 2 }]);
    const plan = emptyPlan();
    plan.cells.push(
      { tab: '挂图作战表', id: 'ZD-2026-001', rowHint: 3, column: '状态', value: '滞后' },
      { tab: '挂图作战表', id: 'ZD-2026-001', rowHint: 3, column: '编号', value: 'ZD-2026-009' },
      { tab: '挂图作战表', id: 'ZD-2026-001', rowHint: 3, column: '预警', value: '黄牌' },
    );
    const result = await store.apply(plan, snapshot);
    expect(result.cellsWritten).toBe(2);
    expect(result.skipped).toEqual([
      { tab: '挂图作战表', id: 'ZD-2026-001', reason: '编号「ZD-2026-001」的行已不存在（可能被删除或改了编号）' },
    ]);
    const row = store.tab('挂图作战表')!.rows[2]!;
    expect([row[1], row[9], row[10] ?? null]).toEqual(['ZD-2026-009', '滞后', null]);
  });
});

