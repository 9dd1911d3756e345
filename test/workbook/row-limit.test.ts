import { describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../src/calendar/day';
import { planScan } from '../../src/scan/plan-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import type { Snapshot } from '../../src/store/port';
import { readSettings } from '../../src/workbook/read-settings';
import { SHEET_ROW_LIMIT } from '../../src/store/grid/sheet-grid';
import { rowLimitProblems } from '../../src/workbook/row-limit';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook } from '../scan/demo-workbook';

/** A snapshot whose 审计日志 ends at `lastRow`, its rows dropped as the scan's read drops all but marker rows. */
function auditEndingAt(lastRow: number): Snapshot {
  return { version: 'v', problems: [], tabs: { 审计日志: { name: '审计日志', headers: [], rows: [], lastRow } } };
}

const rows = (n: number) => Array.from({ length: n }, () => ({}));

describe('rowLimitProblems (system tabs nearing the 1,048,576 rows of an .xlsx worksheet)', () => {
  it('says nothing while a tab stays under 80% of the rows', () => {
    expect(rowLimitProblems(auditEndingAt(800_000), [{ tab: '审计日志', rows: rows(2_000) }])).toEqual([]);
  });

  it('warns from 80%, in Chinese, with the rows left and about how many scans they last', () => {
    const [problem, ...rest] = rowLimitProblems(auditEndingAt(900_000), [
      { tab: '审计日志', rows: rows(10_000) },
    ]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ tab: '审计日志', code: 'tab-nearly-full', row: null });
    expect(problem!.message).toContain('已用到第 910,000 行');
    expect(problem!.message).toContain('还剩 138,576 行');
    expect(problem!.message).toContain('约 13 次扫描');
    expect(problem!.message).toContain('存档');
  });

  it('says 0 rows left once past the limit, and nothing for a tab the snapshot does not have', () => {
    const [full] = rowLimitProblems(auditEndingAt(SHEET_ROW_LIMIT - 5), [
      { tab: '审计日志', rows: rows(10) },
    ]);
    expect(full!.message).toContain('还剩 0 行');
    expect(
      rowLimitProblems({ version: 'v', problems: [], tabs: {} }, [{ tab: '文书登记', rows: rows(5) }]),
    ).toEqual([]);
  });

  it('reaches the scan summary when the 审计日志 of the demo is made to end at row 1,000,000', async () => {
    const snapshot = await createMemoryStore(demoWorkbook()).read([...TAB_SPECS]);
    const audit = snapshot.tabs['审计日志']!;
    audit.lastRow = 1_000_000;
    const now = at830('2026-06-15');
    const plan = planScan(snapshot, readSettings(snapshot, shanghaiDayOf(now)), now, 'run00001');
    const full = plan.summary.problems.filter((p) => p.code === 'tab-nearly-full');
    expect(full.map((p) => p.tab)).toEqual(['审计日志']);
  });
});
