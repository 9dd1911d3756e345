import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeEnv, type Runtime } from '../../src/runtime/env';
import { ADMIN_TOKEN, SERVICE_ACCOUNT, serviceAccountJson } from './fixtures';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const good = {
  DUBAN_SPREADSHEET_ID: ID,
  GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(),
  DUBAN_ADMIN_TOKEN: ADMIN_TOKEN,
};

function problemsOf(env: Record<string, unknown>, runtime: Runtime = 'workers'): string[] {
  const result = parseRuntimeEnv(env, runtime);
  return result.ok ? [] : result.problems;
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
      'DUBAN_SPREADSHEET_ID is missing: Cloudflare Workers needs the id of the Google spreadsheet (the part of its ' +
        'URL between /d/ and /edit); set it under [vars] in wrangler.toml.',
    ]);
    expect(problemsOf(env, 'cloud-functions')[0]).toMatch(
      /^DUBAN_SPREADSHEET_ID is missing: Cloud Functions needs .* --set-env-vars DUBAN_SPREADSHEET_ID=/,
    );
  });

  it('treats the empty placeholders of wrangler.toml as missing, and lists every problem at once', () => {
    const problems = problemsOf({
      DUBAN_SPREADSHEET_ID: '',
      DUBAN_ADMIN_TOKEN: ' ',
      GOOGLE_SERVICE_ACCOUNT_JSON: '',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'DUBAN_SPREADSHEET_ID',
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'DUBAN_ADMIN_TOKEN',
    ]);
    expect(() => loadRuntimeConfig({}, 'workers')).toThrow(
      /^\[runtime:env\] the environment is not usable:\n- /,
    );
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
      expect.stringMatching(/^GOOGLE_SERVICE_ACCOUNT_JSON is not valid JSON: paste the whole key file/),
    ]);
    expect(problems.join('')).not.toMatch(/MIIEv|BEGIN/);
  });

  it('names the missing fields of a key that is JSON but not a service-account key', () => {
    const problems = problemsOf({
      ...good,
      GOOGLE_SERVICE_ACCOUNT_JSON: '{"type":"authorized_user","client_id":"x"}',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^GOOGLE_SERVICE_ACCOUNT_JSON is not a usable service-account key \(/);
    expect(problems[0]).toContain('type must be "service_account"');
    expect(problems[0]).toContain('client_email is missing');
    expect(problems[0]).toContain('private_key is missing');
  });

  it('needs the key on Workers, and falls back to Application Default Credentials on Cloud Functions', () => {
    const env = { ...good, GOOGLE_SERVICE_ACCOUNT_JSON: undefined };
    expect(problemsOf(env, 'workers')).toEqual([
      expect.stringMatching(
        /^GOOGLE_SERVICE_ACCOUNT_JSON is missing: Cloudflare Workers have no Google identity/,
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
        /^DUBAN_VIEWER_TOKEN is too short: use at least 16 random characters .*wrangler secret put DUBAN_VIEWER_TOKEN/,
      ),
    ]);
  });

  it('refuses a short admin token', () => {
    expect(problemsOf({ ...good, DUBAN_ADMIN_TOKEN: 'secret' })).toEqual([
      expect.stringMatching(/^DUBAN_ADMIN_TOKEN is too short: use at least 16 random characters/),
    ]);
  });

  it('reads DUBAN_MAIL_FROM with a display name, and says when it is not an address', () => {
    const config = loadRuntimeConfig(
      { ...good, DUBAN_MAIL_FROM: '县政府督查室 <duban@example.gov.cn>' },
      'workers',
    );
    expect(config.from).toEqual({ name: '县政府督查室', address: 'duban@example.gov.cn' });
    expect(problemsOf({ ...good, DUBAN_MAIL_FROM: '县政府督查室' })).toEqual([
      expect.stringMatching(/^DUBAN_MAIL_FROM is not an e-mail address/),
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
        /^DUBAN_SMTP_HOST must be an IP address on Cloudflare Workers \(workerd has no dns\.lookup/,
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
      expect.stringMatching(/^DUBAN_SMTP_HOST is missing while DUBAN_SMTP_USER, DUBAN_SMTP_PASS are set/),
    ]);
    expect(problemsOf({ ...good, DUBAN_SMTP_HOST: '203.0.113.25', DUBAN_SMTP_USER: 'duban' })).toEqual([
      expect.stringMatching(
        /^DUBAN_SMTP_PASS is missing while DUBAN_SMTP_USER is set: run `wrangler secret put DUBAN_SMTP_PASS`/,
      ),
    ]);
    expect(problemsOf({ ...good, DUBAN_SMTP_HOST: '203.0.113.25', DUBAN_SMTP_PORT: 'smtp' })).toEqual([
      expect.stringMatching(/^DUBAN_SMTP_PORT is not a port number/),
    ]);
  });
});
