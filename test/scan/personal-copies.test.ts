/**
 * A notice with signed links goes one mail per recipient, each with only that person's links (a link records 签收 and
 * 反馈 under the person it names), and the journal keeps its promise per person: a scan stopped between two
 * recipients' mails sends the rest on the next scan, never the first one's again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import type { Mailer, MailMessage } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import type { ScanDeps } from '../../src/scan/types';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import { createFileJournal } from '../../src/store/journal/file';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { lastStates, type NoticeJournal } from '../../src/store/journal/port';
import { cellText } from '../../src/store/grid/cell-text';
import type { SheetStore } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { scanLinks } from '../../src/web/links/scan-links';
import { parseLinkKeys, verifyLink } from '../../src/web/links/token';
import { at830, demoWorkbook, FROM } from './demo-workbook';
import { dyingAtSettle } from './dying-store';
import { MAILBOX_UNAVAILABLE } from './readdress-fixture';

const DAY = at830('2026-06-15');
const KEYS = parseLinkKeys('k1:first-secret-0123456789');
const LINKS = scanLinks({ keys: KEYS, office: 'demo.xlsx', publicUrl: 'https://duban.example.gov.cn' }, DAY);

const keyOf = (m: MailMessage) => m.headers?.['X-Duban-Dedupe-Key'] ?? '';
const copyOf = (m: MailMessage) => m.headers?.['X-Duban-Copy-For'];
/** `<去重键> → <whose copy>` of every mail, with how often each went out. */
function deliveries(sent: MailMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sent)
    out.set(`${keyOf(m)} → ${copyOf(m) ?? ''}`, (out.get(`${keyOf(m)} → ${copyOf(m) ?? ''}`) ?? 0) + 1);
  return out;
}

/** The people a mail's signed links name. */
async function linkPeople(mail: MailMessage): Promise<string[]> {
  const tokens = [...mail.text.matchAll(/(?:签收|反馈|延期申请) https:\/\/\S+\?t=([\w.-]+)/g)].map(
    (m) => m[1]!,
  );
  const people = await Promise.all(
    tokens.map(async (t) => {
      const verified = await verifyLink(t, KEYS, DAY);
      return verified.ok ? verified.claims.person : `invalid ${t}`;
    }),
  );
  return [...new Set(people)];
}

async function registerOf(store: SheetStore, key: string): Promise<string> {
  const rows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows;
  return cellText(rows.find((r) => cellText(r.cells['去重键'] ?? null) === key)?.cells['发送状态'] ?? null);
}

async function auditNotes(store: SheetStore, action: string): Promise<string[]> {
  const rows = (await store.read([...TAB_SPECS])).tabs['审计日志']!.rows;
  return rows.filter((r) => r.cells['动作'] === action).map((r) => cellText(r.cells['备注'] ?? null));
}

const scanOf =
  (oneWrite: boolean) =>
  (deps: Pick<ScanDeps, 'store' | 'mailer' | 'journal'>, links = true) =>
    runScan({
      ...deps,
      from: FROM,
      now: DAY,
      ...(links ? LINKS : {}),
      ...(oneWrite ? { soleWriter: true } : {}),
    });

