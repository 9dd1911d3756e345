/**
 * SPEC §4.4's first rung for a month's report: 规则配置 月度反馈提醒工作日 (2) working days before the month's feedback
 * deadline (11月 → 12月7日, the 5th working day), a task whose last month is still unreported gets one routine
 * 临期提醒 — before it turns 滞后 and gets a 催办单.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { IssuedNotice, TaskFacts, TaskRecord } from '../../src/domain/types';
import { battleTask, ctxOn, doneThrough, facts, months } from './fixtures';

/** January to October reported; November planned and empty. */
const owing = () => battleTask({ months: months(doneThrough(10)) });

const monthReminders = (task: TaskRecord, f: TaskFacts, day: string, config: Record<string, string> = {}) =>
  evaluateTask(task, f, ctxOn(day, config)).due.filter((d) => d.period.startsWith('月报@'));

describe('月度反馈临期提醒', () => {
  it('from 2 working days before 12月7日 to that day, once, as a routine 临期提醒 for 11月', () => {
    expect(monthReminders(owing(), facts(), '2026-12-02')).toEqual([]);
    const [due] = monthReminders(owing(), facts(), '2026-12-03');
    expect(due).toEqual({
      type: '临期提醒',
      level: '1',
      period: '月报@2026-11',
      reasons: ['11月完成情况请于12月7日前报送'],
      replyBy: toDay('2026-12-07'),
      rectifyBy: null,
    });
    expect(monthReminders(owing(), facts(), '2026-12-04')).toHaveLength(1);
    expect(monthReminders(owing(), facts(), '2026-12-07')).toHaveLength(1);
    // Past the deadline the month is missed: the ladder's 催办单 takes over.
    expect(monthReminders(owing(), facts(), '2026-12-08')).toEqual([]);
    const sent: IssuedNotice = {
      type: '临期提醒',
      docNo: '',
      day: toDay('2026-12-03'),
      period: '月报@2026-11',
      level: '1',
      sent: true,
    };
    expect(monthReminders(owing(), facts({ notices: [sent] }), '2026-12-04')).toEqual([]);
  });

  it('never on a rest day', () => {
    expect(monthReminders(owing(), facts(), '2026-12-05')).toEqual([]);
    expect(monthReminders(owing(), facts(), '2026-12-06')).toEqual([]);
  });

  it('none once the month is reported, in its 完成情况 or by a 反馈记录 row', () => {
    const written = battleTask({ months: months({ ...doneThrough(10), 11: '推进中，完成80%' }) });
    expect(monthReminders(written, facts(), '2026-12-03')).toEqual([]);
    const row = { day: toDay('2026-12-02'), month: 11, progress: 80, text: '推进中' };
    expect(monthReminders(owing(), facts({ feedback: [row] }), '2026-12-03')).toEqual([]);
  });

  it('none for a month with nothing planned, nor for a task moved out (已调出)', () => {
    const later = battleTask({ months: months(doneThrough(10), (m) => (m === 11 ? '' : `${m}月节点任务`)) });
    expect(monthReminders(later, facts(), '2026-12-03')).toEqual([]);
    expect(monthReminders(owing(), facts({ transferredOut: true }), '2026-12-03')).toEqual([]);
  });

  it('规则配置 月度反馈提醒工作日 sets the window; 0 turns it off', () => {
    expect(monthReminders(owing(), facts(), '2026-12-02', { 月度反馈提醒工作日: '3' })).toHaveLength(1);
    expect(monthReminders(owing(), facts(), '2026-12-04', { 月度反馈提醒工作日: '0' })).toEqual([]);
  });

  it('the 临期提醒 of 完成时限 still goes beside it', () => {
    const task = battleTask({ months: months(doneThrough(10)), deadline: { kind: 'date', day: toDay('2026-12-09') } });
    const periods = evaluateTask(task, facts(), ctxOn('2026-12-03')).due.map((d) => d.period);
    expect(periods).toEqual(expect.arrayContaining(['临期@2026-12-09', '月报@2026-11']));
  });
});
