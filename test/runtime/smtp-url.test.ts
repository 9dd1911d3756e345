import { describe, expect, it } from 'vitest';
import { parseRuntimeEnv } from '../../src/runtime/env';
import { failureKind } from '../../src/mail/smtp';
import { explainSendFailure } from '../../src/mail/explain-failure';

const smtpOf = (env: Record<string, string>, runtime: 'local' | 'workers' = 'local') => {
  const r = parseRuntimeEnv(runtime === 'workers' ? { ...WORKERS, ...env } : env, runtime);
  return r.ok ? r.config : r.problems.map((p) => p.message);
};
const WORKERS = {
  DUBAN_SPREADSHEET_ID: 'abc',
  GOOGLE_SERVICE_ACCOUNT_JSON: '',
  DUBAN_ADMIN_TOKEN: 'x'.repeat(20),
};

describe('DUBAN_SMTP_URL: the mail server in one setting', () => {
  it('smtps:// is TLS on 465, smtp:// STARTTLS on 587; the account (percent-decoded) becomes the sender', () => {
    const tls = smtpOf({ DUBAN_SMTP_URL: 'smtps://duban%40x.gov.cn:p%40ss%3Aw@mail.x.gov.cn' });
    expect(tls).toMatchObject({
      smtp: { host: 'mail.x.gov.cn', port: 465, secure: true, user: 'duban@x.gov.cn', pass: 'p@ss:w' },
      from: { address: 'duban@x.gov.cn' },
    });
    expect(smtpOf({ DUBAN_SMTP_URL: 'smtp://u:p@10.0.0.5' })).toMatchObject({
      smtp: { host: '10.0.0.5', port: 587, secure: false },
    });
    expect(smtpOf({ DUBAN_SMTP_URL: 'smtp://10.0.0.5:25' })).toMatchObject({ smtp: { port: 25 } });
  });

  it('says what is wrong without quoting the password', () => {
    const problems = smtpOf({ DUBAN_SMTP_URL: 'http://u:topsecret@mail.x.gov.cn' }) as string[];
    expect(problems[0]).toMatch(/^设置 DUBAN_SMTP_URL（邮件服务器）不是邮件服务器地址：请写 smtps:\/\//);
    expect(problems.join()).not.toContain('topsecret');
    expect(smtpOf({ DUBAN_SMTP_URL: 'smtps://mail.x.gov.cn', DUBAN_SMTP_HOST: 'h' })).toEqual([
      expect.stringMatching(
        /^设置 DUBAN_SMTP_URL（邮件服务器）与 DUBAN_SMTP_HOST 同时设置：只保留 DUBAN_SMTP_URL 一项/,
      ),
    ]);
    expect(smtpOf({ DUBAN_SMTP_URL: 'smtps://u:p@mail.x.gov.cn' }, 'workers')).toContainEqual(
      expect.stringMatching(
        /^设置 DUBAN_SMTP_URL（邮件服务器）须用 IP 地址指明邮件服务器：Cloudflare Workers 无法解析域名/,
      ),
    );
  });
});

describe('a failed send: temporary or permanent, explained in Chinese', () => {
  it('only a 5xx answer to the message is permanent; 4xx, network and login failures are retried', () => {
    expect(failureKind({ code: 'EENVELOPE', responseCode: 550 })).toBe('rejected');
    expect(failureKind({ code: 'EMESSAGE', responseCode: 554 })).toBe('rejected');
    expect(failureKind({ code: 'EMESSAGE', responseCode: 421 })).toBe('deferred');
    expect(failureKind({ code: 'EAUTH', responseCode: 535 })).toBe('auth');
    expect(failureKind({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND mail.x' })).toBe('dns');
    expect(failureKind({ code: 'ESOCKET', message: 'wrong version number' })).toBe('tls');
    expect(failureKind({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' })).toBe('other');
  });

  it('tells the clerk what to do for each kind', () => {
    const server = { host: 'mail.x.gov.cn', port: 465, user: 'duban' };
    expect(explainSendFailure('dns', server, 'd')).toMatch(
      /^找不到邮件服务器 mail\.x\.gov\.cn（域名解析失败）/,
    );
    expect(explainSendFailure('tls', server, 'd')).toContain('465 端口请用 smtps://');
    expect(explainSendFailure('auth', server, 'd')).toContain('客户端授权码');
    expect(explainSendFailure('refused', server, '[mail:smtp] x')).toMatch(
      /拒绝连接.*\n（技术详情：\[mail:smtp\] x）$/s,
    );
  });
});
