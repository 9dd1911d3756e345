/** Every mail's HTML as a phone and a narrow webmail pane show it: the page's own inline styles decide the room left. */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { composeEml } from '../../src/mail/compose';
import { renderDigest, renderNotice, renderWeeklyDigest, type RenderedMail } from '../../src/mail/notices';
import { toMailMessage } from '../../src/mail/to-mail-message';
import { cuibanDoc, OFFICE, SCAN_INSTANT } from './fixtures';

const mails: Array<[string, RenderedMail]> = [
  ['催办单', renderNotice(cuibanDoc())],
  [
    '每日汇总',
    renderDigest({
      issuer: OFFICE,
      recipient: '赵六',
      date: toDay('2026-03-21'),
      items: [
        { id: 'ZD-2026-001', title: '完成土地征收', status: '逾期', card: '红牌', remainingWorkdays: -12 },
      ],
    }),
  ],
  [
    '每周摘要',
    renderWeeklyDigest({
      issuer: OFFICE,
      leader: '李四',
      weekOf: toDay('2026-03-23'),
      items: [{ id: 'ZD-2026-001', title: '完成土地征收', unit: '县自然资源局', status: '逾期' }],
      changes: [],
    }),
  ],
];

/** The left plus right padding of a CSS `padding` shorthand, in pixels. */
function sidePadding(shorthand: string): number {
  const px = shorthand
    .trim()
    .split(/\s+/)
    .map((v) => Number.parseFloat(v) || 0);
  const [top = 0, right = top, , left = right] = px;
  return right + left;
}

describe('the mail page', () => {
  for (const [kind, rendered] of mails)
    it(`${kind}: on a phone 360 pixels wide the text keeps at least 300 pixels, and nothing is laid out wider than 600`, async () => {
      const message = toMailMessage(rendered, {
        from: { name: OFFICE, address: 'duban@linyi.example.cn' },
        to: [{ name: '赵六', address: 'zhaoliu@zrzy.example.cn' }],
        date: SCAN_INSTANT,
      });
      const html = String((await simpleParser(await composeEml(message))).html);
      const widths = [...html.matchAll(/width:\s*(\d+)px/g)].map((m) => Number(m[1]));
      expect(widths.length).toBeGreaterThan(0);
      expect(Math.max(...widths)).toBeLessThanOrEqual(600);
      const body = /<body[^>]*style="[^"]*padding:([^;"]+)/.exec(html)?.[1] ?? '0';
      const page = /<body[^>]*>\s*<div[^>]*style="[^"]*padding:([^;"]+)/.exec(html)?.[1] ?? '0';
      expect(360 - sidePadding(body) - sidePadding(page)).toBeGreaterThanOrEqual(300);
    });
});
