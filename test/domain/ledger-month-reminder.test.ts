/**
 * A 长期 / 持续推进 督办台账 item reports every month (SPEC §4.3): 规则配置 月度反馈提醒工作日 (2) working days before the
 * month's feedback deadline (11月 → 12月7日) it gets the same routine 临期提醒 as a battle-map task, before its 缺报
 * turns it 滞后 and the 催办单 goes.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { FeedbackEntry, IssuedNotice, TaskFacts, TaskRecord } from '../../src/domain/types';
import { ctxOn, facts, ledgerItem } from './fixtures';

/** Assigned at a 常务会议 on 1 September (first report 半个月), reported in September and October. */
const ongoing = (over: Partial<TaskRecord> = {}) =>
  ledgerItem('2026-09-01', { itemType: '长期', deadline: { kind: 'ongoing' }, ...over });
const row = (day: string, month: number | null = null): FeedbackEntry => ({
  day: toDay(day),
  month,
  progress: null,
  text: '按月推进',
});
const reported = (...extra: FeedbackEntry[]) =>
  facts({ feedback: [row('2026-09-10'), row('2026-10-20'), ...extra] });

const monthReminders = (task: TaskRecord, f: TaskFacts, day: string, config: Record<string, string> = {}) =>
  evaluateTask(task, f, ctxOn(day, config)).due.filter((d) => d.period.startsWith('月报@'));

describe('督办台账 长期事项的月度反馈临期提醒', () => {
  it('from 2 working days before 12月7日 to that day, once, as a routine 临期提醒 for 11月', () => {
    expect(monthReminders(ongoing(), reported(), '2026-12-02')).toEqual([]);
    expect(monthReminders(ongoing(), reported(), '2026-12-03')).toEqual([
      {
        type: '临期提醒',
        level: '1',
        period: '月报@2026-11',
        reasons: ['11月办理情况请于12月7日前报送'],
        replyBy: toDay('2026-12-07'),
        rectifyBy: null,
      },
    ]);
    expect(monthReminders(ongoing(), reported(), '2026-12-07')).toHaveLength(1);
    expect(monthReminders(ongoing(), reported(), '2026-12-05')).toEqual([]); // a Saturday
    // Past the deadline the month is 缺报: the ladder's 催办单 takes over.
    expect(monthReminders(ongoing(), reported(), '2026-12-08')).toEqual([]);
    const sent: IssuedNotice = { type: '临期提醒', docNo: '', day: toDay('2026-12-03'), period: '月报@2026-11', level: '1', sent: true };
    const f = reported();
    expect(monthReminders(ongoing(), { ...f, notices: [sent] }, '2026-12-04')).toEqual([]);
  });

  it('a 持续推进 / 常态化 deadline is the same as 事项类型 长期', () => {
    const task = ongoing({ itemType: '一般' });
    expect(monthReminders(task, reported(), '2026-12-03').map((d) => d.period)).toEqual(['月报@2026-11']);
  });

  it('none once a report counts for 11月: dated in November or early December, or about 11月', () => {
    expect(monthReminders(ongoing(), reported(row('2026-11-20')), '2026-12-03')).toEqual([]);
    expect(monthReminders(ongoing(), reported(row('2026-12-02')), '2026-12-04')).toEqual([]);
    expect(monthReminders(ongoing(), reported(row('2026-10-30', 11)), '2026-12-03')).toEqual([]);
  });

  it('none for an item with a deadline, nor for one not open (已办结 / 已调出)', () => {
    const dated = ledgerItem('2026-09-01', { itemType: '一般', deadline: { kind: 'date', day: toDay('2026-12-31') } });
    expect(monthReminders(dated, reported(), '2026-12-03')).toEqual([]);
    expect(monthReminders(ongoing(), { ...reported(), transferredOut: true }, '2026-12-03')).toEqual([]);
  });

  it('none while its first report is overdue and chased: that 催办单 asks for it', () => {
    const late = ledgerItem('2026-11-16', { itemType: '长期', deadline: { kind: 'ongoing' } });
    // 常务会议 半个月 → first report due 12月1日; nothing in.
    const v = evaluateTask(late, facts(), ctxOn('2026-12-03'));
    expect(v.due.map((d) => d.type)).toContain('催办单');
    expect(v.due.filter((d) => d.period.startsWith('月报@'))).toEqual([]);
  });

  it('none for a month before the item was assigned', () => {
    const fresh = ledgerItem('2026-12-02', { itemType: '长期', deadline: { kind: 'ongoing' } });
    expect(monthReminders(fresh, facts(), '2026-12-03')).toEqual([]);
  });

  it('规则配置 月度反馈提醒工作日 sets the window; 0 turns it off', () => {
    expect(monthReminders(ongoing(), reported(), '2026-12-02', { 月度反馈提醒工作日: '3' })).toHaveLength(1);
    expect(monthReminders(ongoing(), reported(), '2026-12-04', { 月度反馈提醒工作日: '0' })).toEqual([]);
  });
});

describe('督办台账 长期事项的月度缺报', () => {
  it('an item assigned in December owes no November report (the 通报 tally never counted one either)', () => {
    // 常务会议 半个月 → first report due 12月17日, made 12月9日; 11月's deadline 12月7日 was before it was assigned.
    const fresh = ledgerItem('2026-12-02', { itemType: '长期', deadline: { kind: 'ongoing' } });
    const v = evaluateTask(fresh, facts({ feedback: [row('2026-12-09', 12)] }), ctxOn('2026-12-18'));
    expect(v.status).toBe('正常推进');
    expect(v.due.filter((d) => d.type === '催办单')).toEqual([]);
  });

  it('one assigned on 23 November owes it by 12月7日', () => {
    const late = ledgerItem('2026-11-23', { itemType: '长期', deadline: { kind: 'ongoing' }, source: '其他', sourceRef: '' });
    const v = evaluateTask(late, facts({ feedback: [row('2026-11-25')] }), ctxOn('2026-12-08'));
    expect([v.status, v.statusReason]).toEqual(['正常推进', '']);
    const missed = evaluateTask(late, facts({ feedback: [row('2026-12-08', 12)] }), ctxOn('2026-12-09'));
    expect([missed.status, missed.statusReason]).toEqual(['滞后', '长期事项11月办理情况未在12月7日前反馈']);
  });
});