describe.each([
  { mode: 'registering through the register (shared stores)', oneWrite: false },
  { mode: 'sending first and writing once (the local workbook)', oneWrite: true },
])('notices with links, one mail per recipient: $mode', ({ oneWrite }) => {
  const scan = scanOf(oneWrite);

  it('each recipient’s mail carries their own links and none of a colleague’s; the 抄送 copy carries none', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    const result = await scan({ store, mailer, journal: createMemoryJournal() });
    const copies = mailer.sent.filter((m) => copyOf(m));
    const notices = new Set(copies.map(keyOf));
    expect(notices.size).toBeGreaterThan(3);
    for (const mail of copies) {
      if (copyOf(mail) === 'cc') {
        expect(await linkPeople(mail)).toEqual([]);
        continue;
      }
      expect(mail.to.map((a) => a.address)).toEqual([copyOf(mail)]);
      expect(await linkPeople(mail)).toEqual([copyOf(mail)]);
      expect(mail.text).toContain('以下链接为您本人专用，请勿转发');
    }
    // Two contacts of one unit: two mails of one notice, same 文号 and subject, each with their own links.
    const pair = [...notices]
      .map((k) => copies.filter((m) => keyOf(m) === k && copyOf(m) !== 'cc'))
      .find((c) => c.length > 1)!;
    expect(pair).toBeDefined();
    expect(new Set(pair.map((m) => m.subject)).size).toBe(1);
    expect(new Set(pair.map((m) => m.headers?.['X-Duban-Doc-No'])).size).toBe(1);
    // The register counts notices, not mails: each is one row, 已发送 when all its mails went.
    for (const key of notices) expect(await registerOf(store, key)).toBe('已发送');
    expect(result.notices.sent).toBe(new Set(mailer.sent.map(keyOf)).size);
    const to = pair.map((m) => m.to[0]!.address).join('、');
    expect(await auditNotes(store, '发文')).toContain(`已发送至 ${to}（每人一封，各含本人办理链接）`);
  });

  it('a scan stopped after the first recipient’s mail sends the second recipient’s on the rerun, and the first’s never again', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const inner = createMemoryMailer();
    let stopped: string | null = null;
    // The first recipient of a two-recipient notice has their mail; the process dies as the second one's is sent.
    const dying: Mailer = {
      async send(message) {
        const copy = copyOf(message);
        if (!stopped && copy && copy !== 'cc' && inner.sent.some((m) => keyOf(m) === keyOf(message))) {
          stopped = keyOf(message);
          throw new Error('killed');
        }
        return inner.send(message);
      },
    };
    await expect(scan({ store, mailer: dying, journal })).rejects.toThrow('killed');
    const key = stopped!;
    const first = inner.sent.filter((m) => keyOf(m) === key).map(copyOf);
    expect(first).toHaveLength(1);
    const before = inner.sent.length;
    await scan({ store, mailer: inner, journal });
    const rerun = inner.sent.slice(before).filter((m) => keyOf(m) === key);
    expect(rerun.length).toBeGreaterThan(0);
    expect(rerun.map(copyOf)).not.toContain(first[0]);
    expect([...deliveries(inner.sent).values()].every((n) => n === 1)).toBe(true);
    expect(lastStates(journal.entries).get(key)).toBe('sent');
    const to = (await auditNotes(store, '发文')).filter((n) => n.includes(first[0]!));
    expect(to).toHaveLength(1);
    // The register says 已发送 after the rerun (a one-write rerun writes the row it restored with its final state).
    expect(await registerOf(store, key)).toBe('已发送');
    await scan({ store, mailer: inner, journal });
    expect([...deliveries(inner.sent).values()].every((n) => n === 1)).toBe(true);
  });

  it('a mail the server could not take now keeps the notice 待发送 (未发出), its other mails wait, and the rerun sends each once', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const inner = createMemoryMailer();
    let busy: string | null = null;
    // The server answers 421 to the second recipient's mail of the first two-recipient notice, this scan only.
    const flaky: Mailer = {
      async send(message) {
        const copy = copyOf(message);
        if (!busy && copy && copy !== 'cc' && inner.sent.some((m) => keyOf(m) === keyOf(message))) {
          busy = keyOf(message);
          return { ok: false, kind: 'deferred', error: '[mail:smtp] 421 4.7.0 Try again later' };
        }
        return inner.send(message);
      },
    };
    const first = await scan({ store, mailer: flaky, journal });
    const key = busy!;
    expect(await registerOf(store, key)).toBe('待发送');
    expect(first.notices.unsent).toBe(1);
    expect(inner.sent.filter((m) => keyOf(m) === key).map(copyOf)).toHaveLength(1); // no 抄送 copy yet
    const note = (await auditNotes(store, '发文失败')).find((n) => n.includes('421'))!;
    expect(note).toMatch(/^发送失败，保留待发送，下次扫描重试：.*；已发送至 \S+，下次只发给其余收件人$/);
    const rerun = await scan({ store, mailer: inner, journal });
    expect(rerun.notices.unsent).toBe(0);
    expect(inner.sent.filter((m) => keyOf(m) === key).length).toBeGreaterThan(2);
    expect([...deliveries(inner.sent).values()].every((n) => n === 1)).toBe(true);
  });

  it('a recipient refused for good makes the notice 发送失败, names them, and the resend after a fix goes to them only', async () => {
    const store = createMemoryStore(demoWorkbook());
    const journal = createMemoryJournal();
    const inner = createMemoryMailer();
    let refused: { key: string; address: string } | null = null;
    const refusing: Mailer = {
      async send(message) {
        const copy = copyOf(message);
        // The second recipient's mailbox of the first two-recipient notice does not exist.
        if (!refused && copy && copy !== 'cc' && inner.sent.some((m) => keyOf(m) === keyOf(message))) {
          refused = { key: keyOf(message), address: copy };
        }
        if (refused && copy === refused.address && keyOf(message) === refused.key)
          return MAILBOX_UNAVAILABLE;
        return inner.send(message);
      },
    };
    const result = await scan({ store, mailer: refusing, journal });
    const { key, address } = refused!;
    expect(await registerOf(store, key)).toBe('发送失败');
    expect(result.notices.failed).toBe(1);
    const problem = result.problems.find((p) => p.code === 'send-rejected')!;
    expect(problem.message).toContain(`发给${address}的邮件被邮件服务器拒收`);
    const failed = (await auditNotes(store, '发文失败')).find((n) => n.includes(address))!;
    expect(failed).toMatch(/^发给 \S+ 的邮件被邮件服务器拒收（永久性错误）.*；已发送至 \S+/);
    const delivered = inner.sent.filter((m) => keyOf(m) === key).map(copyOf);
    expect(delivered.length).toBeGreaterThan(0);

    // The clerk corrects the mailbox and sets the row back to 待发送: only the one who has not got it gets it now.
    (store as MemoryStore).editTab('文书登记', (grid) => {
      const header = grid.cells[0]!;
      const row = grid.cells.find((r) => r[header.indexOf('去重键')] === key)!;
      row[header.indexOf('发送状态')] = '待发送';
    });
    refused = { key, address: 'nobody' };
    const before = inner.sent.length;
    await scan({ store, mailer: refusing, journal });
    expect(
      inner.sent
        .slice(before)
        .filter((m) => keyOf(m) === key)
        .map(copyOf),
    ).toEqual([address]);
    expect(await registerOf(store, key)).toBe('已发送');
  });
});

