/**
 * Issue 13: a CLI that helps — Chinese help everywhere, `--help` never acts, typo suggestions, Chinese errors — and
 * the service definitions (Dockerfile, systemd unit, WinSW config) start `duban serve` with options it knows.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { templateCommands } from '../../sheets-templates/cli/commands';
import { cliCommands } from '../../src/cli/commands';
import { runCli } from '../../src/cli/main';

const commands = { ...cliCommands, ...templateCommands };
let out: string[] = [];
let err: string[] = [];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(String(s)));
});
afterEach(() => vi.restoreAllMocks());

/** Path → sha256 of every file in `dir` (and its folders when `deep`), to see that nothing changed. */
function hashes(dir: string, deep = true, into = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (deep) hashes(path, deep, into);
    } else into.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return into;
}

/** Where a command acting by mistake would write: the working folder (template, start's data/). */
const workingFolder = () => new Map([...hashes('.', false), ...hashes('data')]);

const chinese = /[\u4e00-\u9fff]/;

describe('duban help', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])(
    'duban %j prints the Chinese overview with exit codes',
    async (argv) => {
      expect(await runCli(argv, commands)).toBe(0);
      const text = out.join('\n');
      expect(text).toContain('用法：duban <命令> [参数]');
      for (const name of Object.keys(commands)) expect(text).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      expect(text).toMatch(/退出码：\n {2}0 {2}成功\n {2}1 .*\n {2}2 {2}命令或参数有误/);
    },
  );

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runCli(['--version'], commands)).toBe(0);
    expect(out).toEqual([`duban ${version}`]);
  });

  it("every subcommand's --help prints Chinese help and changes nothing (file hashes before and after)", async () => {
    const before = workingFolder();
    for (const name of Object.keys(commands)) {
      out = [];
      expect(await runCli([name, '--help'], commands), name).toBe(0);
      expect(out.join('\n'), name).toMatch(/用法：/);
      expect(out.join('\n'), name).toMatch(chinese);
      out = [];
      expect(await runCli(['help', name], commands), `help ${name}`).toBe(0);
      expect(out.join('\n')).toMatch(/用法：/);
    }
    expect(workingFolder()).toEqual(before);
  });

  it('suggests the command meant by a typo, in Chinese, with exit code 2', async () => {
    expect(await runCli(['sacn'], commands)).toBe(2);
    expect(err.join('\n')).toMatch(/^duban：没有命令“sacn”。\n您是不是要输入 duban scan？\n可用的命令：/);
    expect(await runCli(['serv'], commands)).toBe(2);
    expect(err.at(-1)).toContain('您是不是要输入 duban serve？');
    expect(await runCli(['xyzzy'], commands)).toBe(2);
    expect(err.at(-1)).not.toContain('您是不是');
  });

  it('says every argument error in Chinese, with the closest option and the usage', async () => {
    expect(await runCli(['scan', '--wokbook', 'x.xlsx'], commands)).toBe(2);
    expect(err.at(-1)).toMatch(
      /^duban scan：参数有误：不认识的参数 --wokbook，您是不是要输入 --workbook？\n用法：/,
    );
    expect(await runCli(['scan', '--workbook'], commands)).toBe(2);
    expect(err.at(-1)).toMatch(/--workbook 后面缺少取值/);
    expect(await runCli(['serve', '--no-schedule=1'], commands)).toBe(2);
    expect(err.at(-1)).toMatch(/--no-schedule 是开关，后面不用写值/);
    expect(await runCli(['start', 'now'], commands)).toBe(2);
    expect(err.at(-1)).toMatch(/^duban start：参数有误：多余的内容“now”/);
    for (const line of err) expect(line).not.toMatch(/Unknown option|argument missing|Unexpected argument/);
  });

  it('duban serve on a port already taken explains it in Chinese (terminal and log) and scans nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-busy-'));
    const workbook = join(dir, '督办.xlsx');
    await createWorkbook(workbook, '2026-11-20');
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const before = hashes(dir);
    try {
      expect(await runCli(['serve', '--workbook', workbook, '--port', String(port)], commands)).toBe(1);
    } finally {
      busy.close();
    }
    expect(err.at(-1)).toBe(
      `duban serve：端口 ${port} 已被占用：可能已有一个 duban serve 或 npm start 在运行（请先按 Ctrl+C 关闭它），或用 --port（npm start 用环境变量 PORT）换一个端口，如 --port 8788。`,
    );
    const after = hashes(dir);
    const log = join(dir, 'duban.log');
    expect(readFileSync(log, 'utf8')).toMatch(/ERROR duban serve：端口 \d+ 已被占用/);
    after.delete(log);
    // The signed-link key made on first start is kept for the next one; it is not a scan's output.
    after.delete(join(dir, '.duban-link-secret'));
    expect(after).toEqual(before); // nothing scanned, nothing written but the log
  });
});

