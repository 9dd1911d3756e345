/**
 * A one-write scan (the local workbook) that dies while sending, before it writes the workbook: the next scan restores
 * the lost 文书登记 rows from the journal and sends what the dead scan had not (the one in flight, and those it never
 * reached) — and writes those rows with their final 发送状态 in the same save, not 待发送 with a "row moved" problem
 * each until the scan after.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { Mailer, MailMessage } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { cellText } from '../../src/store/grid/cell-text';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoWorkbook, FROM } from './demo-workbook';
import { copyOf, DAY, keyOf, LINKS } from './readdress-fixture';

describe.each([
  { links: false, stale: false },
  { links: true, stale: false },
  // A clerk saves the workbook while the rerun sends: its write is planned again on what was saved (one-write.ts).
  { links: true, stale: true },
])(
  'a one-write scan killed while sending (links $links, workbook saved meanwhile $stale)',
  ({ links, stale }) => {
    it('the next scan restores the rows and writes the ones it sends as 已发送 in the same save', async () => {
      const store = createMemoryStore(demoWorkbook(), { staleOnEdit: true });
      const journal = createMemoryJournal();
      const inner = createMemoryMailer();
      let calls = 0;
      let inFlight = '';
      // The process dies as the mail server takes the fourth mail, before anything is written to the workbook.
      const dying: Mailer = {
        async send(message: MailMessage) {
          if (++calls === 4 && !inFlight) {
            inFlight = keyOf(message);
            throw new Error('killed');
          }
          return inner.send(message);
        },
      };
      const scan = (mailer: Mailer) =>
        runScan({ store, mailer, journal, from: FROM, now: DAY, soleWriter: true, ...(links ? LINKS : {}) });
      const register = async () =>
        (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows.map((r) => ({
          key: cellText(r.cells['去重键'] ?? null),
          status: cellText(r.cells['发送状态'] ?? null),
        }));
      const initial = await register();
      await expect(scan(dying)).rejects.toThrow('killed');
      expect(await register()).toEqual(initial);

      const before = inner.sent.length;
      const applies = store.calls.apply;
      let saved = !stale;
      const rerun = await scan({
        async send(message) {
          if (!saved) store.editTab('通讯录', () => {});
          saved = true;
          return inner.send(message);
        },
      });
      expect(saved).toBe(true);
      expect(store.calls.apply - applies).toBe(stale ? 2 : 1); // the stale write, then the re-planned one
      expect(rerun.problems.map((p) => p.code)).toContain('register-restored');
      expect(rerun.problems.filter((p) => p.code === 'row-moved')).toEqual([]);
      const rows = await register();
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
      // Every notice the rerun sent — the one in flight, and those the dead scan never reached — is 已发送 now.
      const mailed = new Set(inner.sent.slice(before).map(keyOf));
      expect(mailed).toContain(inFlight);
      expect(mailed.size).toBeGreaterThan(3);
      for (const key of mailed) expect(rows.find((r) => r.key === key)?.status, key).toBe('已发送');
      // Nobody got a mail twice: the rerun skipped what the journal says went out.
      const each = inner.sent.map((m) => `${keyOf(m)} → ${copyOf(m) ?? ''}`);
      expect(new Set(each).size).toBe(each.length);
    });
  },
);
