import { describe, expect, test } from 'vitest';
import { toDay } from '../../src/calendar';
import { ACCEPTED_DATE_FORMS, parseDateCell } from '../../src/workbook/parse-date-cell';
import type { Cell } from '../../src/store/port';

const year = 2026;

/** [cell, expected YYYY-MM-DD]; the ledger year is 2026. */
const VALID: Array<[Cell, string]> = [
  // ISO and its separators
  ['2026-03-31', '2026-03-31'],
  ['2026-3-31', '2026-03-31'],
  ['2026-3-1', '2026-03-01'],
  ['2026/3/31', '2026-03-31'],
  ['2026/03/31', '2026-03-31'],
  ['2026.3.31', '2026-03-31'],
  ['2026.03.31', '2026-03-31'],
  ['2027-01-15', '2027-01-15'],
  ['2028-02-29', '2028-02-29'],
  ['1990-01-01', '1990-01-01'],
  ['2100-12-31', '2100-12-31'],
  // Chinese full dates
  ['2026年3月31日', '2026-03-31'],
  ['2026年03月31日', '2026-03-31'],
  ['2026年3月31号', '2026-03-31'],
  ['2026年3月31', '2026-03-31'],
  ['2025年12月1日', '2025-12-01'],
  // month-day in the ledger year
  ['3月31日', '2026-03-31'],
  ['12月1日', '2026-12-01'],
  ['1月1日', '2026-01-01'],
  ['6月30号', '2026-06-30'],
  ['2月28日', '2026-02-28'],
  // month ends
  ['3月底', '2026-03-31'],
  ['3月末', '2026-03-31'],
  ['2月底', '2026-02-28'],
  ['2月末', '2026-02-28'],
  ['4月底', '2026-04-30'],
  ['11月末', '2026-11-30'],
  ['12月底', '2026-12-31'],
  ['3月份底', '2026-03-31'],
  ['2026年6月底', '2026-06-30'],
  ['2027年3月底', '2027-03-31'],
  ['2028年2月底', '2028-02-29'],
  ['2026年9月末', '2026-09-30'],
  // "by" forms
  ['6月30日前', '2026-06-30'],
  ['6月30日之前', '2026-06-30'],
  ['6月30日以前', '2026-06-30'],
  ['2026-06-30前', '2026-06-30'],
  ['2026年6月30日前', '2026-06-30'],
  ['3月底前', '2026-03-31'],
  ['年底前', '2026-12-31'],
  ['2026年底前', '2026-12-31'],
  ['三季度末前', '2026-09-30'],
  // year ends
  ['年底', '2026-12-31'],
  ['年内', '2026-12-31'],
  ['年末', '2026-12-31'],
  ['2026年底', '2026-12-31'],
  ['2027年底', '2027-12-31'],
  ['2026年内', '2026-12-31'],
  ['2026年末', '2026-12-31'],
  // halves
  ['上半年', '2026-06-30'],
  ['下半年', '2026-12-31'],
  ['2026年上半年', '2026-06-30'],
  ['2027年下半年', '2027-12-31'],
  ['上半年内', '2026-06-30'],
  ['上半年底', '2026-06-30'],
  ['下半年末', '2026-12-31'],
  // quarters
  ['一季度末', '2026-03-31'],
  ['二季度末', '2026-06-30'],
  ['三季度末', '2026-09-30'],
  ['四季度末', '2026-12-31'],
  ['第三季度末', '2026-09-30'],
  ['第一季度末', '2026-03-31'],
  ['第一季度', '2026-03-31'],
  ['三季度', '2026-09-30'],
  ['3季度末', '2026-09-30'],
  ['第二季度底', '2026-06-30'],
  ['二季度内', '2026-06-30'],
  ['2027年一季度末', '2027-03-31'],
  ['2026年第四季度末', '2026-12-31'],
  // Chinese numerals
  ['三月底', '2026-03-31'],
  ['十二月底', '2026-12-31'],
  ['十一月末', '2026-11-30'],
  ['六月三十日', '2026-06-30'],
  ['十月一日', '2026-10-01'],
  ['九月二十一日前', '2026-09-21'],
  // full-width digits and punctuation
  ['２０２６－０３－３１', '2026-03-31'],
  ['２０２６／３／３１', '2026-03-31'],
  ['２０２６．３．３１', '2026-03-31'],
  ['２０２６年３月３１日', '2026-03-31'],
  ['３月底', '2026-03-31'],
  ['６月３０日前', '2026-06-30'],
  ['2026—03—31', '2026-03-31'],
  // stray spaces
  [' 2026-03-31 ', '2026-03-31'],
  ['\u30002026-03-31\u3000', '2026-03-31'],
  ['2026 - 03 - 31', '2026-03-31'],
  ['3 月 底', '2026-03-31'],
  ['2026年 6月 30日', '2026-06-30'],
  ['\t年底\n', '2026-12-31'],
  ['\u00a0上半年', '2026-06-30'],
  ['三 季 度 末', '2026-09-30'],
  // date-times written as text
  ['2026-03-31 00:00:00', '2026-03-31'],
  ['2026/3/31 9:30', '2026-03-31'],
  // serial numbers (1900 date system)
  [46112, '2026-03-31'],
  [46112.75, '2026-03-31'],
  [46023, '2026-01-01'],
  [32874, '1990-01-01'],
  [73415, '2100-12-31'],
  // real date cells and formulas
  [{ date: '2026-03-31' }, '2026-03-31'],
  [{ date: '2028-02-29' }, '2028-02-29'],
  [{ formula: '=DATE(2026,3,31)', result: 46112 }, '2026-03-31'],
  [{ formula: '=TEXT(A1,"yyyy-mm-dd")', result: '2026-03-31' }, '2026-03-31'],
  [{ formula: '=B2', result: '3月底' }, '2026-03-31'],
  [{ formula: '=B3', result: '2026年6月30日' }, '2026-06-30'],
];

