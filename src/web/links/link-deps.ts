import type { Address, Mailer, MailTransport } from '../../mail/port';
import type { SheetStore } from '../../store/port';
import type { HeldAnswers } from './held-answers';
import type { LinkAction, LinkClaims, LinkKeys } from './token';

/** What the signed-link pages need from the runtime: the office's workbook, its keys, a mailer and a clock. */
export interface LinkDeps {
  store: SheetStore;
  /** null: DUBAN_LINK_SECRET is not set; every link page says so (503). */
  keys: LinkKeys | null;
  /** The office the links of this deployment belong to (spreadsheet id; the workbook's file name locally). */
  office: string;
  /** Base of the links put into mails sent from the pages (the approver's link); else the request's own origin. */
  publicUrl?: string;
  mailer: Mailer;
  /**
   * Where the mailer puts mail: with `outbox` (no SMTP server) a page's mail is an .eml file nobody has received, so
   * the page says the 督查室 forwards it (mail-wording.ts). Absent: sent (smtp).
   */
  mailTransport?: MailTransport;
  from: Address;
  clock: () => Date;
  /** The scan, run right after a 签发 link signs drafts, so they are numbered and sent at once. */
  scan?: ((now: Date) => Promise<unknown>) | undefined;
  /** Where answers wait while the workbook cannot take them (LinkSettings.held); absent: always written at once. */
  held?: HeldAnswers | undefined;
}

/** How long a link stays valid after it is mailed, per action (a leaked link exposes its task for this long). */
export const LINK_LIFETIME_DAYS: Record<LinkAction, number> = {
  ack: 30,
  feedback: 45,
  extend: 30,
  'approve-extension': 14,
  complete: 30,
  'sign-completion': 14,
  adjust: 30,
  'approve-adjustment': 14,
  'consent-notices': 7,
  'sign-notices': 7,
  desk: 7,
};

/** The page of a link: `/l/<编号>/<action>?t=<token>`. */
export function linkUrl(base: string, claims: Pick<LinkClaims, 'task' | 'action'>, token: string): string {
  return `${base.replace(/\/+$/, '')}/l/${encodeURIComponent(claims.task)}/${claims.action}?t=${token}`;
}

/**
 * The expiry of a link made at `now` for `action`, seconds since the epoch: valid `days`, by default the action's own
 * lifetime (LINK_LIFETIME_DAYS).
 */
export function expiryOf(action: LinkAction, now: Date, days = LINK_LIFETIME_DAYS[action]): number {
  return Math.floor(now.getTime() / 1000) + days * 86_400;
}
