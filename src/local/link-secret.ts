import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RuntimeConfig } from '../runtime/env';
import { scanLinks } from '../web/links/scan-links';
import { type LinkKeys, parseLinkKeys } from '../web/links/token';

/** The link secret of a workbook on the local default: `.duban-link-secret` beside it, readable by its owner only. */
export const linkSecretFileOf = (workbook: string): string => join(dirname(workbook), '.duban-link-secret');

/**
 * The signed-link keys of `duban serve`: DUBAN_LINK_SECRET when set; else the secret file beside the workbook,
 * made on first use (32 random bytes, mode 600) and reported once, so links mailed before a restart keep working.
 *
 * @example
 * const { keys, created } = await localLinkKeys('data/demo.xlsx', config.linkKeys);
 */
export async function localLinkKeys(
  workbook: string,
  fromEnv: LinkKeys | null,
): Promise<{ keys: LinkKeys; file?: string; created: boolean }> {
  if (fromEnv) return { keys: fromEnv, created: false };
  const file = linkSecretFileOf(workbook);
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing?.trim()) return { keys: parseLinkKeys(existing.trim()), file, created: false };
  const secret = `k1:${randomBytes(32).toString('base64url')}`;
  // `wx`: two processes starting at once do not overwrite each other's secret.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return { keys: parseLinkKeys((await readFile(file, 'utf8')).trim()), file, created: false };
  }
  return { keys: parseLinkKeys(secret), file, created: true };
}

/**
 * The links the mails of `duban scan --workbook` carry (units' answers, signers' 同意 / 签发, the 督查室's desk): only
 * when DUBAN_PUBLIC_URL says where `duban serve` answers them (a scan from the command line does not know), signed
 * with the same keys `duban serve` uses, so a manual scan mails what the scheduled one would.
 *
 * @example
 * runScan({ ...deps, ...(await workbookLinks('督办-2026.xlsx', config, now)) }); // {} without DUBAN_PUBLIC_URL
 */
export async function workbookLinks(
  workbook: string,
  config: Pick<RuntimeConfig, 'linkKeys' | 'publicUrl'>,
  now: Date,
): Promise<ReturnType<typeof scanLinks>> {
  if (!config.publicUrl) return {};
  const { keys } = await localLinkKeys(workbook, config.linkKeys);
  return scanLinks({ keys, office: basename(workbook), publicUrl: config.publicUrl }, now);
}
