/** DUBAN_LINK_SECRET and DUBAN_PUBLIC_URL, parsed at the edge like every other key. */
import { describe, expect, it } from 'vitest';
import { parseRuntimeEnv } from '../../src/runtime/env';

const base = { DUBAN_SPREADSHEET_ID: 'abc123', DUBAN_ADMIN_TOKEN: 'admin-token-0123456789' };

describe('link env keys', () => {
  it('give the keys (first signs) and the public address without a trailing slash', () => {
    const parsed = parseRuntimeEnv(
      {
        ...base,
        DUBAN_LINK_SECRET: 'k2:second-secret-0123456789,k1:first-secret-0123456789',
        DUBAN_PUBLIC_URL: 'https://duban.example.gov.cn/',
      },
      'cloud-functions',
    );
    expect(parsed.ok && parsed.config.linkKeys?.signing.id).toBe('k2');
    expect(parsed.ok && parsed.config.linkKeys?.all.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(parsed.ok && parsed.config.publicUrl).toBe('https://duban.example.gov.cn');
  });

  it('are optional: no keys means no links', () => {
    const parsed = parseRuntimeEnv({ ...base, DUBAN_LINK_SECRET: '' }, 'cloud-functions');
    expect(parsed.ok && parsed.config.linkKeys).toBeNull();
  });

  it('refuse a short secret and a URL that is not http(s), naming the key and never the secret', () => {
    const parsed = parseRuntimeEnv(
      { ...base, DUBAN_LINK_SECRET: 'k1:tiny-s3cr', DUBAN_PUBLIC_URL: 'ftp://x' },
      'cloud-functions',
    );
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^设置 DUBAN_LINK_SECRET（链接签名密钥）中的密钥 k1 太短：.*至少 16 个随机字符.*--set-secrets DUBAN_LINK_SECRET=/,
      ),
      expect.stringMatching(
        /^设置 DUBAN_PUBLIC_URL（通知中链接的地址）不是 http\(s\) 网址：.*--set-env-vars DUBAN_PUBLIC_URL=/,
      ),
    ]);
    expect(problems.map((p) => p.log)).toEqual([
      expect.stringMatching(/^DUBAN_LINK_SECRET key k1 is too short/),
      expect.stringMatching(/^DUBAN_PUBLIC_URL is not an http\(s\) URL/),
    ]);
    expect(JSON.stringify(problems)).not.toContain('tiny-s3cr');
  });
});
