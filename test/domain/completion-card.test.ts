import { describe, expect, it } from 'vitest';
import { toDay, type Day } from '../../src/calendar';
import { readCompletionCard, type SignerCells } from '../../src/domain/completion-card';
import { defaultConfig } from '../../src/domain/config';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { isKeyItem } from '../../src/domain/key-item';
import { readOpinion } from '../../src/domain/opinions';
import type { TaskRecord } from '../../src/domain/types';
import { battleTask, ctxOn, facts, ledgerItem, months } from './fixtures';

const CHAIN = ['承办单位主要负责人', '督查室核实', '办公室分管副主任', '办公室主任', '分管领导', '主要领导'];

/** Signers 0..n-1 of the chain signed on the given dates, with optional opinions. */
function card(signed: Array<[string, string?]>, opinions: Record<string, string> = {}): SignerCells[] {
  return CHAIN.map((signer, i) => {
    const s = signed[i];
    return {
      signer,
      opinion: opinions[signer] ?? (s ? '同意' : ''),
      signature: s ? `签${i}` : '',
      date: s ? toDay(s[0]) : null,
    };
  });
}

function completion(task: TaskRecord, cells: SignerCells[], status = '') {
  const config = defaultConfig();
  return readCompletionCard(cells, { status, level: null, keyItem: isKeyItem(task, config) }, config);
}

const deadline = (iso: string) => ({ kind: 'date' as const, day: toDay(iso) });

describe('待办结审批 (SPEC §4.1; seed 002 §四(一) "在规定时限内按要求基本完成承办事项" is 基本落实)', () => {
  const task = battleTask({
    deadline: deadline('2026-05-29'),
    stars: 5,
    months: months({ 1: '已完成', 2: '已完成', 3: '已完成', 4: '已完成' }),
  });
  const applied = card([['2026-05-20'], ['2026-05-22']]);

  it('an item applied to close before its deadline and waiting for the leaders is 待办结审批, not 逾期, with no card and no ladder', () => {
    const f = facts({ completion: completion(task, applied) });
    const v = evaluateTask(task, f, ctxOn('2026-07-01'));
    expect(v.status).toBe('待办结审批');
    expect(v.statusReason).toContain('办结审批卡待“办公室分管副主任”签批');
    expect(v.card).toBeNull();
    expect(v.due.filter((d) => d.type !== '审批提醒')).toEqual([]);
  });

  it('an application made after the deadline does not stop 逾期', () => {
    const late = card([['2026-06-02'], ['2026-06-03']]);
    const v = evaluateTask(task, facts({ completion: completion(task, late) }), ctxOn('2026-07-01'));
    expect(v.status).toBe('逾期');
  });

  it('the waiting signer is reminded after 规则配置 办结审批提醒工作日 (3) working days, once per signer', () => {
    const f = facts({ completion: completion(task, applied) });
    expect(evaluateTask(task, f, ctxOn('2026-05-26')).due).toEqual([]);
    const due = evaluateTask(task, f, ctxOn('2026-05-27')).due;
    expect(due.map((d) => [d.type, d.level, d.period])).toEqual([
      ['审批提醒', '办公室分管副主任', '办结@2026-05-20'],
    ]);
  });
});