const ONGOING: Cell[] = [
  '长期',
  '持续推进',
  '常态化',
  ' 长期 ',
  '常态化推进',
  '长期坚持',
  '　常态化　',
  { formula: '=C1', result: '长期' },
];

const BLANK: Cell[] = [
  null,
  '',
  '   ',
  '\u3000',
  '\n',
  { formula: '=IF(A1,"","")', result: null },
  { formula: '=""', result: '' },
];

/** [cell, a phrase the message must contain besides the cell name and the accepted forms]. */
const INVALID: Array<[Cell, string]> = [
  ['下月吧', '"下月吧"无法识别'],
  ['尽快', '无法识别'],
  ['待定', '无法识别'],
  ['TBD', '无法识别'],
  ['月底', '无法识别'],
  ['本月底', '无法识别'],
  ['明年底', '无法识别'],
  ['次年3月', '无法识别'],
  ['3月', '无法识别'],
  ['3月前', '无法识别'],
  ['3月中旬', '无法识别'],
  ['下旬', '无法识别'],
  ['年中', '无法识别'],
  ['Q3', '无法识别'],
  ['2026年', '无法识别'],
  ['2026', '无法识别'],
  ['2026-3', '无法识别'],
  ['2026/3', '无法识别'],
  ['26-03-31', '无法识别'],
  ['31/03/2026', '无法识别'],
  ['03/31/2026', '无法识别'],
  ['2026-03-31-01', '无法识别'],
  ['2026..3.31', '无法识别'],
  ['2026-3/31', '无法识别'],
  ['20260331', '无法识别'],
  ['46112', '无法识别'],
  ['一季度前', '无法识别'],
  ['上半年前', '无法识别'],
  ['五季度末', '无法识别'],
  ['第五季度', '无法识别'],
  ['中半年', '无法识别'],
  ['2026年3月31日前完成', '无法识别'],
  ['3月底完成', '无法识别'],
  ['长期推进', '无法识别'],
  ['长期?', '无法识别'],
  ['见附件', '无法识别'],
  ['—', '无法识别'],
  ['/', '无法识别'],
  ['0', '无法识别'],
  ['√', '无法识别'],
  // impossible dates
  ['2026-02-30', '不是有效日期（2026年2月没有30日）'],
  ['2026-02-29', '不是有效日期（2026年2月没有29日）'],
  ['2026-04-31', '不是有效日期'],
  ['2026-13-01', '不是有效日期（没有13月）'],
  ['2026-00-10', '不是有效日期（没有0月）'],
  ['2026-03-00', '不是有效日期'],
  ['2026/2/30', '不是有效日期'],
  ['2026年2月30日', '不是有效日期'],
  ['2月30日', '不是有效日期（2026年2月没有30日）'],
  ['3月32日', '不是有效日期'],
  ['3月三十二日', '不是有效日期'],
  ['13月底', '不是有效日期（没有13月）'],
  ['十三月底', '不是有效日期'],
  ['0月底', '不是有效日期'],
  ['2026年13月底', '不是有效日期'],
  ['２０２６－０２－３０', '不是有效日期'],
  // years outside 1990–2100
  ['1899-01-01', '年份 1899'],
  ['2101-01-01', '年份 2101'],
  ['0226-03-31', '年份 226'],
  ['1989年底', '年份 1989'],
  // two dates in one cell
  ['2026-03-31、2026-06-30', '多个日期'],
  ['3月31日、6月30日', '多个日期'],
  ['3月底和6月底', '多个日期'],
  ['2026-03-31至2026-06-30', '多个日期'],
  ['2026-03-31 2026-06-30', '多个日期'],
  ['3月底前完成初稿，6月底前完成', '多个日期'],
  // not text
  [true, '逻辑值 TRUE'],
  [false, '逻辑值 FALSE'],
  [{ error: '#REF!' }, '错误值 #REF!'],
  [{ error: '#N/A' }, '错误值 #N/A'],
  [{ error: '#VALUE!' }, '错误值 #VALUE!'],
  [{ formula: '=A1', result: '下月' }, '公式结果"下月"无法识别'],
  [{ formula: '=A1', result: '2026-02-30' }, '公式结果"2026-02-30"不是有效日期'],
  [{ formula: '=A1>0', result: true }, '公式结果是逻辑值 TRUE'],
  [{ formula: '=A1', result: 0 }, '数字 0'],
  // numbers that are not sane serials
  [25569, '数字 25569'],
  [32873, '数字 32873'],
  [73416, '数字 73416'],
  [0, '数字 0'],
  [-1, '数字 -1'],
  [1e9, '数字 1000000000'],
  [20260331, '数字 20260331'],
  [Number.NaN, '数字 NaN'],
  [Number.POSITIVE_INFINITY, '数字 Infinity'],
  // broken real date cells
  [{ date: '2026-02-30' }, '不是有效日期'],
  [{ date: '2026-13-01' }, '不是有效日期'],
  [{ date: 'garbage' }, '无法识别'],
];

