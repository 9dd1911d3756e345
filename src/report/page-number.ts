import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { runFont } from './official-style';

/** 4号 (14 pt) in half-points; 一字 of it in twips, the space kept from the edge of the 版心. */
const SIZE = 28;
const ONE_CHAR = 280;

/**
 * GB/T 9704-2012 §7.5 页码: 4号半角阿拉伯数字 between two 一字线 (`— 1 —`), below the 版心; odd pages on the right and
 * even pages on the left, each 空一字 from the edge. Use with `evenAndOddHeaderAndFooters: true`.
 *
 * @example new Document({ evenAndOddHeaderAndFooters: true, sections: [{ footers: pageNumberFooters(), children }] })
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: footer(AlignmentType.RIGHT), even: footer(AlignmentType.LEFT) };
}

function footer(alignment: (typeof AlignmentType)['RIGHT' | 'LEFT']): Footer {
  const indent = alignment === AlignmentType.RIGHT ? { right: ONE_CHAR } : { left: ONE_CHAR };
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE, font: runFont('pageNumber') }),
        ],
      }),
    ],
  });
}
