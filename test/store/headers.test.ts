import { describe, expect, it } from 'vitest';
import { detectHeaderRows, mapHeaders, monthGroup, normalizeHeader } from '../../src/store/grid/headers';
import { memoryGrid } from '../../src/store/drivers/memory/memory-grid';
import { readTab } from '../../src/store/grid/read-tab';
import { gridFromFixture, type FixtureTab } from '../../src/store/drivers/memory/workbook-model';

const grid = (tab: Omit<FixtureTab, 'name'>) => memoryGrid(gridFromFixture({ name: '表', ...tab }));

describe('header text', () => {
  it('drops spaces and line breaks inside Chinese headers but keeps spaces between words', () => {
    expect(normalizeHeader(' 完成\n时限 ')).toBe('完成时限');
    expect(normalizeHeader('进度\u3000(%)')).toBe('进度(%)');
    expect(normalizeHeader('key   value')).toBe('key value');
  });

  it('recognises month groups written as 3月, 3月份 or 三月, and nothing else', () => {
    expect(['3月', '03月', '3月份', '三月', '十二月', '13月', '月度', '3月完成情况'].map(monthGroup)).toEqual(
      ['3月', '3月', '3月', '3月', '12月', null, null, null],
    );
  });
});

describe('two header rows', () => {
  it('qualifies a sub-header by its group only when it repeats under several non-month groups', () => {
    const layout = mapHeaders(
      grid({
        rows: [
          ['编号', '承办单位主要负责人', null, '分管领导', null, '系统列', null],
          [null, '意见', '签字', '意见', '签字', '状态', '预警'],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:E1', 'F1:G1'],
      }),
      '办结审批',
      2,
    );
    expect(layout.keys).toEqual([
      '编号',
      '承办单位主要负责人/意见',
      '承办单位主要负责人/签字',
      '分管领导/意见',
      '分管领导/签字',
      '状态',
      '预警',
    ]);
    expect(layout.problems).toEqual([]);
  });

  it('takes the row-1 text when row 2 is empty and the row-2 text when row 1 is empty, without any merge', () => {
    const layout = mapHeaders(
      grid({
        rows: [
          ['编号', null, '3月'],
          [null, '备注', '完成情况'],
        ],
      }),
      '表',
      2,
    );
    expect(layout.keys).toEqual(['编号', '备注', '3月/完成情况']);
  });

  it('gives a sub-header merged across columns to its first column only', () => {
    const layout = mapHeaders(
      grid({ rows: [['3月'], ['完成情况', null]], merges: ['A1:C1', 'A2:B2'] }),
      '表',
      2,
    );
    expect(layout.keys).toEqual(['3月/完成情况']);
  });

  it('reports a missing required header and duplicate headers with the columns where they are', () => {
    const layout = mapHeaders(grid({ rows: [['编号', '状态', '状态 ']] }), '督办台账', 1, [
      '编号',
      '完成\n时限',
    ]);
    expect(layout.columns.get('状态')).toBe(2);
    expect(layout.problems.map((p) => [p.code, p.header])).toEqual([
      ['duplicate-header', '状态'],
      ['missing-header', '完成时限'],
    ]);
    expect(layout.problems[0]!.message).toBe(
      '「督办台账」的表头「状态」出现了 2 次（第 B、C 列），系统只使用第 B 列；请删除或改名重复的列。',
    );
  });

  it('guesses two header rows from row-1 merges and one otherwise', () => {
    expect(
      detectHeaderRows(
        grid({
          rows: [
            ['编号', '3月'],
            [null, '完成情况'],
          ],
          merges: ['A1:A2'],
        }),
      ),
    ).toBe(2);
    expect(
      detectHeaderRows(
        grid({
          rows: [
            ['3月', null],
            ['计划', '完成情况'],
          ],
          merges: ['A1:B1'],
        }),
      ),
    ).toBe(2);
    expect(
      detectHeaderRows(
        grid({
          rows: [
            ['编号', '类型'],
            ['ZD-1', '调出'],
          ],
          merges: ['A2:A4'],
        }),
      ),
    ).toBe(1);
  });
});

describe('reading data rows', () => {
  it('skips rows that hold only formulas filled down a template', () => {
    const { data } = readTab(
      grid({
        rows: [
          ['序号', '编号', '工作任务'],
          [{ formula: 'ROW()-1', result: 1 }, 'ZD-1', '任务一'],
          [{ formula: 'ROW()-1', result: 2 }, null, '  '],
          [{ formula: 'ROW()-1', result: 3 }, null, '任务三'],
        ],
      }),
      { name: '表', headerRows: 1 },
    );
    expect(data.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('gives every row of a vertical merge the merged value, but does not keep an otherwise empty row', () => {
    const { data } = readTab(
      grid({
        rows: [
          ['编号', '分管领导', '工作任务'],
          ['ZD-1', '李副县长', '任务一'],
          ['ZD-2', null, '任务二'],
          [null, null, null],
        ],
        merges: ['B2:B4'],
      }),
      { name: '表', headerRows: 1 },
    );
    expect(data.rows.map((r) => [r.row, r.cells['编号'], r.cells['分管领导']])).toEqual([
      [2, 'ZD-1', '李副县长'],
      [3, 'ZD-2', '李副县长'],
    ]);
  });
});
