/** Look inside an .xlsx file with SheetJS (an independent reader): cells, sheet settings, raw parts, resolved styles. */
import { readFile } from 'node:fs/promises';
import XLSX from 'xlsx';

export interface Inspected {
  book: XLSX.WorkBook;
  /** Raw text of a part of the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part(path: string): string;
  /** Font, border, alignment, number format and fill of every styled cell of a sheet, as comparable strings. */
  styles(
    sheetIndex: number,
  ): Map<string, { font: string; border: string; alignment: string; numFmt: string; fill: string }>;
}

export async function inspectXlsx(file: string): Promise<Inspected> {
  const bytes = await readFile(file);
  const book = XLSX.read(bytes, { type: 'buffer', cellStyles: true, cellNF: true, bookFiles: true });
  const files = (book as unknown as { files: Record<string, { content: Uint8Array }> }).files;
  const part = (path: string) => {
    const entry = files[path];
    return entry ? Buffer.from(entry.content).toString('utf8') : '';
  };
  return {
    book,
    part,
    styles: (index) => resolveStyles(part('xl/styles.xml'), part(`xl/worksheets/sheet${index + 1}.xml`)),
  };
}

function items(xml: string, group: string, item: string): string[] {
  const body = new RegExp(`<${group}[^>]*>([\\s\\S]*?)</${group}>`).exec(xml)?.[1] ?? '';
  return body.match(new RegExp(`<${item}\\b(?:[^>]*/>|[\\s\\S]*?</${item}>)`, 'g')) ?? [];
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function resolveStyles(stylesXml: string, sheetXml: string) {
  const numFmts = new Map(
    items(stylesXml, 'numFmts', 'numFmt').map((t) => [attr(t, 'numFmtId')!, attr(t, 'formatCode')!] as const),
  );
  const fonts = items(stylesXml, 'fonts', 'font');
  const borders = items(stylesXml, 'borders', 'border');
  const fills = items(stylesXml, 'fills', 'fill');
  const xfs = items(stylesXml, 'cellXfs', 'xf');
  const out = new Map<
    string,
    { font: string; border: string; alignment: string; numFmt: string; fill: string }
  >();
  for (const [, attrs] of sheetXml.matchAll(/<c ([^>]*?)\/?>/g)) {
    const address = attr(attrs!, 'r')!;
    const xf = xfs[Number(attr(attrs!, 's') ?? 0)] ?? '';
    const numFmtId = attr(xf, 'numFmtId') ?? '0';
    out.set(address, {
      font: fonts[Number(attr(xf, 'fontId') ?? 0)] ?? '',
      border: borders[Number(attr(xf, 'borderId') ?? 0)] ?? '',
      fill: fills[Number(attr(xf, 'fillId') ?? 0)] ?? '',
      alignment: /<alignment[^>]*\/>/.exec(xf)?.[0] ?? '',
      numFmt: numFmts.get(numFmtId) ?? numFmtId,
    });
  }
  return out;
}
