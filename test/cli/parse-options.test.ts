import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandOptions, parseOptions } from '../../src/cli/parse-options';

const COMMAND = { name: 'scan', usage: '用法：\n  duban scan --workbook 文件.xlsx' };
const OPTIONS = { workbook: { type: 'string', short: 'w' }, help: { type: 'boolean', short: 'h' } } as const;

describe('a command’s options from the shell', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the values of known options', () => {
    expect(commandOptions(COMMAND, ['-w', '督办.xlsx'], OPTIONS)).toEqual({ values: { workbook: '督办.xlsx' } });
  });

  it('prints the usage for --help on stdout and exits 0', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(commandOptions(COMMAND, ['--help'], OPTIONS)).toBe(0);
    expect(out).toHaveBeenCalledWith(COMMAND.usage);
  });

  it('says in Chinese what is wrong, names the command, adds the usage on stderr and exits 2', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(commandOptions(COMMAND, ['--wokbook', 'a.xlsx'], OPTIONS)).toBe(2);
    expect(err).toHaveBeenCalledWith(
      `duban scan：参数有误：不认识的参数 --wokbook，您是不是要输入 --workbook？\n${COMMAND.usage}`,
    );
    expect(parseOptions(['-w'], OPTIONS)).toEqual({ error: '参数有误：--workbook 后面缺少取值' });
    expect(parseOptions(['a.xlsx'], OPTIONS)).toMatchObject({ error: expect.stringContaining('多余的内容“a.xlsx”') });
  });
});
