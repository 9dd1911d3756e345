/**
 * Issue 11: the 分管领导's weekly brief — one mail per leader per week on the brief day at 周报时间, registered in the
 * 审计日志 so no run on any runtime sends it twice; a holiday Monday moves it to the week's first working day.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutboxMailer } from '../../src/mail/outbox';
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { runWeeklyBrief } from '../../src/scan/weekly/run-weekly-brief';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { demoWorkbook, FROM, withSetting } from './demo-workbook';

const LEADERS = [
  'changwu@demo.gov.cn',
  'fxz.chengjian@demo.gov.cn',
  'fxz.nongye@demo.gov.cn',
  'fxz.shehui@demo.gov.cn',
];
/** Beijing wall time → instant. */
const bj = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

function setup(asOf: string) {
  const store = createMemoryStore(withSetting(demoWorkbook(asOf), '督查室邮箱', 'dcs@demo.gov.cn'));
  const mailer = createMemoryMailer();
  const brief = (day: string, time = '08:00') =>
    runWeeklyBrief({ store, mailer, from: FROM, now: bj(day, time) });
  const registered = () => store.tab('审计日志')!.rows.filter((r) => r[2] === '发送周报');
  return { store, mailer, brief, registered };
}

describe('the weekly brief', () => {
  it('goes out on Monday at 周报时间 (08:00), one mail per 分管领导, and never twice that week', async () => {
    const { mailer, brief, registered } = setup('2026-06-15');
    expect(await brief('2026-06-15', '07:59')).toMatchObject({ due: false, reason: 'too-early' });
    expect(mailer.sent).toHaveLength(0);
    expect(await brief('2026-06-15')).toMatchObject({ due: true, week: '2026-06-15', sent: 4, failed: 0 });
    expect(mailer.sent.map((m) => m.to[0]!.address).sort()).toEqual(LEADERS);
    expect(
      mailer.sent.every((m) => /^【每周督办摘要】2026年6月15日 (待您处理\d+件，)?分管领域重点工作/.test(m.subject)),
    ).toBe(true);
    // Answered to 规则配置 督查室邮箱, like every notice (senderOf).
    expect(mailer.sent.every((m) => m.replyTo?.address === 'dcs@demo.gov.cn')).toBe(true);
    expect(registered().map((r) => [r[4], r[6]])).toEqual(
      ['董海涛', '冯长青', '宋宏伟', '吴少华'].map((name) => [name, '2026-06-15']),
    );
    for (const time of ['08:00', '10:00'])
      expect(await brief('2026-06-15', time)).toMatchObject({ sent: 0, alreadySent: 4 });
    // Only the brief day: later in the week nothing is read beyond 规则配置 and 节假日.
    expect(await brief('2026-06-16', '09:00')).toMatchObject({ due: false, reason: 'not-brief-day' });
    expect(mailer.sent).toHaveLength(4);
    // Next week, again once.
    expect(await brief('2026-06-22')).toMatchObject({ sent: 4, week: '2026-06-22' });
  });

  it('says in the 审计日志 when a brief only went to the outbox (no mail server), not that it was sent', async () => {
    const { store } = setup('2026-06-15');
    const dir = await mkdtemp(join(tmpdir(), 'duban-weekly-outbox-'));
    try {
      const mailer = createOutboxMailer(dir);
      await runWeeklyBrief({ store, mailer, from: FROM, now: bj('2026-06-15', '08:00') });
      const notes = store.tab('审计日志')!.rows.filter((r) => r[2] === '发送周报').map((r) => String(r[7]));
      expect(notes).toHaveLength(4);
      for (const note of notes) {
        expect(note).toContain('未配置邮件服务器，周报已存入发件箱');
        expect(note).not.toContain('周报已发送至');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists each leader's own area only, by status, with what waits for them (an extension to approve)", async () => {
    const { mailer, brief } = setup('2026-06-15');
    await brief('2026-06-15');
    const wu = mailer.sent.find((m) => m.to[0]!.name === '吴少华')!;
    expect(wu.text).toContain('吴少华同志：');
    expect(wu.text).toMatch(
      /【待您处理】\n {2}ZD-2026-059 .+：延期申请 YQ-ZD-2026-059-1待审批（申请延至7月24日）/,
    );
    expect(wu.subject).toContain('待您处理1件');
    // ZD-2026-059 is 吴少华's, not 冯长青's.
    const feng = mailer.sent.find((m) => m.to[0]!.name === '冯长青')!;
    expect(feng.text).not.toContain('ZD-2026-059');
    expect(feng.text).toContain('【待您处理】\n  无。');
  });

  it('moves to the first working day of the week when Monday is a holiday (劳动节 2026: 5月4日 → 5月6日), once', async () => {
    const { mailer, brief } = setup('2026-05-04');
    for (const day of ['2026-05-04', '2026-05-05'])
      expect(await brief(day, '09:00')).toMatchObject({
        due: false,
        reason: 'not-brief-day',
        briefDay: '2026-05-06',
      });
    expect(await brief('2026-05-06')).toMatchObject({ due: true, sent: 4 });
    expect(await brief('2026-05-06', '10:00')).toMatchObject({ sent: 0, alreadySent: 4 });
    for (const day of ['2026-05-07', '2026-05-08', '2026-05-09'])
      expect(await brief(day, '10:00')).toMatchObject({ due: false, reason: 'not-brief-day' });
    expect(mailer.sent).toHaveLength(4);
    expect(mailer.sent[0]!.subject).toContain('2026年5月6日');
  });

  it('retries a failed send on the next run, without sending the others again', async () => {
    const { mailer, brief, registered } = setup('2026-06-15');
    mailer.failNext(1);
    expect(await brief('2026-06-15')).toMatchObject({ sent: 3, failed: 1 });
    expect(registered()).toHaveLength(3);
    expect(await brief('2026-06-15', '08:30')).toMatchObject({ sent: 1, alreadySent: 3, failed: 0 });
    expect(new Set(mailer.sent.map((m) => m.to[0]!.address)).size).toBe(4);
  });

  it('tells what changed since last week: the 状态 and 预警 the scan recorded then against today', async () => {
    const { store, mailer, brief } = setup('2026-06-08');
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: bj('2026-06-08', '08:30') });
    const lastWeek = statusById(store);
    const scan = await runScan({
      store,
      mailer: createMemoryMailer(),
      from: FROM,
      now: bj('2026-06-15', '08:30'),
    });
    expect(scan.tasks).toBeGreaterThan(0);
    const today = statusById(store);
    const changed = [...today.keys()].filter((id) => today.get(id) !== lastWeek.get(id));
    expect(changed.length).toBeGreaterThan(0);
    await brief('2026-06-15', '09:00');
    const listed = mailer.sent.flatMap((m) =>
      [...m.text.split('【本周变化】')[1]!.split('\n\n')[0]!.matchAll(/^ {2}((?:ZD|DB)-\d{4}-\d{3}) /gm)].map((x) => x[1]),
    );
    expect(new Set(listed)).toEqual(new Set(changed));
  });
});

