/**
 * Issue 10: a missing 文书登记 / 审计日志 / 通讯录, a missing ledger of the units' answers (反馈记录, 延期申请, 办结审批,
 * 调整记录) or a renamed key header stops the scan before any write with one clear
 * problem, and nothing is lost: the scan after the repair sends what was due.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import type { MemoryWorkbook } from '../../src/store/drivers/memory/workbook-model';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from './demo-workbook';

function renameHeader(workbook: MemoryWorkbook, tab: string, from: string, to: string): MemoryWorkbook {
  const copy = structuredClone(workbook);
  const t = copy.tabs.find((x) => x.name === tab)!;
  for (const row of t.rows.slice(0, 2)) {
    const i = row.indexOf(from);
    if (i >= 0) row[i] = to;
  }
  return copy;
}

function renameTab(workbook: MemoryWorkbook, tab: string, to: string): MemoryWorkbook {
  const copy = structuredClone(workbook);
  copy.tabs.find((x) => x.name === tab)!.name = to;
  return copy;
}

const breakages: Array<[string, (w: MemoryWorkbook) => MemoryWorkbook, string, string | null]> = [
  ['文书登记 renamed', (w) => renameTab(w, '文书登记', '文书登记(旧)'), '文书登记', null],
  ['审计日志 renamed', (w) => renameTab(w, '审计日志', '日志'), '审计日志', null],
  ['通讯录 renamed', (w) => renameTab(w, '通讯录', '联系人'), '通讯录', null],
  // Without the units' answers every report by link would look missing: false 滞后, cards and 催办单.
  ['反馈记录 renamed', (w) => renameTab(w, '反馈记录', '反馈'), '反馈记录', null],
  ['办结审批 renamed', (w) => renameTab(w, '办结审批', '审批卡'), '办结审批', null],
  ['its 去重键 header renamed', (w) => renameHeader(w, '文书登记', '去重键', '键'), '文书登记', '去重键'],
  [
    '完成时限 renamed on 挂图作战表',
    (w) => renameHeader(w, '挂图作战表', '完成时限', '时限'),
    '挂图作战表',
    '完成时限',
  ],
];

describe('a scan that lacks a tab or key header it needs', () => {
  for (const [what, breakIt, tab, header] of breakages) {
    it(`stops before any write when ${what}, then sends everything due once repaired`, async () => {
      const good = demoWorkbook();
      const store = createMemoryStore(breakIt(good));
      const mailer = createMemoryMailer();
      const stopped = await runScan({ store, mailer, from: FROM, now: at830('2026-06-15') });
      expect(stopped.stopped).toBe(true);
      expect(store.calls).toEqual({ read: 1, apply: 0, append: 0 });
      expect(mailer.sent).toEqual([]);
      expect(stopped.problems).toHaveLength(1);
      expect(stopped.problems[0]).toMatchObject({ tab, cell: header });
      expect(stopped.problems[0]!.message).toContain('扫描已停止');
      expect(stopped.problems.some((p) => p.message.includes('未填写'))).toBe(false);

      // Nothing in the workbook changed, so once repaired it scans as if the broken day had not happened.
      expect(store.dump()).toEqual(createMemoryStore(breakIt(good)).dump());
      const repaired = createMemoryStore(good);
      const after = await runScan({ store: repaired, mailer, from: FROM, now: at830('2026-06-15') });
      expect(after.stopped).toBeUndefined();
      expect(after.notices.sent).toBeGreaterThan(0);
      expect(mailer.sent.length).toBe(after.notices.sent);
    });
  }

  it('stops when neither task tab is found (both renamed), but not when an office keeps only one of them', async () => {
    const neither = createMemoryStore(
      renameTab(renameTab(demoWorkbook(), '挂图作战表', '作战表'), '督办台账', '台账'),
    );
    const mailer = createMemoryMailer();
    const stopped = await runScan({ store: neither, mailer, from: FROM, now: at830('2026-06-15') });
    expect(stopped.stopped).toBe(true);
    expect(neither.calls).toEqual({ read: 1, apply: 0, append: 0 });
    expect(stopped.problems.map((p) => p.tab).sort()).toEqual(['挂图作战表', '督办台账'].sort());
    expect(stopped.problems.every((p) => p.message.includes('扫描已停止'))).toBe(true);

    const one = createMemoryStore(renameTab(demoWorkbook(), '督办台账', '台账'));
    const scanned = await runScan({ store: one, mailer, from: FROM, now: at830('2026-06-15') });
    expect(scanned.stopped).toBeUndefined();
    expect(scanned.tasks).toBeGreaterThan(0);
    expect(scanned.problems.some((p) => p.tab === '督办台账' && p.code === 'missing-tab')).toBe(true);
  });
});
