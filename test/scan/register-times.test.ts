/** The 文书登记 rows the system registers carry 生成时间 as a real date-time cell (Excel sorts them with the others). */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { monthPeriod } from '../../src/domain/bulletin-period';
import { bulletinRegisterRow } from '../../src/scan/bulletin-doc-no';
import { claimRow } from '../../src/scan/retry-claims';
import { stampCell } from '../../src/store/grid/date-cell';
import type { RegisterRow } from '../../src/workbook/read-ledgers';

const STAMP = '2026-11-20 08:30:00';
const AT = { date: '2026-11-20', time: '08:30:00' };

describe('生成时间 of a registered row', () => {
  it('of a retry claim and of an issued 通报 is the scan stamp as a date-time cell', () => {
    const sent: RegisterRow = {
      row: 2,
      docNo: '临政督催〔2026〕1号',
      type: '催办单',
      id: 'ZD-2026-001',
      key: 'ZD-2026-001|催办单|1|逾期@2026-10-30',
      status: '待发送',
      day: toDay('2026-11-19'),
      cells: { 发往单位: '县发改局' },
    };
    expect(claimRow(sent, 'token', 'key', STAMP, [])['生成时间']).toEqual(AT);
    const issued = bulletinRegisterRow({
      docNo: '临政督通报〔2026〕1号',
      period: monthPeriod(2026, 10),
      title: '10月通报',
      to: '',
      cc: '',
      stamp: STAMP,
      status: '已印发',
    });
    expect(issued['生成时间']).toEqual(AT);
  });

  it('refuses a stamp that is not one, rather than write a cell Excel cannot open', () => {
    expect(() => stampCell('')).toThrow(/not a stamp/);
    expect(stampCell(STAMP)).toEqual(AT);
  });
});
