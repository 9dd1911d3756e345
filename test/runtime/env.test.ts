import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeEnv, type Runtime } from '../../src/runtime/env';
import { ADMIN_TOKEN, SERVICE_ACCOUNT, serviceAccountJson } from './fixtures';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const good = {
  DUBAN_SPREADSHEET_ID: ID,
  GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(),
  DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
};

/** The Chinese messages of the problems. */
function problemsOf(env: Record<string, unknown>, runtime: Runtime = 'workers'): string[] {
  const result = parseRuntimeEnv(env, runtime);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

/** The English log lines of the problems. */
function logsOf(env: Record<string, unknown>, runtime: Runtime = 'workers'): string[] {
  const result = parseRuntimeEnv(env, runtime);
  return result.ok ? [] : result.problems.map((p) => p.log);
}

describe('the runtime env', () => {
  it('gives a config with the key parsed, no mail transport and a default sender when only the required keys are set', () => {
    const config = loadRuntimeConfig(good, 'workers');
    expect(config.spreadsheetId).toBe(ID);
    expect(config.serviceAccountKey?.client_email).toBe(SERVICE_ACCOUNT);
    expect(config.smtp).toBeNull();
    expect(config.from).toEqual({ name: '督查室', address: 'duban@localhost' });
  });

  it('names a missing DUBAN_SPREADSHEET_ID, where to find it and how to set it on each runtime', () => {
    const env = { ...good, DUBAN_SPREADSHEET_ID: undefined };
    expect(problemsOf(env, 'workers')).toEqual([
      '设置 DUBAN_SPREADSHEET_ID（Google 表格 ID）未设置：Cloudflare Workers 需要 Google 表格的 ID，即表格网址中 /d/ 与 ' +
        '/edit 之间的部分（也可粘贴整个网址），例如 DUBAN_SPREADSHEET_ID=1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde。' +
        '修改位置：wrangler.toml 的 [vars]，改后运行 wrangler deploy。',
    ]);
    expect(problemsOf(env, 'cloud-functions')[0]).toMatch(
      /^设置 DUBAN_SPREADSHEET_ID（Google 表格 ID）未设置：Cloud Functions 需要.*--set-env-vars DUBAN_SPREADSHEET_ID=/,
    );
    expect(logsOf(env, 'workers')).toEqual([
      'DUBAN_SPREADSHEET_ID is missing: Cloudflare Workers needs the id of the Google spreadsheet (the part of its ' +
        'URL between /d/ and /edit); set it under [vars] in wrangler.toml.',
    ]);
  });

  it('treats the empty placeholders of wrangler.toml as missing, and lists every problem at once', () => {
    const problems = problemsOf({
      DUBAN_SPREADSHEET_ID: '',
      DUBAN_ADMIN_TOKEN: ' ',
      GOOGLE_SERVICE_ACCOUNT_JSON: '',
    });
    expect(problems.map((p) => p.split(/[ （]/)[1])).toEqual([
      'DUBAN_SPREADSHEET_ID',
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'DUBAN_ADMIN_TOKEN',
    ]);
    expect(() => loadRuntimeConfig({}, 'workers')).toThrow(
      /^\[runtime:env\] the environment is not usable:\n- /,
    );
  });

  it('names a binding that is not text at all (a number in wrangler.toml), and where to set it', () => {
    expect(problemsOf({ ...good, DUBAN_ADMIN_TOKEN: 1234567890123456 })).toEqual([
      '设置 DUBAN_ADMIN_TOKEN（管理令牌）的值无法识别：请写成一行文字，例如 DUBAN_ADMIN_TOKEN=…。' +
        '修改方法：运行 wrangler secret put DUBAN_ADMIN_TOKEN。',
    ]);
    expect(logsOf({ ...good, DUBAN_ADMIN_TOKEN: 1234567890123456 })[0]).toMatch(/^DUBAN_ADMIN_TOKEN: /);
  });

  it('accepts the spreadsheet URL copied from the browser', () => {
    const config = loadRuntimeConfig(
      { ...good, DUBAN_SPREADSHEET_ID: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0` },
      'workers',
    );
    expect(config.spreadsheetId).toBe(ID);
  });

  it('says a service-account key that is not JSON is not JSON, without echoing any of it', () => {
    const pasted = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg';
    const problems = problemsOf({ ...good, GOOGLE_SERVICE_ACCOUNT_JSON: pasted });
    expect(problems).toEqual([
      expect.stringMatching(
        /^设置 GOOGLE_SERVICE_ACCOUNT_JSON（Google 服务账号密钥）不是有效的 JSON：请粘贴.*整个密钥文件/,
      ),
    ]);
    expect(problems.join('') + logsOf({ ...good, GOOGLE_SERVICE_ACCOUNT_JSON: pasted }).join('')).not.toMatch(
      /MIIEv|BEGIN/,
    );
  });

  it('names the missing fields of a key that is JSON but not a service-account key', () => {
    const problems = problemsOf({
      ...good,
      GOOGLE_SERVICE_ACCOUNT_JSON: '{"type":"authorized_user","client_id":"x"}',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^设置 GOOGLE_SERVICE_ACCOUNT_JSON（Google 服务账号密钥）不是可用的服务账号密钥（type、client_email、private_key 缺少或有误）：/,
    );
    expect(problems[0]).toContain('而不是 OAuth 客户端或 API 密钥');
  });

  it('needs the key on Workers, and falls back to Application Default Credentials on Cloud Functions', () => {
    const env = { ...good, GOOGLE_SERVICE_ACCOUNT_JSON: undefined };
    expect(problemsOf(env, 'workers')).toEqual([
      expect.stringMatching(
        /^设置 GOOGLE_SERVICE_ACCOUNT_JSON（Google 服务账号密钥）未设置：Cloudflare Workers 没有自己的 Google 身份/,
      ),
    ]);
    expect(loadRuntimeConfig(env, 'cloud-functions').serviceAccountKey).toBeNull();
  });

  it('reads the optional DUBAN_VIEWER_TOKEN of the board, and refuses a short one', () => {
    expect(loadRuntimeConfig(good, 'workers').viewerToken).toBeUndefined();
    expect(loadRuntimeConfig({ ...good, DUBAN_VIEWER_TOKEN: 'v'.repeat(20) }, 'workers').viewerToken).toBe(
      'v'.repeat(20),
    );
    expect(problemsOf({ ...good, DUBAN_VIEWER_TOKEN: 'short' })).toEqual([
      expect.stringMatching(
        /^设置 DUBAN_VIEWER_TOKEN（领导看板令牌）太短：须为至少 16 个随机字符.*修改方法：运行 wrangler secret put DUBAN_VIEWER_TOKEN。$/,
      ),
    ]);
  });

  it('refuses a short admin token', () => {
    expect(problemsOf({ ...good, DUBAN_ADMIN_TOKEN: 'secret' })).toEqual([
      expect.stringMatching(/^设置 DUBAN_ADMIN_TOKEN（管理令牌）太短：须为至少 16 个随机字符/),
    ]);
  });

  it('reads DUBAN_MAIL_FROM with a display name, and says when it is not an address', () => {
    const config = loadRuntimeConfig(
      { ...good, DUBAN_MAIL_FROM: '县政府督查室 <duban@example.gov.cn>' },
      'workers',
    );
    expect(config.from).toEqual({ name: '县政府督查室', address: 'duban@example.gov.cn' });
    expect(problemsOf({ ...good, DUBAN_MAIL_FROM: '县政府督查室' })).toEqual([
      expect.stringMatching(/^设置 DUBAN_MAIL_FROM（发件人）不是电子邮箱地址/),
    ]);
  });

  it('on Workers wants the SMTP host as an IP address, because workerd cannot resolve names', () => {
    const smtp = {
      DUBAN_SMTP_HOST: 'smtp.example.gov.cn',
      DUBAN_SMTP_USER: 'duban@example.gov.cn',
      DUBAN_SMTP_PASS: 'p',
    };
    expect(problemsOf({ ...good, ...smtp }, 'workers')).toEqual([
      expect.stringMatching(
        /^设置 DUBAN_SMTP_HOST（邮件服务器地址）须为 IP 地址：Cloudflare Workers 无法解析域名/,
      ),
    ]);
    const onFunctions = loadRuntimeConfig({ ...good, ...smtp }, 'cloud-functions');
    expect(onFunctions.smtp).toEqual({
      host: 'smtp.example.gov.cn',
      port: 465,
      secure: true,
      user: 'duban@example.gov.cn',
      pass: 'p',
    });
    // Without DUBAN_MAIL_FROM the SMTP account is the sender, so the server accepts the envelope.
    expect(onFunctions.from.address).toBe('duban@example.gov.cn');
    const onWorkers = loadRuntimeConfig(
      { ...good, ...smtp, DUBAN_SMTP_HOST: '203.0.113.25', DUBAN_SMTP_PORT: '587' },
      'workers',
    );
    expect(onWorkers.smtp).toMatchObject({ host: '203.0.113.25', port: 587, secure: false });
  });

  it('says which SMTP key is missing when only part of SMTP is set', () => {
    expect(problemsOf({ ...good, DUBAN_SMTP_USER: 'duban@example.gov.cn', DUBAN_SMTP_PASS: 'p' })).toEqual([
      expect.stringMatching(
        /^设置 DUBAN_SMTP_HOST（邮件服务器地址）未设置，但设置了 DUBAN_SMTP_USER、DUBAN_SMTP_PASS：/,
      ),
    ]);
    expect(problemsOf({ ...good, DUBAN_SMTP_HOST: '203.0.113.25', DUBAN_SMTP_USER: 'duban' })).toEqual([
      expect.stringMatching(
        /^设置 DUBAN_SMTP_PASS（邮件密码）未设置，但设置了 DUBAN_SMTP_USER：.*运行 wrangler secret put DUBAN_SMTP_PASS。$/,
      ),
    ]);
    expect(problemsOf({ ...good, DUBAN_SMTP_HOST: '203.0.113.25', DUBAN_SMTP_PORT: 'smtp' })).toEqual([
      expect.stringMatching(/^设置 DUBAN_SMTP_PORT（邮件服务器端口）不是端口号：请写 1–65535 的整数/),
    ]);
  });
});
