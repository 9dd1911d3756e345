import type { Address } from './port';

/**
 * The sender when nothing names one: no DUBAN_MAIL_FROM, no SMTP account that is an address, no 督查室邮箱. A
 * placeholder — mail servers refuse it — that `senderOf` replaces with the 督查室邮箱.
 */
export const DEFAULT_SENDER: Address = { name: '督查室', address: 'duban@localhost' };

/** What the workbook's 规则配置 says about the office that sends. */
export interface OfficeIdentity {
  /** 督查室名称, e.g. 县政府督查室. */
  officeName: string;
  /** 督查室邮箱, '' when not set. */
  officeEmail: string;
}

/**
 * The From and Reply-To of every notice; the From address is also the SMTP envelope sender (MAIL FROM, mail/smtp.ts).
 * The address is the runtime's sender (DUBAN_MAIL_FROM or the SMTP account,
 * which government mail servers insist on), or the 督查室邮箱 when the runtime names none. The display name is the
 * 督查室名称 unless DUBAN_MAIL_FROM gave one. Answers go to the 督查室邮箱 when it differs from the sending address.
 *
 * @example
 * senderOf({ name: '督查室', address: 'duban-noreply@example.gov.cn' },
 *   { officeName: '县政府督查室', officeEmail: 'dcs@example.gov.cn' });
 * // { from: { name: '县政府督查室', address: 'duban-noreply@example.gov.cn' },
 * //   replyTo: { name: '县政府督查室', address: 'dcs@example.gov.cn' } }
 */
export function senderOf(runtime: Address, office: OfficeIdentity): { from: Address; replyTo?: Address } {
  const isDefault = runtime.address === DEFAULT_SENDER.address;
  const address = isDefault && office.officeEmail ? office.officeEmail : runtime.address;
  const name = runtime.name && runtime.name !== DEFAULT_SENDER.name ? runtime.name : office.officeName;
  const from = { name, address };
  if (!office.officeEmail || office.officeEmail.toLowerCase() === address.toLowerCase()) return { from };
  return { from, replyTo: { name: office.officeName, address: office.officeEmail } };
}
