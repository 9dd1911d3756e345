import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { overdueUnits } from '../../src/domain/overdue-units';
import { battleTask, ctxOn, facts, ledgerItem, months } from './fixtures';

/** Seed 003 §四(三): "逾期3次由县政府督查室进行全县通报，逾期5次移交县纪委监委处理". */
describe('overdueUnits: 3 / 5 missed or late reports per unit and year, both task tabs (seed 003 §四(三))', () => {
  const battle = battleTask({
    leadUnit: '县交通局',
    months: months({}, (m) => (m <= 3 ? `${m}月节点` : '')),
  });
  const ledger = ledgerItem('2026-03-02', {
    leadUnit: '县交通局',
    deadline: { kind: 'date', day: toDay('2026-12-31') },
  });
  const other = battleTask({
    id: 'ZD-2026-002',
    leadUnit: '县财政局',
    months: months({ 1: '已完成', 2: '已完成', 3: '已完成' }),
  });

  function run(config: Record<string, string> = {}) {
    const ctx = { ...ctxOn('2026-04-20', config), year: 2026 };
    const items = [battle, ledger, other].map((task) => {
      const f = facts();
      return { task, facts: f, verdict: evaluateTask(task, f, ctx) };
    });
    return overdueUnits(items, ctx);
  }

  it('counts the battle map months (1–3月 missed) and the 台账 first report (due 3月17日) of one unit', () => {
    expect(run()).toEqual([{ unit: '县交通局', year: 2026, times: 4, action: '全县通报' }]);
  });

  it('takes the thresholds from 规则配置 全县通报逾期次数 / 移交纪委逾期次数', () => {
    expect(run({ 全县通报逾期次数: '5', 移交纪委逾期次数: '6' })[0]!.action).toBeNull();
    expect(run({ 移交纪委逾期次数: '4' })[0]!.action).toBe('移交纪委监委');
  });

  it('leaves out in January the reports last December’s 通报 counted (December’s, due on 2027-01-08)', () => {
    // A 长期 item carried into the 2027 workbook: December 2026's report, due on 8 January 2027, never came.
    const item = ledgerItem('2026-10-10', { leadUnit: '县水利局', itemType: '长期' });
    const ctx = { ...ctxOn('2027-01-20'), year: 2027 };
    const f = facts();
    expect(overdueUnits([{ task: item, facts: f, verdict: evaluateTask(item, f, ctx) }], ctx)).toEqual([]);
  });
});
