/**
 * The 审计日志 row of a 延期申请 decision (SPEC §5: "every automatic change, notice and approval is in 审计日志").
 * The approval page writes it as the leader decides; a decision typed into the 延期申请 tab is logged by the next
 * scan, once — the log's 延期审批 rows are read back (a marker action, audit.ts) and a decision already there is not
 * logged again.
 */
import { isoOf } from '../calendar/day';
import type { ExtensionEntry } from '../domain/types';
import type { TabData } from '../store/port';
import { cellText } from '../store/grid/cell-text';
import { auditRow, MARKER, type AuditRow } from './audit';
import type { TaskEntry } from './read-workbook';

/**
 * The 备注 of a decision: what a later scan reads back to know it is logged.
 * @example decisionNote('YQ-DB-2026-003-1', '同意', '同意延期') // '申请号 YQ-DB-2026-003-1；同意；意见：同意延期'
 */
export function decisionNote(requestNo: string, decision: string, opinion: string): string {
  return `申请号 ${requestNo}；${decision}；意见：${opinion}`;
}

/** A request's key in the log: its 申请号, or its two dates when staff typed the row without one. */
function requestKey(id: string, e: Pick<ExtensionEntry, 'requestNo' | 'original' | 'requested'>): string {
  const dates = `${e.original ? isoOf(e.original) : ''}→${e.requested ? isoOf(e.requested) : ''}`;
  return `${id}|${e.requestNo || dates}`;
}

const NOTE = /^申请号 (.*?)；(同意|不同意)；/;

/** The decisions already in the log (its 延期审批 rows), as `编号|申请号|决定`. */
function loggedDecisions(auditLog: TabData | undefined): Set<string> {
  const out = new Set<string>();
  for (const { cells } of auditLog?.rows ?? []) {
    if (cellText(cells['动作'] ?? null) !== MARKER.extensionDecided) continue;
    const m = NOTE.exec(cellText(cells['备注'] ?? null));
    if (m) out.add(`${cellText(cells['编号'] ?? null).trim()}|${m[1]}|${m[2]}`);
  }
  return out;
}

/**
 * One 延期审批 row for each decision in the 延期申请 tab not yet in the log: 完成时限 from the 原完成时限 to the
 * 申请完成时限 (同意) or kept (不同意), by the 审批人 typed (else 延期申请表), noted as typed into the tab.
 * @example typedDecisions(model.entries, snapshot.tabs['审计日志'], '2026-06-15 08:30:00')
 */
export function typedDecisions(entries: TaskEntry[], auditLog: TabData | undefined, stamp: string): AuditRow[] {
  const logged = loggedDecisions(auditLog);
  const out: AuditRow[] = [];
  const seen = new Set<string>();
  for (const { task, facts } of entries) {
    if (!task.id || seen.has(task.id)) continue;
    seen.add(task.id);
    for (const e of facts.extensions) {
      if (e.status === '待审批') continue;
      const key = requestKey(task.id, e);
      const no = key.slice(task.id.length + 1);
      if (logged.has(`${key}|${e.status}`)) continue;
      const from = e.original ? isoOf(e.original) : '';
      const to = e.status === '同意' && e.requested ? isoOf(e.requested) : from;
      const note = `${decisionNote(no, e.status, e.opinion || e.status)}；在“延期申请”表中录入，由扫描记录`;
      out.push(auditRow(stamp, MARKER.extensionDecided, task.id, '完成时限', from, to, note, e.approver || '延期申请表'));
    }
  }
  return out;
}
