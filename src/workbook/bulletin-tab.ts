import { cnFullDate } from '../calendar/day';
import type { Bulletin } from '../domain/bulletin';
import type { RulesConfig } from '../domain/config';
import { CARDS, STATUSES } from '../domain/glossary';
import { lateTaskList, lateTasksTail } from '../domain/late-tasks';
import { deductionFigures, rankingFigures, type UnitScore } from '../domain/scoring';
import { yearEndNote } from '../domain/year-end-reports';
import { addressOf } from '../store/grid/a1';
import type { PlainWrite, TabWrite } from '../store/port';
import { CARD_FILL, STATUS_FILL } from './palette';
import {
  BOARD_HEADERS,
  BOTTOM_HEADERS,
  BULLETIN_WIDTHS,
  LATE_TASK_HEADERS,
  LEADER_LEAD_HEADERS,
  RED_CARD_HEADERS,
  SECTION_TITLES,
  THRESHOLD_HEADERS,
  UNIT_HEADERS,
  bulletinTabName,
} from './schema/bulletin';

/** Header rows of each table. */
const HEADER_FILL = 'DDEBF7';
/** 红榜 rows and scores above the base. */
const PRAISE_FILL = 'C6EFCE';
/** 黑榜 rows and scores below the base. */
const BLAME_FILL = 'FFC7CE';

/**
 * The `YYYY年M月通报` tab of a bulletin, as one whole-tab write for the scan's batch (`plan.tabs`): a title, how it
 * was scored, then the sections of schema/bulletin.ts, each with its header row. Pure: the same bulletin gives the
 * same tab.
 *
 * @example
 * const plan = { ...emptyPlan(), tabs: [bulletinTab(bulletin, model.config)] };
 * await store.apply(plan, snapshot); // the workbook now has a 2026年10月通报 tab
 */
export function bulletinTab(bulletin: Bulletin, config: RulesConfig): TabWrite {
  const sheet = new TabBuilder(bulletinTabName(bulletin.period.label));
  const base = config.scoreBase * bulletin.months.length;
  sheet.title(`${bulletin.period.label}重点工作督查通报`);
  sheet.note(
    `统计截至${cnFullDate(bulletin.asOf)}${yearEndNote(bulletin)}。${scoreRule(config)}${bulletin.months.length > 1 ? '；季度、年度各项为各月之和' : ''}。`,
  );
  sheet.blank();

  sheet.section(SECTION_TITLES.ranking, UNIT_HEADERS);
  for (const u of bulletin.units) {
    const r = sheet.row(unitRow(u));
    const scoreFill = u.score > base ? PRAISE_FILL : u.score < base ? BLAME_FILL : null;
    if (scoreFill) sheet.fill(r, UNIT_HEADERS.length, scoreFill);
    if (u.cards.红牌) sheet.fill(r, UNIT_HEADERS.indexOf('红牌') + 1, CARD_FILL.红牌);
  }

  sheet.section(SECTION_TITLES.redList, BOARD_HEADERS);
  for (const e of bulletin.redList)
    sheet.fillRow(sheet.row([e.rank, e.unit, e.score, e.reason]), 4, PRAISE_FILL);
  if (!bulletin.redList.length) sheet.row(['—', '本期无单位得分高于基础分且无预警']);

  sheet.section(SECTION_TITLES.blackList, BOARD_HEADERS);
  for (const e of bulletin.blackList)
    sheet.fillRow(sheet.row([e.rank, e.unit, e.score, e.reason]), 4, BLAME_FILL);
  if (!bulletin.blackList.length) sheet.row(['—', '本期无']);

  sheet.section(SECTION_TITLES.redCards, RED_CARD_HEADERS);
  for (const r of bulletin.redCards) sheet.row([r.unit, r.id, r.title, r.reason]);
  if (!bulletin.redCards.length) sheet.row(['本期无红牌事项']);

  sheet.section(SECTION_TITLES.lateTasks, LATE_TASK_HEADERS);
  for (const t of lateTaskList(bulletin.lateTasks).shown)
    sheet.fill(sheet.row([t.id, t.title, t.unit, t.how]), LATE_TASK_HEADERS.length, STATUS_FILL[t.status]);
  const tail = lateTasksTail(bulletin.lateTasks);
  if (tail) sheet.row(['……', tail]);
  if (!bulletin.lateTasks.length) sheet.row(['本期无逾期、滞后事项']);

  sheet.section(SECTION_TITLES.thresholds, THRESHOLD_HEADERS);
  for (const t of bulletin.thresholds) sheet.row([t.unit, t.times, t.action]);
  if (!bulletin.thresholds.length) sheet.row(['本期无单位年内逾期报送达到3次']);

  const leaderHeaders = [...LEADER_LEAD_HEADERS, ...STATUSES, ...CARDS];
  const headerRow = sheet.section(SECTION_TITLES.leaders, leaderHeaders);
  STATUSES.forEach((s, i) => {
    sheet.fill(headerRow, LEADER_LEAD_HEADERS.length + i + 1, STATUS_FILL[s]);
  });
  CARDS.forEach((c, i) => {
    sheet.fill(headerRow, LEADER_LEAD_HEADERS.length + STATUSES.length + i + 1, CARD_FILL[c]);
  });
  for (const l of bulletin.leaders) {
    sheet.row([l.leader, l.total, ...STATUSES.map((s) => l.byStatus[s]), ...CARDS.map((c) => l.byCard[c])]);
  }

  if (bulletin.bottomThree) {
    sheet.section(SECTION_TITLES.bottom, BOTTOM_HEADERS);
    for (const unit of bulletin.bottomThree) {
      const u = bulletin.units.find((x) => x.unit === unit)!;
      const twice = bulletin.bottomTwoYears?.includes(unit);
      const note = twice ? '连续两年排名后三位，建议组织调整' : '由主要领导约谈，在全会上作反思发言';
      sheet.fillRow(sheet.row([unit, u.rank, u.score, note]), 4, BLAME_FILL);
    }
    if (bulletin.bottomTwoYears === null) sheet.row(['注：未提供上年度排名，无法判断连续两年排名后三位']);
  }
  return sheet.done();
}

