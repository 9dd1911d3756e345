import { describe, expect, it } from 'vitest';
import { isoOf, toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { timeLimits } from '../../src/domain/time-limits';
import { battleTask, ctxOn, doneThrough, facts, ledgerItem, months } from './fixtures';

const limitsOf = (
  item: ReturnType<typeof ledgerItem>,
  today = '2026-12-01',
  config: Record<string, string> = {},
) => {
  const l = timeLimits(item, facts(), ctxOn(today, config));
  return {
    deadline: l.deadline === null ? null : isoOf(l.deadline),
    feedbackDue: l.feedbackDue === null ? null : isoOf(l.feedbackDue),
    l,
  };
};

describe('time limits by source (SPEC §4.3)', () => {
  it('a blank ledger deadline without a readable 交办日期 is not counted from 1 January', () => {
    const item = { ...ledgerItem('2026-02-11'), assigned: null };
    expect(limitsOf(item).deadline).toBeNull();
    const v = evaluateTask(item, facts(), ctxOn('2026-12-01'));
    expect(v.hints.join('\n')).not.toContain('完成时限按');
  });

  it('13710: a 一般 item is due in 7 days; landing in the 春节 break it moves to the next working day', () => {
    const { deadline, l } = limitsOf(ledgerItem('2026-02-11'));
    expect(deadline).toBe('2026-02-24'); // 2月18日 is 春节
    expect(l.deadlineBasis).toBe('13710 一般事项 7天');
    // 常务会议: feedback in 半个月 = 15 calendar days → 2月26日, after the item is due: it is due with it.
    expect(l.checkpoints.map((c) => `${c.label}@${isoOf(c.day)}`)).toEqual([
      '研究部署@2026-02-12',
      '反馈办理情况@2026-02-24',
      '完成时限@2026-02-24',
    ]);
    expect(l.feedbackBasis).toBe('常务会议议定事项 半个月内反馈，不晚于完成时限');
  });

  it('rolling to a working day can be switched off in 规则配置', () => {
    expect(limitsOf(ledgerItem('2026-02-11'), '2026-12-01', { 日历日期限顺延: '否' }).deadline).toBe(
      '2026-02-18',
    );
  });

  it('13710: a 复杂 item is due in one month; the 国庆 make-up Saturday 10月10日 is a working day and stays', () => {
    expect(limitsOf(ledgerItem('2026-09-10', { itemType: '复杂' })).deadline).toBe('2026-10-10');
  });

  it('13710: a 长期 item has no deadline and reports monthly', () => {
    const { deadline, l } = limitsOf(ledgerItem('2026-03-02', { itemType: '长期' }));
    expect(deadline).toBeNull();
    expect(l.ongoing).toBe(true);
  });

  it('a written 完成时限 wins over 13710', () => {
    expect(
      limitsOf(ledgerItem('2026-02-11', { deadline: { kind: 'date', day: toDay('2026-05-31') } })).deadline,
    ).toBe('2026-05-31');
  });

  it.each([
    ['县政府第3次全体会议', '会议议定事项', '2026-03-02', '2026-04-02', '全体会议议定事项 1个月内反馈'],
    ['县政府第12次常务会议', '会议议定事项', '2026-09-25', '2026-10-10', '常务会议议定事项 半个月内反馈'],
    ['县长办公会', '会议议定事项', '2026-09-28', '2026-10-08', '县长办公会/例会议定事项 1周内反馈'],
    ['每周工作例会', '会议议定事项', '2026-03-02', '2026-03-09', '县长办公会/例会议定事项 1周内反馈'],
    ['县长批示〔2026〕8号', '领导批示', '2026-03-02', '2026-03-09', '主要领导批示 1周内反馈'],
    ['王副县长批示', '领导批示', '2026-03-02', '2026-03-09', '分管领导批示 1周内反馈'],
    ['城建专题会议', '会议议定事项', '2026-03-02', '2026-03-09', '专题会议议定事项 1周内反馈'],
    ['', '会议议定事项', '2026-03-02', '2026-03-16', '领导议定事项 10个工作日内反馈'],
    ['', '其他', '2026-03-02', '2026-03-05', '13710 工作法（3天内反馈） 3天内反馈'],
  ])('feedback for %j (%s) assigned %s is due %s', (sourceRef, source, assigned, due, basis) => {
    // A 完成时限 late in the year, so the source's own limit shows (a report is never due after the item).
    const late = { kind: 'date' as const, day: toDay('2026-12-31') };
    const { feedbackDue, l } = limitsOf(ledgerItem(assigned, { sourceRef, source, deadline: late }));
    expect(feedbackDue).toBe(due);
    expect(l.feedbackBasis).toBe(basis);
  });

  it.each([
    ['县政府办公室转办函〔2026〕15号', [], '', '2026-03-09', '公文单一单位办理时限 5个工作日'],
    ['县政府办公室转办函〔2026〕16号', ['县财政局'], '', '2026-03-11', '公文多单位会办时限 7个工作日'],
    [
      '县政府办公室转办函〔2026〕17号',
      [],
      '请调查论证后提出意见',
      '2026-03-30',
      '公文需调查论证时限 20个工作日',
    ],
    ['县政府办公室急件〔2026〕18号', [], '', '2026-03-05', '公文急件时限 3个工作日'],
  ])(
    'a document %j passed for handling is due by its working-day limit',
    (sourceRef, coUnits, target, due, basis) => {
      const { deadline, l } = limitsOf(
        ledgerItem('2026-03-02', { sourceRef, coUnits, target, source: '其他' }),
      );
      expect(deadline).toBe(due);
      expect(l.deadlineBasis).toBe(basis);
    },
  );

  // Seed 004 §五.1(2): only "明确标注尽快办理的事项" get 3个工作日; 应急物资储备 is not a marking of urgency.
  it.each([
    [
      '县政府办公室转办函〔2026〕21号',
      '做好应急物资储备工作',
      '2026-03-09',
      '公文单一单位办理时限 5个工作日',
    ],
    ['县应急管理局〔2026〕22号', '完善应急预案', '2026-03-09', '公文单一单位办理时限 5个工作日'],
    ['县政府办公室转办函〔2026〕23号', '请尽快办理并反馈', '2026-03-05', '公文急件时限 3个工作日'],
    ['县政府办公室转办函〔2026〕24号（特急）', '', '2026-03-05', '公文急件时限 3个工作日'],
  ])('seed 004 §五.1(2) urgent only when marked: %j / %j', (sourceRef, target, due, basis) => {
    const { deadline, l } = limitsOf(ledgerItem('2026-03-02', { sourceRef, target, source: '其他' }));
    expect(deadline).toBe(due);
    expect(l.deadlineBasis).toBe(basis);
  });

  it('an approved extension moves the deadline and keeps the original for 原完成时限', () => {
    const item = ledgerItem('2026-03-02', { deadline: { kind: 'date', day: toDay('2026-06-30') } });
    const ext = {
      requestNo: 'YQ-1',
      original: toDay('2026-06-30'),
      requested: toDay('2026-09-30'),
      status: '同意' as const,
      decided: toDay('2026-06-10'),
      asked: toDay('2026-06-05'),
    };
    const v = evaluateTask(
      item,
      facts({
        extensions: [ext],
        feedback: [{ day: toDay('2026-03-03'), month: null, progress: 50, text: '推进中' }],
      }),
      ctxOn('2026-07-01'),
    );
    expect(isoOf(v.deadline!)).toBe('2026-09-30');
    expect(isoOf(v.originalDeadline!)).toBe('2026-06-30');
    expect(v.status).not.toBe('逾期');
    expect(v.hints).toContain('延期后完成时限 9月30日（原 6月30日）');
    const refused = { ...ext, status: '不同意' as const };
    expect(evaluateTask(item, facts({ extensions: [refused] }), ctxOn('2026-07-01')).status).toBe('逾期');
  });

  it('当前节点 names the next checkpoint with its date', () => {
    const v = evaluateTask(
      ledgerItem('2026-03-02', { source: '其他', sourceRef: '' }),
      facts(),
      ctxOn('2026-03-04'),
    );
    expect(v.currentNode).toBe('反馈办理情况（3月5日）');
  });

  it('moves on to 完成时限 once the unit has reported, before the report’s deadline', () => {
    const item = ledgerItem('2026-03-02', { source: '其他', sourceRef: '' });
    const report = { day: toDay('2026-03-03'), month: null, progress: 30, text: '已研究部署，推进中' };
    const v = evaluateTask(item, facts({ feedback: [report] }), ctxOn('2026-03-04'));
    expect(v.currentNode).toBe('完成时限（3月9日）');
  });
});

describe('当前节点 on the battle map', () => {
  it('skips a month already reported done before its feedback deadline and names the next checkpoint', () => {
    // 3 December: November's report is due 7 December, but the unit has already written 已完成.
    const reported = battleTask({ months: months(doneThrough(11), (m) => `${m}月节点任务`) });
    // December's report is due 8 January, after the 完成时限 of 31 December: that comes first.
    expect(evaluateTask(reported, facts(), ctxOn('2026-12-03')).currentNode).toBe('完成时限（12月31日）');
    const pending = battleTask({ months: months(doneThrough(10), (m) => `${m}月节点任务`) });
    expect(evaluateTask(pending, facts(), ctxOn('2026-12-03')).currentNode).toMatch(
      /^11月：11月节点任务（12月7日）/,
    );
  });
});
