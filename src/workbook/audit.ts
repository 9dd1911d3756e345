import type { CellWrite } from '../store/port';

/** One `审计日志` row (SPEC §2.4): appended, never edited. */
export type AuditRow = Record<
  '时间' | '操作者' | '动作' | '编号' | '字段' | '原值' | '新值' | '备注',
  CellWrite
>;

export const SYSTEM_ACTOR = '系统';
export const AUDIT_TAB = '审计日志';

/** An audit row written by the scan; `stamp` is the scan's Asia/Shanghai `YYYY-MM-DD HH:mm:ss`. */
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
    时间: stamp,
    操作者: actor,
    动作: action,
    编号: id,
    字段: field,
    原值: before,
    新值: after,
    备注: note,
  };
}
