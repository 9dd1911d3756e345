import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../sheets-templates/cli/template';
import { readBack, rowsOf } from './read-back';

let dir: string;
let errors: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-template-'));
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('duban template', () => {
  it('writes the template, then refuses to overwrite it without --force', async () => {
    const file = join(dir, 'duban-template.xlsx');
    expect(await run(['--out', file])).toBe(0);
    const first = readBack(await readFile(file));
    expect(first.wb.SheetNames).toContain('挂图作战表');

    await writeFile(file, 'staff work that must survive');
    expect(await run(['--out', file])).toBe(2);
    expect(await readFile(file, 'utf8')).toBe('staff work that must survive');
    expect(errors.join('\n')).toContain('文件已存在');
    expect(errors.join('\n')).toContain('--force');

    expect(await run(['--out', file, '--force'])).toBe(0);
    expect((await stat(file)).size).toBeGreaterThan(10_000);
  });

  it('writes a demo workbook as of the given day', async () => {
    const file = join(dir, 'demo.xlsx');
    expect(await run(['--demo', '--year', '2026', '--as-of', '2026-06-15', '--out', file])).toBe(0);
    const book = readBack(await readFile(file));
    expect(rowsOf(book.wb.Sheets['挂图作战表']!, 2).length).toBeGreaterThanOrEqual(60);
  });

  it('explains bad options in Chinese and exits 2', async () => {
    expect(await run(['--demo', '--as-of', '2026-02-30', '--out', join(dir, 'x.xlsx')])).toBe(2);
    expect(errors.at(-1)).toContain('YYYY-MM-DD');
    expect(
      await run(['--demo', '--year', '2025', '--as-of', '2026-06-15', '--out', join(dir, 'x.xlsx')]),
    ).toBe(2);
    expect(errors.at(-1)).toContain('不在 2025 年内');
    expect(await run(['--bogus'])).toBe(2);
    expect(errors.at(-1)).toContain('参数有误');
  });

  it('writes only a .xlsx name: a .csv or .xls would be an Excel workbook under a name Excel refuses', async () => {
    for (const name of ['t.csv', 't.xls', 't']) {
      expect(await run(['--out', join(dir, name)])).toBe(2);
      expect(errors.at(-1)).toContain('文件名须以 .xlsx 结尾');
      await expect(stat(join(dir, name))).rejects.toThrow();
    }
    expect(await run(['--out', join(dir, 'no-such-folder', 't.xlsx')])).toBe(1);
    expect(errors.at(-1)).toContain('所在文件夹不存在');
  });
});
