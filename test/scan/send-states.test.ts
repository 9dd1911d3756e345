/**
 * Issue 13: what 文书登记 says after each kind of send — delivered, kept in the outbox folder (no mail server),
 * refused for good by the server (5xx) or refused for now (4xx, network) — and who the notices come from.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { MailMessage, Mailer } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { restoreRegister } from '../../src/scan/restore-register';
import type { JournalState } from '../../src/store/journal/port';
import type { SheetStore, Snapshot } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';
import { dyingAtSettle } from './dying-store';

const DAY = at830('2026-06-15');
const NEXT_DAY = at830('2026-06-16');

async function registerStates(store: SheetStore): Promise<string[]> {
  const snapshot = await store.read([...TAB_SPECS]);
  return snapshot.tabs['文书登记']!.rows.map((r) => String(r.cells['发送状态']));
}

async function auditNotes(store: SheetStore, action: string): Promise<string[]> {
  const snapshot = await store.read([...TAB_SPECS]);
  return snapshot.tabs['审计日志']!.rows.filter((r) => r.cells['动作'] === action).map((r) =>
    String(r.cells['备注']),
  );
}

/** A mailer that writes files: every send is `stored`, as the outbox driver answers. */
function storingMailer(): Mailer & { count: number; keys: string[] } {
  const m = {
    count: 0,
    keys: [] as string[],
    async send(message: MailMessage) {
      m.count++;
      m.keys.push(message.headers?.['X-Duban-Dedupe-Key'] ?? '');
      return {
        ok: true as const,
        messageId: `<m${m.count}@x>`,
        location: `outbox/${m.count}.eml`,
        stored: true,
      };
    },
  };
  return m;
}

