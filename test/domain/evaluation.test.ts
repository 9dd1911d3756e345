import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { proposeLevel } from '../../src/domain/evaluation';
import type { IssuedNotice } from '../../src/domain/types';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { battleTask, ctxOn, facts } from './fixtures';

const deadline = toDay('2026-06-30');
const closedOn = (iso: string) => ({
  approved: true,
  submitted: toDay(iso),
  closed: toDay(iso),
  level: null,
  verified: true,
});
const urging: IssuedNotice = {
  type: '催办单',
  docNo: 'x',
  day: toDay('2026-07-02'),
  period: 'p',
  level: '1',
  sent: true,
};
const verdict = { card: null, deadline, originalDeadline: null };

describe('proposed evaluation level (SPEC §4.6)', () => {
  it('completed ahead of time → 落实较好', () => {
    expect(proposeLevel(battleTask(), facts({ completion: closedOn('2026-06-10') }), verdict).level).toBe(
      '落实较好',
    );
  });
  it('on time → 基本落实; with an approved extension → 基本落实', () => {
    expect(proposeLevel(battleTask(), facts({ completion: closedOn('2026-06-30') }), verdict).level).toBe(
      '基本落实',
    );
    const extended = { ...verdict, deadline: toDay('2026-09-30'), originalDeadline: deadline };
    const r = proposeLevel(battleTask(), facts({ completion: closedOn('2026-09-01') }), extended);
    expect(r).toEqual({ level: '基本落实', reason: '经批准延期后按期完成' });
  });
  it('needed 催办 and still late → 落实不力', () => {
    const r = proposeLevel(
      battleTask(),
      facts({ completion: closedOn('2026-07-20'), notices: [urging] }),
      verdict,
    );
    expect(r.level).toBe('落实不力');
  });
  it('红牌 or false reporting → 落实较差; 落实好 is never proposed', () => {
    expect(proposeLevel(battleTask(), facts(), { ...verdict, card: '红牌' }).level).toBe('落实较差');
    expect(
      proposeLevel(battleTask({ redFlag: true }), facts({ completion: closedOn('2026-06-01') }), verdict)
        .level,
    ).toBe('落实较差');
  });

  // Seed 002 §四(一): 基本落实 is "在规定时限内按要求基本完成承办事项，能及时报告进展情况的"; 落实较好 is
  // "能积极主动落实承办事项，提前按要求完成工作任务的".
  it('finished late and never chased is not "在规定时限内完成" (seed 002 §四(一))', () => {
    const r = proposeLevel(battleTask(), facts({ completion: closedOn('2026-07-20') }), verdict);
    expect(r.reason).not.toBe('在规定时限内完成');
    expect(r).toEqual({ level: '落实不力', reason: '超过完成时限 6月30日 才申请办结（7月20日）' });
  });
  it('finished early but needed 催办 for its reports is not 落实较好 (seed 002 §四(一) "积极主动")', () => {
    const early = { ...urging, day: toDay('2026-04-10') };
    const r = proposeLevel(
      battleTask(),
      facts({ completion: closedOn('2026-06-10'), notices: [early] }),
      verdict,
    );
    expect(r).toEqual({ level: '基本落实', reason: '按期完成，但曾经催办1次才报告进展，不评落实较好' });
  });
  it('a task that carried a 红牌 (its 约谈建议 registered) is proposed 落实较差 even once the card is gone', () => {
    const red: IssuedNotice = { ...urging, type: '约谈建议', level: '红牌', period: '逾期@2026-06-30' };
    expect(
      proposeLevel(battleTask(), facts({ completion: closedOn('2026-07-20'), notices: [red] }), verdict)
        .level,
    ).toBe('落实较差');
  });

  it('is proposed on every completion card, in 系统提示 (SPEC §4.6)', () => {
    const task = battleTask({ deadline: { kind: 'date', day: deadline } });
    const v = evaluateTask(task, facts({ completion: closedOn('2026-06-10') }), ctxOn('2026-06-20'));
    expect(v.proposedLevel).toBe('落实较好');
    expect(v.hints).toContain('建议评价等级：落实较好（提前完成（6月10日，时限 6月30日）），由签批领导确定');
  });
});
