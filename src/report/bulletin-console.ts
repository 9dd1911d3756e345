import { cnFullDate, isoOf } from '../calendar/day';
import type { Bulletin } from '../domain/bulletin';
import { cardFigures, deductionFigures, rankingFigures } from '../domain/scoring';
import { CARDS, STATUSES } from '../domain/glossary';
import { lateTaskList, lateTasksTail } from '../domain/late-tasks';
import { yearEndNote } from '../domain/year-end-reports';
import { opening } from './bulletin-text';
import { textTable } from './text-table';

/**
 * The 通报 as Chinese text for a terminal: totals, the ranking table, 红榜, 黑榜, 逾期、滞后事项, thresholds, 分管领导 counts and,
 * for a year, the bottom three.
 *
 * @example console.log(bulletinConsole(bulletin));
 */
export function bulletinConsole(b: Bulletin): string {
  const out: string[] = [
    `${b.period.label}重点工作督查通报（统计截至${cnFullDate(b.asOf)}${yearEndNote(b)}）`,
    opening(b),
    '',
  ];
  out.push(
    `一、单位得分排名${b.months.length > 1 ? `（${b.months.map((m) => `${m}月`).join('、')}之和）` : ''}`,
  );
  out.push(
    textTable(
      [
        '排名',
        '牵头单位',
        '事项',
        '按期办结',
        '滞后',
        '逾期',
        '按时反馈',
        '督办文书',
        '红/黄/蓝牌',
        '缺报',
        '迟报',
        '督办单',
        '年内逾期报送',
        '得分',
      ],
      b.units.map((u) => [
        ...rankingFigures(u),
        cardFigures(u),
        ...deductionFigures(u),
        u.overdueTimesYtd,
        u.score,
      ]),
    ),
    '',
  );
  out.push('二、红榜', ...board(b.redList, '本期无'), '');
  out.push('三、黑榜', ...board(b.blackList, '本期无'), '');
  const late = lateTaskList(b.lateTasks).shown.map((t) => `  ${t.id} ${t.title}（${t.unit}）：${t.how}`);
  const tail = lateTasksTail(b.lateTasks);
  out.push('四、逾期、滞后事项', ...(late.length ? late : ['  本期无']), ...(tail ? [`  ${tail}`] : []), '');
  out.push(
    '五、逾期报送达到通报（3次）、移交（5次）标准的单位',
    ...(b.thresholds.length
      ? b.thresholds.map((t) => `  ${t.unit}：${t.times}次，${t.action}`)
      : ['  本期无']),
    '',
  );
  out.push('六、分管领导分管事项状态');
  out.push(
    textTable(
      ['分管领导', '合计', ...STATUSES, ...CARDS],
      b.leaders.map((l) => [
        l.leader,
        l.total,
        ...STATUSES.map((s) => l.byStatus[s]),
        ...CARDS.map((c) => l.byCard[c]),
      ]),
    ),
  );
  if (b.bottomThree) {
    out.push('', `七、年度排名后三位：${b.bottomThree.join('、')}`);
    out.push(
      b.bottomTwoYears === null || b.bottomTwoYears === undefined
        ? '  未提供上年度工作簿（--previous），无法判断连续两年排名后三位'
        : `  连续两年排名后三位：${b.bottomTwoYears.join('、') || '无'}`,
    );
  }
  return out.join('\n');
}

function board(entries: Bulletin['redList'], none: string): string[] {
  return entries.length
    ? entries.map((e) => `  第${e.rank}名 ${e.unit} ${e.score}分：${e.reason}`)
    : [`  ${none}`];
}

/** The bulletin as JSON-ready data: days as YYYY-MM-DD. */
export function bulletinJson(b: Bulletin): Record<string, unknown> {
  const december = b.decemberReports;
  return {
    ...b,
    asOf: isoOf(b.asOf),
    ...(december
      ? {
          decemberReports: {
            deadline: isoOf(december.deadline),
            countedTo: december.countedTo === null ? null : isoOf(december.countedTo),
          },
        }
      : {}),
  };
}
