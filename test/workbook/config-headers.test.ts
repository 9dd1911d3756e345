import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import type { Snapshot } from '../../src/store/port';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { tabDef } from '../../src/workbook/schema/tabs';

function withConfig(headers: string[], rows: string[][]): Snapshot {
  return {
    tabs: {
      规则配置: {
        name: '规则配置',
        headers,
        rows: rows.map((r, i) => ({
          row: i + 2,
          cells: Object.fromEntries(headers.map((h, c) => [h, r[c] ?? null])),
          fills: {},
        })),
        lastRow: rows.length + 1,
      },
    },
    problems: [],
    version: 'v1',
  };
}

const OFFICE = [
  ['临期工作日', '7', ''],
  ['机关名称', '甲县人民政府办公室', ''],
  ['文号前缀', '甲政督', ''],
];

describe('规则配置 headers', () => {
  it('are Chinese in the template: 配置项 / 取值 / 说明', () => {
    expect(tabDef('规则配置').columns.map((c) => c.header)).toEqual(['配置项', '取值', '说明']);
  });

  it('read the Chinese headers and the English ones of older workbooks alike', () => {
    const today = toDay('2026-06-01');
    const chinese = readWorkbook(withConfig(['配置项', '取值', '说明'], OFFICE), today);
    const english = readWorkbook(withConfig(['key', 'value', '说明'], OFFICE), today);
    expect(chinese.config.dueSoonWorkdays).toBe(7);
    expect(english.config.dueSoonWorkdays).toBe(7);
    expect([...chinese.problems, ...english.problems]).toEqual([]);
  });

  it('say in Chinese when neither header is there, and use the defaults', () => {
    const model = readWorkbook(withConfig(['名称', '数值'], [['临期工作日', '7']]), toDay('2026-06-01'));
    expect(model.config.dueSoonWorkdays).toBe(5);
    expect(model.problems.map((p) => p.message)).toContain(
      '工作表「规则配置」缺少表头「配置项」（旧版为 key）与「取值」（旧版为 value），已全部按默认值执行',
    );
  });
});
