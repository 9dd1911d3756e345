import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { IssuedNotice } from '../../src/domain/types';
import { battleTask, ctxOn, doneThrough, facts, ledgerItem, months } from './fixtures';

const deadline = (iso: string) => ({ kind: 'date' as const, day: toDay(iso) });

describe('红黄蓝牌 (SPEC §4.2)', () => {
  it('蓝牌 for one missed month', () => {
    const v = evaluateTask(
      battleTask({ months: months({ 1: '已完成', 2: '已完成' }) }),
      facts(),
      ctxOn('2026-04-09'),
    );
    expect(v.card).toBe('蓝牌');
    // The 提醒函 prints this as its 事由: it states what happened, not "未反馈或反馈为未完成".
    expect(v.cardReason).toBe('3月未按计划完成（未反馈）');
    expect(v.hints).toContain('蓝牌：3月未按计划完成（未反馈）');
  });

  it('a month reported 未完成 is said to be so, apart from one not reported at all', () => {
    const reason = (m: Record<number, string>) =>
      evaluateTask(battleTask({ months: months(m) }), facts(), ctxOn('2026-04-09')).cardReason;
    expect(reason({ 1: '已完成', 2: '已完成', 3: '未完成' })).toBe('3月未按计划完成（反馈为未完成）');
    expect(reason({ 1: '已完成', 2: '未完成' })).toBe('连续2个月未按计划完成（2月反馈为未完成，3月未反馈）');
  });

  it('蓝牌 when reported progress lags the time-proportional schedule by more than 20 points', () => {
    const task = battleTask({ deadline: deadline('2026-12-31'), months: months(doneThrough(6)) });
    // 7月1日 → elapsed 181/364 days = 50%.
    const lagging = facts({
      feedback: [{ day: toDay('2026-06-30'), month: 6, progress: 29, text: '推进中' }],
    });
    expect(evaluateTask(task, lagging, ctxOn('2026-07-01')).card).toBe('蓝牌');
    // The 提醒函 prints this as its 事由, after an opening that speaks of 时序进度: the same word, the gap in points.
    expect(evaluateTask(task, lagging, ctxOn('2026-07-01')).cardReason).toBe(
      '填报进度29%，落后时序进度（50%）21个百分点',
    );
    const onPace = facts({
      feedback: [{ day: toDay('2026-06-30'), month: 6, progress: 30, text: '推进中' }],
    });
    expect(evaluateTask(task, onPace, ctxOn('2026-07-01')).card).toBeNull();
  });

  it('黄牌 for two missed months in a row, not for two apart', () => {
    const inRow = evaluateTask(battleTask({ months: months({ 1: '已完成' }) }), facts(), ctxOn('2026-04-09'));
    expect(inRow.card).toBe('黄牌');
    expect(inRow.cardReason).toBe('连续2个月未按计划完成（2月、3月未反馈）');
    const apart = evaluateTask(
      battleTask({ months: months({ 1: '已完成', 3: '已完成' }) }),
      facts(),
      ctxOn('2026-04-09'),
    );
    expect(apart.missedMonths).toEqual([2]);
    expect(apart.card).toBe('蓝牌');
  });

  it('黄牌 for 临期 with progress below 50%', () => {
    const task = battleTask({
      deadline: deadline('2026-02-27'),
      months: months({ 1: '推进中，完成40%' }, (m) => (m <= 2 ? `${m}月节点` : '')),
    });
    const v = evaluateTask(task, facts(), ctxOn('2026-02-13'));
    expect(v.status).toBe('临期');
    expect(v.card).toBe('黄牌');
    expect(v.cardReason).toBe('临期且进度仅40%，低于50%');
  });

  it('no 黄牌 "未启动" for an item whose 办理状态 says 已完成: the unit has reported, only the 督查室 has not confirmed', () => {
    const item = ledgerItem('2026-11-02', { deadline: deadline('2026-11-30'), handling: '已完成' });
    const v = evaluateTask(item, facts(), ctxOn('2026-12-03'));
    expect(v.status).toBe('逾期');
    expect(v.card).not.toBe('黄牌');
    expect(v.cardReason).not.toContain('未启动');
    expect(v.hints).toContain('办理状态为已完成，待提交办结审批并经督查室核实后销号');
    const silent = evaluateTask(
      ledgerItem('2026-11-02', { deadline: deadline('2026-11-30') }),
      facts(),
      ctxOn('2026-12-03'),
    );
    expect(silent.cardReason).toContain('应启动而未启动');
  });

  it('黄牌 of a low reported progress stays once the item is overdue, in the same episode, until 红牌 takes over', () => {
    const task = battleTask({
      deadline: deadline('2026-02-27'),
      months: months({ 1: '推进中，完成40%' }, (m) => (m <= 2 ? `${m}月节点` : '')),
    });
    const dueSoon = evaluateTask(task, facts(), ctxOn('2026-02-13'));
    const overdue = evaluateTask(task, facts(), ctxOn('2026-03-03'));
    expect(overdue.status).toBe('逾期');
    expect(overdue.card).toBe('黄牌');
    expect(overdue.cardReason).toBe('逾期且进度仅40%，低于50%');
    // The same 约谈建议 (its episode is the 临期 one): the register's dedupe key sends it once.
    const interview = (v: typeof dueSoon) => v.due.filter((n) => n.type === '约谈建议').map((n) => n.period);
    expect(interview(overdue)).toEqual(['临期@2026-02-27']);
    expect(interview(dueSoon)).toEqual(interview(overdue));
    const longOverdue = evaluateTask(task, facts(), ctxOn('2026-03-20'));
    expect(longOverdue.card).toBe('红牌');
  });

  it('红牌 only after more than 10 working days overdue (国庆 make-up 10月10日 counts)', () => {
    const task = battleTask({
      deadline: deadline('2026-09-30'),
      months: months(doneThrough(9), (m) => (m <= 9 ? `${m}月节点` : '')),
    });
    const tenDays = evaluateTask(task, facts(), ctxOn('2026-10-20'));
    expect(tenDays.remainingWorkdays).toBe(-10);
    expect(tenDays.card).toBeNull();
    const eleven = evaluateTask(task, facts(), ctxOn('2026-10-21'));
    expect(eleven.card).toBe('红牌');
    expect(eleven.cardReason).toBe('逾期11个工作日，超过10个工作日');
  });

  it('红牌 after two 督办单 without a result, also once the missed report has turned into 逾期', () => {
    const item = ledgerItem('2026-03-02', { source: '其他', sourceRef: '' });
    const issued = (type: IssuedNotice['type'], day: string): IssuedNotice => ({
      type,
      docNo: 'x',
      day: toDay(day),
      period: '反馈@2026-03-05',
      level: '',
      sent: true,
    });
    const one = facts({ notices: [issued('催办单', '2026-03-06'), issued('督办单', '2026-03-11')] });
    expect(evaluateTask(item, one, ctxOn('2026-03-12')).card).not.toBe('红牌');
    const two = facts({ notices: [...one.notices, issued('督办单', '2026-03-16')] });
    const v = evaluateTask(item, two, ctxOn('2026-03-17'));
    expect(v.card).toBe('红牌');
    expect(v.cardReason).toBe('已下发督办单2次仍无结果');
  });

  it('红牌 by a manual flag (false progress report) even on a healthy task, and the highest card wins', () => {
    const v = evaluateTask(
      battleTask({ redFlag: true, months: months({ 1: '已完成' }) }),
      facts(),
      ctxOn('2026-04-09'),
    );
    expect(v.card).toBe('红牌');
    expect(v.cardReason).toBe('人工标记红牌（虚报进度等）');
  });

  it('the card goes away when the cause is gone', () => {
    const late = battleTask({ months: months({ 1: '已完成', 2: '已完成' }) });
    expect(evaluateTask(late, facts(), ctxOn('2026-04-09')).card).toBe('蓝牌');
    const fixed = battleTask({ months: months(doneThrough(3)) });
    expect(evaluateTask(fixed, facts(), ctxOn('2026-04-09')).card).toBeNull();
  });
});
