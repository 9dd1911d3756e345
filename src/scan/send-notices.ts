import { isoOf, type Day } from '../calendar/day';
import { NOTICE_TYPES, type NoticeType } from '../domain/glossary';
import { renderDigest, renderNotice, type DigestItem, type NoticeDoc } from '../mail/notices';
import { toMailMessage } from '../mail/to-mail-message';
import type { Snapshot } from '../store/port';
import { auditRow, type AuditRow } from '../workbook/audit';
import { parseDedupeKey } from '../workbook/dedupe-key';
import type { RegisterRow } from '../workbook/read-ledgers';
import type { ScanProblem, WorkbookModel } from '../workbook/read-workbook';
import type { PlannedNotice } from './plan-notices';
import { parseAddresses, registerRow, requirementDates } from './register-row';
import type { ScanDeps } from './run-scan';

const REGISTER = '文书登记';
const SENT = '已发送';

export interface SendOutcome {
  created: number;
  sent: number;
  failed: number;
  problems: ScanProblem[];
  audit: AuditRow[];
}

/**
 * Register new notices in `文书登记` as 待发送 (one append), send them and every earlier notice still 待发送,
 * then mark the delivered ones 已发送 (one batch). A failed send stays 待发送 for the next scan — never recorded
 * as sent.
 */
export async function sendNotices(
  deps: ScanDeps,
  model: WorkbookModel,
  fresh: PlannedNotice[],
  snapshot: Snapshot,
  stamp: string,
): Promise<SendOutcome> {
  const out: SendOutcome = { created: fresh.length, sent: 0, failed: 0, problems: [], audit: [] };
  if (fresh.length)
    await deps.store.append(
      REGISTER,
      fresh.map((n) => registerRow(n, n.doc?.docNo ?? '', stamp)),
    );
  const retries = model.register.filter((r) => r.status === '待发送').flatMap((r) => retryOf(r, model) ?? []);
  const delivered: string[] = [];
  for (const notice of [...retries, ...fresh]) {
    if (notice.viaDigest) continue;
    const rendered = notice.doc
      ? renderNotice(notice.doc)
      : renderDigest({
          issuer: model.config.officeName,
          recipient: notice.to[0]?.name ?? '',
          date: model.today,
          items: notice.digest!.items,
        });
    const message = toMailMessage(rendered, {
      from: deps.from,
      to: notice.to,
      cc: notice.cc,
      date: deps.now,
      headers: { 'X-Duban-Dedupe-Key': notice.key },
    });
    const result = await deps.mailer.send(message);
    const docNo = notice.doc?.docNo ?? '';
    const what = `${notice.type}${docNo ? ` ${docNo}` : ''}`;
    if (result.ok) {
      out.sent++;
      delivered.push(notice.key, ...(notice.covers ?? []));
      out.audit.push(
        auditRow(
          stamp,
          '发文',
          notice.id,
          notice.type,
          '',
          docNo || notice.key,
          `已发送至 ${notice.to.map((a) => a.address).join('、')}`,
        ),
      );
    } else {
      out.failed++;
      out.audit.push(
        auditRow(
          stamp,
          '发文失败',
          notice.id,
          notice.type,
          '',
          docNo || notice.key,
          `发送失败，保留待发送，下次扫描重试：${result.error}`,
        ),
      );
      out.problems.push({
        tab: REGISTER,
        row: null,
        id: notice.id || null,
        cell: null,
        code: 'send-failed',
        message: `${what}发送失败，将在下次扫描时重试（${result.error}）`,
      });
    }
  }
  if (delivered.length) {
    const ledgerUpdates = delivered.map((key) => ({
      tab: REGISTER,
      keyColumn: '去重键',
      key,
      values: { 发送状态: SENT },
    }));
    await deps.store.apply({ cells: [], ids: [], appends: [], ledgerUpdates }, snapshot);
  }
  return out;
}

/** Rebuild a notice registered earlier but not yet delivered, from its register row. */
function retryOf(row: RegisterRow, model: WorkbookModel): PlannedNotice | null {
  const to = parseAddresses(textOf(row, '收件人'));
  if (!to.length) return null;
  const base = {
    key: row.key,
    id: row.id,
    unit: textOf(row, '发往单位'),
    to,
    cc: parseAddresses(textOf(row, '抄送')),
    reasons: textOf(row, '事由'),
    requirement: textOf(row, '时限要求'),
  };
  if (row.type === '临期提醒') return null; // delivered by the recipient's digest, retried with it
  if (row.type === '每日汇总') {
    const { items, covers } = digestItemsOn(model, row.day ?? model.today, to[0]!.address);
    return items.length ? { ...base, type: '每日汇总', digest: { recipient: to[0]!, items }, covers } : null;
  }
  const parsed = parseDedupeKey(row.key);
  const entry = model.entries.find((e) => e.task.id === row.id);
  if (!parsed || !entry || !(NOTICE_TYPES as readonly string[]).includes(row.type)) return null;
  const type = row.type as NoticeType;
  const [replyBy, rectifyBy] = requirementDates(base.requirement);
  const doc = {
    issuer: model.config.agencyName,
    office: model.config.officeName,
    ...(row.docNo ? { docNo: row.docNo } : {}),
    to: base.unit,
    item: { id: row.id, title: entry.task.title, source: entry.task.source },
    reasons: base.reasons.split('；').filter(Boolean),
    ...(replyBy !== undefined ? { replyBy } : {}),
    cc: base.cc.map((a) => a.name ?? a.address),
    issuedOn: row.day ?? model.today,
  };
  const full: NoticeDoc =
    type === '督办通知书'
      ? { ...doc, kind: type, rectifyBy: rectifyBy ?? replyBy ?? model.today }
      : type === '约谈建议'
        ? {
            ...doc,
            kind: type,
            unit: entry.task.leadUnit,
            ...(parsed.level === '黄牌' || parsed.level === '红牌' ? { card: parsed.level } : {}),
          }
        : { ...doc, kind: type };
  return { ...base, type, doc: full };
}

/** The routine items registered on `day` for one recipient: what their pending digest listed. */
function digestItemsOn(
  model: WorkbookModel,
  day: Day,
  address: string,
): { items: DigestItem[]; covers: string[] } {
  const items: DigestItem[] = [];
  const covers: string[] = [];
  for (const r of model.register) {
    if (r.type !== '临期提醒' || r.day !== day || !textOf(r, '收件人').includes(address)) continue;
    const entry = model.entries.find((e) => e.task.id === r.id);
    if (!entry) continue;
    items.push({
      id: r.id,
      title: entry.task.title,
      status: '临期',
      due: `${textOf(r, '事由')}（${isoOf(day)}）`,
    });
    covers.push(r.key);
  }
  return { items, covers };
}

function textOf(row: RegisterRow, key: string): string {
  const cell = row.cells[key];
  return typeof cell === 'string' ? cell.trim() : cell == null ? '' : String(cell);
}
