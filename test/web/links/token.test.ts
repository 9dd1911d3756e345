/** Signed-link tokens: what verifies, what does not, and keys that rotate without breaking links in flight. */
import { describe, expect, it } from 'vitest';
import { parseLinkKeys, signLink, verifyLink, type LinkClaims } from '../../../src/web/links/token';

const now = new Date('2026-06-15T00:30:00Z');
const claims: LinkClaims = {
  office: 'demo.xlsx',
  task: 'ZD-2026-007',
  action: 'feedback',
  person: 'swj.lianluo@demo.gov.cn',
  exp: now.getTime() / 1000 + 3600,
};
const k1 = parseLinkKeys('k1:first-secret-0123456789');
const rotated = parseLinkKeys('k2:second-secret-0123456789,k1:first-secret-0123456789');

describe('signed link tokens', () => {
  it('verify with the claims they were signed with', async () => {
    const token = await signLink(claims, k1);
    expect(token.startsWith('k1.')).toBe(true);
    expect(await verifyLink(token, k1, now)).toEqual({ ok: true, claims });
  });

  it('refuse a token whose payload or signature was changed', async () => {
    const [kid, payload, sig] = (await signLink(claims, k1)).split('.') as [string, string, string];
    const other = Buffer.from(JSON.stringify({ ...claims, task: 'ZD-2026-001' })).toString('base64url');
    expect(await verifyLink(`${kid}.${other}.${sig}`, k1, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect((await verifyLink(`${kid}.${payload}.${flipped}`, k1, now)).ok).toBe(false);
    expect(await verifyLink('not-a-token', k1, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse an expired token but still say which task it was for', async () => {
    const token = await signLink(claims, k1);
    const later = new Date((claims.exp + 1) * 1000);
    expect(await verifyLink(token, k1, later)).toEqual({ ok: false, reason: 'expired', claims });
  });

  it('rotate: the first key signs, every key verifies, a retired key stops verifying', async () => {
    const old = await signLink(claims, k1);
    expect((await verifyLink(old, rotated, now)).ok).toBe(true);
    const fresh = await signLink(claims, rotated);
    expect(fresh.startsWith('k2.')).toBe(true);
    const retired = parseLinkKeys('k2:second-secret-0123456789');
    expect(await verifyLink(old, retired, now)).toEqual({ ok: false, reason: 'unknown-key' });
    // Same key id, another secret: a forged key id does not help.
    expect((await verifyLink(old, parseLinkKeys('k1:another-secret-0123456789'), now)).ok).toBe(false);
  });

  it('refuse unusable secrets with a message that quotes none', () => {
    expect(() => parseLinkKeys('k1:short')).toThrow(/too short.*16/);
    expect(() => parseLinkKeys('k1:first-secret-0123456789,k1:other-secret-0123456789')).toThrow(/twice/);
    expect(() => parseLinkKeys('first-secret-0123456789,second-secret-0123456789')).toThrow(/no id/);
    expect(parseLinkKeys('bare-secret-0123456789').signing.id).toBe('k1');
    const secret = 'k7:tiny-s3cr';
    expect(() => parseLinkKeys(secret)).toThrow(/key k7 is too short/);
    expect(() => parseLinkKeys(secret)).not.toThrow(/tiny-s3cr/);
  });
});
