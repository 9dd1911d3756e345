import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { proposeLevel } from '../../src/domain/evaluation';
import type { IssuedNotice } from '../../src/domain/types';
import { battleTask, facts } from './fixtures';

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
});
