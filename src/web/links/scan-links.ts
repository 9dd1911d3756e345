import type { ScanDeps } from '../../scan/types';
import { approvalLinks } from './approval-links';
import { deskLink } from './desk-link';
import type { LinkSettings } from './link-settings';
import { noticeLinks, signingLinks } from './notice-links';

/**
 * Every signed link a scan puts into its mails — the units' 签收 / 反馈 / 延期申请, the signers' 同意 / 签发, the
 * approvers' 办结 / 延期 decisions and the 督查室's desk — or none when links are off (no key or no public address).
 * One place for `duban serve`, `duban scan` and the serverless runtimes, so a clerk's manual scan mails the same
 * links as the scheduled one.
 *
 * @example runScan({ ...deps, ...scanLinks({ keys, office: '督办-2026.xlsx', publicUrl }, now) })
 */
export function scanLinks(
  settings: LinkSettings,
  now: Date,
): Pick<ScanDeps, 'noticeLinks' | 'signingLinks' | 'approvalLinks' | 'deskLinks'> {
  if (!settings.keys || !settings.publicUrl) return {};
  return {
    noticeLinks: noticeLinks(settings, now),
    signingLinks: signingLinks(settings, now),
    approvalLinks: approvalLinks(settings, now),
    deskLinks: (person: string) => deskLink(settings, person, now),
  };
}
