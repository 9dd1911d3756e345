/**
 * SPEC §5: "Every automatic change, notice and approval is in 审计日志". A 延期申请 decided by typing into its tab (not
 * through the approval page, which logs its own decision) is logged by the next scan, once.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

type Row = Record<string, string>;

function rows(store: MemoryStore, tab: string): Row[] {
  const grid = store.tab(tab)!.rows;
  const h = grid.findIndex((r) => r.includes('编号'));
  const header = grid[h]!.map(String);
  return grid
    .slice(h + 1)
    .map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] == null ? '' : String(r[i])])));
}

const decisions = (store: MemoryStore) => rows(store, '审计日志').filter((r) => r['动作'] === '延期审批');

async function scan(store: MemoryStore, day: string) {
  await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830(day) });
}

describe('延期申请 decided in the tab', () => {
  it('the next scan logs the decision once: who (审批人), 完成时限 from and to, typed in the tab', async () => {
    const store = createMemoryStore(demoWorkbook());
    const approved = rows(store, '延期申请').find((r) => r['状态'] === '同意')!;
    await scan(store, '2026-06-15');
    const logged = decisions(store);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      编号: approved['编号'],
      操作者: approved['审批人'],
      字段: '完成时限',
      原值: approved['原完成时限'],
      新值: approved['申请完成时限'],
    });
    expect(logged[0]!['备注']).toContain(`申请号 ${approved['申请号']}；同意`);
    expect(logged[0]!['备注']).toContain('在“延期申请”表中录入');
    await scan(store, '2026-06-16');
    expect(decisions(store)).toHaveLength(1);
  });

  it('a request refused by typing is logged with 完成时限 kept; one typed without 申请号 is logged once too', async () => {
    const store = createMemoryStore(demoWorkbook());
    await scan(store, '2026-06-15');
    const pending = rows(store, '延期申请').find((r) => r['状态'] === '待审批')!;
    store.editTab('延期申请', (g) => {
      const header = g.cells[0]!.map(String);
      const row = g.cells.find((r) => r[header.indexOf('申请号')] === pending['申请号'])!;
      row[header.indexOf('状态')] = '不同意';
      row[header.indexOf('审批意见')] = '按期完成';
      const typed = header.map(() => null as string | null);
      for (const [k, v] of Object.entries({ ...pending, 申请号: '', 状态: '同意', 申请完成时限: '2026-08-31' }))
        typed[header.indexOf(k)] = v || null;
      g.cells.push(typed);
    });
    await scan(store, '2026-06-16');
    const refused = decisions(store).filter((r) => r['编号'] === pending['编号']);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ 原值: pending['原完成时限'], 新值: pending['原完成时限'] });
    expect(refused[0]!['备注']).toContain('不同意；意见：按期完成');
    expect(refused[1]).toMatchObject({ 新值: '2026-08-31' });
    await scan(store, '2026-06-17');
    expect(decisions(store).filter((r) => r['编号'] === pending['编号'])).toHaveLength(2);
  });
});
