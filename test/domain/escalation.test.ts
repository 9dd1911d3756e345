import { describe, expect, it } from 'vitest';
import { isoOf, toDay } from '../../src/calendar';
import { evaluateTask } from '../../src/domain/evaluate-task';
import type { IssuedNotice, NoticeDue } from '../../src/domain/types';
import { battleTask, ctxOn, facts, ledgerItem, months } from './fixtures';

// Assigned 3月2日, first report due 3月5日 (13710: 3 days); nothing reported.
const item = ledgerItem('2026-03-02', {
  source: '其他',
  sourceRef: '',
  deadline: { kind: 'date', day: toDay('2026-06-30') },
});
const period = '反馈@2026-03-05';
const issued = (type: IssuedNotice['type'], day: string): IssuedNotice => ({
  type,
  docNo: `${type}1`,
  day: toDay(day),
  period,
  level: '',
  sent: true,
});
/** Ladder steps only (their level is the step number; card notices carry the card colour; the 交办单 is no step). */
const ladder = (today: string, notices: IssuedNotice[] = []) =>
  evaluateTask(item, facts({ notices }), ctxOn(today)).due.filter(
    (d) => /^\d$/.test(d.level) && d.type !== '交办单',
  );
const brief = (d: NoticeDue) =>
  `${d.type}→${isoOf(d.replyBy)}${d.rectifyBy ? `/整改${isoOf(d.rectifyBy)}` : ''}`;

