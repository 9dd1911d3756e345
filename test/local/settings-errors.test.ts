/**
 * A clerk's bad setting in duban.env: every setting `duban serve` and the CLI read, given a bad value, is named in a
 * Chinese message that says what is accepted, gives an example and points at duban.env — and never repeats the value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localEnvFor } from '../../src/local/config-file';

interface Case {
  what: string;
  /** The setting the message must name. */
  key: string;
  /** The lines written to duban.env. */
  lines: Record<string, string>;
  /** What the message must say is accepted. */
  accepted: RegExp;
}

const CASES: Case[] = [
  {
    what: 'a short admin token',
    key: 'DUBAN_ADMIN_TOKEN',
    lines: { DUBAN_ADMIN_TOKEN: 'short-s3cret' },
    accepted: /至少 16 个随机字符/,
  },
  {
    what: 'a short viewer token',
    key: 'DUBAN_VIEWER_TOKEN',
    lines: { DUBAN_VIEWER_TOKEN: 'view-s3cret' },
    accepted: /至少 16 个随机字符/,
  },
  {
    what: 'a short link secret',
    key: 'DUBAN_LINK_SECRET',
    lines: { DUBAN_LINK_SECRET: 'k1:tiny-s3cret' },
    accepted: /至少 16 个随机字符/,
  },
  {
    what: 'a link key id given twice',
    key: 'DUBAN_LINK_SECRET',
    lines: { DUBAN_LINK_SECRET: 'k1:first-s3cret-0123456789,k1:second-s3cret-0123456789' },
    accepted: /编号各不相同/,
  },
  {
    what: 'two link keys without ids',
    key: 'DUBAN_LINK_SECRET',
    lines: { DUBAN_LINK_SECRET: 'first-s3cret-0123456789,second-s3cret-0123456789' },
    accepted: /每个密钥写成“编号:密钥”/,
  },
  {
    what: 'an http:// mail server',
    key: 'DUBAN_SMTP_URL',
    lines: { DUBAN_SMTP_URL: 'http://duban:top-s3cret@mail.example.gov.cn' },
    accepted: /smtps:\/\/账号:密码@邮件服务器:465.*smtp:\/\/账号:密码@邮件服务器:587/,
  },
  {
    what: 'a port past 65535 in DUBAN_SMTP_URL',
    key: 'DUBAN_SMTP_URL',
    lines: { DUBAN_SMTP_URL: 'smtps://duban:top-s3cret@mail.example.gov.cn:99999' },
    accepted: /端口为 1–65535/,
  },
  {
    what: 'DUBAN_SMTP_URL beside DUBAN_SMTP_HOST',
    key: 'DUBAN_SMTP_URL',
    lines: {
      DUBAN_SMTP_URL: 'smtps://duban:top-s3cret@mail.example.gov.cn',
      DUBAN_SMTP_HOST: 'mail.example.gov.cn',
    },
    accepted: /只保留 DUBAN_SMTP_URL 一项/,
  },
  {
    what: 'a port without a host',
    key: 'DUBAN_SMTP_HOST',
    lines: { DUBAN_SMTP_PORT: '465' },
    accepted: /补上邮件服务器地址/,
  },
  {
    what: 'a port that is not a number',
    key: 'DUBAN_SMTP_PORT',
    lines: { DUBAN_SMTP_HOST: 'mail.example.gov.cn', DUBAN_SMTP_PORT: 'smtp-port' },
    accepted: /1–65535 的整数/,
  },
  {
    what: 'a password without an account',
    key: 'DUBAN_SMTP_USER',
    lines: { DUBAN_SMTP_HOST: 'mail.example.gov.cn', DUBAN_SMTP_PASS: 'top-s3cret' },
    accepted: /账号和密码要一起设置/,
  },
  {
    what: 'an account without a password',
    key: 'DUBAN_SMTP_PASS',
    lines: { DUBAN_SMTP_HOST: 'mail.example.gov.cn', DUBAN_SMTP_USER: 'duban' },
    accepted: /账号和密码要一起设置/,
  },
  {
    what: 'a sender that is not an address',
    key: 'DUBAN_MAIL_FROM',
    lines: { DUBAN_MAIL_FROM: 'duban-at-office' },
    accepted: /请写发件邮箱/,
  },
  {
    what: 'a public URL without http://',
    key: 'DUBAN_PUBLIC_URL',
    lines: { DUBAN_PUBLIC_URL: 'duban-office:8787' },
    accepted: /以 http:\/\/ 或 https:\/\/ 开头/,
  },
  {
    what: 'a Sheets root that is not http(s)',
    key: 'DUBAN_SHEETS_ROOT_URL',
    lines: { DUBAN_SHEETS_ROOT_URL: 'ftp://sheets-mirror' },
    accepted: /以 http:\/\/ 或 https:\/\/ 开头/,
  },
];

/** The message `duban serve` and the CLI print for this duban.env. */
function messageFor(lines: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-settings-'));
  writeFileSync(
    join(dir, 'duban.env'),
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const env = localEnvFor(join(dir, '督办.xlsx'), {});
  if (env.ok) throw new Error(`accepted: ${JSON.stringify(lines)}`);
  return env.message;
}

describe('a bad setting in duban.env', () => {
  it.each(CASES)('$key: $what', ({ key, lines, accepted }) => {
    const message = messageFor(lines);
    expect(message).toMatch(/^设置有误，请修改后重试：\n- 设置 /);
    expect(message).toMatch(new RegExp(`设置 ${key}（[^）]+）[^：]+：`));
    expect(message).toMatch(accepted);
    expect(message).toMatch(/，例如 \S/);
    expect(message).toContain('修改位置：工作簿旁的 duban.env');
    expect(message).toMatch(/（配置取自 .*duban\.env 和环境变量）$/);
    for (const value of Object.values(lines).filter((v) =>
      /s3cret|at-office|duban-office|mirror|smtp-port/.test(v),
    ))
      expect(message).not.toContain(value);
    expect(message).not.toContain('s3cret');
    expect(message).not.toMatch(/ is | must /);
  });
});