/** 编号 → `状态|预警` on both task tabs. */
function statusById(store: ReturnType<typeof createMemoryStore>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of ['挂图作战表', '督办台账']) {
    const tab = store.tab(name)!;
    const header = tab.rows.findIndex((r) => r.includes('编号'));
    const cols = tab.rows.slice(0, header + 2).map((r) => r);
    const at = (h: string) => cols.map((r) => r.indexOf(h)).find((i) => i >= 0)!;
    const [id, status, card] = [at('编号'), at('状态'), at('预警')];
    for (const row of tab.rows.slice(name === '挂图作战表' ? 2 : 1))
      if (row[id]) out.set(String(row[id]), `${row[status] ?? ''}|${row[card] ?? ''}`);
  }
  return out;
}

describe('the weekly brief from a runtime', () => {
  it('links the board for the leaders when DUBAN_VIEWER_TOKEN and a public address are set', async () => {
    const { createService } = await import('../../src/runtime/service');
    const { KEYS, OFFICE, PUBLIC } = await import('../web/links/fixture');
    const brief = async (viewerToken?: string) => {
      const mailer = createMemoryMailer();
      const service = createService({
        name: 'test',
        targets: { store: createMemoryStore(demoWorkbook('2026-06-15')), mailer, mailTransport: 'smtp' },
        from: FROM,
        adminToken: 'admin-token-0123456789',
        links: { keys: KEYS, office: OFFICE, publicUrl: PUBLIC },
        ...(viewerToken ? { viewerToken } : {}),
      });
      await service.weeklyBrief(bj('2026-06-15', '08:00'));
      return mailer.sent;
    };
    const sent = await brief('viewer-token-0123456789');
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) expect(m.text).toContain(`查看督办看板：${PUBLIC}/board?t=viewer-token-0123456789`);
    expect((await brief()).some((m) => m.text.includes('/board'))).toBe(false);
  });
});
