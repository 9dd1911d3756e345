/** Issue 13: `duban init` sets up a real office — its own names in 规则配置, no demo county anywhere, the next steps. */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../sheets-templates/cli/init';
import { writeEnvTemplate } from '../../sheets-templates/cli/init-office';
import { localEnvFor } from '../../src/local/config-file';

let out: string[] = [];
beforeEach(() => {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
});
afterEach(() => vi.restoreAllMocks());

const noTerminal = { interactive: false, ask: async () => '' };
const fresh = () => join(mkdtempSync(join(tmpdir(), 'duban-init-')), '督办-2027.xlsx');

async function everyCell(file: string): Promise<{ texts: string[]; config: Map<string, string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((cell) => void texts.push(`${ws.name}!${cell.address} ${cell.text}`))),
  );
  const config = new Map<string, string>();
  wb.getWorksheet('规则配置')!.eachRow((row) => config.set(row.getCell(1).text, row.getCell(2).text));
  return { texts, config };
}

describe('duban init for an office', () => {
  it('writes the office values into 规则配置, no demo county in any cell, a duban.env without secrets, the next three steps', async () => {
    const workbook = fresh();
    const code = await run(
      [
        '--workbook',
        workbook,
        '--org',
        '甲县人民政府办公室',
        '--prefix',
        '甲政督',
        '--email',
        'dcs@jia.gov.cn',
        '--year',
        '2027',
      ],
      noTerminal,
    );
    expect(code, out.join('\n')).toBe(0);
    const { texts, config } = await everyCell(workbook);
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.filter((t) => /临猗|临政督/.test(t))).toEqual([]);
    expect([
      config.get('机关名称'),
      config.get('文号前缀'),
      config.get('督查室邮箱'),
      config.get('工作年度'),
    ]).toEqual(['甲县人民政府办公室', '甲政督', 'dcs@jia.gov.cn', '2027']);
    const env = join(workbook, '..', 'duban.env');
    expect(readFileSync(env, 'utf8')).toMatch(
      /^# DUBAN_SMTP_URL=smtps:\/\/账号:密码@mail\.example\.gov\.cn:465$/m,
    );
    expect(readFileSync(env, 'utf8')).not.toMatch(/^[A-Z_]+=/m); // every setting commented out: no secret written
    if (process.platform !== 'win32') expect(statSync(env).mode & 0o077).toBe(0);
    const printed = out.join('\n');
    expect(printed).toContain('接下来三步：');
    expect(printed).toMatch(
      /1\. 用 Excel 或 WPS 打开[\s\S]*2\. 设置邮件服务器[\s\S]*npx duban mail test --to dcs@jia\.gov\.cn[\s\S]*3\. 先试扫描（不写入、不发送）：npx duban scan/,
    );
  });

  it('asks for what is missing at a terminal, again after a bad answer; without a terminal says what is left blank', async () => {
    const answers = ['乙县人民政府办公室', '乙政督〔', '', '乙政督', 'dcs@yi.gov.cn'];
    const asked: string[] = [];
    const workbook = fresh();
    const io = { interactive: true, ask: async (q: string) => (asked.push(q), answers.shift() ?? '') };
    expect(await run(['--workbook', workbook, '--year', '2027'], io)).toBe(0);
    expect(asked[0]).toMatch(/^机关名称/);
    expect(asked[2]).toMatch(/不能作文号前缀.*按回车后重新输入$/);
    const { config } = await everyCell(workbook);
    expect([config.get('机关名称'), config.get('文号前缀'), config.get('督查室邮箱')]).toEqual([
      '乙县人民政府办公室',
      '乙政督',
      'dcs@yi.gov.cn',
    ]);

    const blank = fresh();
    expect(await run(['--workbook', blank], noTerminal)).toBe(0);
    expect(out.join('\n')).toContain('规则配置中的 机关名称、文号前缀、督查室邮箱 尚未填写');
  });

  it('in December makes next year’s workbook unless told otherwise, and says so (or asks at a terminal)', async () => {
    const office = ['--org', '甲县人民政府办公室', '--prefix', '甲政督', '--email', 'dcs@jia.gov.cn'];
    const december = new Date('2026-12-03T01:00:00Z');
    const next = fresh();
    expect(await run(['--workbook', next, ...office], noTerminal, december)).toBe(0);
    expect((await everyCell(next)).config.get('工作年度')).toBe('2027');
    expect(out[0]).toMatch(/^今天是2026年12月：新工作簿的工作年度定为下一年度（2027年）/);
    expect(out[0]).toContain('加 --year 2026 重新运行');
    expect(out[0]).toContain('（甲县人民政府办公室，2027年度）');

    const asked: string[] = [];
    const answers = ['26', '', '2026']; // a bad year, Enter after the message, then this year
    const io = { interactive: true, ask: async (q: string) => (asked.push(q), answers.shift() ?? '') };
    const own = fresh();
    expect(await run(['--workbook', own, ...office], io, december)).toBe(0);
    expect(asked[0]).toContain('直接回车为 2027 年；要建本年度的工作簿请输入 2026');
    expect(asked[1]).toMatch(/“26”不是四位年份.*按回车后重新输入$/);
    expect((await everyCell(own)).config.get('工作年度')).toBe('2026');

    out = [];
    const november = fresh();
    expect(await run(['--workbook', november, ...office], noTerminal, new Date('2026-11-30T01:00:00Z'))).toBe(0);
    expect((await everyCell(november)).config.get('工作年度')).toBe('2026');
    expect(out.join('\n')).not.toContain('今天是');
  });

  it("duban.env also explains the link address, the leaders' board token and the link secret, each commented out", () => {
    const workbook = fresh();
    const text = readFileSync(writeEnvTemplate(workbook)!, 'utf8');
    for (const key of ['DUBAN_PUBLIC_URL', 'DUBAN_VIEWER_TOKEN', 'DUBAN_LINK_SECRET']) {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`# ${key}=`));
      expect(at, key).toBeGreaterThan(0);
      expect(lines[at - 1], key).toMatch(/^# .*[\u4e00-\u9fff]/); // a Chinese explanation right above
    }
    expect(text).not.toMatch(/^[A-Z_]+=/m);
    expect(text).toMatch(/^# DUBAN_(VIEWER_TOKEN|LINK_SECRET)=$/m); // no secret value, not even an example
    // The example address works as written once the clerk removes the #.
    writeFileSync(join(workbook, '..', 'duban.env'), text.replace(/^# (DUBAN_PUBLIC_URL=)/m, '$1'));
    expect(localEnvFor(workbook, {})).toMatchObject({
      ok: true,
      config: { publicUrl: 'http://192.168.1.20:8787' },
    });
  });

  it('the template shipped in the repository holds no demo county either', async () => {
    const { texts, config } = await everyCell('sheets-templates/duban-template.xlsx');
    expect(texts.filter((t) => /临猗|临政督/.test(t))).toEqual([]);
    expect(config.get('机关名称')).toBe('');
  });

  it('refuses bad values in Chinese with the usage, and writes nothing', async () => {
    const workbook = fresh();
    expect(await run(['--workbook', workbook, '--email', 'dcs'], noTerminal)).toBe(2);
    expect(out.at(-1)).toMatch(/^duban init：--email “dcs”不是电子邮箱地址[\s\S]*用法：/);
    expect(await run(['--workbook', workbook, '--year', '27'], noTerminal)).toBe(2);
    expect(out.at(-1)).toMatch(/--year "27" 应为四位年份/);
    expect(await run(['--workbook', workbook, '--demo', '--org', 'x'], noTerminal)).toBe(2);
    expect(await run(['--google', '--org', '甲县人民政府办公室'], noTerminal)).toBe(2);
    expect(out.at(-1)).toMatch(
      /^duban init：--org、--prefix、--email、--previous 目前只用于 \.xlsx 工作簿/,
    );
    expect(existsSync(workbook)).toBe(false);
    const xls = workbook.replace(/\.xlsx$/, '.xls');
    expect(await run(['--workbook', xls, '--demo'], noTerminal)).toBe(2);
    expect(out.at(-1)).toContain('文件名须以 .xlsx 结尾');
    expect(existsSync(xls)).toBe(false);
  });
});
