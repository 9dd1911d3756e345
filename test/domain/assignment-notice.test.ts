import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { IssuedNotice } from '../../src/domain/types';
import { ctxOn, facts, ledgerItem } from './fixtures';

/** Seed 004 §五.2: 《交办单》…由县政府督查室统一编号; SPEC §4.4 "A 督办台账 item starts with a 《交办单》 … carrying its deadlines". */
describe('《交办单》 for a new 督办台账 item (seed 004 §五.2, SPEC §4.4)', () => {
  const item = ledgerItem('2026-03-02', { coUnits: ['县财政局'] });
  const sent: IssuedNotice = {
    type: '交办单',
    docNo: 'x',
    day: toDay('2026-03-02'),
    period: '交办@2026-03-02',
    level: '1',
    sent: true,
  };
  const assignment = (today: string, notices: IssuedNotice[] = []) =>
    evaluateTask(item, facts({ notices }), ctxOn(today)).due.filter((d) => d.type === '交办单');

  it('is due on the 交办日期 with the 13710 nodes and the 完成时限; the report is never asked after the item is due', () => {
    const [due] = assignment('2026-03-02');
    expect(due).toMatchObject({ type: '交办单', level: '1', period: '交办@2026-03-02' });
    // 常务会议 report in 半个月 (3月17日) on a 13710 一般 item due 3月9日: the report is due with the item.
    expect(due!.reasons).toEqual([
      '交办日期：3月2日',
      '研究部署：3月3日前',
      '反馈办理情况：3月9日前',
      '完成时限：3月9日前',
    ]);
    expect(due!.replyBy).toBe(toDay('2026-03-09'));
  });

  it('once: not again when registered, and not for an item assigned long ago', () => {
    expect(assignment('2026-03-03', [sent])).toEqual([]);
    expect(assignment('2026-03-04')).toHaveLength(1); // a row typed in late still gets one
    expect(assignment('2026-03-12')).toEqual([]);
  });

  it('tells the clerk in 系统提示 when a row typed in after the window gets none, for a month', () => {
    const hints = (today: string) => evaluateTask(item, facts(), ctxOn(today)).hints.join('；');
    expect(hints('2026-03-04')).not.toContain('未发《交办单》');
    expect(hints('2026-03-12')).toContain('未发《交办单》：交办日期（3月2日）后3个工作日内未录入本行');
    expect(hints('2026-04-15')).not.toContain('未发《交办单》');
    expect(
      evaluateTask(item, facts({ notices: [sent] }), ctxOn('2026-03-12')).hints.join('；'),
    ).not.toContain('未发《交办单》');
  });
});
