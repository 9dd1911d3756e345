/**
 * The 通报's own 文号 series (SPEC §4.4 one sequence per type and year, unique; §4.7): the November 通报 was numbered
 * `临政督通〔2026〕11号` — the 督办通知书 series, so two documents could carry one 文号 — and a quarter or year 通报
 * `临政督通〔2026〕季3号` / `临政督通〔2026〕年号`. Now every 通报 takes the next number of `临政督通报〔2026〕N号`,
 * registered in 文书登记, and the same period keeps its number.
 */
import { describe, expect, it } from 'vitest';
import { monthPeriod, parsePeriod, yearPeriod, type BulletinPeriod } from '../../src/domain/bulletin-period';
import { parseConfig } from '../../src/domain/config';
import { NOTICE_KINDS, NOTICE_TYPES } from '../../src/domain/notice-kinds';
import { createMemoryMailer } from '../../src/mail/memory';
import {
  bulletinDocNo,
  bulletinRegisterRow,
  docNoTakenBy,
  formatBulletinDocNo,
  isBulletinDocNo,
} from '../../src/scan/bulletin-doc-no';
import { formatDocNo } from '../../src/scan/doc-numbers';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { createMemoryJournal } from '../../src/store/journal/memory';
import { readRegister, type RegisterRow } from '../../src/workbook/read-ledgers';
import { tabSpec } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';
import { supervisionNoticeRow } from './notice-register-row';

const config = parseConfig({ 文号前缀: '临政督', 机关名称: '临猗县人民政府办公室' }).config;

/** A register row as readRegister gives it. */
function row(n: number, docNo: string, type: string, key: string, status = '已发送'): RegisterRow {
  return { row: n, docNo, type, id: '', key, status, day: null, cells: {} };
}

/** The register row of an issued 通报, as read back. */
function issued(n: number, docNo: string, period: BulletinPeriod): RegisterRow {
  const cells = bulletinRegisterRow({
    docNo,
    period,
    title: '',
    to: '',
    cc: '',
    stamp: '2026-11-02 08:30:00',
    status: '已印发',
  });
  return row(n, docNo, String(cells['类型']), String(cells['去重键']), '已印发');
}

describe('the 通报 文号', () => {
  it('is never a notice’s 文号: its series is 通报, the notices’ one character (通 is the 督办通知书)', () => {
    const notices = NOTICE_TYPES.filter((t) => NOTICE_KINDS[t].docMark).flatMap((t) =>
      Array.from({ length: 30 }, (_, i) => formatDocNo(config, t, 2026, i + 1)),
    );
    expect(notices).toContain('临政督通〔2026〕11号');
    const bulletins = Array.from({ length: 30 }, (_, i) => formatBulletinDocNo(config, 2026, i + 1));
    expect(bulletins.filter((b) => notices.includes(b))).toEqual([]);
    expect(notices.filter(isBulletinDocNo)).toEqual([]);
    // The register already holds the 督办通知书 临政督通〔2026〕1号 and 11号: the November 通报 is the year's first 通报.
    const register = [
      row(2, '临政督通〔2026〕1号', '督办通知书', 'ZD-2026-003|督办通知书||2026-03'),
      row(3, '临政督通〔2026〕11号', '督办通知书', 'ZD-2026-009|督办通知书||2026-10'),
    ];
    const { docNo } = bulletinDocNo(register, config, monthPeriod(2026, 11));
    expect(docNo).toBe('临政督通报〔2026〕1号');
    expect(register.map((r) => r.docNo)).not.toContain(docNo);
  });

  it('numbers month, quarter and year 通报 in one sequence per year, and a period issued again keeps its number', () => {
    const register: RegisterRow[] = [
      row(2, '临政督通〔2026〕1号', '督办通知书', 'ZD-2026-003|督办通知书||2026-03'),
    ];
    const issue = (period: BulletinPeriod) => {
      const numbered = bulletinDocNo(register, config, period);
      if (!numbered.registered) register.push(issued(register.length + 2, numbered.docNo, period));
      return numbered.docNo;
    };
    expect(issue(monthPeriod(2026, 10))).toBe('临政督通报〔2026〕1号');
    expect(issue(parsePeriod('2026Q3')!)).toBe('临政督通报〔2026〕2号');
    expect(issue(yearPeriod(2026))).toBe('临政督通报〔2026〕3号');
    expect(issue(monthPeriod(2026, 11))).toBe('临政督通报〔2026〕4号');
    expect(bulletinDocNo(register, config, monthPeriod(2026, 10))).toEqual({
      docNo: '临政督通报〔2026〕1号',
      registered: true,
    });
    expect(issue(parsePeriod('2026Q3')!)).toBe('临政督通报〔2026〕2号');
    expect(register.filter((r) => r.type === '通报')).toHaveLength(4);
    // Another year's 通报 and a row that lost a race do not count.
    register.push(row(20, '临政督通报〔2025〕9号', '通报', '通报|2025年12月通报'));
    register.push(row(21, '临政督通报〔2026〕7号', '通报', '通报|2026年1月通报', '重复作废'));
    expect(bulletinDocNo(register, config, monthPeriod(2026, 12)).docNo).toBe('临政督通报〔2026〕5号');
  });

  it('names the document that already holds a 文号 a clerk types, unless it is this period’s 通报', () => {
    const register = [
      row(2, '临政督通〔2026〕11号', '督办通知书', 'ZD-2026-009|督办通知书||2026-10'),
      issued(3, '临政督通报〔2026〕1号', monthPeriod(2026, 10)),
    ];
    expect(docNoTakenBy(register, '临政督通〔2026〕11号', monthPeriod(2026, 11))?.type).toBe('督办通知书');
    expect(docNoTakenBy(register, '临政督通报〔2026〕1号', monthPeriod(2026, 11))?.type).toBe('通报');
    expect(docNoTakenBy(register, '临政督通报〔2026〕1号', monthPeriod(2026, 10))).toBeUndefined();
    expect(docNoTakenBy(register, '临政督通报〔2026〕8号', monthPeriod(2026, 11))).toBeUndefined();
  });
});

