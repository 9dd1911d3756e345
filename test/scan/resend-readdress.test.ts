/**
 * A notice refused for good because of a mistyped mailbox is resent, once the clerk corrects the address in 通讯录
 * and sets the 文书登记 row back to 待发送, to the corrected address — not the wrong one the row recorded. The row's
 * 收件人 then says whom it went to, the 审计日志 says what changed, and with one mail per recipient only the person
 * who had not got theirs gets it.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { Mailer, MailMessage } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { cellText } from '../../src/store/grid/cell-text';
import type { SheetStore } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoWorkbook, FROM } from './demo-workbook';
import {
  copyOf,
  DAY,
  keyOf,
  LINKS,
  MAILBOX_UNAVAILABLE,
  reaches,
  retype,
  twoRecipientContact,
} from './readdress-fixture';

async function registerRowOf(store: SheetStore, key: string): Promise<Record<string, string>> {
  const rows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows;
  const row = rows.find((r) => cellText(r.cells['去重键'] ?? null) === key)!;
  return Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, cellText(v ?? null)]));
}

async function auditRows(store: SheetStore, action: string): Promise<Array<Record<string, string>>> {
  const rows = (await store.read([...TAB_SPECS])).tabs['审计日志']!.rows;
  return rows
    .filter((r) => r.cells['动作'] === action)
    .map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, cellText(v ?? null)])));
}

/** The first scan of the workbook, `right` mistyped in 通讯录 and refused for good by the mail server (a 550). */
async function mistyped(right: string, links: boolean, oneWrite: boolean) {
  const wrong = right.replace('@', '@typo.');
  const store = createMemoryStore(demoWorkbook());
  retype(store, right, wrong);
  const journal = createMemoryJournal();
  const inner = createMemoryMailer();
  const server: Mailer = {
    async send(message) {
      if (reaches(message, wrong))
        return MAILBOX_UNAVAILABLE;
      return inner.send(message);
    },
  };
  const scan = () =>
    runScan({
      store,
      mailer: server,
      journal,
      from: FROM,
      now: DAY,
      ...(links ? LINKS : {}),
      ...(oneWrite ? { soleWriter: true } : {}),
    });
  const first = await scan();
  expect(first.notices.failed).toBeGreaterThan(0);
  /** The clerk corrects the mailbox in 通讯录 and sets the row of `key` back to 待发送, then the next scan runs. */
  const resend = async (key: string) => {
    retype(store, wrong, right);
    store.editTab('文书登记', (grid) => {
      const header = grid.cells[0]!;
      const row = grid.cells.find((r) => r[header.indexOf('去重键')] === key)!;
      row[header.indexOf('发送状态')] = '待发送';
    });
    const sentBefore = inner.sent.length;
    const rerun = await scan();
    return { rerun, resent: inner.sent.slice(sentBefore).filter((m) => keyOf(m) === key) };
  };
  return { store, inner, wrong, scan, resend };
}

/** The first row 发送失败 of `type` (or of any formal notice). */
async function failedKeyOf(store: SheetStore, type?: string): Promise<string> {
  const rows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows.map((r) => ({
    key: cellText(r.cells['去重键'] ?? null),
    type: cellText(r.cells['类型'] ?? null),
    status: cellText(r.cells['发送状态'] ?? null),
  }));
  const row = rows.find((r) => r.status === '发送失败' && (type ? r.type === type : r.type !== '每日汇总'));
  expect(row).toBeDefined();
  return row!.key;
}

