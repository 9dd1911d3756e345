/**
 * A month's 临期提醒 is the first rung of its 缺报 ladder (SPEC §4.4), as the 临期提醒 of 完成时限 is of the overdue one:
 * the 催办单 of the missed month waits 规则配置 升级间隔工作日 (3) working days after the day the reminder went. Scans
 * missed until the deadline day itself (12月7日) sent the reminder then, and the 催办单 followed the next morning.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { FeedbackEntry, IssuedNotice, TaskFacts, TaskRecord } from '../../src/domain/types';
import { battleTask, ctxOn, doneThrough, facts, ledgerItem, months } from './fixtures';

const reminded = (day: string): IssuedNotice => ({
  type: '临期提醒',
  docNo: '',
  day: toDay(day),
  period: '月报@2026-11',
  level: '1',
  sent: true,
});
const urgings = (task: TaskRecord, f: TaskFacts, today: string) =>
  evaluateTask(task, f, ctxOn(today))
    .due.filter((d) => d.type === '催办单')
    .map((d) => d.period);

/** A battle-map task with January to October reported and November not. */
const battle = battleTask({ months: months(doneThrough(10)) });
/** A 长期 督办台账 item reported in September and October, not in November. */
const ongoing = ledgerItem('2026-09-01', { itemType: '长期', deadline: { kind: 'ongoing' } });
const rows: FeedbackEntry[] = ['2026-09-10', '2026-10-20'].map((d) => ({
  day: toDay(d),
  month: null,
  progress: null,
  text: '按月推进',
}));

describe('the 缺报 催办单 waits after the month’s 临期提醒', () => {
  it('battle map: reminded on the deadline day 12月7日, chased from 12月10日, not 12月8日', () => {
    const f = facts({ notices: [reminded('2026-12-07')] });
    expect(urgings(battle, f, '2026-12-08')).toEqual([]);
    expect(urgings(battle, f, '2026-12-09')).toEqual([]);
    expect(urgings(battle, f, '2026-12-10')).toEqual(['反馈@2026-11']);
  });

  it('督办台账 长期 item: the same', () => {
    const f = facts({ feedback: rows, notices: [reminded('2026-12-07')] });
    expect(urgings(ongoing, f, '2026-12-08')).toEqual([]);
    expect(urgings(ongoing, f, '2026-12-10')).toEqual(['反馈@2026-12-07']);
  });

  it('reminded in time (12月3日), the 催办单 goes the day after the deadline as before; not reminded, at once', () => {
    expect(urgings(battle, facts({ notices: [reminded('2026-12-03')] }), '2026-12-08')).toEqual(['反馈@2026-11']);
    expect(urgings(battle, facts(), '2026-12-08')).toEqual(['反馈@2026-11']);
    const f = facts({ feedback: rows, notices: [reminded('2026-12-03')] });
    expect(urgings(ongoing, f, '2026-12-08')).toEqual(['反馈@2026-12-07']);
  });
});
