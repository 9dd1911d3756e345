import { escapeHtml, linkHtml } from './html';

/** How the daily and the weekly digest end: the board link, the provisional-calendar note, the issuer and date. */
export interface DigestClosing {
  issuer: string;
  /** `2026年3月21日` */
  date: string;
  boardUrl?: string | undefined;
  note: string | null;
}

/** The closing as plain-text lines. */
export function closingLines(c: DigestClosing): string[] {
  return [
    ...(c.boardUrl ? [`查看督办看板：${c.boardUrl}`, ''] : []),
    ...(c.note ? [c.note, ''] : []),
    c.issuer,
    c.date,
  ];
}

/** The closing as HTML paragraphs ('' for a part that is absent). */
export function closingHtml(c: DigestClosing): string[] {
  return [
    c.boardUrl ? `<p>查看督办看板：${linkHtml(c.boardUrl)}</p>` : '',
    c.note ? `<p style="color:#a15c00">${escapeHtml(c.note)}</p>` : '',
    `<p style="text-align:right">${escapeHtml(c.issuer)}<br>${escapeHtml(c.date)}</p>`,
  ];
}
