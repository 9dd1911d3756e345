/**
 * The 督查室's desk (issue 14 item 8): one page, behind the admin token, listing what waits on whom —
 * 延期申请 and 调出 / 调整 waiting for a leader, completion cards waiting in the chain, notices sent with a 签收 link
 * and not yet signed for — the last scan's 工作簿问题 (desk-problems.ts), the notices 发送失败 with a 改回待发送 button
 * (POST /desk/resend, desk-resend.ts), 立即扫描 with a dry-run preview then the real scan (POST /desk/scan,
 * desk-scan.ts), and 审计日志 filtered by 动作, 编号, 操作者 and dates (`?action=&id=&actor=&from=&to=`).
 * Every POST needs the admin token, a same-origin request and the desk's CSRF field.
 * Opened by `/desk?t=<admin token>` or the 督查室 role's signed link `/desk?t=<desk token>` (desk-link.ts) — kept in
 * an HttpOnly cookie, then redirected without it — or the admin token in `Authorization: Bearer` / `X-Duban-Token`.
 * A unit's or a leader's link never opens it.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { isoOf } from '../../calendar/day';
import { cellText } from '../../store/grid/cell-text';
import type { SheetRow } from '../../store/port';
import { ackByOf, carriesAckLink } from '../../scan/ack-reminders';
import { AUDIT_TAB } from '../../workbook/audit';
import { STORED } from '../../workbook/schema/lists';
import { runSpecsKeeping } from '../../workbook/schema/tabs';
import { ADJUST_TAB, askedOf, requestOfReason, waitingFor } from './adjustment-ledger';
import { EXTENSION_TAB, textOf } from './extension-ledger';
import { dataTable, page } from './layout';
import type { LinkDeps } from './link-deps';
import { DESK_COOKIE, type DeskEnv, deskAuth } from './desk-auth';
import { DESK_REFUSED } from './desk-refusal';
import { heldHtml } from './desk-held';
import { problemsHtml, type SheetLocation } from './desk-problems';
import { failedHtml, failedNotices, resendFailed } from './desk-resend';
import { scanForms, scanResultHtml } from './desk-scan';
import { linkBodyLimit, linkSecurityHeaders, noStore } from './security';
import { scanFailureText } from '../scan-failure';
import type { ScanService } from '../scan-service';
import { readState, verdictOf, type WorkbookState } from './workbook-state';

const AUDIT_ROWS = 100;
/** The 审计日志 columns the desk lists. */
const AUDIT_COLUMNS = ['时间', '操作者', '动作', '编号', '备注'];
/** 审计日志 actions written by the link pages (签发 by link included). */
const LINK_ACTION = /^链接|申请$|审批$|签批$|^文书(同意|签发)$/;

/** The scans the desk starts (立即扫描); absent = no scan forms. */
export interface DeskScans {
  service: ScanService;
  clock: () => Date;
  /**
   * The Google spreadsheet, for links from 工作簿问题 to their cells; absent = asked of the store (the google driver
   * knows its tabs' gids), else the tab/cell reference as text.
   */
  sheet?: SheetLocation;
}

