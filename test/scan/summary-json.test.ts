import { describe, expect, it } from 'vitest';
import { isoOf } from '../../src/calendar/day';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { planScan } from '../../src/scan/plan-scan';
import { publicSummary } from '../../src/scan/summary';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { readSettings } from '../../src/workbook/read-settings';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { shanghaiDayOf } from '../../src/calendar/day';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const NOW = at830('2026-06-15');

describe('the --json summary (README "Your own workbook")', () => {
  it('counts 待办结审批: an overdue task whose unit applied to close before its deadline leaves 逾期 (SPEC §4.1)', async () => {
    const store = createMemoryStore(demoWorkbook());
    const snapshot = await store.read([...TAB_SPECS]);
    const plan = planScan(snapshot, readSettings(snapshot, shanghaiDayOf(NOW)), NOW, 'run00001');
    const i = plan.verdicts.findIndex(
      (v, k) => v.status === '逾期' && plan.model.entries[k]!.task.kind === 'battle',
    );
    const task = plan.model.entries[i]!.task;
    const applied = isoOf(plan.verdicts[i]!.deadline! - 1);
    store.editTab('办结审批', (grid) => {
      const headers = grid.cells[0]!.map(String);
      const row = headers.map(() => null as string | null);
      const put = (h: string, v: string) => (row[headers.indexOf(h)] = v);
      put('编号', task.id);
      put('承办单位主要负责人意见', '已完成年度目标，申请办结');
      put('承办单位主要负责人签字', task.head || '负责人');
      put('承办单位主要负责人日期', applied);
      put('状态', '审批中');
      grid.cells.push(row);
    });
    const summary = publicSummary(
      await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: NOW }),
    );
    expect(summary.byStatus.待办结审批).toBe(plan.summary.byStatus.待办结审批 + 1);
    expect(summary.byStatus.逾期).toBe(plan.summary.byStatus.逾期 - 1);
  });

  it('lists each unit’s missed or late reports this year with the action its count calls for', async () => {
    const store = createMemoryStore(demoWorkbook());
    const summary = publicSummary(
      await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: NOW }),
    );
    expect(summary.overdueUnits.length).toBeGreaterThan(0);
    for (const u of summary.overdueUnits) {
      expect(u.year).toBe(2026);
      expect(u.action).toBe(u.times >= 5 ? '移交纪委监委' : u.times >= 3 ? '全县通报' : null);
    }
  });
});
