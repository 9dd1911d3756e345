import type { SendFailureKind } from './port';

/** The server and account a failure happened at, for the explanation. */
export interface MailServerRef {
  host: string;
  port: number;
  user?: string;
}

/**
 * A failed send explained in Chinese for the 督查室 clerk: what went wrong and what to do, by kind (DNS, refused,
 * timeout, TLS, login, the sender refused, a 4xx deferral, a 5xx refusal). `detail` is the English error kept at the end for IT staff.
 *
 * @example
 * explainSendFailure('auth', { host: 'mail.example.gov.cn', port: 465, user: 'duban' }, '[mail:smtp] …');
 * // '邮件服务器 mail.example.gov.cn:465 拒绝了账号 duban 的登录：请核对 DUBAN_SMTP_URL 中的用户名和密码（或授权码）…'
 */
export function explainSendFailure(
  kind: SendFailureKind | undefined,
  server: MailServerRef,
  detail: string,
): string {
  const where = server.port ? `${server.host}:${server.port}` : server.host;
  const what: Record<SendFailureKind, string> = {
    dns: `找不到邮件服务器 ${server.host}（域名解析失败）：请核对服务器地址的拼写；内网服务器请确认本机能解析该域名，或改用 IP 地址。`,
    refused: `邮件服务器 ${where} 拒绝连接：请确认地址和端口（465 用 smtps://，587 或 25 用 smtp://），以及防火墙是否放行该端口。`,
    timeout: `连接邮件服务器 ${where} 超时：服务器没有应答，请确认本机能访问该地址和端口（防火墙、内网隔离），稍后再试。`,
    tls: `与邮件服务器 ${where} 建立加密连接（TLS）失败：465 端口请用 smtps://，587/25 端口请用 smtp://；若服务器使用自签名证书，请联系信息中心提供正式证书。`,
    auth: `邮件服务器 ${where} 拒绝了账号${server.user ? ` ${server.user} ` : ''}的登录：请核对 DUBAN_SMTP_URL 中的用户名和密码（部分邮箱须使用“客户端授权码”而非登录密码），并确认该账号已开通 SMTP。`,
    sender: `邮件服务器 ${where} 不接受发件人地址：请在「规则配置」的“督查室邮箱”填写本单位邮件服务器允许的地址（无账号登录的内网中继通常只接受本单位域名），或在 DUBAN_SMTP_URL 中写上账号；通知保留为待发送，改正后下次扫描自动重发。`,
    rejected: `邮件服务器 ${where} 拒收了这封邮件（永久性错误）：请核对收件人地址是否存在。`,
    deferred: `邮件服务器 ${where} 暂时无法接收（临时性错误，如繁忙或限流）：通知保留为待发送，下次扫描会自动重发。`,
    other: `通过邮件服务器 ${where} 发送失败：请把下面的英文说明交给信息中心排查。`,
  };
  return `${what[kind ?? 'other']}\n（技术详情：${detail}）`;
}

/**
 * A scan's failed send explained the same way, the server read from the English line the mailer gave
 * (`… at mail.example.gov.cn:465 …`), or named by its setting when the line does not say.
 */
export function explainSendError(kind: SendFailureKind | undefined, detail: string): string {
  const at = /\b(?:at|by|from|through|with) ([\w.-]+):(\d+)/.exec(detail);
  const unresolved = /cannot resolve host (\S+)/.exec(detail)?.[1];
  const server = at
    ? { host: at[1]!, port: Number(at[2]) }
    : { host: unresolved ?? 'DUBAN_SMTP_URL 中的服务器', port: 0 };
  return explainSendFailure(kind, server, detail);
}