/** @example app.route('/desk', deskRoutes(links, env.DUBAN_ADMIN_TOKEN, { service, clock })); */
export function deskRoutes(deps: LinkDeps, adminToken: string, scans?: DeskScans): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  const auth = deskAuth(deps, adminToken);
  /** The store's spreadsheet and tab gids, asked once per instance (a failure is asked again next time). */
  let location: Promise<SheetLocation | undefined> | undefined;
  const sheetLocation = () =>
    (location ??= (deps.store.location?.() ?? Promise.resolve(undefined)).catch((error: unknown) => {
      console.warn(`[web:desk] spreadsheet location unknown: ${String(error)}`);
      location = undefined;
      return undefined;
    }));
  app.use('*', linkSecurityHeaders, noStore);
  app.get('/', async function desk(c: Context) {
    const refused = () => c.html(page('督查室工作台', html`<p class="error">${DESK_REFUSED}</p>`), 401);
    const fromLink = c.req.query('t');
    if (fromLink !== undefined) {
      if (!(await auth.holderOf(fromLink))) return refused();
      setCookie(c, DESK_COOKIE, fromLink, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/desk',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: 60 * 60 * 12,
      });
      const url = new URL(c.req.url);
      url.searchParams.delete('t');
      return c.redirect(`${url.pathname}${url.search}`, 302);
    }
    if (!(await auth.authorized(c))) return refused();
    const filter = auditFilterOf((k) => c.req.query(k));
    const state = await readState(deps.store, deps.clock(), runSpecsKeeping(auditKeep(filter)));
    const csrf = await auth.csrf();
    const found = scans ? ((await scans.service.lastSummary())?.problems ?? null) : null;
    const failure = (await scans?.service.lastFailure?.()) ?? null;
    const problems = scans
      ? problemsHtml(
          found,
          (tab) => state.snapshot.tabs[tab]?.headers,
          scans.sheet ?? (found?.length ? await sheetLocation() : undefined),
        )
      : '';
    const held = heldHtml((await deps.held?.list()) ?? []);
    return c.html(
      page(
        '督查室工作台',
        html`${failure ? html`<p class="error">${scanFailureText(failure)}</p>` : ''}${held}${scans ? scanForms(csrf) : ''}${problems}${failedHtml(failedNotices(state), csrf)}${deskHtml(state, filter)}`,
      ),
    );
  });
  app.post('/resend', linkBodyLimit, ...auth.form(resendForm), async function deskResend(c) {
    const { docNo } = c.req.valid('form');
    const row = await resendFailed(deps.store, deps.clock(), docNo, c.get('holder').actor);
    if (!row)
      return c.html(
        page(
          '督查室工作台',
          html`<p class="error">没有文号为“${docNo}”的发送失败通知（可能已改回或已重发）。</p>`,
        ),
        409,
      );
    return c.html(
      page(
        '督查室工作台',
        html`<p class="ok">
            ${docNo}（${row.type}，${row.id}）已改回待发送，下次扫描重发；也可在工作台点“执行扫描”立即发送。
          </p>
          <p><a href="/desk">返回工作台</a></p>`,
      ),
    );
  });
  app.post('/scan', linkBodyLimit, ...auth.form(scanForm), async function deskScan(c) {
    const { mode } = c.req.valid('form');
    const preview = scans?.service.preview?.bind(scans.service);
    if (!scans || (mode !== 'run' && !preview)) return c.notFound();
    const now = scans.clock();
    const summary = mode === 'run' ? await scans.service.scan(now) : await preview!(now);
    return c.html(page('督查室工作台', scanResultHtml(summary, await auth.csrf())));
  });
  return app;
}

const resendForm = z.object({
  docNo: z
    .string({ error: '请填写要改回待发送的文号' })
    .trim()
    .min(1, '请填写要改回待发送的文号')
    .max(100, '文号不超过100个字'),
});
const scanForm = z.object({
  mode: z
    .enum(['preview', 'run'], { error: '扫描方式只能是预览（preview）或执行（run）' })
    .default('preview'),
});

const rowsOf = (state: WorkbookState, tab: string): SheetRow[] => state.snapshot.tabs[tab]?.rows ?? [];

