/** The PNG runtime on Node: the resvg wasm file from node_modules, a Chinese font from the system and echarts. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PngRuntime } from './chart-png';

/** Where Debian's fonts-wqy-zenhei and fonts-noto-cjk put their files; `DUBAN_CHART_FONT` names another. */
const CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

/**
 * Load the wasm and the first Chinese font found; a clear error names what to install when there is none.
 *
 * @example const png = await svgToPng(svg, await nodePngRuntime());
 */
export async function nodePngRuntime(env: NodeJS.ProcessEnv = process.env): Promise<PngRuntime> {
  const require = createRequire(import.meta.url);
  const wasm = await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm'));
  const font = [env.DUBAN_CHART_FONT, ...CANDIDATES].find((f) => f && existsSync(f));
  if (!font)
    throw new Error(
      '[report:png] no Chinese font found for chart images: install fonts-wqy-zenhei (apt-get) or set DUBAN_CHART_FONT to a .ttf/.ttc/.otf file',
    );
  const { chartSvg } = await import('./chart-svg');
  return { wasm, fonts: [new Uint8Array(await readFile(font))], chartSvg };
}
