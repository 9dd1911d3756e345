import { shanghaiDayOf } from '../../calendar/day';
import type { RecipientLinks } from '../../mail/notices/notice-doc';
import type { Address } from '../../mail/port';
import { expiryOf, linkUrl } from './link-deps';
import { DRAFT_SEPARATOR } from './signing-page';
import type { LinkSettings } from './link-settings';
import { type LinkAction, signLink } from './token';

/** The links a unit's notice carries, in the order a recipient uses them. */
const UNIT_ACTIONS: Array<{ action: LinkAction; label: string }> = [
  { action: 'ack', label: '签收' },
  { action: 'feedback', label: '反馈' },
  { action: 'extend', label: '延期申请' },
];

/**
 * The signed links of a notice's recipients: for each, 签收 (recorded against the notice's 文号), 反馈 and, while
 * 完成时限 has not passed, 延期申请, each naming that recipient, valid for 规则配置 链接有效天数 from `now` (or its
 * action's own lifetime when not given). Empty when links are off (no key or no public address), so the notice says
 * to answer in writing as before.
 *
 * @example
 * const links = await noticeLinks(settings, now)({ id: 'ZD-2026-007', type: '催办单', docNo: '临政督催〔2026〕3号', to });
 * links[0].links[0].label; // '签收'
 */
export function noticeLinks(settings: LinkSettings, now: Date) {
  return async function linksOfNotice(notice: {
    id: string;
    docNo: string;
    to: Address[];
    extendable?: boolean;
    validDays?: number;
  }): Promise<RecipientLinks[]> {
    const { keys, publicUrl, office } = settings;
    if (!keys || !publicUrl) return [];
    // Past 完成时限 the 延期申请 page only refuses (seed 002 §三(五)): no link to it.
    const actions = UNIT_ACTIONS.filter((a) => a.action !== 'extend' || notice.extendable !== false);
    const expires = Math.min(...actions.map(({ action }) => expiryOf(action, now, notice.validDays)));
    return Promise.all(
      notice.to.map(async (person) => ({
        name: person.name || person.address,
        links: await Promise.all(
          actions.map(async ({ action, label }) => {
            const claims = {
              office,
              task: notice.id,
              action,
              person: person.address,
              exp: expiryOf(action, now, notice.validDays),
              ...(action === 'ack' ? { ref: notice.docNo } : {}),
            };
            return { label, url: linkUrl(publicUrl, claims, await signLink(claims, keys)) };
          }),
        ),
        // A link expires at the scan's time of day: the day before is the last it opens all day long.
        validUntil: shanghaiDayOf(expires * 1000) - 1,
      })),
    );
  };
}

/** More drafts than this and the signer's link names none: its page lists all that wait for them (a token stays short). */
const MAX_LINKED_DRAFTS = 12;

/**
 * The signer's link in their daily digest (签发 by link): the 分管领导's to consent, the 办公室主任's to sign the drafts
 * `keys`, named after the first draft's task; undefined when links are off.
 *
 * @example
 * await signingLinks(settings, now)({ task: 'ZD-2026-033', step: '签发', person: 'zfb.zhuren@…', keys });
 */
export function signingLinks(settings: LinkSettings, now: Date) {
  return async function signingLink(link: {
    task: string;
    step: '同意' | '签发';
    person: string;
    keys: string[];
  }): Promise<string | undefined> {
    const { keys, publicUrl, office } = settings;
    if (!keys || !publicUrl) return undefined;
    const action: LinkAction = link.step === '同意' ? 'consent-notices' : 'sign-notices';
    const claims = {
      office,
      task: link.task,
      action,
      person: link.person,
      exp: expiryOf(action, now),
      ...(link.keys.length <= MAX_LINKED_DRAFTS ? { ref: link.keys.join(DRAFT_SEPARATOR) } : {}),
    };
    return linkUrl(publicUrl, claims, await signLink(claims, keys));
  };
}
