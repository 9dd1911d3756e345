/**
 * What a link page says about the mail it just sent. Without an SMTP server (DUBAN_SMTP_URL) the mailer writes .eml
 * files to the outbox folder (LinkDeps.mailTransport `outbox`): nobody has the mail until the 督查室 forwards it, so
 * the page says the request is recorded and the 督查室 passes it on, never 已通知 or 以邮件告知.
 */
import type { LinkDeps } from './link-deps';

type Transport = Pick<LinkDeps, 'mailTransport'>;

/** The mail went to the outbox folder only. */
const stored = (deps: Transport): boolean => deps.mailTransport === 'outbox';

const NO_SERVER = '本系统未配置邮件服务器，';

/**
 * The sentence for the mail asking `who` to `act` (审批 / 签批), mailed; `result`: the unit is told the outcome by mail
 * too (a request from the unit's own page).
 *
 * @example
 * askedText({ mailTransport: 'smtp' }, '分管领导张三', '审批', true); // '已通知分管领导张三审批，审批结果将以邮件告知。'
 * askedText({ mailTransport: 'outbox' }, '分管领导张三', '审批', true);
 * // '申请已记入督办工作簿。本系统未配置邮件服务器，审批通知已存入督查室的发件箱，由督查室转交分管领导张三审批；审批结果由督查室转告。'
 */
export function askedText(deps: Transport, who: string, act: string, result = false): string {
  if (!stored(deps)) return `已通知${who}${act}${result ? `，${act}结果将以邮件告知` : ''}。`;
  return (
    `${result ? '申请已记入督办工作簿。' : ''}${NO_SERVER}${act}通知已存入督查室的发件箱，由督查室转交${who}${act}` +
    `${result ? `；${act}结果由督查室转告` : ''}。`
  );
}

/** The sentence for the mail telling the unit the outcome, mailed. */
export function toldUnitText(deps: Transport): string {
  return stored(deps)
    ? `结果已记入督办工作簿。${NO_SERVER}告知承办单位的邮件已存入督查室的发件箱，由督查室转告承办单位。`
    : '已邮件告知承办单位。';
}