/** The 8 June scan as `duban serve` runs it: the lease held, the journal beside the workbook, one write. */
function soleWriterScan(
  store: ReturnType<typeof createMemoryStore>,
  journal: ReturnType<typeof createMemoryJournal>,
  mailer: ReturnType<typeof createMemoryMailer>,
) {
  return runScan({
    store,
    mailer,
    journal,
    soleWriter: true,
    from: FROM,
    now: at830('2026-06-08'),
    mailBulletin: true,
  });
}

describe('the 通报 mailed by the scan', () => {
  const bulletinDocNoOf = (subject: string) => /^【督查通报】.*（(.+)）$/.exec(subject)?.[1];

  async function registerOf(store: ReturnType<typeof createMemoryStore>) {
    return readRegister((await store.read([tabSpec('文书登记')])).tabs['文书登记'], 2026);
  }

  it('carries a 文号 no notice in 文书登记 has, registered there as 通报; the next month’s takes the next number', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-04'));
    // What the month-derived number gave the May 通报, already a 督办通知书's.
    await store.append('文书登记', [supervisionNoticeRow('临政督通〔2026〕5号', '2026-06-01', '2026-06-12')]);
    const mailer = createMemoryMailer();
    const scan = (day: string) => runScan({ store, mailer, from: FROM, now: at830(day), mailBulletin: true });
    await scan('2026-06-08');
    await scan('2026-07-09');
    const docNos = mailer.sent.flatMap((m) => bulletinDocNoOf(m.subject) ?? []);
    expect(docNos).toEqual(['临政督通报〔2026〕1号', '临政督通报〔2026〕2号']);

    const register = await registerOf(store);
    expect(
      register.filter((r) => r.type === '通报').map((r) => [r.docNo, r.key, r.status, r.cells['事由']]),
    ).toEqual([
      ['临政督通报〔2026〕1号', '通报|2026年5月通报', '已发送', '关于2026年5月全县重点工作督查情况的通报'],
      ['临政督通报〔2026〕2号', '通报|2026年6月通报', '已发送', '关于2026年6月全县重点工作督查情况的通报'],
    ]);
    const numbered = register.filter(
      (r) => r.docNo && !r.docNo.startsWith('〔待编号〕') && r.status !== '重复作废',
    );
    expect(new Set(numbered.map((r) => r.docNo)).size).toBe(numbered.length);
  });

  it('is registered in the one write of a scan holding the lease, with the 文号 the journal recorded', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-04'));
    const journal = createMemoryJournal();
    const mailer = createMemoryMailer();
    await soleWriterScan(store, journal, mailer);
    const mailed = mailer.sent.flatMap((m) => bulletinDocNoOf(m.subject) ?? []);
    expect(mailed).toEqual(['临政督通报〔2026〕1号']);
    const rows = (await registerOf(store)).filter((r) => r.type === '通报');
    expect(rows.map((r) => [r.docNo, r.status])).toEqual([['临政督通报〔2026〕1号', '已发送']]);
    expect(journal.entries.filter((e) => e.key === '通报|2026年5月通报').map((e) => e.docNo)).toEqual([
      '临政督通报〔2026〕1号',
    ]);
  });

  it('a scan killed after the mail, before its write: the next one registers the 文号 the mail carried', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-04'));
    // The journal says the May 通报 went out as 2号 (say a quarter 通报 had 1号 in a copy of the workbook since lost).
    const journal = createMemoryJournal([
      { key: '通报|2026年5月通报', docNo: '临政督通报〔2026〕2号', state: 'sent', at: '2026-06-08 08:31:00' },
    ]);
    const mailer = createMemoryMailer();
    await soleWriterScan(store, journal, mailer);
    expect(mailer.sent.filter((m) => bulletinDocNoOf(m.subject))).toEqual([]);
    const rows = (await registerOf(store)).filter((r) => r.type === '通报');
    expect(rows.map((r) => [r.docNo, r.status])).toEqual([['临政督通报〔2026〕2号', '已发送']]);
  });
});
