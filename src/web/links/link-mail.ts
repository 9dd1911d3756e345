import { escapeHtml, htmlPage, linkHtml, multilineHtml } from '../../mail/notices/html';
import type { Address, MailMessage } from '../../mail/port';
import { senderOf, type OfficeIdentity } from '../../mail/sender';
import type { LinkDeps } from './link-deps';

/**
 * A short mail sent from a link page (the approver's request, the unit's answer): plain text and HTML with the same
 * lines, an optional link last, from the sender the scan's notices use (规则配置 督查室名称 / 督查室邮箱, `senderOf`).
 * A failed send is logged and reported to the page, never thrown.
 */
export async function sendLinkMail(
  deps: Pick<LinkDeps, 'from' | 'mailer' | 'clock'>,
  office: OfficeIdentity,
  to: Address[],
  subject: string,
  lines: string[],
  link?: { label: string; url: string },
): Promise<boolean> {
  if (!to.length) return false;
  const text = [...lines, ...(link ? ['', `${link.label}：${link.url}`] : []), ''].join('\n');
  const body = [
    ...lines.map((l) => `<p style="margin:0 0 8px">${multilineHtml(l)}</p>`),
    link ? `<p>${escapeHtml(link.label)}：${linkHtml(link.url)}</p>` : '',
  ].join('\n');
  const { from, replyTo } = senderOf(deps.from, office);
  const message: MailMessage = {
    from,
    ...(replyTo ? { replyTo } : {}),
    to,
    subject,
    text,
    html: htmlPage(subject, body),
    date: deps.clock(),
  };
  const result = await deps.mailer
    .send(message)
    .catch((e: unknown) => ({ ok: false as const, error: String(e) }));
  if (!result.ok) console.error(`[web:links] mail "${subject}" failed: ${result.error}`);
  return result.ok;
}
