import JSZip from 'jszip';
import { FONT_FALLBACKS } from './official-style';

/**
 * Write the standard's fonts into the .docx font table with what to use instead (w:altName, the next font of each
 * list), so Word and WPS on a machine without 仿宋_GB2312 or 方正小标宋简体 pick a Chinese font of the same kind
 * rather than a Latin default. The docx package leaves the font table empty.
 *
 * @example const bytes = await withFontFallbacks(await Packer.toBuffer(doc));
 */
export async function withFontFallbacks(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/fontTable.xml');
  if (!part) return docx;
  const xml = await part.async('string');
  // A font several roles fall back on (宋体) gets one entry: the first list that names it says what replaces it.
  const alternates = new Map<string, string>();
  for (const list of Object.values(FONT_FALLBACKS))
    list.slice(0, -1).forEach((name, i) => {
      if (!alternates.has(name)) alternates.set(name, list[i + 1]!);
    });
  const fonts = [...alternates].map(([name, alt]) => fontEntry(name, alt)).join('');
  const filled = xml.replace(/<w:fonts([^>]*)\/>$/, `<w:fonts$1>${fonts}</w:fonts>`);
  zip.file(
    'word/fontTable.xml',
    filled.includes('</w:fonts>') ? filled : xml.replace('</w:fonts>', `${fonts}</w:fonts>`),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function fontEntry(name: string, alt: string): string {
  const cjk = /[^ -~]|CJK|Hei|Song|Fang/.test(name);
  return (
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/>` +
    (cjk ? '<w:charset w:val="86"/>' : '') +
    '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
  );
}
