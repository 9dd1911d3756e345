import { describe, expect, it } from 'vitest';
import { defaultCalendar, toDay } from '../../src/calendar';
import { buildBulletin, type BulletinInput, type BulletinTask } from '../../src/domain/bulletin';
import { bottomOf } from '../../src/domain/bulletin-lists';
import { monthPeriod, parsePeriod, quarterPeriod, yearPeriod } from '../../src/domain/bulletin-period';
import { defaultConfig } from '../../src/domain/config';
import type { IssuedNotice } from '../../src/domain/types';
import type { UnitScore } from '../../src/domain/scoring';
import { battleTask, doneThrough, facts, ledgerItem, months } from './fixtures';

const input = (tasks: BulletinTask[], today: string): BulletinInput => ({
  tasks,
  cal: defaultCalendar(),
  config: defaultConfig(),
  year: 2026,
  today: toDay(today),
});

const task = (unit: string, done: Record<number, string>, over = {}): BulletinTask => ({
  task: battleTask({ leadUnit: unit, id: `ZD-${unit}`, months: months(done), ...over }),
  facts: facts(),
});

const notice = (type: IssuedNotice['type'], day: string): IssuedNotice => ({
  type,
  docNo: '临政督督〔2026〕1号',
  day: toDay(day),
  period: 'x',
  level: type,
  sent: true,
});

describe('the 3 / 5 overdue thresholds (seed 003 §四(三)): missed or late reports per unit and year', () => {
  it('lists a unit at 3 for 全县通报 and at 5 for 移交纪委监委, counting both tabs', () => {
    // As of 30 June the reports of January–May are due (May's on 5 June, the 5th working day).
    const b = buildBulletin(
      input(
        [
          task('县住建局', {}), // five months unreported
          task('县水利局', doneThrough(3)), // April and May unreported
          { task: ledgerItem('2026-03-02', { leadUnit: '县水利局', id: 'DB-1' }), facts: facts() }, // first report missed
          task('县教育局', doneThrough(5)),
        ],
        '2026-06-30',
      ),
      monthPeriod(2026, 6),
    )!;
    expect(b.thresholds).toEqual([
      { unit: '县住建局', times: 5, action: '移交纪委监委' },
      { unit: '县水利局', times: 3, action: '全县通报' },
    ]);
  });

  it('counts a ledger report made after its deadline as late, not missed', () => {
    const item = ledgerItem('2026-03-02', { leadUnit: '县水利局', id: 'DB-1' });
    // 常务会议 items report within 半个月: by 17 March; the report came on the 25th.
    const late = { day: toDay('2026-03-25'), month: null, progress: 50, text: '推进中' };
    const b = buildBulletin(
      input([{ task: item, facts: facts({ feedback: [late] }) }], '2026-04-30'),
      monthPeriod(2026, 3),
    )!;
    expect(b.units[0]).toMatchObject({ unit: '县水利局', missed: 0, late: 1, overdueTimesYtd: 1 });
  });
});

describe('what a month counts', () => {
  it('leaves out a 督办台账 item assigned after the month: the unit did not hold it yet', () => {
    const later = { task: ledgerItem('2026-11-05', { leadUnit: '县住建局', id: 'DB-9' }), facts: facts() };
    const held = { task: ledgerItem('2026-10-21', { leadUnit: '县住建局', id: 'DB-8' }), facts: facts() };
    const october = buildBulletin(input([held, later], '2026-11-10'), monthPeriod(2026, 10))!;
    expect(october.units.find((u) => u.unit === '县住建局')!.tasks).toBe(1);
    const statuses = october.trend.at(-1)!.byStatus;
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(1);
    const january = buildBulletin(input([held, later], '2026-11-10'), monthPeriod(2026, 1));
    expect(january?.units.find((u) => u.unit === '县住建局')?.tasks ?? 0).toBe(0);
  });
});

