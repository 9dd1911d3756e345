import { describe, expect, it } from 'vitest';
import { LADDER, NOTICE_KINDS, NOTICE_TYPES } from '../../src/domain/notice-kinds';
import { renderNotice } from '../../src/mail/notices';
import { toDay } from '../../src/calendar/day';

describe('the table of notice kinds', () => {
  it('gives the ladder of SPEC §4.4 in order: 催办单 → 督办单 → 督办通知书 → 约谈建议', () => {
    expect(LADDER).toEqual(['催办单', '督办单', '督办通知书', '约谈建议']);
  });

  it('gives every formal kind its own 文号 mark and every kind its own ASCII slug', () => {
    const marks = NOTICE_TYPES.map((t) => NOTICE_KINDS[t].docMark).filter((m) => m !== null);
    expect(new Set(marks).size).toBe(marks.length);
    const slugs = NOTICE_TYPES.map((t) => NOTICE_KINDS[t].slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((s) => /^[a-z]+$/.test(s))).toBe(true);
    // Only the reminders (临期提醒, 签收提醒, and 审批提醒 to a waiting signer) have no 文号. The 签收提醒 travels on its
    // own, with the 签收 link of the notice it reminds of; the others and a leader's numbered 约谈建议 travel in the
    // daily digest / brief (issue 9 item 8).
    expect(NOTICE_TYPES.filter((t) => NOTICE_KINDS[t].docMark === null)).toEqual([
      '临期提醒',
      '签收提醒',
      '审批提醒',
    ]);
    expect(NOTICE_TYPES.filter((t) => NOTICE_KINDS[t].viaDigest)).toEqual(['临期提醒', '约谈建议', '审批提醒']);
  });

  it('renders every kind with its title, subject wording and slug from the table', () => {
    for (const kind of NOTICE_TYPES) {
      const base = {
        issuer: '某县人民政府办公室',
        to: '县交通局',
        item: { id: 'ZD-2026-001', title: '农村公路提档升级' },
        reasons: ['原因。'],
        replyBy: toDay('2026-06-18'),
        cc: [],
        issuedOn: toDay('2026-06-15'),
      };
      const doc =
        kind === '督办通知书'
          ? { ...base, kind, rectifyBy: toDay('2026-06-25') }
          : kind === '约谈建议'
            ? { ...base, kind, unit: '县交通局' }
            : { ...base, kind };
      const mail = renderNotice(doc);
      expect(mail.headers['X-Duban-Kind']).toBe(NOTICE_KINDS[kind].slug);
      expect(mail.subject).toContain(`的${NOTICE_KINDS[kind].subjectTail}`);
      expect(mail.text).toContain(NOTICE_KINDS[kind].title);
      expect(mail.text).toContain(NOTICE_KINDS[kind].action);
    }
  });
});
