/** LibreOffice and poppler from the test side: convert a file to PDF, read its text, count its pages. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Convert `file` to PDF in `outDir` with a private LibreOffice profile; returns the PDF's path. */
export function toPdf(file: string, outDir: string): Promise<string> {
  return convert(file, outDir, 'pdf');
}

/** Open `file` in LibreOffice Calc and save it as .xlsx in `outDir`, as a clerk using LibreOffice would; returns its path. */
export function toXlsx(file: string, outDir: string): Promise<string> {
  return convert(file, outDir, 'xlsx:Calc MS Excel 2007 XML');
}

/** Convert `file` with LibreOffice headless (`--convert-to format`) into `outDir`; returns the output's path. */
async function convert(file: string, outDir: string, format: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'duban-lo-'));
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ],
    { timeout: 180_000 },
  );
  return join(outDir, basename(file).replace(/\.\w+$/, `.${format.split(':')[0]}`));
}

/** The PDF's text, layout kept (pdftotext -layout). */
export async function pdfText(pdf: string): Promise<string> {
  return (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 32 * 1024 * 1024 })).stdout;
}

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

/** A word of the PDF and where it stands, in points from the page's top left (pdftotext -bbox). */
export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every word of the PDF's last page with its box. */
export async function lastPageWords(pdf: string): Promise<PdfWord[]> {
  return pageWords(pdf, await pdfPages(pdf));
}

/** Every word of page `page` (from 1) with its box. */
export async function pageWords(pdf: string, page: number): Promise<PdfWord[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  return [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({ text: m[4]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) }));
}

/**
 * The single Chinese characters standing alone on a line of a table cell — a heading or name broken one character
 * to a line. pdftotext cuts `10月21日` into words at the digits, so a character touching a neighbour on its line is
 * not alone.
 */
export function loneCharacters(words: readonly PdfWord[]): string[] {
  const touching = (a: PdfWord, b: PdfWord) =>
    a !== b &&
    Math.abs(a.yMin - b.yMin) < 2 &&
    (Math.abs(a.xMax - b.xMin) < 3 || Math.abs(b.xMax - a.xMin) < 3);
  return words
    .filter((w) => /^[\u4e00-\u9fff]$/u.test(w.text) && !words.some((o) => touching(w, o)))
    .map((w) => w.text);
}