/** `--workbook X` → `--workbook /nonexistent/…`, quotes removed. */
function withMissingWorkbook(args: string[]): string[] {
  return args.map((a, i) =>
    args[i - 1] === '--workbook' ? '/nonexistent/duban.xlsx' : a.replace(/^"|"$/g, ''),
  );
}

const docker = (): string[] =>
  JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))![1]!) as string[];
const systemd = (): string[] =>
  /^ExecStart=.*? \S+duban\.js (.*)$/m.exec(readFileSync('deploy/duban.service', 'utf8'))![1]!.split(' ');
const winsw = (): string[] =>
  /<arguments>"[^"]+duban\.js" (.*)<\/arguments>/
    .exec(readFileSync('deploy/windows/duban-service.xml', 'utf8'))![1]!
    .match(/"[^"]*"|\S+/g)!;

describe('service definitions start duban serve with options it knows', () => {
  it.each([
    ['Dockerfile', docker],
    ['deploy/duban.service', systemd],
    ['deploy/windows/duban-service.xml', winsw],
  ])('%s', async (_name, argsOf) => {
    const args = argsOf();
    expect(args[0]).toBe('serve');
    expect(await runCli(withMissingWorkbook(args), cliCommands)).toBe(2);
    expect(err.join('\n')).toMatch(/^duban serve：找不到工作簿 \/nonexistent\/duban\.xlsx/);
  });

  it('a --date that is no date, empty or outside the working-day calendar is a setting error, said in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-date-'));
    const workbook = join(dir, 'demo.xlsx');
    await createWorkbook(workbook, '2026-06-15');
    for (const [date, said] of [
      ['1999-01-01', '超出工作日日历的范围（2004—2060 年）'],
      ['', '不是有效日期，应为 YYYY-MM-DD'],
      ['2026-02-30', '不是有效日期，应为 YYYY-MM-DD'],
    ] as const) {
      err = [];
      expect(await runCli(['scan', '--workbook', workbook, '--date', date, '--dry-run'], cliCommands)).toBe(
        2,
      );
      expect(err.join('\n')).toContain(`--date "${date}" ${said}`);
    }
  });

  it('duban serve with a too-short DUBAN_ADMIN_TOKEN is a setting error (exit 2) that says how to make one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-token-'));
    const workbook = join(dir, 'demo.xlsx');
    await createWorkbook(workbook, '2026-06-15');
    vi.stubEnv('DUBAN_ADMIN_TOKEN', 'short');
    try {
      err = [];
      expect(
        await runCli(['serve', '--workbook', workbook, '--no-schedule', '--port', '18895'], cliCommands),
      ).toBe(2);
      const said = err.join('\n');
      expect(said).toContain('设置 DUBAN_ADMIN_TOKEN（管理令牌）太短：须为至少 16 个随机字符');
      expect(said).toContain('[guid]::NewGuid().ToString("N")');
      expect(said).toContain('修改位置：工作簿旁的 duban.env');
      expect(said).not.toMatch(/short|too short/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('npm start with a PORT that is not a port number is a setting error (exit 2) naming PORT, before it makes anything', async () => {
    const before = workingFolder();
    vi.stubEnv('PORT', '87870');
    try {
      expect(await runCli(['start'], commands)).toBe(2);
      expect(err.join('\n')).toMatch(
        /^duban start：设置 PORT（npm start 的端口）不是端口号：请写 1–65535 的整数，例如 PORT=8788。/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
    expect(workingFolder()).toEqual(before);
  });

  it('duban scan and duban mail test stop with exit 2 on a bad DUBAN_SMTP_URL in duban.env, saying it in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-smtp-url-'));
    const workbook = join(dir, 'demo.xlsx');
    await createWorkbook(workbook, '2026-06-15');
    writeFileSync(join(dir, 'duban.env'), 'DUBAN_SMTP_URL=http://duban:pa55word@mail.example.gov.cn\n');
    for (const args of [
      ['scan', '--workbook', workbook, '--dry-run'],
      ['mail', 'test', '--to', 'duban@example.gov.cn', '--workbook', workbook],
    ]) {
      err = [];
      expect(await runCli(args, cliCommands), args[0]).toBe(2);
      const said = err.join('\n');
      expect(said).toContain('设置 DUBAN_SMTP_URL（邮件服务器）不是邮件服务器地址：请写 smtps://');
      expect(said).not.toContain('pa55word');
    }
  });

  it('a mistyped workbook path is told to check the path, not to make a demo under the office’s file name', async () => {
    for (const command of ['scan', 'serve']) {
      err = [];
      expect(await runCli([command, '--workbook', '/nonexistent/督办-2026.xlsx'], cliCommands)).toBe(2);
      const said = err.join('\n');
      expect(said).toContain('请核对路径');
      expect(said).toContain('npx duban init --workbook /nonexistent/督办-2026.xlsx --org');
      expect(said).not.toContain('--demo --workbook /nonexistent/督办-2026.xlsx');
    }
  });
});
