/**
 * 红牌标记 (a manual 红牌 for false progress reports, SPEC §4.2): the template's drop-down offers 是 / 否, but staff
 * type what they are used to. The usual yes-forms count; anything else unclear is reported, never guessed.
 */
import { dayOf, type Day } from '../calendar/day';
import { normalizeCellText } from '../calendar/normalize-text';
import { RED_FLAG_REASON } from '../domain/cards';
import type { RowProblem } from '../domain/types';
import { cellText } from '../store/grid/cell-text';
import type { TabData } from '../store/port';

const YES = new Set(['是', 'y', 'yes', '√', '✔', '✓', '☑', '1', '红牌', 'true', '有', '对']);
const NO = new Set(['', '否', 'n', 'no', '×', '✗', '✘', '0', 'false', '无', '不是']);

/**
 * @example
 * redFlagOf('√', '挂图作战表第5行「红牌标记」'); // { flag: true, problem: null }
 * redFlagOf('待定', '…').problem?.code;            // 'bad-red-flag'
 */
export function redFlagOf(text: string, where: string): { flag: boolean; problem: RowProblem | null } {
  const t = normalizeCellText(text).toLowerCase();
  if (YES.has(t)) return { flag: true, problem: null };
  if (NO.has(t)) return { flag: false, problem: null };
  return {
    flag: false,
    problem: {
      cell: '红牌标记',
      code: 'bad-red-flag',
      message: `${where}"${text.slice(0, 20)}"无法识别，按未标记处理；亮红牌请填"是"（或 √、Y、1），否则留空或填"否"`,
      blocking: false,
    },
  };
}

/** The 审计日志 rows that date a manual 红牌: the scan showing 红牌 for the reason a 红牌标记 gives. */
export function isRedFlagShown(text: (header: string) => string): boolean {
  return text('动作') === '预警变更' && text('新值') === '红牌' && text('备注').includes(RED_FLAG_REASON);
}

/**
 * Per 编号, the day the scan last turned a task 红牌 for its 红牌标记 (the 审计日志 keeps the rows): the start of the
 * flag standing now, from which a past month's 通报 and the 逐月预警走势 count it (domain/facts-as-of.ts taskAsOf).
 *
 * @example redFlagDays(snapshot.tabs['审计日志']).get('ZD-2026-045'); // toDay('2026-08-20')
 */
export function redFlagDays(audit: TabData | undefined): Map<string, Day> {
  const out = new Map<string, Day>();
  for (const { cells } of audit?.rows ?? []) {
    const text = (header: string) => cellText(cells[header] ?? null).trim();
    if (!isRedFlagShown(text)) continue;
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text('时间'));
    const day = m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    const id = text('编号');
    if (day !== null && day > (out.get(id) ?? Number.NEGATIVE_INFINITY)) out.set(id, day);
  }
  return out;
}
