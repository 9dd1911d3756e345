/** Paragraph and table builders in the 公文 style of official-style.ts. */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { CHAR_SPACING, INDENT, LINE, PAGE, RED, SIZE, runFont, type FontRole } from './official-style';

const EXACT = { line: LINE, lineRule: LineRuleType.EXACT };

export function run(
  text: string,
  role: FontRole = 'body',
  size: number = SIZE.body,
  color?: string,
): TextRun {
  return new TextRun({
    text,
    font: runFont(role),
    size,
    ...(size === SIZE.body ? { characterSpacing: CHAR_SPACING } : {}),
    ...(color ? { color } : {}),
  });
}

/** A 正文 paragraph: 仿宋 三号, first line indented two characters. */
export function body(text: string, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ children: [run(text)], spacing: EXACT, indent: { firstLine: INDENT }, ...options });
}

/** 一级标题 (一、二、…): 黑体 三号, kept on the page of the paragraph under it (never alone at a page's foot). */
export function heading(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, 'heading')],
    spacing: EXACT,
    indent: { firstLine: INDENT },
    keepNext: true,
  });
}

/** Space after each line of the 发文机关标志. */
const MASTHEAD_AFTER = 240;
/** Space before the 标题. */
const TITLE_BEFORE = 320;

/** 发文机关标志: 小标宋, red, centred. */
export function masthead(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, 'title', SIZE.masthead, RED)],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: MASTHEAD_AFTER },
  });
}

/**
 * 文号 centred 空二行 under the 发文机关标志 (§7.2.4), the red separator 4 mm (11 pt) under it (§7.2.5) as a red bottom
 * border of the paragraph, 版心 wide, and the 标题 空二行 under the line (§7.3.1).
 */
export function docNumberWithSeparator(docNo: string): Paragraph {
  return new Paragraph({
    children: [run(docNo)],
    alignment: AlignmentType.CENTER,
    spacing: { before: LINE * 2 - MASTHEAD_AFTER, after: LINE * 2 - TITLE_BEFORE },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } },
  });
}

/** 标题: 小标宋 二号, centred; each of `lines` starts a line of its own. */
export function title(lines: readonly string[]): Paragraph {
  return new Paragraph({
    children: lines.map(
      (text, i) =>
        new TextRun({ text, font: runFont('title'), size: SIZE.title, ...(i > 0 ? { break: 1 } : {}) }),
    ),
    alignment: AlignmentType.CENTER,
    spacing: { before: TITLE_BEFORE, after: 320, line: 700, lineRule: LineRuleType.EXACT },
  });
}

/** 主送机关: flush left, ending with a full-width colon. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ children: [run(`${text}：`)], spacing: { ...EXACT, before: 160 } });
}

/**
 * 落款 of a sealed document (§7.3.5.1): the 成文日期 四字 in from the right, the 发文机关署名 centred above it. Word
 * cannot centre one line on another, so the name's right indent comes from the two lines' estimated widths.
 */
export function signature(agency: string, date: string): Paragraph[] {
  const dateIndent = INDENT * 2;
  const nameIndent = Math.max(0, Math.round(dateIndent - (bodyTextWidth(agency) - bodyTextWidth(date)) / 2));
  const line = (text: string, right: number, before: number) =>
    new Paragraph({
      children: [run(text)],
      alignment: AlignmentType.RIGHT,
      indent: { right },
      spacing: { ...EXACT, before },
    });
  return [line(agency, nameIndent, LINE * 2), line(date, dateIndent, 0)];
}

/**
 * Width in twips of a line of 正文: a 三号 character less CHAR_SPACING for Chinese, half of it for digits and Latin
 * letters, and the quarter character Word and WPS add where Chinese meets digits (自动调整中文与西文的间距).
 */
function bodyTextWidth(text: string): number {
  const full = SIZE.body * 10 + CHAR_SPACING;
  const chars = Array.from(text);
  const half = (c: string) => /[\x20-\x7e]/.test(c);
  const seams = chars.slice(1).filter((c, i) => half(c) !== half(chars[i]!)).length;
  return chars.reduce((w, c) => w + (half(c) ? full / 2 : full), 0) + (seams * SIZE.body * 10) / 4;
}

/** How a table is set: 小四 with Word's cell margins unless told. */
export interface TableStyle {
  /** Font size in half-points (SIZE.table, or SIZE.wideTable for many columns). */
  size?: number;
  /** Left and right cell margins in twips: Word's 108 (1.9 mm) leave a two-character 五号 column too narrow. */
  cellMargin?: number;
}

/**
 * A table of 小四 仿宋 (or `style`), header row bold and shaded and repeated on each page it runs onto, columns sized
 * by `weights` across the 版心. No row splits across a page: half a unit's figures at the foot of one page and the
 * rest on the next is how a 通报 gets misread.
 */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  weights?: number[],
  style: TableStyle = {},
): Table {
  const w = weights ?? headers.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.floor((PAGE.text * x) / total));
  const size = style.size ?? SIZE.table;
  const margins =
    style.cellMargin === undefined ? {} : { margins: { left: style.cellMargin, right: style.cellMargin } };
  const cell = (text: string | number, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      ...(header ? { shading: { fill: 'E7E6E6' } } : {}),
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: String(text), font: runFont(header ? 'heading' : 'body'), size })],
        }),
      ],
    });
  return new Table({
    width: { size: PAGE.text, type: WidthType.DXA },
    columnWidths: widths,
    ...margins,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}
