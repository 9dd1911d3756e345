/**
 * 红牌标记 (a manual 红牌 for false progress reports, SPEC §4.2): the template's drop-down offers 是 / 否, but staff
 * type what they are used to. The usual yes-forms count; anything else unclear is reported, never guessed.
 */
import type { RowProblem } from '../domain/types';
import { normalizeCellText } from '../calendar/normalize-text';

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
