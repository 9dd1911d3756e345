import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import type { Snapshot, TabData } from '../../src/store/port';
import { readWorkbook } from '../../src/workbook/read-workbook';

const tab = (name: string, rows: Array<Record<string, string>>): TabData => ({
  name,
  headers: Object.keys(rows[0] ?? {}),
  rows: rows.map((cells, i) => ({ row: i + 3, cells, fills: {} })),
  lastRow: rows.length + 2,
});

function snapshot(ids: string[], config: Record<string, string> = {}): Snapshot {
  const rows = ids.map((id) => ({
    编号: id,
    工作任务: `任务${id}`,
    牵头单位: '县商务局',
    完成时限: '12月底',
  }));
  return {
    tabs: {
      挂图作战表: tab('挂图作战表', rows),
      规则配置: tab(
        '规则配置',
        Object.entries(config).map(([key, value]) => ({ key, value })),
      ),
    },
    problems: [],
    version: 'v1',
  };
}

describe('the workbook year', () => {
  it('comes from the 编号 when the scan runs in the next January, so 12月底 is 2026-12-31', () => {
    const model = readWorkbook(snapshot(['ZD-2026-001', 'ZD-2026-002', 'ZD-2025-009']), toDay('2027-01-11'));
    expect(model.year).toBe(2026);
    expect(model.entries[0]!.task.deadline).toEqual({ kind: 'date', day: toDay('2026-12-31') });
  });

  it('is the scan year when no 编号 carries one, and 规则配置 工作年度 overrides both', () => {
    expect(readWorkbook(snapshot(['A1']), toDay('2027-01-11')).year).toBe(2027);
    expect(readWorkbook(snapshot(['ZD-2026-001'], { 工作年度: '2025' }), toDay('2027-01-11')).year).toBe(
      2025,
    );
  });
});
