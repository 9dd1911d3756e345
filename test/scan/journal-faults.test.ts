/**
 * Issue 10, found by the fault-injection run (test/fault/): a notice retried after a scan was killed right after
 * registering it, then the workbook rolled back twice, must not go out again; and the retry of a notice whose
 * 去重键 also names a 重复作废 row (two scans at once) must mark the live row sent.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer, type MemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { lastStates } from '../../src/store/journal/port';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import type { SheetStore } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const DAY = at830('2026-06-15');

/** The scan process dies right after its rows reach 文书登记 (before it journals or sends them). */
function dyingAfterRegister(store: SheetStore): SheetStore {
  return {
    read: (specs) => store.read(specs),
    apply: (plan, snapshot) => store.apply(plan, snapshot),
    append: async (tab, rows) => {
      const result = await store.append(tab, rows);
      if (tab === '文书登记') throw new Error('killed');
      return result;
    },
  };
}

const key = (m: { headers?: Record<string, string> }) => m.headers?.['X-Duban-Dedupe-Key'] ?? '';

function deliveredTwice(mailer: MemoryMailer): string[] {
  const seen = new Map<string, number>();
  for (const m of mailer.sent) seen.set(key(m), (seen.get(key(m)) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

/** Each mailed 文号 is the one the register row of its notice holds. */
async function mismatchedDocNos(store: MemoryStore, mailer: MemoryMailer): Promise<string[]> {
  const rows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows.filter(
    (r) => r.cells['发送状态'] !== '重复作废',
  );
  const docNo = new Map(rows.map((r) => [String(r.cells['去重键']), String(r.cells['文号'])]));
  return mailer.sent
    .filter((m) => m.headers?.['X-Duban-Doc-No'] && docNo.get(key(m)) !== m.headers['X-Duban-Doc-No'])
    .map((m) => `${key(m)}: mailed ${m.headers?.['X-Duban-Doc-No']}, registered ${docNo.get(key(m))}`);
}

describe('the journal under repeated faults', () => {
  it('a notice retried after a kill after registering, then two rollbacks: sent once, under one 文号', async () => {
    const before = demoWorkbook();
    let store = createMemoryStore(structuredClone(before));
    const journal = createMemoryJournal();
    const mailer = createMemoryMailer();
    const scan = (s: SheetStore) => runScan({ store: s, mailer, journal, from: FROM, now: DAY });
    await expect(scan(dyingAfterRegister(store))).rejects.toThrow('killed');
    expect(mailer.sent).toHaveLength(0);
    await scan(store); // the rerun retries the 待发送 rows the killed scan left
    const sent = mailer.sent.length;
    expect(sent).toBeGreaterThan(10);
    for (let rollback = 1; rollback <= 2; rollback++) {
      store = createMemoryStore(structuredClone(before)); // a clerk saves the morning's copy over the workbook
      const again = await scan(store);
      expect(
        again.problems.some((p) => p.code === 'register-restored'),
        `rollback ${rollback}`,
      ).toBe(true);
    }
    expect(mailer.sent).toHaveLength(sent);
    expect(deliveredTwice(mailer)).toEqual([]);
    expect(await mismatchedDocNos(store, mailer)).toEqual([]);
  });

  it('two scans at once, the winner’s send failing: the retry marks the live row sent, once', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const mailer = createMemoryMailer();
    const scan = (run: string, now = DAY) => runScan({ store, mailer, journal, from: FROM, now, runId: run });
    mailer.failNext(3);
    await Promise.all([scan('a'), scan('b')]);
    await scan('c');
    await scan('d', at830('2026-06-16'));
    const register = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows;
    expect(register.filter((r) => r.cells['发送状态'] === '待发送').map((r) => r.cells['去重键'])).toEqual(
      [],
    );
    expect(deliveredTwice(mailer)).toEqual([]);
  });

  it('keeps a sent notice sent when a rolled-back workbook makes a scan register it again', () => {
    const at = '2026-06-15 08:30:00';
    const states = lastStates([
      { key: 'k', docNo: '临政督催〔2026〕1号', state: 'registered', at },
      { key: 'k', docNo: '临政督催〔2026〕1号', state: 'sending', at },
      { key: 'k', docNo: '临政督催〔2026〕1号', state: 'sent', at },
      { key: 'k', docNo: '临政督催〔2026〕1号', state: 'registered', at: '2026-06-16 08:30:00' },
    ]);
    expect(states.get('k')).toBe('sent');
  });
});
