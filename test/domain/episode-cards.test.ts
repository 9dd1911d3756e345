import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { IssuedNotice } from '../../src/domain/types';
import { battleTask, ctxOn, facts, months } from './fixtures';

const issued = (type: IssuedNotice['type'], day: string, period: string): IssuedNotice => ({
  type,
  docNo: 'x',
  day: toDay(day),
  period,
  level: type === '督办单' ? '2' : '1',
  sent: true,
});

/**
 * Seed 001 §三(三): 红牌 for "多次督办无果" — SPEC §4.2: "two 督办单 in the same unresolved episode without a result;
 * resolved episodes do not count".
 */
describe('红牌 for 多次督办无果 counts one unresolved episode (seed 001 §三(三), SPEC §4.2)', () => {
  it('two old, answered 督办单 of January do not make a 红牌 on the day March is first missed', () => {
    const task = battleTask({ months: months({ 1: '已完成（补报）', 2: '已完成' }) });
    const old = facts({
      notices: [
        issued('催办单', '2026-02-10', '反馈@2026-01'),
        issued('督办单', '2026-02-13', '反馈@2026-01'),
        issued('督办单', '2026-02-26', '反馈@2026-01'),
      ],
    });
    const v = evaluateTask(task, old, ctxOn('2026-04-09'));
    expect(v.missedMonths).toEqual([3]);
    expect(v.card).toBe('蓝牌');
    expect(v.due.map((d) => d.type)).toEqual(['催办单', '提醒函']);
  });

  it('two 督办单 in the still-missing month make a 红牌 keyed by that episode', () => {
    const task = battleTask({ months: months({ 1: '已完成', 2: '已完成' }) });
    const open = facts({
      notices: [
        issued('催办单', '2026-04-09', '反馈@2026-03'),
        issued('督办单', '2026-04-14', '反馈@2026-03'),
        issued('督办单', '2026-04-17', '反馈@2026-03'),
      ],
    });
    const v = evaluateTask(task, open, ctxOn('2026-04-20'));
    expect(v.card).toBe('红牌');
    expect(v.cardReason).toBe('已下发督办单2次仍无结果');
  });

  it('a 红牌 约谈建议 in the same episode does not end the ladder: the 督办通知书 still follows the 督办单', () => {
    const task = battleTask({
      deadline: { kind: 'date', day: toDay('2026-09-30') },
      months: months({}, () => ''),
    });
    const f = facts({
      notices: [
        issued('催办单', '2026-10-08', '逾期@2026-09-30'),
        issued('督办单', '2026-10-13', '逾期@2026-09-30'),
        { ...issued('约谈建议', '2026-10-15', '逾期@2026-09-30'), level: '红牌' },
      ],
    });
    const v = evaluateTask(task, f, ctxOn('2026-10-16'));
    expect(v.due.filter((d) => /^\d$/.test(d.level)).map((d) => `${d.type}|${d.level}`)).toEqual([
      '督办通知书|3',
    ]);
  });
});