describe('escalation ladder (SPEC §4.4)', () => {
  it('nothing before the report is due', () => {
    expect(ladder('2026-03-05')).toEqual([]);
  });

  it('催办单 the day after a missed report, answer within 3 working days', () => {
    const due = ladder('2026-03-06');
    expect(due.map(brief)).toEqual(['催办单→2026-03-11']);
    expect(due[0]!.period).toBe(period);
    expect(due[0]!.reasons).toEqual([
      '应于3月5日前反馈办理情况（13710 工作法（3天内反馈） 3天内反馈），至今未反馈',
    ]);
  });

  it('督办单 only after the 催办单 had 3 working days', () => {
    const n = [issued('催办单', '2026-03-06')];
    expect(ladder('2026-03-10', n)).toEqual([]);
    expect(ladder('2026-03-11', n).map(brief)).toEqual(['督办单→2026-03-16']);
    expect(ladder('2026-03-11', n)[0]!.reasons).toContain('3月6日已下发催办单，至今未解决');
  });

  it('督办通知书 with a rectification deadline 10 working days out, after the 督办单 had 3 working days', () => {
    const n = [issued('催办单', '2026-03-06'), issued('督办单', '2026-03-11')];
    expect(ladder('2026-03-13', n)).toEqual([]);
    expect(ladder('2026-03-16', n).map(brief)).toEqual(['督办通知书→2026-03-19/整改2026-03-30']);
  });

  it('约谈建议 once the rectification deadline has passed, then the ladder ends', () => {
    const n = [
      issued('催办单', '2026-03-06'),
      issued('督办单', '2026-03-11'),
      issued('督办通知书', '2026-03-16'),
    ];
    expect(ladder('2026-03-30', n).filter((d) => d.type === '约谈建议')).toEqual([]);
    const due = ladder('2026-03-31', n).filter((d) => d.type === '约谈建议');
    expect(due.map((d) => d.level)).toEqual(['4']);
    const done = [...n, issued('约谈建议', '2026-03-31')];
    expect(ladder('2026-04-20', done).filter((d) => d.period === period)).toEqual([]);
  });

  it('a report stops the ladder', () => {
    const f = facts({
      notices: [issued('催办单', '2026-03-06')],
      feedback: [{ day: toDay('2026-03-09'), month: null, progress: 30, text: '已研究部署' }],
    });
    expect(evaluateTask(item, f, ctxOn('2026-03-11')).due).toEqual([]);
  });

  it('逾期 starts its own episode at 催办单', () => {
    const overdue = ledgerItem('2026-02-11', { source: '其他', sourceRef: '' }); // due 2月24日
    const f = facts({ feedback: [{ day: toDay('2026-02-12'), month: null, progress: 10, text: '已部署' }] });
    const due = evaluateTask(overdue, f, ctxOn('2026-02-25')).due;
    expect(due.map((d) => `${d.type}@${d.period}`)).toContain('催办单@逾期@2026-02-24');
  });

  it('the 催办单 of an overdue deadline waits 3 working days after its 临期提醒 (the ladder’s first rung)', () => {
    const overdue = ledgerItem('2026-02-11', { source: '其他', sourceRef: '' }); // due 2月24日
    const f = (notices: IssuedNotice[]) =>
      facts({ feedback: [{ day: toDay('2026-02-12'), month: null, progress: 10, text: '已部署' }], notices });
    const reminded: IssuedNotice = {
      type: '临期提醒',
      docNo: '',
      day: toDay('2026-02-23'),
      period: '临期@2026-02-24',
      level: '1',
      sent: true,
    };
    const urgings = (today: string) =>
      evaluateTask(overdue, f([reminded]), ctxOn(today)).due.filter((d) => d.type === '催办单');
    expect(urgings('2026-02-25')).toEqual([]); // 2 working days after the 临期提醒
    expect(urgings('2026-02-26').map((d) => d.period)).toEqual(['逾期@2026-02-24']);
  });

  it('临期提醒 once per deadline, as a routine reminder', () => {
    const task = battleTask({
      deadline: { kind: 'date', day: toDay('2026-02-27') },
      months: months({ 1: '已完成，进度90%' }, (m) => (m <= 2 ? 'x' : '')),
    });
    const first = evaluateTask(task, facts(), ctxOn('2026-02-13')).due;
    expect(first.map((d) => `${d.type}@${d.period}`)).toEqual(['临期提醒@临期@2026-02-27']);
    const again = evaluateTask(
      task,
      facts({
        notices: [
          {
            type: '临期提醒',
            docNo: '',
            day: toDay('2026-02-13'),
            period: '临期@2026-02-27',
            level: '1',
            sent: true,
          },
        ],
      }),
      ctxOn('2026-02-24'),
    ).due;
    expect(again).toEqual([]);
  });

  it('临期提醒 asks for feedback by 完成时限 at the latest, never after it', () => {
    const task = battleTask({
      deadline: { kind: 'date', day: toDay('2026-02-27') },
      months: months({ 1: '已完成，进度90%' }, (m) => (m <= 2 ? 'x' : '')),
    });
    // 2月26日: the usual reply window would end after 27 Feb.
    const [reminder] = evaluateTask(task, facts(), ctxOn('2026-02-26')).due;
    expect(reminder!.type).toBe('临期提醒');
    expect(isoOf(reminder!.replyBy)).toBe('2026-02-27');
    // Early in the window the usual reply date stands.
    const [early] = evaluateTask(task, facts(), ctxOn('2026-02-13')).due;
    expect(early!.replyBy < toDay('2026-02-27')).toBe(true);
  });

  it('a card brings its notice once per episode, whatever the 预警 cell showed (SPEC §4.4 "derived from state")', () => {
    const blue = battleTask({ months: months({ 1: '已完成', 2: '已完成' }) });
    const due = evaluateTask(blue, facts(), ctxOn('2026-04-09'), null).due;
    expect(due.filter((d) => d.type === '提醒函').map((d) => `${d.level}@${d.period}`)).toEqual([
      '蓝牌@反馈@2026-03',
    ]);
    // The cell already shows 蓝牌 (a scan killed after writing it) but the register lacks the notice: still due.
    expect(
      evaluateTask(blue, facts(), ctxOn('2026-04-09'), '蓝牌').due.filter((d) => d.type === '提醒函'),
    ).toHaveLength(1);
    // Registered for this episode: not again, on any later day.
    const sent = facts({
      notices: [
        {
          type: '提醒函',
          docNo: 'x',
          day: toDay('2026-04-09'),
          period: '反馈@2026-03',
          level: '蓝牌',
          sent: true,
        },
      ],
    });
    expect(
      evaluateTask(blue, sent, ctxOn('2026-04-14'), null).due.filter((d) => d.type === '提醒函'),
    ).toEqual([]);
    const yellow = battleTask({ months: months({ 1: '已完成' }) });
    const y = evaluateTask(yellow, facts(), ctxOn('2026-04-09'), '蓝牌').due.find((d) => d.level === '黄牌');
    expect(y?.type).toBe('约谈建议');
    expect(y?.period).toBe('反馈@2026-02');
  });

  it('a card notice registered by the edge-triggered version (period 黄牌@day) covers the card the sheet still shows', () => {
    const yellow = battleTask({ months: months({ 1: '已完成' }) });
    const legacy = facts({
      notices: [
        {
          type: '约谈建议',
          docNo: 'x',
          day: toDay('2026-04-09'),
          period: '黄牌@2026-04-09',
          level: '黄牌',
          sent: true,
        },
      ],
    });
    const yellowDue = (prior: '黄牌' | null) =>
      evaluateTask(yellow, legacy, ctxOn('2026-04-10'), prior).due.filter((d) => d.level === '黄牌');
    expect(yellowDue('黄牌')).toEqual([]);
    expect(yellowDue(null)).toHaveLength(1);
  });
});
