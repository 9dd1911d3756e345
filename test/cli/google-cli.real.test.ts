/**
 * `duban init --google` and `duban scan --sheet` as a clerk runs them: `node bin/duban.js …` in a child process,
 * credentials only from the environment (a service-account key whose token_uri is the local server's /token), the
 * Sheets API at a local server that accepts only the tokens it issued.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as init } from '../../sheets-templates/cli/init';
import { TAB_NAMES, GUIDE_TAB } from '../../src/workbook/schema/tabs';
import { startSheetsServer, type SheetsServer } from '../sheets-server/server';

const SA = 'duban-cli@county-duban.iam.gserviceaccount.com';
const ROOT = join(import.meta.dirname, '..', '..');
let server: SheetsServer;
let dir: string;
let keyJson: string;

beforeAll(async () => {
  server = await startSheetsServer({ requireIssuedTokens: true });
  dir = await mkdtemp(join(tmpdir(), 'duban-google-cli-'));
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  keyJson = JSON.stringify({
    type: 'service_account',
    project_id: 'county-duban',
    private_key_id: 'k1',
    private_key: privateKey,
    client_email: SA,
    token_uri: `${server.url}/token`,
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI with only the given Google variables set (none inherited from the developer's shell). */
function duban(args: string[], google: Record<string, string>): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DUBAN_SHEETS_ROOT_URL: `${server.url}/`, ...google };
  for (const k of ['GOOGLE_SERVICE_ACCOUNT_JSON', 'GOOGLE_APPLICATION_CREDENTIALS'])
    if (!(k in google)) delete env[k];
  return new Promise((resolve) => {
    execFile('node', ['bin/duban.js', ...args], { cwd: ROOT, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const withKey = () => ({ GOOGLE_SERVICE_ACCOUNT_JSON: keyJson });

describe('duban init --google then duban scan --sheet', () => {
  let spreadsheetId: string;
  let url: string;

  beforeAll(async () => {
    const run = await duban(
      ['init', '--google', '--demo', '--as-of', '2026-06-15', '--title', '城关县督查督办'],
      withKey(),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    url = /网址：(\S+)/.exec(run.stdout)![1]!;
    spreadsheetId = /表格 ID：(\S+)/.exec(run.stdout)![1]!;
  }, 60_000);

  it('creates the demo spreadsheet as the service account and prints its URL and id', () => {
    expect(url).toBe(`https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`);
    const ss = server.state.spreadsheets.get(spreadsheetId)!;
    expect(ss.properties.title).toBe('城关县督查督办');
    expect(ss.sheets.map((s) => s.properties.title)).toEqual([GUIDE_TAB, ...TAB_NAMES]);
    const map = ss.sheets.find((s) => s.properties.title === '挂图作战表')!;
    expect(map.rows[2]!.cells[1]?.userEnteredValue?.stringValue).toBe('ZD-2026-001');
    const audit = ss.sheets.find((s) => s.properties.title === '审计日志')!;
    expect(audit.protectedRanges[0]!.editors).toEqual({ users: [SA] });
    expect(server.tokenRequests.map((c) => c.iss)).toContain(SA);
  });

  it('scans the spreadsheet by its URL, writes the notices to the outbox and registers them in the sheet', async () => {
    const outbox = join(dir, 'outbox');
    const run = await duban(
      ['scan', '--sheet', url, '--date', '2026-06-15', '--json', '--outbox', outbox],
      withKey(),
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      date: string;
      tasks: number;
      byCard: Record<string, number>;
      notices: { created: number; sent: number };
      auditRows: number;
    };
    expect(summary.date).toBe('2026-06-15');
    expect(summary.tasks).toBeGreaterThan(60);
    expect(summary.byCard.红牌).toBeGreaterThan(0);
    expect(summary.notices.created).toBeGreaterThan(0);
    const emails = (await readdir(outbox)).filter((f) => f.endsWith('.eml'));
    expect(emails.length).toBeGreaterThanOrEqual(summary.notices.sent);
    const tab = (name: string) =>
      server.state.spreadsheets.get(spreadsheetId)!.sheets.find((s) => s.properties.title === name)!;
    const filled = (name: string) =>
      tab(name).rows.filter((r) => r.cells.some((c) => c?.userEnteredValue)).length;
    expect(filled('审计日志') - 1).toBe(summary.auditRows);
    expect(filled('文书登记')).toBeGreaterThan(1 + 3);
  }, 60_000);

  it('reads but writes nothing with --dry-run', async () => {
    server.resetCalls();
    const run = await duban(
      ['scan', '--sheet', spreadsheetId, '--date', '2026-06-16', '--dry-run'],
      withKey(),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('【试运行，未写入】2026-06-16');
    const methods = new Set(server.calls.map((c) => c.method));
    expect([...methods].sort()).toEqual(['spreadsheets.get', 'spreadsheets.values.batchGet']);
  }, 60_000);
});

/** The 规则配置 value of `key` in a spreadsheet on the local server, as the clerk sees it. */
function configValue(spreadsheetId: string, key: string): string | undefined {
  const tab = server.state.spreadsheets.get(spreadsheetId)!.sheets.find((s) => s.properties.title === '规则配置')!;
  const row = tab.rows.find((r) => r.cells[0]?.userEnteredValue?.stringValue === key);
  const value = row?.cells[1]?.userEnteredValue;
  return value?.stringValue ?? (value?.numberValue === undefined ? undefined : String(value.numberValue));
}

describe('duban init --google chooses the 工作年度 as a local init does', () => {
  it('writes --year into 规则配置 and the title', async () => {
    const run = await duban(['init', '--google', '--year', '2027'], withKey());
    expect(run.code, run.stderr).toBe(0);
    const id = /表格 ID：(\S+)/.exec(run.stdout)![1]!;
    expect(run.stdout).toContain('已创建 Google 表格「督查督办（2027年）」（2027年度）');
    expect(configValue(id, '工作年度')).toBe('2027');
  }, 60_000);

  it('in December makes next year’s sheet unless told otherwise, and says so first', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
    vi.stubEnv('GOOGLE_SERVICE_ACCOUNT_JSON', keyJson);
    vi.stubEnv('DUBAN_SHEETS_ROOT_URL', `${server.url}/`);
    try {
      const noTerminal = { interactive: false, ask: async () => '' };
      expect(await init(['--google'], noTerminal, new Date('2026-12-03T02:00:00Z'))).toBe(0);
    } finally {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    }
    const printed = out.join('\n');
    expect(printed).toMatch(/^今天是2026年12月：新工作簿的工作年度定为下一年度（2027年）/);
    expect(printed).toContain('加 --year 2026 重新运行');
    const id = /表格 ID：(\S+)/.exec(printed)![1]!;
    expect(configValue(id, '工作年度')).toBe('2027');
    expect(server.state.spreadsheets.get(id)!.properties.title).toBe('督查督办（2027年）');
  }, 60_000);

  it('refuses a bad --year, and --year with --demo, before calling Google', async () => {
    server.resetCalls();
    const bad = await duban(['init', '--google', '--year', '27'], withKey());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--year "27" 应为四位年份');
    const demo = await duban(['init', '--google', '--demo', '--year', '2027'], withKey());
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('--year 不用于 --demo');
    expect(server.calls).toEqual([]);
  }, 60_000);
});

describe('credentials and sharing problems, explained in Chinese', () => {
  it('names both environment variables and the sharing step when no credential is set', async () => {
    const run = await duban(['scan', '--sheet', '1AbCdEfGhIjKlMnOp'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GOOGLE_SERVICE_ACCOUNT_JSON');
    expect(run.stderr).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(run.stderr).toContain('共享');
    const init = await duban(['init', '--google'], {});
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('未找到 Google 凭据');
  }, 60_000);

  it('says which account to share the spreadsheet with when it is not shared', async () => {
    const spreadsheetId = server.seed({
      sheets: [{ title: '挂图作战表' }],
      sharedWith: ['someone@else.example'],
    });
    const run = await duban(['scan', '--sheet', spreadsheetId, '--date', '2026-06-15'], withKey());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`没有访问表格 ${spreadsheetId} 的权限`);
    expect(run.stderr).toContain(`把服务账号 ${SA} 添加为“编辑者”`);
  }, 60_000);

  it('takes the key from the file named by GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const file = join(dir, 'key.json');
    await writeFile(file, keyJson);
    const run = await duban(['init', '--google', '--year', '2026'], {
      GOOGLE_APPLICATION_CREDENTIALS: file,
    });
    expect(run.code, run.stderr).toBe(0);
    const id = /表格 ID：(\S+)/.exec(run.stdout)![1]!;
    expect(server.state.spreadsheets.get(id)!.properties.title).toBe('督查督办（2026年）');
  }, 60_000);

  it('rejects a key that is not a service-account key, in Chinese, as the runtimes word it', async () => {
    const run = await duban(['init', '--google'], { GOOGLE_SERVICE_ACCOUNT_JSON: '{"client_email":"x"}' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('设置 GOOGLE_SERVICE_ACCOUNT_JSON（Google 服务账号密钥）不是可用的服务账号密钥');
  }, 60_000);

  it('never quotes the key: a pasted key with a typo is named, its text is not printed', async () => {
    const secret = '-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC';
    const run = await duban(['init', '--google'], {
      GOOGLE_SERVICE_ACCOUNT_JSON: `{"type":"service_account","private_key":"${secret}",,}`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不是有效的 JSON');
    expect(run.stderr).not.toContain('MIIEvQ');
  }, 60_000);
});
