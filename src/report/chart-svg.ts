import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './chart-spec';

// Only what the three charts use: the Worker bundle stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Fonts named in the SVG; the PNG renderer is handed one of them (resvg has no system fonts on Workers). */
// Unquoted (valid CSS for plain names): ECharts writes the family into a double-quoted style attribute as it is.
export const CHART_FONTS = 'Noto Sans CJK SC, WenQuanYi Zen Hei, Microsoft YaHei, PingFang SC, sans-serif';

/**
 * A chart as a standalone SVG string (ECharts' server-side SVG renderer, no DOM), for pages and documents.
 *
 * @example const svg = chartSvg(rankingChart(bulletin)); // '<svg width="720" …'
 */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption(optionOf(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function optionOf(spec: ChartSpec): echarts.EChartsCoreOption {
  const category = { type: 'category', data: spec.categories, axisLabel: { interval: 0 } };
  const value = {
    type: 'value',
    minInterval: 1,
    ...(spec.valueMin !== undefined ? { min: spec.valueMin } : {}),
  };
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: CHART_FONTS },
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 16 } },
    legend: spec.series.length > 1 ? { top: 34 } : undefined,
    grid: { left: 24, right: 40, top: spec.series.length > 1 ? 80 : 50, bottom: 24 },
    xAxis: spec.horizontal ? value : category,
    yAxis: spec.horizontal ? category : value,
    series: spec.series.map((s) => ({
      name: s.name,
      type: spec.kind === 'line' ? 'line' : 'bar',
      ...(spec.kind === 'stacked-bar' ? { stack: 'all' } : {}),
      data: s.colors ? s.values.map((v, i) => ({ value: v, itemStyle: { color: s.colors![i] } })) : s.values,
      itemStyle: { color: s.color, borderColor: spec.kind === 'stacked-bar' ? '#FFFFFF' : undefined },
      lineStyle: { color: s.color, width: 3, type: s.dashed ? 'dashed' : 'solid' },
      ...(s.dashed ? { symbol: 'rect', symbolSize: 7 } : {}),
      label: { show: spec.kind === 'bar', position: spec.horizontal ? 'right' : 'top' },
    })),
  };
}
