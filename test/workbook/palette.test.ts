import { describe, expect, it } from 'vitest';
import {
  CARD_FILL,
  FILL_NAMES,
  MONTH_FILL,
  STATUS_FILL,
  fillName,
  isSystemFill,
} from '../../src/workbook/palette';
import { blackTextContrast, deltaE, type Vision } from './colour-vision';

const GROUPS = {
  状态: STATUS_FILL as Record<string, string>,
  预警: CARD_FILL as Record<string, string>,
  月份: MONTH_FILL as Record<string, string>,
};
const ALL = Object.entries(GROUPS).flatMap(([group, fills]) =>
  Object.entries(fills).map(([name, hex]) => ({ group, name, hex })),
);
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia'];

/** Pairs closer than `min` with `vision`, for the failure message. */
function closePairs(items: typeof ALL, vision: Vision, min: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const d = deltaE(items[i]!.hex, items[j]!.hex, vision);
      if (d < min) out.push(`${items[i]!.name}/${items[j]!.name} ΔE ${d.toFixed(1)}`);
    }
  return out;
}

describe('the palette, also for colour-blind readers', () => {
  it.each(VISIONS)(
    'tells every status, card and month state of one column apart (ΔE ≥ 10) with %s vision',
    (v) => {
      for (const fills of Object.keys(GROUPS))
        expect(
          closePairs(
            ALL.filter((c) => c.group === fills),
            v,
            10,
          ),
        ).toEqual([]);
    },
  );

  it.each(VISIONS)(
    'never paints two meanings in near-identical colours anywhere (ΔE ≥ 5) with %s vision',
    (v) => {
      expect(closePairs(ALL, v, 5)).toEqual([]);
    },
  );

  it('keeps 临期, 黄牌, 未启动 and a part-done month clearly apart (they were FFE066, FFD966, FFF2CC)', () => {
    const yellows = [
      { group: '', name: '临期', hex: STATUS_FILL.临期 },
      { group: '', name: '黄牌', hex: CARD_FILL.黄牌 },
      { group: '', name: '未启动', hex: STATUS_FILL.未启动 },
      { group: '', name: '部分完成', hex: MONTH_FILL.partial },
    ];
    for (const v of VISIONS) expect(closePairs(yellows, v, 12)).toEqual([]);
  });

  it('keeps black text readable on every fill (WCAG contrast ≥ 4.5)', () => {
    expect(ALL.filter((c) => blackTextContrast(c.hex) < 4.5).map((c) => c.name)).toEqual([]);
  });
});

describe('fill names for 审计日志', () => {
  it('names every fill the system paints, and says so for one staff chose', () => {
    expect(ALL.filter((c) => !FILL_NAMES[c.hex])).toEqual([]);
    expect(fillName(STATUS_FILL.逾期)).toBe('红色（逾期）');
    expect(fillName(null)).toBe('无');
    expect(fillName('00b0f0')).toBe('其他颜色 #00B0F0');
  });

  it('still treats the colours older versions painted as the system’s', () => {
    expect(isSystemFill('FFE066')).toBe(true);
    expect(fillName('FFE066')).toBe('旧版底色 #FFE066');
    expect(isSystemFill('00B0F0')).toBe(false);
  });
});
