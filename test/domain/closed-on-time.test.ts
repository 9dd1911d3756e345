import { describe, expect, it } from 'vitest';
import { defaultCalendar, toDay } from '../../src/calendar';
import { buildBulletin, type BulletinInput, type BulletinTask } from '../../src/domain/bulletin';
import { monthResult } from '../../src/domain/bulletin-month';
import { yearPeriod } from '../../src/domain/bulletin-period';
import { readCompletionCard, type SignerCells } from '../../src/domain/completion-card';
import { defaultConfig } from '../../src/domain/config';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { finishedOnTime, proposeLevel } from '../../src/domain/evaluation';
import { factsAsOf } from '../../src/domain/facts-as-of';
import type { CompletionEntry, TaskFacts, TaskRecord } from '../../src/domain/types';
import { battleTask, ctxOn, doneThrough, facts, ledgerItem, months } from './fixtures';

/** The default chain of a minor item (一般事项审批止于 分管领导). */
const CHAIN = ['承办单位主要负责人', '督查室核实', '办公室分管副主任', '办公室主任', '分管领导'];

/** A 办结审批 card read as the scan reads it: signers 0..n-1 signed on the given dates. */
function card(dates: string[], status = ''): CompletionEntry {
  const cells: SignerCells[] = CHAIN.map((signer, i) => ({
    signer,
    opinion: dates[i] ? '同意' : '',
    signature: dates[i] ? `签${i}` : '',
    date: dates[i] ? toDay(dates[i]) : null,
  }));
  return readCompletionCard(cells, { status, level: null, keyItem: false }, defaultConfig());
}

const input = (tasks: BulletinTask[]): BulletinInput => ({
  tasks,
  cal: defaultCalendar(),
  config: defaultConfig(),
  year: 2026,
  today: toDay('2026-12-03'),
});

/** The unit's 按期办结 and score in one month of the 通报 (the task is its only one). */
function month(task: TaskRecord, f: TaskFacts, m: number) {
  const u = monthResult(input([{ task, facts: f }]), m)!.units[0]!;
  return { closedOnTime: u.closedOnTime, score: u.score };
}

function yearClosedOnTime(task: TaskRecord, f: TaskFacts): number {
  return buildBulletin(input([{ task, facts: f }]), yearPeriod(2026))!.units[0]!.closedOnTime;
}

/** A 挂图作战表 task due 10月30日 (a Friday), every month reported done. */
const battle = battleTask({
  id: 'ZD-2026-055',
  leadUnit: '县卫健委',
  deadline: { kind: 'date', day: toDay('2026-10-30') },
  months: months(doneThrough(12)),
});

describe('按期办结 counts the unit applying to close by 完成时限, as the evaluation proposal does (SPEC §4.6, §4.7)', () => {
  it('a card applied before the deadline and last signed after it scores +2 in the month it was closed', () => {
    const f = facts({
      completion: card(['2026-10-28', '2026-10-29', '2026-10-30', '2026-11-02', '2026-11-02']),
    });
    // October: the card was still moving (待办结审批), nothing closed yet.
    expect(month(battle, f, 10)).toEqual({ closedOnTime: 0, score: 100 });
    const october = evaluateTask(battle, factsAsOf(f, toDay('2026-10-31')), ctxOn('2026-10-31'));
    expect(october.status).toBe('待办结审批');
    expect(month(battle, f, 11)).toEqual({ closedOnTime: 1, score: 102 });
    expect(yearClosedOnTime(battle, f)).toBe(1);
    const v = evaluateTask(battle, factsAsOf(f, toDay('2026-11-30')), ctxOn('2026-11-30'));
    expect(v.proposedLevel).toBe('落实较好');
  });

  it('a card applied after the deadline does not count, however fast it was signed', () => {
    const f = facts({
      completion: card(['2026-11-02', '2026-11-02', '2026-11-03', '2026-11-03', '2026-11-04']),
    });
    expect(month(battle, f, 11).closedOnTime).toBe(0);
    expect(yearClosedOnTime(battle, f)).toBe(0);
    const v = evaluateTask(battle, factsAsOf(f, toDay('2026-11-30')), ctxOn('2026-11-30'));
    expect(v.status).toBe('已办结');
    expect(v.proposedLevel).toBe('落实不力');
  });

  describe('办理状态 = 已完成 confirmed by 督查室 is 已办结 (SPEC §4.1) and counts like a signed-off card', () => {
    const item = ledgerItem('2026-11-17', {
      id: 'DB-2026-009',
      leadUnit: '县工信局',
      source: '领导批示',
      deadline: { kind: 'date', day: toDay('2026-11-30') },
      handling: '已完成',
    });
    const reported = [{ day: toDay('2026-11-20'), month: null, progress: 60, text: '正在协调供电公司' }];

    it('confirmed on or before 完成时限: +2', () => {
      const f = facts({ feedback: reported, completion: card(['2026-11-26', '2026-11-27']) });
      expect(f.completion?.approved).toBe(false);
      expect(month(item, f, 11)).toEqual({ closedOnTime: 1, score: 102 });
      expect(yearClosedOnTime(item, f)).toBe(1);
    });

    it('applied on the deadline day and confirmed the next day: the 督查室 pace is not the unit delay', () => {
      const f = facts({ feedback: reported, completion: card(['2026-11-30', '2026-12-01']) });
      expect(month(item, f, 11).closedOnTime).toBe(0);
      expect(month(item, f, 12)).toEqual({ closedOnTime: 1, score: 102 });
      expect(yearClosedOnTime(item, f)).toBe(1);
    });

    it('applied after the deadline: no credit', () => {
      const f = facts({ feedback: reported, completion: card(['2026-12-01', '2026-12-01']) });
      expect(yearClosedOnTime(item, f)).toBe(0);
    });

    it('without the 督查室 confirmation it is not 已办结 and not counted', () => {
      const f = facts({ feedback: reported, completion: card(['2026-11-26']) });
      expect(yearClosedOnTime(item, f)).toBe(0);
    });
  });

  it('an approved 调整时限 moves the deadline in the 通报 too: applied by the new deadline scores +2', () => {
    const moved = battleTask({
      ...battle,
      deadline: { kind: 'date', day: toDay('2026-09-30') },
    });
    const f = facts({
      adjustments: [
        {
          kind: '调整时限',
          day: toDay('2026-09-15'),
          approved: true,
          leaderOpinion: '同意',
          chiefOpinion: '',
          newDeadline: toDay('2026-11-30'),
          newTarget: '',
        },
      ],
      completion: card(['2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']),
    });
    expect(month(moved, f, 10)).toEqual({ closedOnTime: 0, score: 100 }); // not 逾期 against 9月30日
    expect(month(moved, f, 11)).toEqual({ closedOnTime: 1, score: 102 });
    const v = evaluateTask(moved, factsAsOf(f, toDay('2026-11-30')), ctxOn('2026-11-30'));
    expect(v.proposedLevel).toBe('基本落实');
  });

  it('agrees with the evaluation proposal: on time exactly when it is not proposed 落实不力', () => {
    const deadline = toDay('2026-10-30');
    const verdict = { card: null, deadline, originalDeadline: null };
    const applications = [null, '2026-10-01', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-20'];
    for (const applied of applications) {
      const f = facts({
        completion: { ...card([]), submitted: applied === null ? null : toDay(applied) },
      });
      const proposed = proposeLevel(battle, f, verdict).level;
      expect(finishedOnTime(f, deadline), `applied ${applied}`).toBe(proposed !== '落实不力');
    }
  });
});
