import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { battleTask, ctxOn, doneThrough, facts, ledgerItem, months } from './fixtures';

const deadline = (iso: string) => ({ kind: 'date' as const, day: toDay(iso) });

describe('状态 (SPEC §4.1)', () => {
  it('正常推进 when every past month is reported, with green month cells and no fill for the open month', () => {
    const v = evaluateTask(battleTask({ months: months(doneThrough(3)) }), facts(), ctxOn('2026-04-09'));
    expect(v.status).toBe('正常推进');
    expect(v.card).toBeNull();
    expect(v.monthFills.slice(0, 5)).toEqual(['done', 'done', 'done', null, null]);
  });

  it('滞后 the day after the feedback deadline (5th working day of the next month, 4月8日 after 清明), not on it', () => {
    const task = battleTask({
      months: months({ 1: '已完成', 2: '已完成' }, (m) => (m === 3 ? '完成土地征收' : `${m}月节点任务`)),
    });
    const onDeadline = evaluateTask(task, facts(), ctxOn('2026-04-08'));
    expect(onDeadline.status).toBe('正常推进');
    expect(onDeadline.monthFills[2]).toBeNull();
    const after = evaluateTask(task, facts(), ctxOn('2026-04-09'));
    expect(after.status).toBe('滞后');
    expect(after.statusReason).toBe('3月应完成“完成土地征收”未反馈，已超过反馈截止日 4月8日');
    expect(after.monthFills[2]).toBe('missing');
    expect(after.hints[0]).toBe(after.statusReason);
  });

  it('a month reported 未完成 counts as missed; 推进中 / a percentage is partial (light yellow)', () => {
    const v = evaluateTask(
      battleTask({ months: months({ 1: '已完成', 2: '推进中，完成60%', 3: '未完成' }) }),
      facts(),
      ctxOn('2026-04-09'),
    );
    expect(v.monthFills.slice(0, 3)).toEqual(['done', 'partial', 'missing']);
    expect(v.status).toBe('滞后');
    expect(v.statusReason).toContain('反馈为未完成');
  });

  it('a report through a link (反馈记录) for the month counts as reported', () => {
    const f = facts({ feedback: [{ day: toDay('2026-04-03'), month: 3, progress: 40, text: '已完成' }] });
    const v = evaluateTask(battleTask({ months: months(doneThrough(2)) }), f, ctxOn('2026-04-09'));
    expect(v.status).toBe('正常推进');
    expect(v.monthFills[2]).toBe('done');
    expect(v.lastFeedback).toBe(toDay('2026-04-03'));
  });

  it('未启动 when nothing at all is reported 10 working days after the start of the year (元旦 and the 1月4日 make-up day)', () => {
    // Every month planned from 1月 (a plan starting in June starts its clock in June: evidence-cards.test.ts).
    const task = battleTask({ months: months({}) });
    // 2026: 1月1–3日 off, 1月4日 (Sunday) a make-up working day → the 10th working day is 1月15日.
    expect(evaluateTask(task, facts(), ctxOn('2026-01-15')).status).toBe('正常推进');
    const v = evaluateTask(task, facts(), ctxOn('2026-01-16'));
    expect(v.status).toBe('未启动');
    expect(v.statusReason).toBe('年初后10个工作日（1月15日）仍无任何反馈');
    expect(v.card).toBe('黄牌');
  });

  it('临期 at ≤5 working days counting the 春节 make-up Saturday 2月14日 and skipping 2月15–23日', () => {
    const task = battleTask({
      deadline: deadline('2026-02-27'),
      months: months({ 1: '已完成，进度80%' }, (m) => (m <= 2 ? `${m}月节点` : '')),
    });
    const before = evaluateTask(task, facts(), ctxOn('2026-02-12'));
    expect(before.remainingWorkdays).toBe(6);
    expect(before.status).toBe('正常推进');
    const v = evaluateTask(task, facts(), ctxOn('2026-02-13'));
    expect(v.remainingWorkdays).toBe(5);
    expect(v.status).toBe('临期');
    expect(v.statusReason).toBe('距完成时限 2月27日 还有5个工作日');
    expect(v.card).toBeNull(); // progress 80% ≥ 50%
  });

  it('逾期 counts working days past the deadline across 国庆 with the 10月10日 make-up Saturday', () => {
    const task = battleTask({
      deadline: deadline('2026-09-30'),
      months: months(doneThrough(9), (m) => (m <= 9 ? `${m}月节点` : '')),
    });
    const v = evaluateTask(task, facts(), ctxOn('2026-10-09'));
    expect(v.status).toBe('逾期');
    expect(v.remainingWorkdays).toBe(-2);
    expect(v.statusReason).toBe('已超过完成时限 9月30日，逾期2个工作日');
  });

  it('已办结 when the completion card is fully approved, even past the deadline; no card', () => {
    const f = facts({
      completion: {
        approved: true,
        submitted: toDay('2026-10-12'),
        closed: toDay('2026-10-20'),
        level: null,
        verified: true,
      },
    });
    const v = evaluateTask(battleTask({ deadline: deadline('2026-09-30') }), f, ctxOn('2026-11-02'));
    expect(v.status).toBe('已办结');
    expect(v.card).toBeNull();
    expect(v.due).toEqual([]);
    expect(v.remainingWorkdays).toBeNull();
  });

  it('办理状态 已完成 closes a ledger item only once 督查室 has verified it', () => {
    const item = ledgerItem('2026-03-02', { handling: '已完成' });
    const f = facts({ feedback: [{ day: toDay('2026-03-03'), month: null, progress: 100, text: '已完成' }] });
    const unverified = evaluateTask(item, f, ctxOn('2026-03-06'));
    expect(unverified.status).not.toBe('已办结');
    expect(unverified.hints).toContain('办理状态为已完成，待提交办结审批并经督查室核实后销号');
    const verified = facts({
      ...f,
      completion: {
        approved: false,
        submitted: toDay('2026-03-04'),
        closed: null,
        level: null,
        verified: true,
      },
    });
    expect(evaluateTask(item, verified, ctxOn('2026-03-06')).status).toBe('已办结');
    // A card moving through its chain (审批中, applied by link) waits for the signers after the 督查室.
    const underway = facts({
      ...f,
      completion: { ...verified.completion!, underway: true, pendingSigner: '办公室分管副主任' },
    });
    const waiting = evaluateTask(item, underway, ctxOn('2026-03-06'));
    expect(waiting.status).toBe('待办结审批');
    expect(waiting.statusReason).toContain('办结审批卡待“办公室分管副主任”签批');
  });

  it('names the year of a deadline in another year than the scan day', () => {
    const v = evaluateTask(battleTask({ deadline: deadline('2027-01-08') }), facts(), ctxOn('2026-12-31'));
    expect(v.statusReason).toBe('距完成时限 2027年1月8日 还有5个工作日');
    expect(v.currentNode).toBe('12月：12月节点任务（2027年1月8日）');
    const late = evaluateTask(battleTask({ deadline: deadline('2026-12-31') }), facts(), ctxOn('2027-01-05'));
    expect(late.statusReason).toMatch(/^已超过完成时限 2026年12月31日，/);
    const same = evaluateTask(battleTask({ deadline: deadline('2026-12-31') }), facts(), ctxOn('2026-12-28'));
    expect(same.statusReason).toContain('完成时限 12月31日');
  });

  it('已调出 after an approved 调出, with no card and no notice', () => {
    const v = evaluateTask(
      battleTask({ redFlag: true }),
      facts({ transferredOut: true }),
      ctxOn('2026-08-03'),
    );
    expect(v.status).toBe('已调出');
    expect(v.card).toBeNull();
    expect(v.due).toEqual([]);
    // Nothing reported since January, yet no month is painted as missed: the item is no longer tracked.
    const silent = battleTask({ months: months({}, (m) => `${m}月节点`) });
    const out = evaluateTask(silent, facts({ transferredOut: true }), ctxOn('2026-08-03'));
    expect(out.monthFills.filter((f) => f === 'missing')).toEqual([]);
    const tracked = evaluateTask(silent, facts(), ctxOn('2026-08-03'));
    expect(tracked.monthFills.filter((f) => f === 'missing').length).toBeGreaterThan(0);
  });

  it('数据有误 wins over everything when 完成时限 cannot be read', () => {
    const problem = {
      cell: '完成时限',
      code: 'bad-date',
      message: '完成时限"下月吧"无法识别',
      blocking: true,
    };
    const f = facts({
      completion: { approved: true, submitted: null, closed: null, level: null, verified: true },
    });
    const v = evaluateTask(
      battleTask({ deadline: { kind: 'bad' }, problems: [problem] }),
      f,
      ctxOn('2026-04-09'),
    );
    expect(v.status).toBe('数据有误');
    expect(v.statusReason).toBe('完成时限"下月吧"无法识别');
  });

  it('a late sub-item makes its parent 滞后', () => {
    const v = evaluateTask(
      battleTask({ months: months(doneThrough(3)) }),
      facts({ lateSubItems: ['ZD-2026-001-2'] }),
      ctxOn('2026-04-09'),
    );
    expect(v.status).toBe('滞后');
    expect(v.statusReason).toBe('子项 ZD-2026-001-2 滞后');
  });

  it('长期 tasks have no deadline but monthly feedback is still due', () => {
    const task = battleTask({ deadline: { kind: 'ongoing' }, months: months({ 1: '已完成' }) });
    const v = evaluateTask(task, facts(), ctxOn('2026-03-09'));
    expect(v.remainingWorkdays).toBeNull();
    expect(v.status).toBe('滞后');
    expect(v.missedMonths).toEqual([2]);
  });

  it('a 2026 battle map scanned in January 2027 still reads its months as 2026’s: December is due 1月8日', () => {
    const task = battleTask({ deadline: { kind: 'ongoing' }, months: months(doneThrough(11)) });
    const v = evaluateTask(task, facts(), { ...ctxOn('2027-01-11'), year: 2026 });
    expect(v.status).toBe('滞后');
    expect(v.missedMonths).toEqual([12]);
    // 2027: 1月1日 元旦 (statutory fallback), then 4–8 January → the 5th working day is 1月8日.
    expect(v.statusReason).toBe('12月应完成“12月节点任务”未反馈，已超过反馈截止日 1月8日');
    expect(v.provisionalYears).toEqual([2027]);
  });

  it('a provisional year (2027) is flagged and 2027-01-01 is not counted as a working day', () => {
    const task = battleTask({ deadline: deadline('2027-01-05'), months: months(doneThrough(11)) });
    const v = evaluateTask(task, facts(), ctxOn('2026-12-28'));
    // (12月28日, 1月5日]: 29, 30, 31, 4, 5 — 1月1日 is 元旦 by the statutory fallback.
    expect(v.remainingWorkdays).toBe(5);
    expect(v.status).toBe('临期');
    expect(v.provisionalYears).toEqual([2027]);
    expect(v.hints).toContain('注：2027年国务院节假日安排尚未录入，工作日暂按法定节日推算');
  });

  it('scanned in January 2027, a 2026 task names only 2027 as provisional, not its published deadline year', () => {
    const task = battleTask({ deadline: deadline('2026-12-31'), months: months(doneThrough(12)) });
    const v = evaluateTask(task, facts(), ctxOn('2027-01-11'));
    expect(v.provisionalYears).toEqual([2027]);
    expect(v.hints.filter((h) => h.includes('尚未录入'))).toEqual([
      '注：2027年国务院节假日安排尚未录入，工作日暂按法定节日推算',
    ]);
  });
});
