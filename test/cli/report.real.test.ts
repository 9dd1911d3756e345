/** `duban report` run as a user would, on the demo workbook as of 2026-10-31 written to .xlsx. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duban } from '../e2e/cli';

let dir: string;
let workbook: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-report-'));
  workbook = join(dir, 'demo.xlsx');
  expect(duban(['init', '--demo', '--as-of', '2026-10-31', '--workbook', workbook]).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('duban report', () => {
  it('prints the month’s ranking and 红黑榜 in Chinese and writes the .docx', () => {
    const docx = join(dir, '通报.docx');
    const r = duban([
      'report',
      '--workbook',
      workbook,
      '--month',
      '2026-10',
      '--date',
      '2026-11-03',
      '--docx',
      docx,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026年10月重点工作督查通报（统计截至2026年10月31日）');
    expect(r.stdout).toMatch(/^\s+1 {2}县发改局 .* 102$/m);
    expect(r.stdout).toMatch(/^\s+19 {2}县交通运输局 .* 77$/m);
    expect(r.stdout).toContain('第19名 县交通运输局 77分');
    expect(r.stdout).toContain(
      '四、逾期、滞后事项\n  ZD-2026-061 重点项目征地拆迁（城关镇）：逾期24个工作日\n',
    );
    expect(existsSync(docx)).toBe(true);
  }, 60_000);

  it('gives the quarter as JSON, each unit’s score the sum of its three months', () => {
    const json = (args: string[]) =>
      JSON.parse(duban(['report', '--workbook', workbook, '--date', '2026-11-03', '--json', ...args]).stdout);
    const quarter = json(['--quarter', '2026Q3']);
    expect(quarter.period.label).toBe('2026年第三季度');
    const months = ['2026-07', '2026-08', '2026-09'].map((m) => json(['--month', m]));
    const scoreOf = (b: { units: Array<{ unit: string; score: number }> }, unit: string) =>
      b.units.find((u) => u.unit === unit)!.score;
    for (const u of quarter.units) expect(u.score).toBe(months.reduce((n, b) => n + scoreOf(b, u.unit), 0));
  }, 60_000);

  it('says in Chinese what a period may look like, and asks for one', () => {
    const bad = duban(['report', '--workbook', workbook, '--month', '2026年10月']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('期间"2026年10月"无法识别，应为月份 2026-10、季度 2026Q3 或年度 2026');
    expect(duban(['report', '--workbook', workbook]).stderr).toContain(
      '请给出 --month、--quarter、--year 中的一个',
    );
  }, 60_000);
});