describe('opinions read as consent / refusal / unclear (seed 002 §三(六) "对不予办结事项…继续跟进督办")', () => {
  it.each([
    ['同意', 'consent'],
    ['同意办结', 'consent'],
    ['情况属实', 'consent'],
    ['', 'blank'],
    ['不同意', 'refusal'],
    ['退回', 'refusal'],
    ['不予办结', 'refusal'],
    ['暂缓办结', 'refusal'],
    ['不同意办结，继续跟进', 'refusal'],
    ['已阅', 'unclear'],
    ['请再研究', 'unclear'],
  ])('%j reads as %s', (text, reading) => {
    expect(readOpinion(text)).toBe(reading);
  });

  it('a 主要领导 "不予办结" on an otherwise signed card keeps the item open', () => {
    const t = battleTask({ stars: 5 });
    const c = completion(t, card(CHAIN.map(() => ['2026-05-20'] as [string])));
    expect(c.approved).toBe(true);
    const refused = completion(
      t,
      card(
        CHAIN.map(() => ['2026-05-20'] as [string]),
        { 主要领导: '不予办结' },
      ),
    );
    expect(refused.approved).toBe(false);
    expect(evaluateTask(t, facts({ completion: refused }), ctxOn('2026-06-01')).status).not.toBe('已办结');
  });

  it('已完成 + 督查室核实 does not close an item whose 分管领导 wrote 不同意', () => {
    const t = ledgerItem('2026-03-02', { handling: '已完成', deadline: deadline('2026-06-30') });
    const c = completion(
      t,
      card([['2026-05-20'], ['2026-05-21'], ['2026-05-22'], ['2026-05-23'], ['2026-05-25']], {
        分管领导: '不同意',
      }),
    );
    const v = evaluateTask(t, facts({ completion: c }), ctxOn('2026-06-01'));
    expect(v.status).not.toBe('已办结');
    expect(v.hints.join('\n')).toContain('办结审批未通过（分管领导：不同意）');
  });

  it('an unclear opinion is reported and never read as consent', () => {
    const t = ledgerItem('2026-03-02', { deadline: deadline('2026-06-30') });
    const c = completion(
      t,
      card(
        CHAIN.slice(0, 5).map(() => ['2026-05-20'] as [string]),
        { 分管领导: '已阅' },
      ),
    );
    expect(c.approved).toBe(false);
    expect(c.pendingSigner).toBe('分管领导');
    expect(c.problems).toEqual([
      '办结审批卡"分管领导意见"为"已阅"，无法判断是否同意办结：请写明"同意办结"或"不同意（退回）"及理由',
    ]);
  });
});

describe('key items need the 主要领导 (seed 002 §三(六) "重点事项、重大任务，需报经…主要领导审定办结")', () => {
  const toLeader: Array<[string]> = CHAIN.slice(0, 5).map(() => ['2026-05-20']);
  it('a battle-map task with 星级 blank is key: signed up to the 分管领导 it is not closed', () => {
    const t = battleTask({ stars: null });
    expect(completion(t, card(toLeader)).approved).toBe(false);
    expect(completion(battleTask({ stars: 2 }), card(toLeader)).approved).toBe(true);
  });

  it.each([
    ['县长批示', '县长批示', true],
    ['领导批示', '王副县长批示', false],
    ['会议议定事项', '县政府第12次常务会议', false],
    ['会议议定事项', '县委常委会重点事项', true],
  ])('a 督办台账 item from %j / %j is key: %s', (source, sourceRef, key) => {
    const t = ledgerItem('2026-03-02', { source, sourceRef, stars: null });
    expect(completion(t, card(toLeader)).approved).toBe(!key);
  });

  it('已完成 + 督查室核实 closes a minor item but not a key one', () => {
    const verified = card([['2026-05-20'], ['2026-05-21']]);
    const minor = ledgerItem('2026-03-02', { handling: '已完成', stars: null });
    expect(
      evaluateTask(minor, facts({ completion: completion(minor, verified) }), ctxOn('2026-05-22')).status,
    ).toBe('已办结');
    const key = ledgerItem('2026-03-02', { handling: '已完成', stars: null, sourceRef: '县长批示' });
    expect(
      evaluateTask(key, facts({ completion: completion(key, verified) }), ctxOn('2026-05-22')).status,
    ).not.toBe('已办结');
  });
});

export type { Day };

describe('the applicant signs first', () => {
  it('the unit head’s 意见 is the application itself ("申请销号"), not an unclear opinion', () => {
    const t = battleTask({ stars: 2 });
    const c = completion(
      t,
      card(
        CHAIN.slice(0, 5).map(() => ['2026-05-20'] as [string]),
        { 承办单位主要负责人: '经审核，已完成目标任务，申请销号' },
      ),
    );
    expect(c.problems).toEqual([]);
    expect(c.approved).toBe(true);
  });
});