describe('notices and the journal across versions', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('without links a notice is still one mail to all its recipients, journaled under its 去重键 alone', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    const journal = createMemoryJournal();
    await scanOf(true)({ store, mailer, journal }, false);
    expect(mailer.sent.some((m) => copyOf(m))).toBe(false);
    expect([...deliveries(mailer.sent).values()].every((n) => n === 1)).toBe(true);
    const toUnit = mailer.sent.filter((m) => /cuiban|tixing/.test(m.headers?.['X-Duban-Kind'] ?? ''));
    expect(toUnit.some((m) => m.to.length > 1 && (m.cc ?? []).length > 0)).toBe(true);
    expect(journal.entries.every((e) => !e.key.includes(' → '))).toBe(true);
  });

  it('a journal file written by one-mail sends (before copies existed) is read as before: nothing resent', async () => {
    dir = await mkdtemp(join(tmpdir(), 'duban-journal-'));
    const journal: NoticeJournal = createFileJournal(join(dir, 'demo.xlsx.notices.jsonl'));
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    // Links off, and the process dies before it marks the register: the file says sent, the register 待发送.
    await expect(scanOf(false)({ store: dyingAtSettle(store), mailer, journal }, false)).rejects.toThrow('killed');
    const sent = mailer.sent.length;
    expect(sent).toBeGreaterThan(10);
    // Links on now (DUBAN_LINK_SECRET set after an upgrade): the notices the file says went out are not resent.
    const rerun = await scanOf(false)({ store, mailer, journal });
    expect(mailer.sent.length).toBe(sent);
    expect(rerun.notices.sent).toBe(0);
    expect(await auditNotes(store, '补记已发送')).not.toEqual([]);
  });
});

describe('the 签收 day in each recipient’s mail', () => {
  it('is the day registered in 时限要求 (the next working day), said above their own links', async () => {
    const store = createMemoryStore(demoWorkbook());
    const mailer = createMemoryMailer();
    await scanOf(true)({ store, mailer, journal: createMemoryJournal() });
    const own = mailer.sent.filter((m) => copyOf(m) && copyOf(m) !== 'cc');
    expect(own.length).toBeGreaterThan(3);
    const rows = (await store.read([...TAB_SPECS])).tabs['文书登记']!.rows;
    for (const mail of own) {
      const row = rows.find((r) => cellText(r.cells['去重键'] ?? null) === keyOf(mail))!;
      expect(cellText(row.cells['时限要求'] ?? null)).toMatch(/；2026-06-16前签收$/);
      expect(mail.text).toContain('收到后请于2026年6月16日前点击“签收”。');
      expect(mail.html).toContain('收到后请于2026年6月16日前点击“签收”。');
    }
    // The 抄送 copy has no links, so no 签收 day either.
    for (const mail of mailer.sent.filter((m) => copyOf(m) === 'cc')) expect(mail.text).not.toContain('点击“签收”');
  });
});
