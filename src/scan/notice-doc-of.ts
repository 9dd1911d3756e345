import type { Day } from '../calendar/day';
import type { NoticeType } from '../domain/notice-kinds';
import type { NoticeBase, NoticeDoc } from '../mail/notices/notice-doc';

/** What every notice prints, whatever its kind. */
export type NoticeDocBase = NoticeBase;

/**
 * A notice's document from its common parts and what only some kinds print: the 整改期限 of a 督办通知书, the unit
 * and card of a 约谈建议. One builder for new notices (plan-notices.ts) and rebuilt ones (retry-notice.ts).
 *
 * @example noticeDocOf('约谈建议', base, { level: '黄牌', unit: '县交通局', rectifyBy: today })
 */
export function noticeDocOf(
  type: NoticeType,
  base: NoticeDocBase,
  extra: { level: string; unit: string; rectifyBy: Day },
): NoticeDoc {
  if (type === '督办通知书') return { ...base, kind: type, rectifyBy: extra.rectifyBy };
  if (type === '约谈建议') {
    const card = extra.level === '黄牌' || extra.level === '红牌' ? extra.level : undefined;
    return { ...base, kind: type, unit: extra.unit, ...(card ? { card } : {}) };
  }
  return { ...base, kind: type };
}
