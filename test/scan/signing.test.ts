/**
 * 签发, seed 004 §五.2: "《催辦單》、《督辦單》由縣政府辦公室分管副主任提出、報縣政府分管領導同意後，由縣政府辦公室主任簽發".
 * SPEC §4.4: "A notice waiting for signature is a draft without a 文号." Staff sign in 文书登记 (同意人, 签发人, 签发日期).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const DAY = at830('2026-06-15');
const NEXT = at830('2026-06-16');
const LATER = at830('2026-06-17');

type Row = Record<string, string>;

/** 文书登记 as header → text rows. */
function register(store: MemoryStore): Row[] {
  const rows = store.tab('文书登记')!.rows;
  const h = rows.findIndex((r) => r.includes('去重键'));
  const header = rows[h]!.map(String);
  return rows
    .slice(h + 1)
    .map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] == null ? '' : String(r[i])])));
}

/** A clerk types into the draft row of `key` (by its 去重键). */
function sign(store: MemoryStore, key: string, values: Row): void {
  store.editTab('文书登记', (g) => {
    const h = g.cells.findIndex((r) => r.includes('去重键'));
    const header = g.cells[h]!.map(String);
    const row = g.cells.find((r) => r[header.indexOf('去重键')] === key)!;
    for (const [k, v] of Object.entries(values)) row[header.indexOf(k)] = v;
  });
}

const drafts = (store: MemoryStore) => register(store).filter((r) => r['发送状态'] === '待签发');

async function scanned() {
  const store = createMemoryStore(demoWorkbook());
  const mailer = createMemoryMailer();
  const summary = await runScan({ store, mailer, from: FROM, now: DAY });
  return { store, mailer, summary };
}

describe('签发 (seed 004 §五.2)', () => {
  it('催办单 and 督办单 wait as drafts without a 文号 and are not sent; 提醒函 and 交办单 go out at once', async () => {
    const { store, mailer, summary } = await scanned();
    const waiting = drafts(store);
    expect(waiting.length).toBeGreaterThan(1);
    expect(new Set(waiting.map((r) => r['类型']))).toEqual(new Set(['催办单', '督办单']));
    for (const r of waiting) expect(r['文号']).toBe('');
    expect(mailer.sent.filter((m) => /【(催办单|督办单)】/.test(m.subject))).toEqual([]);
    expect(mailer.sent.some((m) => /【(提醒函|交办单)/.test(m.subject))).toBe(true);
    expect(summary.notices.awaitingSignature).toBe(waiting.length);
    // Each draft is in the 审计日志 from the day it is proposed (SPEC §5), not only once signed.
    const audit = store.tab('审计日志')!.rows;
    const header = audit[0]!.map(String);
    const proposed = audit.filter((r) => r[header.indexOf('动作')] === '拟稿');
    expect(proposed.map((r) => r[header.indexOf('编号')]).sort()).toEqual(
      waiting.map((r) => r['编号']).sort(),
    );
    for (const r of proposed) expect(String(r[header.indexOf('新值')])).toBe('待签发');
  });

  it('a draft whose cause has gone is marked 已撤销 by the next scan, audited once, and no longer counted', async () => {
    const { store, mailer, summary } = await scanned();
    const gone = drafts(store).find((r) => (r['编号'] ?? '').startsWith('DB-'))!;
    // The item is closed: its card fully signed (状态 已办结).
    store.editTab('办结审批', (g) => {
      const header = g.cells[0]!.map(String);
      const row = header.map(() => null as string | null);
      row[header.indexOf('编号')] = gone['编号']!;
      row[header.indexOf('状态')] = '已办结';
      g.cells.push(row);
    });
    const next = await runScan({ store, mailer, from: FROM, now: NEXT });
    const row = register(store).find((r) => r['去重键'] === gone['去重键'])!;
    expect(row['发送状态']).toBe('已撤销');
    expect(next.notices.awaitingSignature).toBe(drafts(store).length);
    expect(drafts(store).length).toBeLessThan(summary.notices.awaitingSignature);
    const withdrawn = () =>
      store
        .tab('审计日志')!
        .rows.filter((r) => r[2] === '撤销草稿' && String(r[7] ?? '').includes(gone['去重键']!));
    expect(withdrawn()).toHaveLength(1);
    await runScan({ store, mailer, from: FROM, now: LATER });
    expect(withdrawn()).toHaveLength(1);
  });

  it('consent alone is not enough; once signed, the next scan numbers it (the first of its sequence) and sends it once', async () => {
    const { store, mailer } = await scanned();
    const first = drafts(store).find((r) => r['类型'] === '催办单')!;
    sign(store, first['去重键']!, { 同意人: '张副县长' });
    await runScan({ store, mailer, from: FROM, now: NEXT });
    expect(mailer.sent.filter((m) => /【催办单】/.test(m.subject))).toEqual([]);

    sign(store, first['去重键']!, { 签发人: '李主任', 签发日期: '2026-06-16' });
    const issued = register(store)
      .map((r) => /催〔2026〕(\d+)号$/.exec(r['文号'] ?? '')?.[1])
      .filter(Boolean)
      .map(Number);
    const next = Math.max(0, ...issued) + 1;
    const before = mailer.sent.length;
    const summary = await runScan({ store, mailer, from: FROM, now: LATER });
    const sent = mailer.sent.slice(before).filter((m) => /【催办单】/.test(m.subject));
    expect(sent).toHaveLength(1);
    // Numbered only when signed: the other drafts, never signed, took no number, so this one follows the last
    // 催办单 issued (no gap).
    expect(sent[0]!.headers?.['X-Duban-Doc-No']).toMatch(new RegExp(`催〔2026〕${next}号$`));
    const rows = register(store);
    const key = first['去重键']!.replace(/\|待签发$/, '');
    const live = rows.find((r) => r['去重键'] === key)!;
    expect(live['文号']).toBe(sent[0]!.headers?.['X-Duban-Doc-No']);
    expect(live['发送状态']).toBe('已发送');
    expect(rows.find((r) => r['去重键'] === first['去重键'])!['发送状态']).toBe('已签发');
    // The clerk's cells stay as typed.
    expect(rows.find((r) => r['去重键'] === first['去重键'])!['签发人']).toBe('李主任');
    expect(summary.notices.awaitingSignature).toBe(drafts(store).length);

    const again = mailer.sent.length;
    await runScan({ store, mailer, from: FROM, now: LATER });
    expect(mailer.sent).toHaveLength(again);
  });

  it('规则配置 需签发文书 = 无: every formal notice is numbered and sent at once', async () => {
    const wb = demoWorkbook();
    const store = createMemoryStore(wb);
    store.editTab('规则配置', (g) => {
      g.cells.push(['需签发文书', '无', '']);
    });
    const mailer = createMemoryMailer();
    const summary = await runScan({ store, mailer, from: FROM, now: DAY });
    expect(drafts(store)).toEqual([]);
    expect(summary.notices.awaitingSignature).toBe(0);
    expect(mailer.sent.some((m) => /【催办单】/.test(m.subject))).toBe(true);
  });
});

