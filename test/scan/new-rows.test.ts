/** Issue 10: rows given a 编号 by a scan get their notices in that same scan, and the next scan sends nothing twice. */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';

describe('rows without 编号', () => {
  it('are numbered and get the notices their state calls for in the same scan; a rescan sends nothing', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-15'));
    const mailer = createMemoryMailer();
    const before = await store.read([...TAB_SPECS]);
    const unnumbered = ['挂图作战表', '督办台账'].flatMap((tab) =>
      before.tabs[tab]!.rows.filter((r) => !r.cells['编号'] && (r.cells['工作任务'] || r.cells['事项标题'])),
    );
    expect(unnumbered.length).toBeGreaterThan(0);

    const first = await runScan({ store, mailer, from: FROM, now: at830('2026-10-12') });
    expect(first.idsAssigned).toBe(unnumbered.length);
    const after = await store.read([...TAB_SPECS]);
    const newIds = ['挂图作战表', '督办台账'].flatMap((tab) =>
      after.tabs[tab]!.rows.filter((r) => unnumbered.some((u) => u.row === r.row)).map((r) =>
        String(r.cells['编号']),
      ),
    );
    const registered = new Set(after.tabs['文书登记']!.rows.map((r) => String(r.cells['编号'])));
    // The demo's unnumbered rows are late on 2026-10-12: each has at least one notice registered already.
    expect(newIds.filter((id) => registered.has(id))).toEqual(newIds);

    const sent = mailer.sent.length;
    const second = await runScan({ store, mailer, from: FROM, now: at830('2026-10-12') });
    expect(second.notices.created).toBe(0);
    expect(second.cellsWritten).toBe(0);
    expect(mailer.sent.length).toBe(sent);
  });
});
