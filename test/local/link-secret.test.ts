/** duban serve's link secret: DUBAN_LINK_SECRET when set, else a file beside the workbook made once, owner-only. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkSecretFileOf, localLinkKeys } from '../../src/local/link-secret';
import { parseLinkKeys } from '../../src/web/links/token';

const dir = mkdtempSync(join(tmpdir(), 'duban-link-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local link secret', () => {
  it('is made once beside the workbook, mode 600, and read back after a restart', async () => {
    const workbook = join(dir, '督办-2026.xlsx');
    const first = await localLinkKeys(workbook, null);
    expect(first.created).toBe(true);
    expect(first.file).toBe(linkSecretFileOf(workbook));
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.file!, 'utf8').trim()).toMatch(/^k1:[A-Za-z0-9_-]{43}$/);
    const again = await localLinkKeys(workbook, null);
    expect(again.created).toBe(false);
    expect(again.keys).toEqual(first.keys);
  });

  it('is not made when DUBAN_LINK_SECRET is set', async () => {
    const workbook = join(dir, 'sub', 'x.xlsx');
    const fromEnv = parseLinkKeys('k3:from-the-environment-0123');
    const keys = await localLinkKeys(workbook, fromEnv);
    expect(keys).toEqual({ keys: fromEnv, created: false });
  });
});
