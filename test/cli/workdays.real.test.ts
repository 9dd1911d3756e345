import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `duban workdays …` the way a user does: a real process through bin/duban.js. */
function duban(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/duban.js', 'workdays', ...args],
      { cwd: root },
      function done(_error, stdout, stderr) {
        resolve({ code: child.exitCode, stdout, stderr });
      },
    );
  });
}

describe.concurrent('duban workdays add', () => {
  test('--json prints exactly one JSON object: N working days later across the Spring Festival', async () => {
    const { code, stdout, stderr } = await duban('add', '2026-02-13', '2', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ date: '2026-02-24', provisional: false });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  test('negative and zero N', async () => {
    expect(JSON.parse((await duban('add', '2026-02-24', '-1', '--json')).stdout)).toEqual({
      date: '2026-02-14',
      provisional: false,
    });
    expect(JSON.parse((await duban('--json', 'add', '2026-10-03', '0')).stdout)).toEqual({
      date: '2026-10-08',
      provisional: false,
    });
  });

  test('a short Chinese line, flagging a provisional year', async () => {
    expect((await duban('add', '2026-02-13', '2')).stdout).toBe('2026-02-24 （工作日）\n');
    const { code, stdout } = await duban('add', '2026-12-31', '1');
    expect(code).toBe(0);
    expect(stdout).toBe('2027-01-04 （工作日；2027年为推算日历，以国务院公布为准）\n');
    expect(JSON.parse((await duban('add', '2026-12-31', '1', '--json')).stdout)).toEqual({
      date: '2027-01-04',
      provisional: true,
    });
  });
});

describe.concurrent('duban workdays check', () => {
  test('a holiday in a provisional year', async () => {
    const { code, stdout } = await duban('check', '2027-01-01');
    expect(code).toBe(0);
    expect(stdout).toBe('2027-01-01 休息日 元旦（2027年为推算日历，以国务院公布为准）\n');
    expect(JSON.parse((await duban('check', '2027-01-01', '--json')).stdout)).toEqual({
      date: '2027-01-01',
      workday: false,
      holiday: '元旦',
      provisional: true,
    });
  });

  test('a make-up Saturday is a working day', async () => {
    expect((await duban('check', '2026-02-14')).stdout).toBe('2026-02-14 工作日 春节调休\n');
    expect(JSON.parse((await duban('check', '2026-02-24', '--json')).stdout)).toEqual({
      date: '2026-02-24',
      workday: true,
      holiday: null,
      provisional: false,
    });
  });
});

describe('duban workdays --workbook', () => {
  test("counts with the 节假日 typed into the workbook, as its scans do; a missing file is a Chinese error", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workdays-'));
    const file = join(dir, '督办-2027.xlsx');
    await createWorkbook(file, null);
    // The State Council's 2027 schedule, as a clerk types it: 春节 2月5日–13日 off, 2月20日 worked.
    await createXlsxPackageStore(file).append('节假日', [
      ...['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((day) => ({
        日期: day,
        类型: '放假',
        名称: '春节',
      })),
      { 日期: '2027-02-20', 类型: '调休上班', 名称: '春节' },
    ]);
    const typed = await duban('check', '2027-02-20', '--workbook', file, '--json');
    expect(typed.stderr).toBe('');
    expect(JSON.parse(typed.stdout)).toEqual({ date: '2027-02-20', workday: true, holiday: '春节调休', provisional: false });
    expect(JSON.parse((await duban('check', '2027-02-20', '--json')).stdout)).toMatchObject({ workday: false, provisional: true });
    const missing = await duban('check', '2027-02-20', '--workbook', join(dir, '没有.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取工作簿');
    expect(missing.stdout).toBe('');
  });
});

describe.concurrent('bad input exits 2 with a Chinese message on stderr and nothing on stdout', () => {
  test.each([
    [['add', '2026-02-30', '1'], '日期 "2026-02-30" 无效：请写成 YYYY-MM-DD'],
    [['add', '2026-02-01', '三'], '工作日数 "三" 无效：请写整数'],
    [['add', '2026-02-01'], 'add 需要两个参数'],
    [['check', '2070-01-01', '--json'], '超出工作日历范围（2004–2060年）'],
    [['add', '2060-12-30', '10'], '结果超出工作日历范围'],
    [['remove', '2026-01-01'], '不认识的子命令 "remove"'],
    [['check', '2026-01-01', '--xml'], '不认识的选项 --xml'],
  ])('%j', async (args, phrase) => {
    const { code, stdout, stderr } = await duban(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(phrase);
    expect(stderr).toContain('用法：');
  });
});
