/** The 通报 .docx opened by a real LibreOffice: it converts to PDF and the PDF's text holds what a reader looks for. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { bulletinDocx } from '../../src/report/bulletin-docx';
import { demoBulletin } from './demo-bulletin';
import { lastPageWords, loneCharacters, pageWords, pdfPages, pdfText, toPdf, type PdfWord } from './soffice';

let dir: string;
let text: string;
let pages: number;
let words: PdfWord[];
/** The words of the page holding the ranking table, from its header row to 二、红榜 (or the page's foot). */
let ranking: PdfWord[];
/** The words of the 逾期、滞后事项 table, from its header row to the next section. */
let lateList: PdfWord[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-docx-'));
  const { bulletin, config } = await demoBulletin('2026-10');
  const file = join(dir, '2026年10月通报.docx');
  await writeFile(
    file,
    await bulletinDocx(bulletin, {
      agencyName: config.agencyName,
      docNo: '临政督通〔2026〕10号',
      issuedOn: toDay('2026-11-03'),
      mainRecipients: config.bulletinTo,
      copyTo: config.bulletinCopy,
    }),
  );
  const pdf = await toPdf(file, dir);
  [text, pages, words] = await Promise.all([pdfText(pdf), pdfPages(pdf), lastPageWords(pdf)]);
  const between = async (first: string, next: (w: PdfWord) => boolean) => {
    for (let p = 1; p <= pages; p++) {
      const all = await pageWords(pdf, p);
      const header = all.find((w) => w.text === first);
      if (!header) continue;
      const end = all.find((w) => w.yMin > header.yMin && next(w))?.yMin ?? Number.POSITIVE_INFINITY;
      return all.filter((w) => w.yMin > header.yMin - 30 && w.yMin < end);
    }
    return [];
  };
  ranking = await between('牵头单位', (w) => w.text.includes('红榜'));
  lateList = await between('逾期、滞后情况', (w) => w.text.includes('逾期报送情况'));
}, 200_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** pdftotext spaces out CJK text and Latin runs; compare without blanks. */
const squeezed = () => text.replace(/\s+/g, '');