/** The 审计日志 filters of the desk's address: 动作 (part of it), 编号, 操作者 (part of it), a date range on 时间. */
export type AuditFilter = { action: string; id: string; actor: string; from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFilterOf(query: (key: string) => string | undefined): AuditFilter {
  const q = (k: string) => query(k)?.trim().slice(0, 100) ?? '';
  const day = (k: string) => (DAY.test(q(k)) ? q(k) : '');
  return { action: q('action'), id: q('id'), actor: q('actor'), from: day('from'), to: day('to') };
}

/**
 * Whether a 审计日志 row (its cells' text by header) passes the filter; with no 动作 filter, the link pages' actions
 * only (the scan writes many more). Also the desk's `TabSpec.keepRow`: other rows are not read.
 */
export function auditKeep(f: AuditFilter): (text: (header: string) => string) => boolean {
  return (text) => {
    const action = text('动作');
    const day = text('时间').slice(0, 10);
    return (
      (f.action ? action.includes(f.action) : LINK_ACTION.test(action)) &&
      (!f.id || text('编号') === f.id) &&
      (!f.actor || text('操作者').includes(f.actor)) &&
      (!f.from || day >= f.from) &&
      (!f.to || day <= f.to)
    );
  };
}

/** Rows of 审计日志 passing the filter. */
export function auditRowsOf(rows: SheetRow[], f: AuditFilter): SheetRow[] {
  const keep = auditKeep(f);
  return rows.filter((r) => keep((header) => textOf(r, header)));
}

function deskHtml(state: WorkbookState, filter: AuditFilter) {
  const id = filter.id;
  const { model } = state;
  const today = isoOf(model.today);
  const extensions = rowsOf(state, EXTENSION_TAB).filter((r) => textOf(r, '状态') === '待审批');
  const adjustments = rowsOf(state, ADJUST_TAB).flatMap((r) => {
    const waiting = waitingFor(r, askedOf(r), model.config.adjustMonth);
    return waiting ? [{ row: r, waiting }] : [];
  });
  const cards = model.entries.flatMap((e) => {
    const card = e.facts.completion;
    if (!card?.pendingSigner || card.approved || card.refused) return [];
    return [{ entry: e, signer: card.pendingSigner, node: verdictOf(state, e).currentNode }];
  });
  const signed = new Set(
    model.entries.flatMap((e) => (e.facts.acknowledgements ?? []).map((a) => `${e.task.id}|${a.ref}`)),
  );
  const unsigned = model.register.filter((r) => {
    const by = ackByOf(cellText(r.cells['时限要求'] ?? null));
    return (
      by !== null &&
      carriesAckLink(r.type) &&
      (r.status === '已发送' || r.status === STORED) &&
      !signed.has(`${r.id}|${r.docNo}`)
    );
  });
  const audit = auditRowsOf(rowsOf(state, AUDIT_TAB), filter).slice(-AUDIT_ROWS).reverse();
  return html`<p class="note">
      ${today}：待审批${extensions.length + adjustments.length}件，办结审批卡${cards.length}张，未签收通知${unsigned.length}份。
    </p>
    <h2>待审批申请</h2>
    ${dataTable(
      ['申请号', '事项', '类型', '等待', '申请'],
      [
        ...extensions.map((r) => [
          textOf(r, '申请号'),
          textOf(r, '编号'),
          `延期申请（至${textOf(r, '申请完成时限')}）`,
          textOf(r, '审批人'),
          `${textOf(r, '申请人')} ${textOf(r, '申请时间')}`,
        ]),
        ...adjustments.map(({ row, waiting }) => [
          requestOfReason(textOf(row, '理由'))?.no ?? '',
          textOf(row, '编号'),
          textOf(row, '类型'),
          waiting,
          `${textOf(row, '申请单位')} ${textOf(row, '日期')}`,
        ]),
      ],
    )}
    <h2>办结审批卡</h2>
    ${dataTable(
      ['事项', '单位', '等待', '当前节点'],
      cards.map((c) => [c.entry.task.id, c.entry.task.leadUnit, c.signer, c.node]),
    )}
    <h2>未签收通知</h2>
    ${dataTable(
      ['文号', '事项', '单位', '签收期限'],
      unsigned.map((r) => {
        const by = ackByOf(cellText(r.cells['时限要求'] ?? null))!;
        return [
          r.docNo,
          r.id,
          cellText(r.cells['发往单位'] ?? null),
          `${by}${by <= today ? '（已逾期）' : ''}`,
        ];
      }),
    )}
    <h2>审计日志${id ? `（${id}）` : ''}</h2>
    <form method="get" action="/desk">
      <label for="action">动作</label><input id="action" name="action" value="${filter.action}" />
      <label for="id">编号</label><input id="id" name="id" value="${id}" /> <label for="actor">操作者</label
      ><input id="actor" name="actor" value="${filter.actor}" /> <label for="from">起始日期</label
      ><input id="from" name="from" type="date" value="${filter.from}" /> <label for="to">截止日期</label
      ><input id="to" name="to" type="date" value="${filter.to}" />
      <button type="submit">筛选</button>
    </form>
    <p class="note">未填动作时只列链接页面的操作；最多列出最近${AUDIT_ROWS}条。</p>
    ${dataTable(
      AUDIT_COLUMNS,
      audit.map((r) => AUDIT_COLUMNS.map((k) => textOf(r, k))),
    )}`;
}
