import { stampCell } from '../store/grid/date-cell';
import type { CellWrite } from '../store/port';
import { isRedFlagShown } from './red-flag';

/** One `审计日志` row (SPEC §2.4): appended, never edited. */
export type AuditRow = Record<
  '时间' | '操作者' | '动作' | '编号' | '字段' | '原值' | '新值' | '备注',
  CellWrite
>;

export const SYSTEM_ACTOR = '系统';
export const AUDIT_TAB = '审计日志';

/**
 * The 动作 later runs look up in the log to do a thing once: a 通报 generated, a 通报 mailed, a 周报 sent, a 延期
 * decision logged. The scan, the board and the link pages read only these rows of the 审计日志 (`keepMarkerRows`),
 * so a log of hundreds of thousands of rows is not held in memory by every run.
 */
export const MARKER = {
  bulletinGenerated: '生成通报',
  bulletinMailed: '发送通报',
  briefSent: '发送周报',
  /** A 延期申请 decided: by the approval page, or typed into the tab and logged by the next scan. */
  extensionDecided: '延期审批',
} as const;
const MARKERS: ReadonlySet<string> = new Set(Object.values(MARKER));

/**
 * `TabSpec.keepRow` of the 审计日志 for every read but the weekly brief's: its marker rows, and the few 预警变更 rows
 * that date a manual 红牌标记 (red-flag.ts), which the 通报's past months need.
 */
export const keepMarkerRows = (text: (header: string) => string): boolean =>
  MARKERS.has(text('动作')) || isRedFlagShown(text);

/** An audit row written by the scan; `stamp` is the scan's Asia/Shanghai `YYYY-MM-DD HH:mm:ss`, written as a date-time. */
export function auditRow(
  stamp: string,
  action: string,
  id: string,
  field: string,
  before: string,
  after: string,
  note: string,
  actor = SYSTEM_ACTOR,
): AuditRow {
  return {
    时间: stampCell(stamp),
    操作者: actor,
    动作: action,
    编号: id,
    字段: field,
    原值: before,
    新值: after,
    备注: note,
  };
}
