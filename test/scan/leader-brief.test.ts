/**
 * Issue 9 item 8, SPEC §4.4: "One e-mail per recipient per day at most for routine reminders … A leader gets one
 * daily brief holding everything for them (约谈建议, approvals and signatures waiting), each item still numbered and
 * registered." Counted per address from the memory mailer; a mail is formal when it carries a 文号.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer, type MemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import type { SheetStore } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const BUSY = at830('2026-06-15');

/** Mails without a 文号 (digests, briefs) per recipient address, to and cc. */
function nonFormalPerAddress(mailer: MemoryMailer): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of mailer.sent) {
    if (m.headers?.['X-Duban-Doc-No']) continue;
    for (const a of [...m.to, ...(m.cc ?? [])]) out.set(a.address, (out.get(a.address) ?? 0) + 1);
  }
  return out;
}

async function interviewRows(store: SheetStore) {
  const rows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows;
  return rows.filter((r) => r.cells['类型'] === '约谈建议');
}

describe("the leaders' daily brief (issue 9 item 8)", () => {
  it('a busy day on the demo: each person gets at most one mail that is not a numbered notice', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: FROM, now: BUSY });
    const counts = nonFormalPerAddress(mailer);
    expect(counts.size).toBeGreaterThan(3);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    // 约谈建议 go in the brief, never as a mail of their own, each still numbered and registered.
    expect(mailer.sent.filter((m) => m.subject.includes('约谈建议'))).toEqual([]);
    const rows = await interviewRows(store);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(String(r.cells['文号'])).toMatch(/谈〔2026〕\d+号/);
      expect(r.cells['发送状态']).toBe('已发送');
      const brief = mailer.sent.find(
        (m) => !m.headers?.['X-Duban-Doc-No'] && m.text.includes(String(r.cells['文号'])),
      );
      expect(brief, String(r.cells['去重键'])).toBeDefined();
    }
  });

  it('a rerun the same day sends nothing', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: FROM, now: BUSY });
    const sent = mailer.sent.length;
    await runScan({ store, mailer, from: FROM, now: BUSY });
    expect(mailer.sent).toHaveLength(sent);
  });

  it('a scan killed between registering and sending: the next one delivers every 约谈建议 once, under its 文号', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const mailer = createMemoryMailer();
    const dying: SheetStore = {
      read: (specs) => store.read(specs),
      apply: (plan, snapshot) => store.apply(plan, snapshot),
      append: async (tab, rows) => {
        const result = await store.append(tab, rows);
        if (tab === '文书登记') throw new Error('killed');
        return result;
      },
    };
    await expect(runScan({ store: dying, mailer, journal, from: FROM, now: BUSY })).rejects.toThrow('killed');
    expect(mailer.sent).toHaveLength(0);
    await runScan({ store, mailer, journal, from: FROM, now: BUSY });
    const rows = await interviewRows(store);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const docNo = String(r.cells['文号']);
      expect(docNo).toMatch(/谈〔2026〕\d+号/);
      expect(r.cells['发送状态']).toBe('已发送');
      expect(mailer.sent.filter((m) => m.text.includes(docNo)).length).toBeGreaterThan(0);
    }
    expect([...nonFormalPerAddress(mailer)].filter(([, n]) => n > 1)).toEqual([]);
    const again = mailer.sent.length;
    await runScan({ store, mailer, journal, from: FROM, now: BUSY });
    expect(mailer.sent).toHaveLength(again);
  });
});