describe('quarter and year sum the months (seed 002 §四(二))', () => {
  const tasks = [
    task('县住建局', doneThrough(4)),
    task('县水利局', doneThrough(6)),
    {
      task: battleTask({
        leadUnit: '县教育局',
        id: 'ZD-E',
        months: months(doneThrough(12)),
        deadline: { kind: 'date', day: toDay('2026-05-20') },
      }),
      facts: facts({ notices: [notice('督办单', '2026-05-12')] }),
    },
  ];
  it('gives each unit the sum of its monthly scores and figures, ranked on the sum', () => {
    const all = input(tasks, '2026-07-31');
    const quarter = buildBulletin(all, quarterPeriod(2026, 2))!;
    const months = [4, 5, 6].map((m) => buildBulletin(all, monthPeriod(2026, m))!);
    for (const u of quarter.units) {
      const of = (b: typeof quarter) => b.units.find((x) => x.unit === u.unit)!;
      expect(u.score).toBe(months.reduce((s, b) => s + of(b).score, 0));
      expect(u.missed).toBe(months.reduce((s, b) => s + of(b).missed, 0));
      expect(u.supervisions).toBe(months.reduce((s, b) => s + of(b).supervisions, 0));
    }
    expect(quarter.units.map((u) => u.unit)).toEqual(
      [...quarter.units].sort((a, b) => b.score - a.score).map((u) => u.unit),
    );
  });

  it('counts a running quarter up to the day asked, and nothing of a period not begun', () => {
    const all = input(tasks, '2026-05-15');
    expect(buildBulletin(all, quarterPeriod(2026, 2))!.months).toEqual([4, 5]);
    expect(buildBulletin(all, quarterPeriod(2026, 3))).toBeNull();
    expect(buildBulletin(all, parsePeriod('2027-01')!)).toBeNull();
  });

  it('does not let a notice or a closing dated after a month colour that month', () => {
    const closing = {
      approved: true,
      submitted: toDay('2026-06-02'),
      closed: toDay('2026-06-10'),
      level: null,
      verified: true,
    };
    const t = {
      task: battleTask({ leadUnit: '县教育局', months: months(doneThrough(12)) }),
      facts: facts({ notices: [notice('督办单', '2026-06-03')], completion: closing }),
    };
    const all = input([t], '2026-06-30');
    expect(buildBulletin(all, monthPeriod(2026, 5))!.trend.at(-1)!.byStatus.已办结).toBe(0);
    const june = buildBulletin(all, monthPeriod(2026, 6))!;
    expect(june.trend.map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(june.trend.at(-1)!.byStatus.已办结).toBe(1);
    expect(june.units[0]).toMatchObject({ supervisions: 1, closedOnTime: 1, score: 100 + 2 - 3 });
  });
});

describe('the year marks the bottom three (seed 001 §四(二))', () => {
  const score = (unit: string, s: number, rank: number) => ({ unit, score: s, rank }) as UnitScore;

  it('takes the last three positions, and every unit tied at the boundary', () => {
    const distinct = [
      score('甲', 100, 1),
      score('乙', 98, 2),
      score('丙', 96, 3),
      score('丁', 96, 3),
      score('戊', 90, 5),
    ];
    expect(bottomOf(distinct, 3)).toEqual(['丙', '丁', '戊']);
    const units = [
      score('甲', 100, 1),
      score('乙', 96, 2),
      score('丙', 96, 2),
      score('丁', 96, 2),
      score('戊', 90, 5),
    ];
    expect(bottomOf(units, 3)).toEqual(['乙', '丙', '丁', '戊']);
    expect(bottomOf(units.slice(0, 2), 3)).toEqual(['甲', '乙']);
  });

  it('names units bottom two years running only when last year is known', () => {
    const tasks = ['甲局', '乙局', '丙局', '丁局'].map((u, i) => task(u, doneThrough(10 - i)));
    const all = input(tasks, '2026-12-31');
    const unknown = buildBulletin(all, yearPeriod(2026))!;
    expect(unknown.bottomThree).toEqual(['乙局', '丙局', '丁局']);
    expect(unknown.bottomTwoYears).toBeNull();
    const known = buildBulletin(all, yearPeriod(2026), { previousBottom: ['丁局', '戊局', '甲局'] })!;
    expect(known.bottomTwoYears).toEqual(['丁局']);
  });
});

describe('红榜 and 黑榜', () => {
  it('praises top units that earned points with no card, and lists the bottom ones and every 红牌', () => {
    const closing = {
      approved: true,
      submitted: toDay('2026-10-10'),
      closed: toDay('2026-10-20'),
      level: null,
      verified: true,
    };
    const b = buildBulletin(
      input(
        [
          {
            task: battleTask({ leadUnit: '县发改局', id: 'ZD-1', months: months(doneThrough(12)) }),
            facts: facts({ completion: closing }),
          },
          task('县财政局', doneThrough(12)),
          task('县教育局', doneThrough(12), { redFlag: true, id: 'ZD-3', title: '学校建设' }),
          task('县水利局', doneThrough(8)),
        ],
        '2026-10-31',
      ),
      monthPeriod(2026, 10),
    )!;
    expect(b.redList.map((e) => e.unit)).toEqual(['县发改局']);
    expect(b.blackList.map((e) => [e.unit, e.score])).toEqual([
      ['县教育局', 90],
      ['县水利局', 98],
    ]);
    expect(b.blackList[0]!.reason).toContain('红牌1张（ZD-3 学校建设）');
  });

  it('over a quarter says 项次 for the summed figures and names each 红牌 task once', () => {
    const overdue = task('县教育局', doneThrough(12), {
      redFlag: true,
      id: 'ZD-3',
      title: '学校建设',
      deadline: { kind: 'date', day: toDay('2026-06-30') },
    });
    const q = buildBulletin(
      input([overdue, task('县财政局', doneThrough(12))], '2026-10-31'),
      quarterPeriod(2026, 3),
    )!;
    const unit = q.units.find((u) => u.unit === '县教育局')!;
    expect([unit.overdue, unit.cards.红牌]).toEqual([3, 3]);
    const reason = q.blackList.find((e) => e.unit === '县教育局')!.reason;
    expect(reason).toContain('逾期3项次');
    expect(reason).toContain('红牌事项1项（ZD-3 学校建设）');
    expect(reason).not.toMatch(/逾期3项(?!次)|红牌\d张/);
  });
});

describe("December's own reports, due next January (src/domain/year-end-reports.ts)", () => {
  const year = (tasks: BulletinTask[], today: string) =>
    buildBulletin(input(tasks, today), yearPeriod(2026))!;
  const december = (tasks: BulletinTask[], today: string) =>
    buildBulletin(input(tasks, today), monthPeriod(2026, 12))!;

  it('the December 通报 made after 2027-01-08 scores December as well, so the year counts all twelve reports', () => {
    const all = [task('县教育局', doneThrough(12))];
    expect(year(all, '2027-01-11').units[0]).toMatchObject({ reportsDue: 12, missed: 0, late: 0 });
    expect(december(all, '2027-01-11').units[0]).toMatchObject({ reportsDue: 2, missed: 0 });
    expect(december(all, '2027-01-11').decemberReports).toEqual({
      deadline: toDay('2027-01-08'),
      countedTo: toDay('2027-01-11'),
    });
  });

  it('counts a December not reported by the deadline as missed, and before the deadline not at all', () => {
    const all = [task('县住建局', doneThrough(11))];
    expect(december(all, '2027-01-11').units[0]).toMatchObject({ reportsDue: 2, missed: 1, score: 98 });
    const early = december(all, '2027-01-05');
    expect(early.units[0]).toMatchObject({ reportsDue: 1, missed: 0, score: 100 });
    expect(early.decemberReports?.countedTo).toBeNull();
  });

  it("a ledger report due in the first days of January counts in last year's December, not again in January", () => {
    // A 长期 item reports every month; December 2026's report is due on 8 January 2027.
    const item = ledgerItem('2026-10-10', { leadUnit: '县水利局', id: 'DB-1', itemType: '长期' });
    const report = (day: string, month: number) => ({ day: toDay(day), month, progress: 50, text: '推进中' });
    const november = report('2026-11-05', 10);
    const silent = december([{ task: item, facts: facts({ feedback: [november] }) }], '2027-01-11');
    expect(silent.units[0]).toMatchObject({ reportsDue: 2, missed: 1 });
    const reported = facts({ feedback: [november, report('2027-01-06', 12)] });
    expect(december([{ task: item, facts: reported }], '2027-01-11').units[0]).toMatchObject({
      reportsDue: 2,
      missed: 0,
    });
    const nextJanuary = buildBulletin(
      { ...input([{ task: item, facts: reported }], '2027-02-10'), year: 2027 },
      monthPeriod(2027, 1),
    )!;
    expect(nextJanuary.units[0]).toMatchObject({ reportsDue: 0, missed: 0, overdueTimesYtd: 0 });
  });
});

describe('a manual 红牌标记 carries no date: it counts from the day the scan first showed it', () => {
  // Every month reported on time, so the flag is the task's only card.
  const flagged = (since?: string): BulletinTask => ({
    task: battleTask({ leadUnit: '县农业农村局', id: 'ZD-1', redFlag: true, months: months(doneThrough(9)) }),
    facts: facts(since ? { redFlagSince: toDay(since) } : {}),
  });
  const reds = (b: ReturnType<typeof buildBulletin>) => b!.trend.map((p) => p.byCard.红牌);

  it('shows it in the trend from the month the 审计日志 first has it, not in every month before', () => {
    const b = buildBulletin(input([flagged('2026-09-14')], '2026-10-31'), monthPeriod(2026, 10));
    expect(reds(b)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('scores it in those months only: the third quarter loses 10 points for September, not 30', () => {
    const q3 = buildBulletin(input([flagged('2026-09-14')], '2026-10-31'), quarterPeriod(2026, 3))!;
    expect(q3.units[0]).toMatchObject({
      unit: '县农业农村局',
      score: 290,
      cards: { 红牌: 1, 黄牌: 0, 蓝牌: 0 },
    });
  });

  it('without a 审计日志 row (never scanned since it was set) counts it from the day asked only', () => {
    expect(reds(buildBulletin(input([flagged()], '2026-10-31'), monthPeriod(2026, 10)))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });
});