describe('文书登记 after each kind of send', () => {
  it('a scan killed after writing to the outbox: the rerun marks them 已存入发件箱 (not 已发送) and writes none again', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const mailer = storingMailer();
    const before = (await registerStates(store)).length;
    await expect(
      runScan({ store: dyingAtSettle(store), mailer, journal, from: FROM, now: DAY }),
    ).rejects.toThrow('killed');
    const written = mailer.count;
    expect(written).toBeGreaterThan(5);
    await runScan({ store, mailer, journal, from: FROM, now: DAY });
    expect(mailer.count).toBe(written);
    const states = (await registerStates(store)).slice(before);
    expect(states).toContain('已存入发件箱');
    expect(states).not.toContain('已发送');
    expect(states).not.toContain('待发送');
  });

  it('a notice written to the outbox folder is 已存入发件箱, never 已发送, and is not written again', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = storingMailer();
    const before = await registerStates(store);
    const summary = await runScan({ store, mailer, from: FROM, now: DAY });
    const after = (await registerStates(store)).slice(before.length);
    expect(summary.notices.created).toBeGreaterThan(0);
    expect(after).toContain('已存入发件箱');
    expect(after).not.toContain('已发送');
    expect((await auditNotes(store, '发文'))[0]).toMatch(/^未配置邮件服务器，已存入发件箱/);
    await runScan({ store, mailer, from: FROM, now: NEXT_DAY });
    // Only the new day's notices: none of yesterday's is written twice, none is left 待发送.
    expect(new Set(mailer.keys).size).toBe(mailer.keys.length);
    expect((await registerStates(store)).slice(before.length)).not.toContain('待发送');
  });

  it('a 5xx refusal is 发送失败 with the answer, reported and audited, and not retried by the next scan', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    mailer.failNext(
      Number.MAX_SAFE_INTEGER,
      '[mail:smtp] (server said 550: 5.1.1 mailbox unavailable)',
      true,
    );
    const before = (await registerStates(store)).length;
    const summary = await runScan({ store, mailer, from: FROM, now: DAY });
    const states = (await registerStates(store)).slice(before);
    expect(states).toContain('发送失败');
    expect(states).not.toContain('待发送');
    expect(summary.notices.failed).toBeGreaterThan(0);
    expect(summary.notices.unsent).toBe(0);
    const problem = summary.problems.find((p) => p.code === 'send-rejected')!;
    expect(problem.message).toContain('550: 5.1.1 mailbox unavailable');
    expect(problem.message).toContain('把文书登记中该行的发送状态改回“待发送”');
    expect((await auditNotes(store, '发文失败'))[0]).toMatch(/^邮件服务器拒收（永久性错误）.*550/);

    mailer.failNext(0);
    const rerun = await runScan({ store, mailer, from: FROM, now: NEXT_DAY });
    expect(rerun.notices.failed).toBe(0);
    const refusedKeys = new Set(mailer.sent.map((m) => m.headers?.['X-Duban-Dedupe-Key']));
    const failedRows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows.filter(
      (r) => r.cells['发送状态'] === '发送失败',
    );
    expect(failedRows.length).toBeGreaterThan(0);
    for (const r of failedRows) expect(refusedKeys.has(String(r.cells['去重键']))).toBe(false);
  });

  it('a refused login is explained once, in Chinese, not once per notice in English', async () => {
    const store = createMemoryStore(demoWorkbook());
    const detail = '[mail:smtp] authentication failed at mail.example.gov.cn:465: 535 Authentication failed';
    const refusing = { send: async () => ({ ok: false as const, error: detail, kind: 'auth' as const }) };
    const summary = await runScan({ store, mailer: refusing, from: FROM, now: DAY });
    // Not sent, and not failed for good either: they stay 待发送, as the register says.
    const accepting = createMemoryMailer();
    await runScan({ store: createMemoryStore(demoWorkbook()), mailer: accepting, from: FROM, now: DAY });
    expect(summary.notices).toMatchObject({ sent: 0, unsent: accepting.sent.length, failed: 0 });
    const failed = summary.problems.filter((p) => p.code === 'send-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('等通知未能发出，保留为待发送，下次扫描自动重发。');
    expect(failed[0]!.message).toContain('邮件服务器 mail.example.gov.cn:465 拒绝了账号的登录');
    expect(await registerStates(store)).toContain('待发送');
  });

  it('a 4xx or a dropped connection stays 待发送 and the next scan sends it once', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    mailer.failNext(Number.MAX_SAFE_INTEGER, '[mail:smtp] (server said 421: try again later)');
    const first = await runScan({ store, mailer, from: FROM, now: DAY });
    expect(first.problems.some((p) => p.code === 'send-failed')).toBe(true);
    expect(await registerStates(store)).toContain('待发送');
    expect(first.notices).toMatchObject({ sent: 0, failed: 0 });
    expect(first.notices.unsent).toBeGreaterThan(0);
    mailer.failNext(0);
    await runScan({ store, mailer, from: FROM, now: NEXT_DAY });
    const keys = mailer.sent.map((m) => m.headers?.['X-Duban-Dedupe-Key']);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await registerStates(store)).filter((s) => s === '待发送')).toEqual([]);
  });

  it('comes from the 督查室名称 and answers go to the 督查室邮箱 of 规则配置', async () => {
    const workbook = demoWorkbook();
    const config = workbook.tabs.find((t) => t.name === '规则配置')!;
    const office: Record<string, string> = { 督查室邮箱: 'dcs@example.gov.cn', 督查室名称: '甲县政府督查室' };
    config.rows = config.rows.map((r) =>
      String(r[0]) in office ? [r[0]!, office[String(r[0])]!, r[2]!] : r,
    );
    const store = createMemoryStore(workbook);
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: { name: '督查室', address: 'noreply@example.gov.cn' }, now: DAY });
    const m = mailer.sent[0]!;
    expect(m.from).toEqual({ name: '甲县政府督查室', address: 'noreply@example.gov.cn' });
    expect(m.replyTo).toEqual({ name: '甲县政府督查室', address: 'dcs@example.gov.cn' });
    const sameAddress = createMemoryMailer();
    await runScan({
      store: createMemoryStore(workbook),
      mailer: sameAddress,
      from: { name: '督查室', address: 'duban@localhost' },
      now: DAY,
    });
    expect(sameAddress.sent[0]!.from.address).toBe('dcs@example.gov.cn');
    expect(sameAddress.sent[0]!.replyTo).toBeUndefined();
  });
});

describe('a register row restored from the journal keeps how it went out', () => {
  it('sent → 已发送, stored → 已存入发件箱, rejected → 发送失败, unfinished → 待发送', () => {
    const snapshot = {
      tabs: { 文书登记: { name: '文书登记', headers: ['文号', '去重键', '发送状态'], rows: [] } },
      problems: [],
      version: 'v1',
    } as unknown as Snapshot;
    const at = '2026-06-15 08:30:00';
    const entries = ['sent', 'stored', 'rejected', 'failed'].flatMap((state, i) => [
      {
        key: `k${i}`,
        docNo: `d${i}`,
        state: 'registered' as const,
        at,
        row: { 文号: `d${i}`, 去重键: `k${i}` },
      },
      { key: `k${i}`, docNo: `d${i}`, state: state as JournalState, at },
    ]);
    const { rows } = restoreRegister(snapshot, entries, at);
    expect(rows.map((r) => r['发送状态'])).toEqual(['已发送', '已存入发件箱', '发送失败', '待发送']);
  });
});
