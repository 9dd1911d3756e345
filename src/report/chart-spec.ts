import type { Bulletin } from '../domain/bulletin';
import { CARDS, STATUSES, type Card, type Status } from '../domain/glossary';

/**
 * One chart, whatever draws it: the SVG on pages and in the .docx, the PNG in mail. Colours come from the caller
 * (the workbook's palette), so the charts colour statuses exactly as the sheet does.
 */
export interface ChartSpec {
  kind: 'bar' | 'stacked-bar' | 'line';
  title: string;
  categories: string[];
  /** `dashed`: a line drawn dashed with square marks, told apart from a solid line of a similar colour. */
  series: Array<{ name: string; values: number[]; color: string; colors?: string[]; dashed?: boolean }>;
  /** Bars along the y axis (a ranking reads top to bottom). */
  horizontal?: boolean;
  /** Where the value axis starts (scores sit near 100: starting at 0 hides the differences). */
  valueMin?: number;
  width: number;
  height: number;
}

/** The colours a chart paints: the sheet's fills for statuses and cards (RGB hex without #). */
export interface ChartColours {
  status: Record<Status, string>;
  card: Record<Card, string>;
}

const PRAISE = '#70AD47';
const BLAME = '#C00000';
const PLAIN = '#5B9BD5';

/**
 * Scores by unit, best on top; 红榜 units green, 黑榜 units red.
 *
 * @example chartSvg(rankingChart(bulletin));
 */
export function rankingChart(b: Bulletin): ChartSpec {
  const units = [...b.units].reverse();
  const red = new Set(b.redList.map((e) => e.unit));
  const black = new Set(b.blackList.map((e) => e.unit));
  return {
    kind: 'bar',
    title: `${b.period.label}各牵头单位得分`,
    categories: units.map((u) => u.unit),
    series: [
      {
        name: '得分',
        values: units.map((u) => u.score),
        color: PLAIN,
        colors: units.map((u) => (black.has(u.unit) ? BLAME : red.has(u.unit) ? PRAISE : PLAIN)),
      },
    ],
    horizontal: true,
    valueMin: Math.max(0, Math.floor(Math.min(...units.map((u) => u.score)) / 10) * 10 - 10),
    width: 720,
    height: 120 + units.length * 26,
  };
}

/**
 * Each 分管领导's tasks stacked by status, in the sheet's status colours. The title names the 通报's period, like the
 * ranking's: on the board it stands under today's map, whose counts for the same leader differ.
 */
export function leaderChart(b: Bulletin, colours: ChartColours): ChartSpec {
  return {
    kind: 'stacked-bar',
    title: `${b.period.label}分管领导分管事项状态`,
    categories: b.leaders.map((l) => l.leader),
    series: STATUSES.map((s) => ({
      name: s,
      values: b.leaders.map((l) => l.byStatus[s]),
      color: `#${colours.status[s]}`,
    })),
    width: 720,
    height: 420,
  };
}

/**
 * Month by month: tasks 逾期 / 滞后 / 临期 and the cards shown at each month's end. The cards are dashed: 红牌 and 黄牌
 * share the hue of 逾期 and 滞后 in the sheet's palette, and solid lines of both read as one.
 */
export function trendChart(b: Pick<Bulletin, 'trend' | 'period'>, colours: ChartColours): ChartSpec {
  const months = b.trend.map((p) => `${p.month}月`);
  const watched: Status[] = ['逾期', '滞后', '临期', '未启动'];
  return {
    kind: 'line',
    title: `${b.period.year}年逐月预警走势`,
    categories: months,
    series: [
      ...watched.map((s) => ({
        name: s,
        values: b.trend.map((p) => p.byStatus[s]),
        color: `#${colours.status[s]}`,
      })),
      ...CARDS.map((c) => ({
        name: c,
        values: b.trend.map((p) => p.byCard[c]),
        color: `#${colours.card[c]}`,
        dashed: true,
      })),
    ],
    width: 720,
    height: 400,
  };
}
