import { describe, expect, it } from 'vitest';
import { weekAuditRows } from '../../src/scan/weekly/week-changes';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { cellText } from '../../src/store/grid/cell-text';
import type { Snapshot } from '../../src/store/port';
import { auditRow, MARKER } from '../../src/workbook/audit';
import { RUN_SPECS, runSpecsKeeping, TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoWorkbook } from '../scan/demo-workbook';

/** The demo with a 审计日志 of 3,000 scan rows over two weeks and one row of each marker among them. */
async function storeWithLog() {
  const store = createMemoryStore(demoWorkbook());
  const day = (i: number) => `2026-06-${String(1 + (i % 14)).padStart(2, '0')} 08:30:00`;
  const rows = Array.from({ length: 3_000 }, (_, i) =>
    i % 3
      ? auditRow(day(i), '系统列更新', `ZD-2026-${i % 80}`, '剩余工作日', '5', '4', '')
      : auditRow(day(i), '状态变更', `ZD-2026-${i % 80}`, '状态', '正常推进', '临期', ''),
  );
  rows.splice(1_000, 0, auditRow(day(3), MARKER.bulletinGenerated, '', '2026年5月通报', '', '2026年5月通报', ''));
  rows.splice(2_000, 0, auditRow(day(4), MARKER.bulletinMailed, '', '2026年5月通报', '', '临政督〔2026〕9号', ''));
  rows.push(auditRow(day(13), MARKER.briefSent, '', '李副县长', '', '2026-W24', ''));
  await store.append('审计日志', rows);
  return store;
}

const actions = (snapshot: Snapshot) =>
  snapshot.tabs['审计日志']!.rows.map((r) => cellText(r.cells['动作'] ?? null));

describe('what a run reads of the 审计日志', () => {
  it('a scan, the board and the link pages keep its marker rows only, and know where it ends', async () => {
    const store = await storeWithLog();
    const all = (await store.read([...TAB_SPECS])).tabs['审计日志']!;
    const run = (await store.read([...RUN_SPECS])).tabs['审计日志']!;
    expect(all.rows.length).toBeGreaterThan(3_000);
    expect(run.rows.map((r) => cellText(r.cells['动作'] ?? null))).toEqual(['生成通报', '发送通报', '发送周报']);
    expect(run.rows.map((r) => r.row)).toEqual(
      all.rows.filter((r) => /^(生成|发送)/.test(cellText(r.cells['动作'] ?? null))).map((r) => r.row),
    );
    expect(run.lastRow).toBe(all.lastRow);
    expect(run.lastRow).toBe(all.rows.at(-1)!.row);
  });

  it('the weekly brief keeps the markers and the week’s 状态变更 rows, not older ones nor other scan rows', async () => {
    const snapshot = await (await storeWithLog()).read(runSpecsKeeping(weekAuditRows('2026-06-08')));
    const rows = snapshot.tabs['审计日志']!.rows;
    const changes = rows.filter((r) => cellText(r.cells['动作'] ?? null) === '状态变更');
    expect(changes.length).toBeGreaterThan(300);
    expect(changes.every((r) => cellText(r.cells['时间'] ?? null) >= '2026-06-08')).toBe(true);
    expect(actions(snapshot).filter((a) => a !== '状态变更')).toEqual(['生成通报', '发送通报', '发送周报']);
  });
});
