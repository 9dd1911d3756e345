import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { battleTask, ctxOn, facts, ledgerItem, months } from './fixtures';

const deadline = (iso: string) => ({ kind: 'date' as const, day: toDay(iso) });

/**
 * Seed 001 §三(三): 黄牌 is for "工作统筹不到位，长时间处在准备阶段，不能按时启动，导致任务存在不能按时完成隐患" —
 * evidence of not starting, not a missing percentage. SPEC §4.1 临期: "for an item whose whole limit is short, e.g.
 * 13710's 7 days, a proportionate window, never from its first day"; 未启动 from "the start the item itself plans".
 */
describe('no 黄牌 without evidence (seed 001 §三(三), SPEC §4.1/§4.2)', () => {
  it('a 13710 一般 item (7天) is not 临期 on the day it is assigned, and gets no card or 约谈建议', () => {
    const item = ledgerItem('2026-04-13');
    const v = evaluateTask(item, facts(), ctxOn('2026-04-13'));
    expect(v.deadline).toBe(toDay('2026-04-20'));
    expect(v.status).toBe('正常推进');
    expect(v.card).toBeNull();
    expect(v.due.map((d) => d.type)).not.toContain('约谈建议');
    // A proportionate window: 临期 only near its end.
    expect(evaluateTask(item, facts(), ctxOn('2026-04-17')).status).toBe('临期');
    expect(evaluateTask(item, facts(), ctxOn('2026-04-15')).status).toBe('正常推进');
  });

  it('临期 with every month marked 已完成 and no percentage is no 黄牌 (unknown progress is not evidence)', () => {
    const task = battleTask({
      deadline: deadline('2026-02-27'),
      months: months({ 1: '已完成' }, (m) => (m <= 2 ? `${m}月节点` : '')),
    });
    const v = evaluateTask(task, facts(), ctxOn('2026-02-24'));
    expect(v.status).toBe('临期');
    expect(v.card).toBeNull();
    expect(v.due.map((d) => d.type)).not.toContain('约谈建议');
  });

  it('临期 with a reported 30% is still 黄牌 (reported progress below 50% is evidence)', () => {
    const task = battleTask({
      deadline: deadline('2026-02-27'),
      months: months({ 1: '推进中，完成30%' }, (m) => (m <= 2 ? `${m}月节点` : '')),
    });
    const v = evaluateTask(task, facts(), ctxOn('2026-02-24'));
    expect(v.card).toBe('黄牌');
  });

  it('a month plan starting in June is not 应启动而未启动 in April; it is in the second half of June', () => {
    const task = battleTask({ months: months({}, (m) => (m >= 6 ? `${m}月节点` : '')) });
    const april = evaluateTask(task, facts(), ctxOn('2026-04-15'));
    expect(april.status).toBe('正常推进');
    expect(april.card).toBeNull();
    const june = evaluateTask(task, facts(), ctxOn('2026-06-22'));
    expect(june.status).toBe('未启动');
    expect(june.card).toBe('黄牌');
  });

  it('a 全体会议 item has its month to report (seed 004 §五.1) before silence is 未启动 and a 黄牌', () => {
    const item = ledgerItem('2026-11-11', {
      sourceRef: '县政府第4次全体会议',
      deadline: { kind: 'date', day: toDay('2027-01-02') },
    });
    const before = evaluateTask(item, facts(), ctxOn('2026-12-03'));
    expect(before.status).toBe('正常推进');
    expect(before.card).toBeNull();
    const after = evaluateTask(item, facts(), ctxOn('2026-12-14'));
    expect(after.status).not.toBe('正常推进');
    expect(after.hints.join('；')).toContain('应于12月11日前反馈办理情况（全体会议议定事项');
  });
});
