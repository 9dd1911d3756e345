import {
  AlignmentType,
  BorderStyle,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { run } from './docx-parts';
import { LINE, PAGE, SIZE } from './official-style';

/** 一字 of 四号 (14 pt) in twips: the 版记's text keeps it from both ends of its lines. */
const ONE_CHAR = 280;
/** `抄送：` is three characters: a second line starts under the first name, after the colon. */
const COPY_LABEL = ONE_CHAR * 3;

/** First and last lines thick (0.35 mm), the line between thin (0.25 mm), in eighths of a point (§7.4.1). */
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/**
 * 版记 (GB/T 9704-2012 §7.4): 抄送 and 印发机关 / 印发日期 between lines as wide as the 版心, the text 左右各空一字,
 * a second 抄送 line aligned after the colon, the whole block at the foot of the last page. A table does what
 * paragraph borders cannot (those shrink with the indent); floating at the bottom of the margin puts it on the last
 * page's last lines however long the 正文 runs. A floating table needs a paragraph after it to anchor to; the blank
 * line before it keeps it off the 成文日期 where a reader (LibreOffice) shows it inline. Its rows do not split and
 * the 抄送 row keeps with the 印发 row: near a full last page LibreOffice left 抄送 there and moved 印发 alone to a
 * new page; now the whole block moves.
 *
 * @example children.push(...recordBlock('县委办公室，县纪委监委', '临猗县人民政府办公室', '2026年11月3日'));
 */
export function recordBlock(copyTo: string, printer: string, printedOn: string): Array<Paragraph | Table> {
  return [new Paragraph({}), recordTable(copyTo, printer, printedOn), new Paragraph({})];
}

function recordTable(copyTo: string, printer: string, printedOn: string): Table {
  const half = Math.floor(PAGE.text / 2);
  const widths = [half, PAGE.text - half];
  const cell = (paragraph: Paragraph, width: number, columnSpan = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan,
      margins: { left: ONE_CHAR, right: ONE_CHAR, top: 60, bottom: 60 },
      children: [paragraph],
    });
  const line = (text: string, alignment: (typeof AlignmentType)['LEFT' | 'RIGHT']) =>
    new Paragraph({ alignment, children: [run(text, 'body', SIZE.note)] });
  return new Table({
    width: { size: PAGE.text, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
      topFromText: LINE * 2,
    },
    borders: { top: THICK, bottom: THICK, insideHorizontal: THIN, left: NONE, right: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            new Paragraph({
              keepNext: true,
              children: [run(`抄送：${copyTo}。`, 'body', SIZE.note)],
              indent: { left: COPY_LABEL, hanging: COPY_LABEL },
            }),
            PAGE.text,
            2,
          ),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          cell(line(printer, AlignmentType.LEFT), widths[0]!),
          cell(line(`${printedOn}印发`, AlignmentType.RIGHT), widths[1]!),
        ],
      }),
    ],
  });
}
