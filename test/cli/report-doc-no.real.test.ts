/**
 * `duban report --docx` numbers the 《政务督查通报》 in the 通报's own series and registers it in 文书登记: monthly,
 * quarterly and year 通报 take `临政督通报〔2026〕1号, 2号, 3号…` (not `临政督通〔2026〕10号` — a 督办通知书's series —
 * nor `季3号` / `年号`), a period exported again keeps its number, and a clerk's own --doc-no is used as typed unless
 * another document holds it. Run in-process on the demo workbook as of 2026-10-31 written to .xlsx.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { run } from '../../src/cli/report';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { cellText } from '../../src/store/grid/cell-text';
import { readRegister } from '../../src/workbook/read-ledgers';
import { tabSpec } from '../../src/workbook/schema/tabs';
import { tempDir } from '../store/xlsx-harness';
import { supervisionNoticeRow } from '../scan/notice-register-row';

let dir: string;
let cleanup: () => Promise<void>;
let workbook: string;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  workbook = join(dir, '督办-2026.xlsx');
  await createWorkbook(workbook, '2026-10-31');
  // A 督办通知书 already numbered 临政督通〔2026〕10号: what the month-derived number gave the October 通报.
  await createXlsxPackageStore(workbook).append('文书登记', [
    supervisionNoticeRow('临政督通〔2026〕10号', '2026-10-28', '2026-11-12'),
  ]);
}, 120_000);
afterAll(() => cleanup());

/** `duban report …` in-process: exit code and what it printed on stderr. */
async function report(args: string[]) {
  const errors: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
  try {
    const code = await run(['--workbook', workbook, '--date', '2026-11-03', ...args]);
    return { code, stderr: errors.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The 文号 line of a .docx (the paragraph above the red separator). */
async function docNoIn(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(await readFile(file))).file('word/document.xml')!.async('string');
  return /<w:t[^>]*>([^<]*〔\d{4}〕[^<]*号)<\/w:t>/.exec(xml)?.[1] ?? '';
}

async function registerOf() {
  const snapshot = await createXlsxPackageStore(workbook).read([tabSpec('文书登记'), tabSpec('审计日志')]);
  return {
    register: readRegister(snapshot.tabs['文书登记'], 2026),
    audit: snapshot.tabs['审计日志']!.rows.map((r) => cellText(r.cells['新值'] ?? null)),
  };
}

describe('the 文号 of duban report --docx', () => {
  it('gives month, quarter and year 通报 the next numbers of the 通报 series, registered in 文书登记', async () => {
    const docx = (name: string) => join(dir, name);
    expect((await report(['--month', '2026-10', '--docx', docx('10.docx')])).code).toBe(0);
    expect((await report(['--quarter', '2026Q3', '--docx', docx('q3.docx')])).code).toBe(0);
    // On 3 November the year is still running: no 文号 is taken for it (nor a file written).
    const running = await report(['--year', '2026', '--docx', docx('2026.docx')]);
    expect(running.code).toBe(2);
    expect(running.stderr).toContain('2026年度尚未结束（统计至 2026-11-03），正式通报在期间结束后印发并编号');
    expect((await registerOf()).register.filter((r) => r.type === '通报')).toHaveLength(2);
    const yearEnd = ['--date', '2027-01-15'];
    expect((await report(['--year', '2026', '--docx', docx('2026.docx'), ...yearEnd])).code).toBe(0);
    expect(await docNoIn(docx('10.docx'))).toBe('临政督通报〔2026〕1号');
    expect(await docNoIn(docx('q3.docx'))).toBe('临政督通报〔2026〕2号');
    expect(await docNoIn(docx('2026.docx'))).toBe('临政督通报〔2026〕3号');

    const { register, audit } = await registerOf();
    expect(register.filter((r) => r.type === '通报').map((r) => [r.docNo, r.key, r.status])).toEqual([
      ['临政督通报〔2026〕1号', '通报|2026年10月通报', '已印发'],
      ['临政督通报〔2026〕2号', '通报|2026年第三季度通报', '已印发'],
      ['临政督通报〔2026〕3号', '通报|2026年度通报', '已印发'],
    ]);
    expect(audit).toEqual(expect.arrayContaining(['临政督通报〔2026〕1号', '临政督通报〔2026〕3号']));
    const numbered = register.filter((r) => r.docNo);
    expect(new Set(numbered.map((r) => r.docNo)).size).toBe(numbered.length);
  }, 120_000);

  it('keeps a period’s number and its 成文日期 when it is exported again', async () => {
    const again = join(dir, '10-again.docx');
    expect((await report(['--month', '2026-10', '--docx', again, '--date', '2026-12-03'])).code).toBe(0);
    expect(await docNoIn(again)).toBe('临政督通报〔2026〕1号');
    const xml = await (await JSZip.loadAsync(await readFile(again))).file('word/document.xml')!.async('string');
    expect(xml).toContain('2026年11月3日');
    expect(xml).not.toContain('2026年12月3日');
    expect((await registerOf()).register.filter((r) => r.type === '通报')).toHaveLength(3);
  }, 120_000);

  it('uses a clerk’s own --doc-no as typed, and refuses one another document holds', async () => {
    const own = join(dir, 'own.docx');
    expect(
      (await report(['--month', '2026-09', '--docx', own, '--doc-no', '临政督通报〔2026〕9号'])).code,
    ).toBe(0);
    expect(await docNoIn(own)).toBe('临政督通报〔2026〕9号');
    expect((await registerOf()).register.filter((r) => r.type === '通报')).toHaveLength(3);

    const taken = await report(['--month', '2026-09', '--docx', own, '--doc-no', '临政督通〔2026〕10号']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(
      '文号 临政督通〔2026〕10号 已登记为「文书登记」中的督办通知书（ZD-2026-001）',
    );
  }, 120_000);

  it('refuses a --previous workbook of the same year, saying which year it must be', async () => {
    const same = await report(['--year', '2026', '--previous', workbook]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('是2026年度的，应为上年度（2025年度）的工作簿');
  }, 120_000);

  it('numbers the December 通报 of the 2026 workbook in January 2027 into 2026, only after December’s reports were due', async () => {
    const december = join(dir, '12.docx');
    // 2027-01-08 is the 5th working day of January: December's 完成情况 are due that day.
    const early = await report(['--month', '2026-12', '--docx', december, '--date', '2027-01-08']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('12月完成情况的填报截止日为 2027-01-08，正式通报在截止日之后印发并编号');
    expect((await registerOf()).register.filter((r) => r.type === '通报')).toHaveLength(3);

    expect((await report(['--month', '2026-12', '--docx', december, '--date', '2027-01-11'])).code).toBe(0);
    expect(await docNoIn(december)).toBe('临政督通报〔2026〕4号');
    const xml = await (await JSZip.loadAsync(await readFile(december))).file('word/document.xml')!.async('string');
    expect(xml).toContain('12月完成情况于2027年1月8日截止报送，统计至2027年1月11日');
    const { register } = await registerOf();
    expect(register.filter((r) => r.docNo.includes('〔2027〕'))).toEqual([]);
  }, 120_000);
});
