/**
 * The desk's 重发 (issue 14 item 8): a 文书登记 row 发送失败 (refused by the mail server, or a failed 重发) is set back to
 * 待发送 — a system column, with its 审计日志 row in the same batch — and the next scan rebuilds and resends it through
 * the scan's own retry (src/scan/send-notices.ts), the same path as when staff retype the status. The desk's 立即扫描
 * sends it at once. Nothing staff typed is written.
 */
import { html } from 'hono/html';
import { retryOnStale } from '../../scan/stale-retry';
import { RESEND } from '../../scan/retry-claims';
import { cellText } from '../../store/grid/cell-text';
import type { SheetStore } from '../../store/port';
import { AUDIT_TAB, auditRow } from '../../workbook/audit';
import type { RegisterRow } from '../../workbook/read-ledgers';
import { REJECTED } from '../../workbook/schema/lists';
import { dataTable } from './layout';
import { readState, type WorkbookState } from './workbook-state';

export const REGISTER_TAB = '文书登记';
export const RESEND_ACTION = '改回待发送';

/** Failed notices the desk can send again: 发送失败 with a 文号 (not the scan's own 重发 claim rows). */
export function failedNotices(state: WorkbookState): RegisterRow[] {
  return state.model.register.filter((r) => r.status === REJECTED && r.type !== RESEND && r.docNo);
}

export function failedHtml(rows: RegisterRow[], csrf: string) {
  return html`<h2>发送失败的通知（${rows.length}份）</h2>
    <p class="note">
      改回“待发送”后，下次扫描（或上方“执行扫描”）按当前通讯录重新生成并发送；每人一封的通知只发给还没收到的人。
    </p>
    ${dataTable(
      ['文号', '类型', '事项', '发往单位', '操作'],
      rows.map((r) => [
        r.docNo,
        r.type,
        r.id,
        cellText(r.cells['发往单位'] ?? null),
        html`<form method="post" action="/desk/resend">
          <input type="hidden" name="csrf" value="${csrf}" />
          <input type="hidden" name="docNo" value="${r.docNo}" />
          <button type="submit">改回待发送</button>
        </form>`,
      ]),
    )}`;
}

/** Set one failed notice (by 文号) back to 待发送 with its audit row; the row, or null when no such failed notice. */
export async function resendFailed(
  store: SheetStore,
  now: Date,
  docNo: string,
  actor: string,
): Promise<RegisterRow | null> {
  return retryOnStale(async function resendOnce() {
    const state = await readState(store, now);
    const same = state.model.register.filter((r) => r.docNo === docNo);
    const row = failedNotices(state).find((r) => r.docNo === docNo);
    if (!row || same.length !== 1) return null;
    const note = `文号 ${docNo}（${row.type}）；督查室在工作台改回待发送，下次扫描重发`;
    await store.apply(
      {
        cells: [],
        ids: [],
        appends: [],
        ledgerUpdates: [{ tab: REGISTER_TAB, keyColumn: '文号', key: docNo, values: { 发送状态: '待发送' } }],
        rows: [
          {
            tab: AUDIT_TAB,
            rows: [auditRow(state.stamp, RESEND_ACTION, row.id, '发送状态', REJECTED, '待发送', note, actor)],
          },
        ],
      },
      state.snapshot,
    );
    return row;
  });
}