/** The row of `key` before and after the resend: same 文号, 已发送, 收件人 `right` now, and its 审计日志 row. */
async function expectReaddressed(
  store: SheetStore,
  key: string,
  before: Record<string, string>,
  right: string,
) {
  const after = await registerRowOf(store, key);
  expect(after['发送状态']).toBe('已发送');
  expect(after['文号']).toBe(before['文号']);
  expect(after['收件人']).toContain(right);
  expect(after['收件人']).not.toBe(before['收件人']);
  const changed = (await auditRows(store, '更新收件人')).filter((r) => r['原值'] === before['收件人']);
  expect(changed).toHaveLength(1);
  expect(changed[0]!['字段']).toBe('收件人');
  expect(changed[0]!['新值']).toBe(after['收件人']);
  expect(changed[0]!['备注']).toContain(`收件人已按通讯录更新：${before['收件人']} → ${after['收件人']}`);
}

describe.each([
  { links: false, oneWrite: false },
  { links: false, oneWrite: true },
  { links: true, oneWrite: false },
  { links: true, oneWrite: true },
])('改回待发送 after correcting 通讯录 (links $links, one write $oneWrite)', ({ links, oneWrite }) => {
  it('resends to the corrected address, records it in 收件人 and the 审计日志, and no one gets their copy twice', async () => {
    const right = await twoRecipientContact(links);
    const { store, inner, wrong, scan, resend } = await mistyped(right, links, oneWrite);
    const key = await failedKeyOf(store);
    const before = await registerRowOf(store, key);
    expect(before['收件人']).toContain(wrong);
    const gotItFirst = inner.sent.filter((m) => keyOf(m) === key).length;

    const { rerun, resent } = await resend(key);
    expect(rerun.notices.failed).toBe(0);
    expect(resent.length).toBeGreaterThan(0);
    expect(resent.every((m) => reaches(m, right) && !reaches(m, wrong))).toBe(true);
    if (links) {
      // The colleague had their own copy from the first scan: only the corrected person's goes out now.
      expect(gotItFirst).toBeGreaterThan(0);
      expect(resent.map(copyOf)).toEqual([right]);
    }
    await expectReaddressed(store, key, before, right);
    expect(before['文号']).not.toBe('');
    // The 发文 row names the address it went to.
    expect((await auditRows(store, '发文')).some((r) => r['备注']!.includes(right))).toBe(true);
    // A third scan sends nothing more of it.
    const settled = inner.sent.length;
    await scan();
    expect(inner.sent.slice(settled).filter((m) => keyOf(m) === key)).toEqual([]);
  });

  it('a daily digest refused at a mistyped mailbox goes to the person’s corrected address with its items, a busy server notwithstanding', async () => {
    const mailer = createMemoryMailer();
    await runScan({ store: createMemoryStore(demoWorkbook()), mailer, from: FROM, now: DAY });
    const digest = mailer.sent.find((m) => m.headers?.['X-Duban-Kind'] === 'digest')!;
    const right = digest.to[0]!.address;
    const { store, inner, wrong, scan, resend } = await mistyped(right, links, oneWrite);
    const key = await failedKeyOf(store, '每日汇总');
    const before = await registerRowOf(store, key);
    expect(before['收件人']).toContain(wrong);

    // The server is busy at the resend (421): the row stays 待发送 as it was, and the scan after sends it.
    inner.failNext(1, '[mail:smtp] 421 4.7.0 Try again later');
    const busy = await resend(key);
    expect(busy.rerun.notices.unsent).toBe(1);
    expect(busy.resent).toEqual([]);
    expect(await registerRowOf(store, key)).toMatchObject({ 发送状态: '待发送', 收件人: before['收件人'] });
    const sentBefore = inner.sent.length;
    await scan();
    const resent = inner.sent.slice(sentBefore).filter((m) => keyOf(m) === key);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.to.map((a) => a.address)).toEqual([right]);
    expect(resent[0]!.subject).toBe(digest.subject);
    const ids = (m: MailMessage) => [...new Set(m.text.match(/[A-Z]{2}-\d{4}-\d{3}/g))].sort();
    expect(ids(resent[0]!).length).toBeGreaterThan(0);
    expect(ids(resent[0]!)).toEqual(ids(digest));
    await expectReaddressed(store, key, before, right);
  });
});
