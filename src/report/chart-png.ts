import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ChartSpec } from './chart-spec';

/** What the PNG renderer needs from its runtime: the resvg wasm module and at least one font with Chinese glyphs. */
export interface PngRuntime {
  /** The wasm: on Workers `import wasm from '@resvg/resvg-wasm/index_bg.wasm'`, on Node its bytes (resvg-node.ts). */
  wasm: WebAssembly.Module | ArrayBufferView | ArrayBuffer;
  fonts: Uint8Array[];
  /** The family to draw text in when the SVG's fonts are not among `fonts`. */
  defaultFontFamily?: string;
  /**
   * The SVG of a chart (chart-svg.ts). It comes with the runtime, which Node loads only when it draws charts, so a
   * scan that mails no bulletin never loads echarts (~75 MB); a static import in the scan would load it every time.
   */
  chartSvg: (spec: ChartSpec) => string;
}

let ready: Promise<void> | null = null;

/**
 * An SVG (a chart) as PNG bytes, for mail clients that show no SVG. The same wasm build runs on Node and on
 * Cloudflare Workers, so both draw the same pixels. `scale` 2 gives a sharp image on phones.
 *
 * @example const png = await svgToPng(chartSvg(rankingChart(b)), await nodePngRuntime());
 */
export async function svgToPng(
  svg: string,
  runtime: PngRuntime,
  scale = 2,
): Promise<{ png: Uint8Array; pixels: Uint8Array; width: number; height: number }> {
  await (ready ??= initWasm(runtime.wasm).catch((error: unknown) => {
    ready = null;
    throw error;
  }));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers: runtime.fonts, defaultFontFamily: runtime.defaultFontFamily ?? 'WenQuanYi Zen Hei' },
  });
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), pixels: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