describe("the signers' daily brief (SPEC §4.4)", () => {
  it('the 分管领导 finds the drafts waiting for consent in the one daily mail, then the 办公室主任 those waiting for signature', async () => {
    const { store, mailer } = await scanned();
    const plain = (m: (typeof mailer.sent)[number]) => !m.headers?.['X-Duban-Doc-No'];
    const consent = mailer.sent.filter((m) => plain(m) && m.text.includes('请审核同意'));
    expect(consent.length).toBeGreaterThan(0);
    const first = drafts(store).find((r) => r['类型'] === '催办单')!;
    sign(store, first['去重键']!, { 同意人: '张副县长' });
    const before = mailer.sent.length;
    await runScan({ store, mailer, from: FROM, now: NEXT });
    const signing = mailer.sent.slice(before).filter((m) => plain(m) && m.text.includes('请签发'));
    expect(signing).toHaveLength(1); // the 办公室主任's brief, listing this draft
    expect(signing[0]!.text).toContain(first['编号']!);
    const perAddress = new Map<string, number>();
    for (const m of mailer.sent.slice(before).filter(plain))
      for (const a of [...m.to, ...(m.cc ?? [])])
        perAddress.set(a.address, (perAddress.get(a.address) ?? 0) + 1);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  });

  it('a brief resent after a failed send shows each draft task as it stands, as the first send would have', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    mailer.failNext(1000);
    await runScan({ store, mailer, from: FROM, now: DAY });
    expect(mailer.sent).toEqual([]);
    mailer.failNext(0);
    // The same day, the mail server back: the briefs are rebuilt from 文书登记 and sent.
    await runScan({ store, mailer, from: FROM, now: new Date(DAY.getTime() + 2 * 3_600_000) });
    const consent = mailer.sent.filter((m) => !m.headers?.['X-Duban-Doc-No'] && m.text.includes('请审核同意'));
    expect(consent.length).toBeGreaterThan(0);
    for (const m of consent) expect(m.text).toMatch(/状态：(逾期|滞后|未启动|临期|预警)/);
    // No item of any resent brief shows its register row's kind (待签发, 约谈建议) as the task's 状态.
    const briefs = mailer.sent.filter((m) => m.subject.startsWith('【督办提醒】'));
    expect(briefs.length).toBeGreaterThan(consent.length);
    for (const m of briefs) expect(m.text).not.toMatch(/状态：(待签发|约谈建议)/);
  });
});