describe('the October 2026 通报 in LibreOffice', () => {
  it('converts to a PDF of a few A4 pages', () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
  });

  it('shows the 发文机关标志, 文号 and 标题 on top', () => {
    const s = squeezed();
    expect(s.indexOf('临猗县人民政府办公室')).toBeLessThan(s.indexOf('临政督通〔2026〕10号'));
    expect(s).toContain('关于2026年10月全县重点工作督查情况的通报');
    // Two lines broken between words, not `通报` alone on the second.
    expect(text).toMatch(/^\s*督查情况的通报\s*$/m);
    expect(s).toContain('各乡镇人民政府，县直各有关单位：');
  });

  it('holds the ranking, 红黑榜 and 分管领导 tables', () => {
    const s = squeezed();
    expect(s).toMatch(/1县发改局6100100%00\/0\/0000102/);
    expect(s).toMatch(/19县交通运输局5002100%21\/0\/000177/);
    const black = text.slice(text.indexOf('三、黑榜'), text.indexOf('四、'));
    expect(black).toMatch(/19\s+县交通运输局\s+77/);
    expect(black).toMatch(/18\s+城关镇\s+85/);
    expect(black.replace(/\s+/g, '')).toContain('2026-002推进高铁站前广场停车场建设'); // 'DB-' ends the line above
    expect(s).toMatch(/状态\\分管领导董海涛冯长青宋宏伟吴少华合计已办结3\d*/);
  });

  it('shows in each ranking row what its score is made of: 缺报, 迟报 and 督办单 after the cards, on one line', () => {
    // 县交通运输局 100 − 5×2 逾期 − 3×1 督办单 − 10×1 红牌 = 77; 县工信局 100 + 2×1 按期办结 − 2×1 缺报 = 100.
    expect(text).toMatch(/^\s*19\s+县交通运输局\s+5\s+0\s+0\s+2\s+100%\s+2\s+1\/0\/0\s+0\s+0\s+1\s+77\s*$/m);
    expect(text).toMatch(/^\s*2\s+县工信局\s+4\s+1\s+1\s+0\s+75%\s+0\s+0\/0\/1\s+1\s+0\s+0\s+100\s*$/m);
  });

  it('fits the ranking table on one page inside the 版心, no heading or name broken one character to a line', () => {
    expect(ranking.some((w) => w.text === '县交通运输局')).toBe(true); // the last row is on the header's page
    for (const label of ['缺报', '迟报', '督办单', '得分', '排名', '事项', '滞后', '逾期'])
      expect(ranking.map((w) => w.text)).toContain(label);
    expect(loneCharacters(ranking)).toEqual([]);
    const [left, right] = [(28 / 25.4) * 72, ((28 + 156) / 25.4) * 72];
    expect(Math.min(...ranking.map((w) => w.xMin))).toBeGreaterThanOrEqual(left - 1);
    expect(Math.max(...ranking.map((w) => w.xMax))).toBeLessThanOrEqual(right + 1);
  });

  it('names the 逾期 and 滞后 tasks in a table of whole lines: 编号, 牵头单位 and how late never broken', () => {
    const list = text.slice(text.indexOf('逾期、滞后情况')).split('\n');
    const line = (id: string) => list.find((l) => l.includes(id))?.replace(/\s+/g, '');
    expect(line('ZD-2026-061')).toBe('ZD-2026-061重点项目征地拆迁城关镇逾期24个工作日');
    expect(line('ZD-2026-060')).toBe('ZD-2026-060乡镇综合文化站提档升级县文旅局8、9月节点滞后');
    expect(lateList.map((w) => w.text)).toContain('DB-2026-002');
    expect(loneCharacters(lateList)).toEqual([]);
  });

  it('keeps each section heading on the page of the text under it', () => {
    const pageOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\f').length;
    expect(pageOf('工作要求')).toBe(pageOf('各牵头单位要对照本通报'));
    expect(pageOf('逾期、滞后事项\n')).toBe(pageOf('逾期、滞后情况'));
  });

  it('ends with the 落款, 成文日期 and the 抄送 / 印发 lines', () => {
    const s = squeezed();
    expect(s).toMatch(/临猗县人民政府办公室2026年11月3日抄送：/);
    // The last page's number follows in its footer.
    expect(s).toMatch(new RegExp(`临猗县人民政府办公室2026年11月3日印发—${pages}—$`));
  });

  it('sets 28 characters to a line of 正文 (GB/T 9704 §5.2.2)', () => {
    // 工作要求 opens with two characters of indent and 26 of text: 各牵头单位要对照本通报逐项分析原因，对逾期、滞后事项.
    const line = text.split('\n').find((l) => l.includes('各牵头单位要对照本通报'))!;
    expect(line.replace(/\s+/g, '')).toBe('各牵头单位要对照本通报逐项分析原因，对逾期、滞后事项');
  });

  it('puts the 成文日期 four characters from the right and the 发文机关署名 centred above it (§7.3.5.1)', () => {
    const name = words.find((w) => w.text === '临猗县人民政府办公室')!;
    const date = words.filter((w) => Math.abs(w.yMin - (name.yMin + 28)) < 4); // 2026 年 11 月 3 日, one line below
    expect(date.map((w) => w.text).join('')).toBe('2026年11月3日');
    const [left, right] = [Math.min(...date.map((w) => w.xMin)), Math.max(...date.map((w) => w.xMax))];
    const textRight = (28 / 25.4) * 72 + (156 / 25.4) * 72; // 订口 28 mm + 版心 156 mm
    expect(textRight - right).toBeCloseTo(4 * 16, -1); // 右空四字 of 三号
    expect(Math.abs((name.xMin + name.xMax) / 2 - (left + right) / 2)).toBeLessThan(8);
  });

  it('aligns a second 抄送 line after the colon (GB/T 9704 §7.4.2)', () => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('抄送：'));
    const copyAt = lines[first]!.indexOf('抄送：');
    const next = lines[first + 1]!;
    expect(next).not.toContain('印发');
    expect(next.search(/\S/)).toBeGreaterThan(copyAt + 1);
  });

  it('numbers every page "— n —" in its footer (GB/T 9704 §7.5)', () => {
    const s = squeezed();
    for (let n = 1; n <= pages; n++) expect(s).toContain(`—${n}—`);
  });
});

describe('a 通报 whose last page is nearly full', () => {
  // One to three units at the 3-time threshold filled the demo's third page so that 抄送 stayed on it and the
  // 印发 line went to a fourth page on its own.
  it('keeps the 版记 in one piece with two units at the overdue thresholds', async () => {
    const n = 2;
    const { bulletin, config } = await demoBulletin('2026-10');
    const thresholds = Array.from({ length: n }, (_, i) => ({
      unit: `县第${i + 1}局`,
      times: 3,
      action: '全县通报' as const,
    }));
    const file = join(dir, `版记-${n}.docx`);
    await writeFile(
      file,
      await bulletinDocx(
        { ...bulletin, thresholds },
        {
          agencyName: config.agencyName,
          docNo: '临政督通〔2026〕10号',
          issuedOn: toDay('2026-11-03'),
          mainRecipients: config.bulletinTo,
          copyTo: config.bulletinCopy,
        },
      ),
    );
    const last = (await lastPageWords(await toPdf(file, dir))).map((w) => w.text).join('');
    expect(last).toContain('抄送：');
    expect(last).toContain('2026年11月3日印发');
  }, 200_000);
});
