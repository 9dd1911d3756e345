import { cnFullDate, partsOf } from '../calendar/day';
import type { Bulletin } from '../domain/bulletin';
import type { ScoreWeights } from '../domain/scoring';
import { CARDS, STATUSES } from '../domain/glossary';
import { decemberReportsNote } from '../domain/year-end-reports';

/** `已办结3项、正常推进60项…` — only the statuses that occur. */
export function statusSummary(counts: Record<string, number>, order: readonly string[] = STATUSES): string {
  return order
    .filter((s) => counts[s])
    .map((s) => `${s}${counts[s]}项`)
    .join('、');
}

/**
 * The opening paragraph of the 正文: what is counted, as of when, and the totals.
 *
 * @example opening(bulletin); // '截至2026年10月31日，全县纳入督查的重点工作和交办事项共86项，其中…'
 */
export function opening(b: Bulletin): string {
  const last = b.trend.at(-1)!;
  const total = STATUSES.reduce((n, s) => n + last.byStatus[s], 0);
  const cards = CARDS.filter((c) => last.byCard[c]).map((c) => `${c}${last.byCard[c]}张`);
  return (
    `截至${cnFullDate(b.asOf)}，全县纳入督查的重点工作和交办事项共${total}项，其中${statusSummary(last.byStatus)}` +
    `${cards.length ? `；亮${cards.join('、')}` : ''}。` +
    (b.decemberReports ? `${decemberReportsNote(b.decemberReports)}。` : '')
  );
}

/** The 标题: `关于2026年10月全县重点工作督查情况的通报`. */
export function bulletinTitle(b: Bulletin): string {
  return bulletinTitleLines(b).join('');
}

/**
 * The 标题 as printed, in two lines broken between words: at 二号 the whole title just overruns the 版心 and would
 * leave `通报` alone on a second line, which GB/T 9704 §7.3.1 (词意完整，排列对称) rules out.
 *
 * @example bulletinTitleLines(bulletin); // ['关于2026年10月全县重点工作', '督查情况的通报']
 */
export function bulletinTitleLines(b: Bulletin): [string, string] {
  return [`关于${b.period.label}全县重点工作`, '督查情况的通报'];
}

/** A period's year as 〔2026〕 for the 文号. */
export function yearBracket(b: Bulletin): string {
  return `〔${partsOf(b.asOf).year}〕`;
}

/**
 * How units are scored, as the 通报 states it; a weight of 0 is left out.
 *
 * @example scoringMethod(b.scoring); // '以100分为基础，每项按期办结加2分，每个缺报月份扣2分、…、每张红牌扣10分'
 */
export function scoringMethod(w: ScoreWeights): string {
  const minus = (
    [
      ['每个缺报月份', w.scoreMissedMonth],
      ['每项逾期事项', w.scoreOverdue],
      ['每次迟报', w.scoreLateFeedback],
      ['每份督办单', w.scoreSupervision],
      ['每张红牌', w.scoreRedCard],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what}扣${n}分`);
  const plus = w.scoreClosedOnTime > 0 ? [`每项按期办结加${w.scoreClosedOnTime}分`] : [];
  return [`以${w.scoreBase}分为基础`, ...plus, ...(minus.length ? [minus.join('、')] : [])].join('，');
}
