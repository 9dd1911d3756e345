/**
 * The 督查室 role's link to the desk (issue 14 item 8): a signed token like a unit's, scoped to this office, the action
 * `desk` and one person, expiring after LINK_LIFETIME_DAYS.desk. It opens the desk only while that person is a 督查室
 * contact in 通讯录 (a clerk who moves on loses the desk with the next edit of 通讯录); a unit's or a leader's link,
 * whatever its action, never does.
 */
import { tabSpec } from '../../workbook/schema/tabs';
import { Directory, type Person } from '../../workbook/directory';
import { expiryOf } from './link-deps';
import type { LinkDeps } from './link-deps';
import type { LinkSettings } from './link-settings';
import { signLink, verifyLink } from './token';

/** The `task` claim of a desk link: it names no task. */
const DESK_SCOPE = '督查室工作台';

/**
 * The desk link of a 督查室 person, or undefined when links are off (no key or no public address).
 *
 * @example
 * await deskLink(settings, 'ducha@demo.gov.cn', now); // 'https://duban.example.gov.cn/desk?t=k1.…'
 */
export async function deskLink(
  settings: LinkSettings,
  person: string,
  now: Date,
): Promise<string | undefined> {
  const { keys, publicUrl, office } = settings;
  if (!keys || !publicUrl) return undefined;
  const claims = { office, task: DESK_SCOPE, action: 'desk' as const, person, exp: expiryOf('desk', now) };
  return `${publicUrl.replace(/\/+$/, '')}/desk?t=${await signLink(claims, keys)}`;
}

/** Why a token does not open the desk, in the 审计日志 note's words; null when it does. */
export type DeskLinkRefusal =
  '令牌被篡改或伪造' | '令牌已过期' | '不是督查室工作台链接' | '持有人不是督查室人员';

/**
 * The 督查室 person a desk token names, if it is one of this office's, unexpired, and they are still a 督查室 contact
 * in 通讯录; else why not.
 */
export async function deskHolder(
  deps: Pick<LinkDeps, 'keys' | 'office' | 'store'>,
  token: string,
  now: Date,
): Promise<{ person: Person } | { refusal: DeskLinkRefusal; claimed?: string }> {
  if (!deps.keys) return { refusal: '令牌被篡改或伪造' };
  const verified = await verifyLink(token, deps.keys, now);
  if (!verified.ok)
    return verified.reason === 'expired'
      ? { refusal: '令牌已过期', claimed: verified.claims?.person }
      : { refusal: '令牌被篡改或伪造' };
  const { claims } = verified;
  if (claims.action !== 'desk' || claims.office !== deps.office)
    return { refusal: '不是督查室工作台链接', claimed: claims.person };
  const tab = (await deps.store.read([tabSpec('通讯录')])).tabs['通讯录'];
  const email = claims.person.trim().toLowerCase();
  const person = Directory.fromTab(tab)
    .byRole('督查室')
    .find((p) => p.email.trim().toLowerCase() === email);
  return person ? { person } : { refusal: '持有人不是督查室人员', claimed: claims.person };
}
