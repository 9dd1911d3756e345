/**
 * Issue 9 item 8: a 红牌 episode got two 约谈建议 to the 主要领导 — the card's (seed 001 §三(三) 红牌) and the ladder's
 * last step (SPEC §4.4 "→ 约谈建议 to the leaders"). One per episode; a 黄牌's (to the 分管领导 only) is separate.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { oneInterviewPerEpisode } from '../../src/domain/escalation';
import type { IssuedNotice, NoticeDue } from '../../src/domain/types';

const period = '逾期@2026-03-31';
const due = (level: string, p = period): NoticeDue => ({
  type: '约谈建议',
  level,
  period: p,
  reasons: [],
  replyBy: toDay('2026-06-18'),
  rectifyBy: null,
});
const issued = (level: string, p = period): IssuedNotice => ({
  type: '约谈建议',
  docNo: '临政督谈〔2026〕1号',
  day: toDay('2026-06-01'),
  period: p,
  level,
  sent: true,
});

describe('one 约谈建议 to the 主要领导 per episode (issue 9 item 8)', () => {
  it('the ladder and the 红牌 due on the same day: one', () => {
    expect(oneInterviewPerEpisode([due('4'), due('红牌')], []).map((d) => d.level)).toEqual(['4']);
  });
  it("the 红牌's already registered: the ladder's last step is not sent again, and the other way round", () => {
    expect(oneInterviewPerEpisode([due('4')], [issued('红牌')])).toEqual([]);
    expect(oneInterviewPerEpisode([due('红牌')], [issued('4')])).toEqual([]);
  });
  it('another episode, or a 黄牌 (to the 分管领导 only), still gets its own', () => {
    expect(oneInterviewPerEpisode([due('红牌', '反馈@2026-05')], [issued('4')])).toHaveLength(1);
    expect(oneInterviewPerEpisode([due('4'), due('黄牌')], [issued('红牌')]).map((d) => d.level)).toEqual(['黄牌']);
  });
});