describe('parseDateCell', () => {
  test('table has at least 150 inputs', () => {
    expect(VALID.length + ONGOING.length + BLANK.length + INVALID.length).toBeGreaterThanOrEqual(150);
  });

  test.each(VALID.map(([cell, iso], i) => [i, JSON.stringify(cell), cell, iso] as const))(
    '#%i %s → %s',
    (_i, _shown, cell, iso) => {
      const result = parseDateCell(cell, { year, cellRef: '挂图作战表!K5' });
      expect(result).toMatchObject({ ok: true, kind: 'date', day: toDay(iso) });
    },
  );

  test('keeps the text as written (trimmed) for display, and the ISO date for numbers', () => {
    expect(parseDateCell(' 3月底 ', { year, cellRef: 'K5' })).toEqual({
      ok: true,
      kind: 'date',
      day: toDay('2026-03-31'),
      text: '3月底',
    });
    expect(parseDateCell(46112, { year, cellRef: 'K5' })).toEqual({
      ok: true,
      kind: 'date',
      day: toDay('2026-03-31'),
      text: '2026-03-31',
    });
  });

  test('month-only forms follow the ledger year', () => {
    expect(parseDateCell('3月底', { year: 2027, cellRef: 'K5' })).toMatchObject({ day: toDay('2027-03-31') });
    expect(parseDateCell('2月底', { year: 2028, cellRef: 'K5' })).toMatchObject({ day: toDay('2028-02-29') });
    expect(parseDateCell('年底', { year: 2027, cellRef: 'K5' })).toMatchObject({ day: toDay('2027-12-31') });
    // an explicit year wins over the ledger year
    expect(parseDateCell('2026年底', { year: 2027, cellRef: 'K5' })).toMatchObject({
      day: toDay('2026-12-31'),
    });
  });

  test.each(ONGOING.map((cell) => [JSON.stringify(cell), cell] as const))(
    '%s means no deadline',
    (_shown, cell) => {
      expect(parseDateCell(cell, { year, cellRef: 'K5' })).toMatchObject({ ok: true, kind: 'ongoing' });
    },
  );

  test.each(BLANK.map((cell) => [JSON.stringify(cell), cell] as const))('%s is blank', (_shown, cell) => {
    expect(parseDateCell(cell, { year, cellRef: 'K5' })).toEqual({ ok: true, kind: 'blank' });
  });

  test.each(INVALID.map(([cell, phrase], i) => [i, JSON.stringify(cell), cell, phrase] as const))(
    '#%i %s is reported',
    (i, _shown, cell, phrase) => {
      const cellRef = `完成时限（第${i + 2}行）`;
      const result = parseDateCell(cell, { year, cellRef });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.cell).toBe(cellRef);
      expect(result.problem.code).toBe('bad-date');
      expect(result.problem.message.startsWith(cellRef)).toBe(true);
      expect(result.problem.message).toContain(phrase);
      expect(result.problem.message.endsWith(ACCEPTED_DATE_FORMS)).toBe(true);
    },
  );

  test('the message reads as one sentence naming the sheet cell', () => {
    const result = parseDateCell('下月吧', { year, cellRef: '挂图作战表!K5' });
    expect(result).toEqual({
      ok: false,
      problem: {
        cell: '挂图作战表!K5',
        code: 'bad-date',
        message:
          '挂图作战表!K5"下月吧"无法识别：请填写日期，如 2026-03-31、2026年3月31日、3月底、年底、上半年、三季度末，或 长期/常态化',
      },
    });
  });

  test('long free text is shortened in the message', () => {
    const result = parseDateCell('请于'.repeat(40), { year, cellRef: 'K5' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain('…"无法识别');
  });

  test('never throws on arbitrary input', () => {
    let seed = 20260331;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = '0123456789-/.年月日底末前内上下半季度第一二三四十号 长期常态化２０／．\u3000:、';
    for (let k = 0; k < 5000; k++) {
      const text = Array.from({ length: next() % 14 }, () => alphabet[next() % alphabet.length]).join('');
      const result = parseDateCell(text, { year, cellRef: 'K5' });
      if (result.ok && result.kind === 'date') expect(Number.isInteger(result.day)).toBe(true);
      if (!result.ok) expect(result.problem.message).toContain('K5');
    }
  });
});
