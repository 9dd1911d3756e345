import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { defaultConfig } from '../../src/domain/config';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { scoreUnits, taskMonthLine, type TaskMonthLine } from '../../src/domain/scoring';
import type { IssuedNotice } from '../../src/domain/types';
import { battleTask, ctxOn, doneThrough, facts, months } from './fixtures';

const line = (unit: string, over: Partial<TaskMonthLine> = {}): TaskMonthLine => ({
  unit,
  status: '正常推进',
  card: null,
  closedOnTime: false,
  reportsDue: 1,
  missed: 0,
  late: 0,
  supervisions: 0,
  notices: 0,
  overdueTimesYtd: 0,
  ...over,
});

describe('monthly score and rank (SPEC §4.7)', () => {
  it('applies every weight: +2 closed on time, −2 missed month, −5 overdue, −1 late, −3 督办单, −10 红牌', () => {
    const [s] = scoreUnits(
      [
        line('县商务局', { closedOnTime: true }),
        line('县商务局', { missed: 1, status: '逾期', card: '红牌', supervisions: 1 }),
        line('县商务局', { late: 1 }),
      ],
      defaultConfig(),
    );
    expect(s!.score).toBe(100 + 2 - 2 - 5 - 1 - 3 - 10);
    expect(s!.onTimeFeedbackPercent).toBe(33);
    expect(s!.cards.红牌).toBe(1);
  });

  it('ranks best first, equal scores share a rank, 已调出 tasks are left out', () => {
    const ranked = scoreUnits(
      [
        line('A局', { missed: 1 }),
        line('B局'),
        line('C局', { missed: 1 }),
        line('D局', { status: '已调出', missed: 5 }),
      ],
      defaultConfig(),
    );
    expect(ranked.map((s) => `${s.unit}${s.rank}`)).toEqual(['B局1', 'A局2', 'C局2']);
  });

  it('counts the month reports whose feedback deadline fell in the bulletin month', () => {
    const task = battleTask({ months: months({ 1: '已完成', 2: '已完成' }) });
    const ctx = ctxOn('2026-04-30');
    const v = evaluateTask(task, facts(), ctx);
    const april = taskMonthLine(task, facts(), v, ctx, 2026, 4); // 3月's report was due 4月8日
    expect(april).toMatchObject({ reportsDue: 1, missed: 1 });
    const good = battleTask({ months: months(doneThrough(3)) });
    expect(taskMonthLine(good, facts(), evaluateTask(good, facts(), ctx), ctx, 2026, 4)).toMatchObject({
      reportsDue: 1,
      missed: 0,
    });
    const closed = facts({
      completion: {
        approved: true,
        submitted: toDay('2026-04-20'),
        closed: toDay('2026-04-28'),
        level: null,
        verified: true,
      },
    });
    expect(taskMonthLine(good, closed, evaluateTask(good, closed, ctx), ctx, 2026, 4).closedOnTime).toBe(
      true,
    );
  });

  it('counts the formal notices the unit received, not a 约谈建议 (addressed to the leaders about it)', () => {
    const task = battleTask({ months: months(doneThrough(3)) });
    const ctx = ctxOn('2026-04-30');
    const notice = (type: IssuedNotice['type'], day: string): IssuedNotice => ({
      type,
      docNo: 'x',
      day: toDay(day),
      period: 'p',
      level: type === '约谈建议' ? '黄牌' : '',
      sent: true,
    });
    const f = facts({
      notices: [
        notice('提醒函', '2026-04-10'),
        notice('督办单', '2026-04-20'),
        notice('约谈建议', '2026-04-21'),
      ],
    });
    expect(taskMonthLine(task, f, evaluateTask(task, f, ctx), ctx, 2026, 4)).toMatchObject({
      notices: 2,
      supervisions: 1,
    });
  });
});
