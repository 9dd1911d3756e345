import { describe, expect, it } from 'vitest';
import { hintTicked } from '../../src/workbook/plan';

describe('hintTicked (a 系统提示 that only counts its working days on)', () => {
  it('is true when only the days before 个工作日 moved by the tick, up or down', () => {
    expect(
      hintTicked('已超过完成时限 6月30日，逾期100个工作日', '已超过完成时限 6月30日，逾期101个工作日', 1),
    ).toBe(true);
    expect(hintTicked('距完成时限还有5个工作日', '距完成时限还有2个工作日', 3)).toBe(true);
    expect(
      hintTicked(
        '已超过完成时限 6月30日，逾期100个工作日\n红牌：逾期100个工作日，超过10个工作日',
        '已超过完成时限 6月30日，逾期101个工作日\n红牌：逾期101个工作日，超过10个工作日',
        1,
      ),
    ).toBe(true);
  });

  it('is false for any other change: other numbers, other words, another step, or nothing moved', () => {
    expect(hintTicked('已催办2次，逾期3个工作日', '已催办3次，逾期4个工作日', 1)).toBe(false);
    expect(hintTicked('逾期3个工作日', '逾期3个工作日，已申请延期', 1)).toBe(false);
    expect(hintTicked('逾期3个工作日', '逾期5个工作日', 1)).toBe(false);
    expect(hintTicked('逾期3个工作日', '逾期3个工作日', 1)).toBe(false);
    expect(hintTicked('黄牌：逾期3个工作日', '红牌：逾期4个工作日', 1)).toBe(false);
    expect(hintTicked('', '逾期1个工作日', 1)).toBe(false);
  });
});