function unitRow(u: UnitScore): PlainWrite[] {
  return [
    ...rankingFigures(u),
    u.cards.红牌,
    u.cards.黄牌,
    u.cards.蓝牌,
    ...deductionFigures(u),
    u.overdueTimesYtd,
    u.score,
  ];
}

/**
 * `得分 = 100 + 2×按期办结 − 2×缺报 − 5×逾期 − 1×迟报 − 3×督办单 − 10×红牌（权重见规则配置）`.
 *
 * @example scoreRule(defaultConfig()); // '得分 = 100 + 2×按期办结 − …'
 */
export function scoreRule(c: RulesConfig): string {
  return (
    `得分 = ${c.scoreBase} + ${c.scoreClosedOnTime}×按期办结 − ${c.scoreMissedMonth}×缺报 − ${c.scoreOverdue}×逾期` +
    ` − ${c.scoreLateFeedback}×迟报 − ${c.scoreSupervision}×督办单 − ${c.scoreRedCard}×红牌（权重见规则配置）`
  );
}

/** Rows, fills and merges of a tab, built top to bottom. */
class TabBuilder {
  private readonly rows: PlainWrite[][] = [];
  private readonly fills: Record<string, string> = {};
  private readonly merges: string[] = [];
  private readonly bold: number[] = [];
  private readonly width = UNIT_HEADERS.length;

  constructor(private readonly name: string) {}

  row(values: readonly PlainWrite[]): number {
    this.rows.push([...values]);
    return this.rows.length;
  }

  blank(): void {
    this.rows.push([]);
  }

  title(text: string): void {
    const r = this.row([text]);
    this.merges.push(`A${r}:${addressOf(r, this.width)}`);
    this.bold.push(r);
  }

  note(text: string): void {
    const r = this.row([text]);
    this.merges.push(`A${r}:${addressOf(r, this.width)}`);
  }

  /** A section: a blank line after the one before, its title, its header row (returned). */
  section(title: string, headers: readonly string[]): number {
    if (this.rows.length > 3) this.blank();
    this.bold.push(this.row([title]));
    const r = this.row(headers);
    this.bold.push(r);
    this.fillRow(r, headers.length, HEADER_FILL);
    return r;
  }

  fill(row: number, column: number, rgb: string): void {
    this.fills[addressOf(row, column)] = rgb;
  }

  fillRow(row: number, columns: number, rgb: string): void {
    for (let c = 1; c <= columns; c++) this.fill(row, c, rgb);
  }

  done(): TabWrite {
    return {
      name: this.name,
      rows: this.rows,
      fills: this.fills,
      merges: this.merges,
      widths: BULLETIN_WIDTHS,
      boldRows: this.bold,
    };
  }
}
