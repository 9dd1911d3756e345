/** Every formal notice to a unit gives each recipient their own 签收, 反馈 and 延期申请 links, in a mail of their own, and they open. */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { beijingInstant } from '../../../src/calendar/beijing-clock';
import { composeEml } from '../../../src/mail/compose';
import { renderNotice } from '../../../src/mail/notices';
import { toDay } from '../../../src/calendar/day';
import { verifyLink } from '../../../src/web/links/token';
import { KEYS, linkFixture, oneEach, PUBLIC, text } from './fixture';

describe('links in notices', () => {
  it('a scan mails each unit recipient of 催办单 / 提醒函 their own links only, and the links open that task’s pages', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    const toUnit = f.mailer.sent.filter((m) => /cuiban|tixing|duban/.test(m.headers?.['X-Duban-Kind'] ?? ''));
    const own = toUnit.filter((m) => m.headers?.['X-Duban-Copy-For'] !== 'cc');
    expect(own.length).toBeGreaterThan(oneEach(toUnit).length); // a unit has two contacts: two mails
    for (const mail of own) {
      expect(mail.to).toHaveLength(1);
      expect(mail.cc ?? []).toEqual([]);
      expect(mail.text).toContain('办理链接：以下链接为您本人专用，请勿转发');
      expect(mail.text).toContain(`${mail.to[0]!.name}：`);
      const tokens = [...mail.text.matchAll(/(?:签收|反馈|延期申请) https:\/\/\S+\?t=([\w.-]+)/g)];
      expect(tokens.length).toBe(3);
      for (const [, t] of tokens) {
        const verified = await verifyLink(t!, KEYS, f.now);
        expect(verified.ok && verified.claims.person).toBe(mail.to[0]!.address);
      }
    }
    // The 抄送 copy (分管领导) is the same notice without anyone's links.
    const copies = toUnit.filter((m) => m.headers?.['X-Duban-Copy-For'] === 'cc');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.text).not.toMatch(/https:\/\//);
      expect(copy.text).toContain('办理链接已分别发给各收件人本人');
    }
    const mail = own[0]!;
    const id = mail.headers!['X-Duban-Item-Id']!;
    const docNo = mail.headers!['X-Duban-Doc-No']!;
    const ack = /签收 (https:\/\/\S+)/.exec(mail.text)![1]!;
    const feedback = /反馈 (https:\/\/\S+)/.exec(mail.text)![1]!;
    expect(ack.startsWith(`${PUBLIC}/l/${id}/ack?t=`)).toBe(true);
    const ackPage = await f.app.request(ack.slice(PUBLIC.length));
    expect(ackPage.status).toBe(200);
    expect(await ackPage.text()).toContain(docNo);
    expect((await f.app.request(feedback.slice(PUBLIC.length))).status).toBe(200);
    // The register row of the notice is the one the 签收 will name.
    const register = await f.rows('文书登记');
    expect(register.some((r) => text(r, '文号') === docNo && text(r, '编号') === id)).toBe(true);
    // A leader's 约谈建议 carries no unit links.
    for (const m of f.mailer.sent.filter((m) => m.headers?.['X-Duban-Kind'] === 'yuetan'))
      expect(m.text).not.toContain('办理链接');
  });

  it('a daily digest gives its recipient a 反馈 link for each item, and each opens that item’s page', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    const digests = f.mailer.sent.filter((m) => m.headers?.['X-Duban-Kind'] === 'digest');
    expect(digests.length).toBeGreaterThan(0);
    for (const digest of digests) {
      const urls = [...digest.text.matchAll(/反馈链接：(https:\/\/\S+)/g)].map((m) => m[1]!);
      // A leader's numbered 约谈建议 in the brief (issue 9 item 8) is for the leader to act on: no unit 反馈 link.
      const items = digest.text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
      const numbered = digest.text.match(/^ {3}文书：/gm)?.length ?? 0;
      expect(urls.length).toBe(items - numbered);
      for (const url of urls) {
        const res = await f.app.request(url.slice(PUBLIC.length));
        expect(res.status).toBe(200);
        expect(await res.text()).toContain(`${digest.to[0]!.name}（`);
      }
    }
  });

  it('past 完成时限 a notice carries 签收 and 反馈 but no 延期申请 link (that page could only refuse)', async () => {
    const f = linkFixture('2026-10-15');
    await f.service.scan(f.now);
    const notice = f.mailer.sent.find(
      (m) => m.headers?.['X-Duban-Kind'] === 'tongzhi' && m.headers['X-Duban-Item-Id'] === 'DB-2026-002',
    )!;
    expect(notice.text).toContain('2026年5月21日');
    const labels = [...notice.text.matchAll(/(签收|反馈|延期申请) https:\/\//g)].map((m) => m[1]);
    expect(labels).toEqual(notice.to.flatMap(() => ['签收', '反馈']));
  });

  it('the links stay valid for 规则配置 链接有效天数 from the scan', async () => {
    const f = linkFixture();
    f.store.editTab('规则配置', (grid) => {
      grid.cells.find((r) => r[0] === '链接有效天数')![1] = '20';
    });
    await f.service.scan(f.now);
    const mail = f.mailer.sent.find((m) => /cuiban|tixing|duban/.test(m.headers?.['X-Duban-Kind'] ?? ''))!;
    const tokens = [...mail.text.matchAll(/(?:签收|反馈|延期申请) https:\/\/\S+\?t=([\w.-]+)/g)].map(
      (m) => m[1]!,
    );
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      const verified = await verifyLink(t, KEYS, f.now);
      expect(verified.ok && verified.claims.exp).toBe(Math.floor(f.now.getTime() / 1000) + 20 * 86_400);
    }
  });

  it('a notice says in Chinese until which day its links open, and they open all that day and not the next', async () => {
    const f = linkFixture();
    await f.service.scan(f.now);
    const mail = f.mailer.sent.find((m) => /cuiban|tixing|duban/.test(m.headers?.['X-Duban-Kind'] ?? ''))!;
    const parsed = await simpleParser(await composeEml(mail));
    const stated = /以上链接有效期至(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(parsed.text ?? '');
    expect(stated).not.toBeNull();
    expect(String(parsed.html)).toContain(stated![0]);
    const [y, m, d] = stated!.slice(1).map(Number) as [number, number, number];
    const lastDay = toDay(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const tokens = [...(parsed.text ?? '').matchAll(/(?:签收|反馈|延期申请) https:\/\/\S+\?t=([\w.-]+)/g)];
    expect(tokens.length).toBeGreaterThan(0);
    for (const [, t] of tokens) {
      expect((await verifyLink(t!, KEYS, beijingInstant(lastDay, '23:59'))).ok).toBe(true);
      expect((await verifyLink(t!, KEYS, beijingInstant(lastDay + 1, '23:59'))).ok).toBe(false);
    }
  });

  it('renders the reader’s links escaped, with the URL ending its own line', () => {
    const mail = renderNotice({
      kind: '催办单',
      issuer: '县政府办公室',
      to: '县商务局',
      item: { id: 'ZD-2026-007', title: '组织企业参加广交会' },
      reasons: ['6月未反馈'],
      cc: [],
      issuedOn: toDay('2026-06-15'),
      ownLinks: {
        name: '孙<振>华',
        links: [{ label: '签收', url: 'https://x.cn/l/ZD-2026-007/ack?t=a.b.c' }],
      },
    });
    expect(mail.text).toMatch(/签收 https:\/\/x\.cn\/l\/ZD-2026-007\/ack\?t=a\.b\.c\n/);
    expect(mail.html).toContain('孙&lt;振&gt;华');
    expect(mail.html).toContain('<a href="https://x.cn/l/ZD-2026-007/ack?t=a.b.c"');
  });
});
