/**
 * The three charts from one definition: SVG from ECharts' server-side renderer, PNG from the resvg wasm build (the
 * one Workers load) under Node with a Chinese font from the system.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../src/domain/bulletin';
import { svgToPng, type PngRuntime } from '../../src/report/chart-png';
import { leaderChart, rankingChart, trendChart } from '../../src/report/chart-spec';
import { chartSvg } from '../../src/report/chart-svg';
import { nodePngRuntime } from '../../src/report/resvg-node';
import { CARD_FILL, STATUS_FILL } from '../../src/workbook/palette';
import { demoBulletin } from './demo-bulletin';

const colours = { status: STATUS_FILL, card: CARD_FILL };
let bulletin: Bulletin;
let runtime: PngRuntime;
beforeAll(async () => {
  ({ bulletin } = await demoBulletin('2026-10'));
  runtime = await nodePngRuntime();
}, 60_000);

/** Pixels of an RGBA image within a small distance of `hex`. */
function pixelsOf(pixels: Uint8Array, hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4)
    if (Math.abs(pixels[i]! - r!) + Math.abs(pixels[i + 1]! - g!) + Math.abs(pixels[i + 2]! - b!) < 12) n++;
  return n;
}

describe('the ranking chart', () => {
  it('is an SVG with every unit and its score, 黑榜 bars in red', () => {
    const svg = chartSvg(rankingChart(bulletin));
    expect(svg).toMatch(/^<svg[^>]+width="720"/);
    for (const u of bulletin.units) expect(svg).toContain(`>${u.unit}</text>`);
    expect(svg.match(/fill="#C00000"/g)).toHaveLength(bulletin.blackList.length);
  });

  it('renders to a PNG through the resvg wasm build, with the 黑榜 red and 红榜 green painted', async () => {
    const { png, pixels, width } = await svgToPng(chartSvg(rankingChart(bulletin)), runtime);
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(width).toBe(1440);
    expect(pixelsOf(pixels, '#C00000')).toBeGreaterThan(1000);
    expect(pixelsOf(pixels, '#70AD47')).toBeGreaterThan(300);
  });
});

describe('the 分管领导 and trend charts', () => {
  it('stack each leader’s tasks by status in the sheet’s colours', async () => {
    const spec = leaderChart(bulletin, colours);
    // Dated like the ranking: on the board it stands under today's map, whose counts differ from the 通报's.
    expect(spec.title).toBe('2026年10月分管领导分管事项状态');
    const stacked = spec.categories.map((_, i) => spec.series.reduce((n, s) => n + s.values[i]!, 0));
    expect(stacked).toEqual(bulletin.leaders.map((l) => l.total));
    const { pixels } = await svgToPng(chartSvg(spec), runtime);
    expect(pixelsOf(pixels, STATUS_FILL.正常推进)).toBeGreaterThan(5000);
    expect(pixelsOf(pixels, STATUS_FILL.逾期)).toBeGreaterThan(200);
  });

  it('dashes the card lines, so 红牌 is not read as 逾期 nor 黄牌 as 滞后 (the palette gives them near hues)', () => {
    const svg = chartSvg(trendChart(bulletin, colours));
    const lines = [...svg.matchAll(/<path [^>]*fill="none"[^>]*stroke="#(\w{6})" stroke-width="3"([^>]*)>/g)];
    const dashed = (hex: string) => lines.filter((m) => m[1] === hex).map((m) => m[2]!.includes('stroke-dasharray'));
    for (const c of ['红牌', '黄牌', '蓝牌'] as const) expect(dashed(CARD_FILL[c])).toEqual([true]);
    for (const s of ['逾期', '滞后', '临期', '未启动'] as const) expect(dashed(STATUS_FILL[s])).toEqual([false]);
  });

  it('draws January to October', async () => {
    const spec = trendChart(bulletin, colours);
    expect(spec.categories).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月']);
    const svg = chartSvg(spec);
    expect(svg).toContain('>10月</text>');
    const { height } = await svgToPng(svg, runtime, 1);
    expect(height).toBe(spec.height);
  });
});
