import { describe, expect, it } from 'vitest';
import { isoOf, toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { AdjustmentEntry, ExtensionEntry } from '../../src/domain/types';
import { battleTask, ctxOn, doneThrough, facts, months } from './fixtures';

const task = battleTask({
  deadline: { kind: 'date', day: toDay('2026-06-30') },
  months: months(doneThrough(6)),
});
const ext = (asked: string | null): ExtensionEntry => ({
  requestNo: 'YQ-2026-001',
  original: toDay('2026-06-30'),
  requested: toDay('2026-09-30'),
  status: '同意',
  decided: toDay('2026-07-10'),
  asked: asked === null ? null : toDay(asked),
});
const adjustment = (over: Partial<AdjustmentEntry>): AdjustmentEntry => ({
  kind: '调整时限',
  day: toDay('2026-06-20'),
  approved: true,
  leaderOpinion: '同意',
  chiefOpinion: '',
  newDeadline: toDay('2026-10-31'),
  newTarget: '',
  ...over,
});

describe('延期 must be asked within the time limit (seed 002 §三(五) "牵头单位须在规定时限内提出延期申请")', () => {
  it('an extension asked after the deadline and approved anyway does not erase 逾期; it is reported', () => {
    const v = evaluateTask(task, facts({ extensions: [ext('2026-07-06')] }), ctxOn('2026-07-15'));
    expect(isoOf(v.deadline!)).toBe('2026-06-30');
    expect(v.status).toBe('逾期');
    expect(v.hints).toContain(
      '延期申请 YQ-2026-001于7月6日提出，已超过完成时限 6月30日，未予采纳（延期须在规定时限内提出）',
    );
  });

  it('the same extension asked before the deadline moves it', () => {
    const v = evaluateTask(task, facts({ extensions: [ext('2026-06-25')] }), ctxOn('2026-07-15'));
    expect(isoOf(v.deadline!)).toBe('2026-09-30');
    expect(isoOf(v.originalDeadline!)).toBe('2026-06-30');
    expect(v.status).not.toBe('逾期');
  });

  it('when the clerk has typed the new date into 完成时限, 原完成时限 stays the date before the extension', () => {
    const typed = battleTask({
      deadline: { kind: 'date', day: toDay('2026-09-30') },
      months: months(doneThrough(6)),
    });
    const v = evaluateTask(typed, facts({ extensions: [ext('2026-06-25')] }), ctxOn('2026-07-15'));
    expect(isoOf(v.deadline!)).toBe('2026-09-30');
    expect(isoOf(v.originalDeadline!)).toBe('2026-06-30');
    expect(v.hints.join('\n')).not.toContain('原 9月30日');
    // Asked after the date before it: still refused, judged against 6月30日, not the typed-in 9月30日.
    const late = evaluateTask(typed, facts({ extensions: [ext('2026-07-06')] }), ctxOn('2026-07-15'));
    expect(late.hints).toContain(
      '延期申请 YQ-2026-001于7月6日提出，已超过完成时限 6月30日，未予采纳（延期须在规定时限内提出）',
    );
  });

  it('an approved 调整时限 already typed into 完成时限 changes nothing and claims no 原完成时限', () => {
    const typed = battleTask({
      deadline: { kind: 'date', day: toDay('2026-10-31') },
      months: months(doneThrough(6)),
    });
    const v = evaluateTask(typed, facts({ adjustments: [adjustment({})] }), ctxOn('2026-07-15'));
    expect(isoOf(v.deadline!)).toBe('2026-10-31');
    expect(v.originalDeadline).toBeNull();
  });

  it('an approved extension without 申请时间 is not applied and asks for it', () => {
    const v = evaluateTask(task, facts({ extensions: [ext(null)] }), ctxOn('2026-07-15'));
    expect(v.status).toBe('逾期');
    expect(v.hints.join('\n')).toContain('未填写申请时间');
  });
});

describe('调整记录 调整时限 / 调整目标 (seed 000 §二(四) 动态管理; SPEC §2.4 "target adjustments … once a year in the configured month")', () => {
  it('an approved 调整时限 asked before the deadline moves it', () => {
    const v = evaluateTask(task, facts({ adjustments: [adjustment({})] }), ctxOn('2026-07-15'));
    expect(isoOf(v.deadline!)).toBe('2026-10-31');
    expect(v.status).not.toBe('逾期');
  });

  it('a 调整时限 the 分管领导 refused is not applied', () => {
    const v = evaluateTask(
      task,
      facts({ adjustments: [adjustment({ leaderOpinion: '不同意' })] }),
      ctxOn('2026-07-15'),
    );
    expect(v.status).toBe('逾期');
  });

  it('调整目标 is accepted in 7月 (规则配置 目标调整月份), refused in 4月 unless the 主要领导 agrees', () => {
    const target = { kind: '调整目标' as const, newDeadline: null, newTarget: '完成征收1000亩' };
    const july = evaluateTask(
      task,
      facts({ adjustments: [adjustment({ ...target, day: toDay('2026-07-08') })] }),
      ctxOn('2026-07-15'),
    );
    expect(july.hints).toContain('年度目标已调整为：完成征收1000亩');
    const april = evaluateTask(
      task,
      facts({ adjustments: [adjustment({ ...target, day: toDay('2026-04-08') })] }),
      ctxOn('2026-07-15'),
    );
    expect(april.hints).toContain(
      '调整目标于4月8日提出，不在每年7月的目标调整期内，且无主要领导同意，未予采纳',
    );
    const chief = evaluateTask(
      task,
      facts({ adjustments: [adjustment({ ...target, day: toDay('2026-04-08'), chiefOpinion: '同意' })] }),
      ctxOn('2026-07-15'),
    );
    expect(chief.hints).toContain('年度目标已调整为：完成征收1000亩');
    const inMay = ctxOn('2026-07-15', { 目标调整月份: '4' });
    expect(
      evaluateTask(task, facts({ adjustments: [adjustment({ ...target, day: toDay('2026-04-08') })] }), inMay)
        .hints,
    ).toContain('年度目标已调整为：完成征收1000亩');
  });
});
