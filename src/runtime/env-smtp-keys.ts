/** The keys of the mail server: DUBAN_SMTP_URL (the one setting the manual teaches), or host and port apart. */
import { z } from 'zod';
import { type EnvProblem, envProblem, howToSet, type Runtime } from './env-problem';
import { blankToUndefined, fail, ipLiteral, rawText, text } from './env-values';

const URL_EXAMPLE = 'DUBAN_SMTP_URL=smtps://duban%40example.gov.cn:授权码@mail.example.gov.cn:465';
const IP_ONLY =
  'Cloudflare Workers 无法解析域名（workerd 没有 dns.lookup），邮件服务器只能写 IP 地址（可用 dig +short 邮件服务器域名 查到）';

/**
 * DUBAN_SMTP_HOST: a name or an address; on Workers an address only.
 * @example smtpHost('local').parse('mail.example.gov.cn') // 'mail.example.gov.cn'
 */
export function smtpHost(runtime: Runtime) {
  return text.transform(function smtpHostOf(host, ctx): string | undefined {
    if (!host) return undefined;
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    // workerd has no dns.lookup: a socket can only be opened to an address, never a name.
    if (runtime === 'workers' && !ipLiteral.safeParse(bare).success)
      fail(
        ctx,
        envProblem('DUBAN_SMTP_HOST', runtime, {
          wrong: '须为 IP 地址',
          accepted: IP_ONLY,
          example: 'DUBAN_SMTP_HOST=203.0.113.25，证书上的域名写在 DUBAN_SMTP_SERVERNAME',
          log:
            'DUBAN_SMTP_HOST must be an IP address on Cloudflare Workers (workerd has no dns.lookup, so nodemailer ' +
            "cannot resolve a host name there): use the mail server's IPv4 or IPv6 address, e.g. the result of " +
            '`dig +short smtp.example.gov.cn`.',
        }),
      );
    return bare;
  });
}

/**
 * DUBAN_SMTP_PORT: 1–65535 (wrangler.toml may give it as a number).
 * @example smtpPort('local').parse('587') // 587
 */
export function smtpPort(runtime: Runtime) {
  return z
    .preprocess(
      (v) => (typeof v === 'number' ? String(v) : blankToUndefined(v)),
      z.string().trim().optional(),
    )
    .transform(function smtpPortOf(value, ctx): number | undefined {
      if (value === undefined) return undefined;
      const port = Number(value);
      if (Number.isInteger(port) && port >= 1 && port <= 65_535) return port;
      fail(
        ctx,
        envProblem('DUBAN_SMTP_PORT', runtime, {
          wrong: '不是端口号',
          accepted: '请写 1–65535 的整数，通常为 465（加密连接）、587 或 25',
          example: 'DUBAN_SMTP_PORT=465',
          log: 'DUBAN_SMTP_PORT is not a port number: use 465 (TLS), 587 or 25.',
        }),
      );
      return undefined;
    });
}

/** The SMTP server of DUBAN_SMTP_URL: `smtps://user:pass@host:465` (TLS) or `smtp://user:pass@host:587` (STARTTLS). */
export interface SmtpUrl {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

/**
 * DUBAN_SMTP_URL: server, port, account and password in one URL; the password percent-encoded.
 * @example smtpUrl('local').parse('smtps://u:p@mail.example.gov.cn') // { host: 'mail.example.gov.cn', port: 465, secure: true, user: 'u', pass: 'p' }
 */
export function smtpUrl(runtime: Runtime) {
  return rawText.transform(function smtpUrlOf(value, ctx): SmtpUrl | undefined {
    if (!value) return undefined;
    const bad = () => {
      fail(
        ctx,
        envProblem('DUBAN_SMTP_URL', runtime, {
          wrong: '不是邮件服务器地址',
          accepted:
            '请写 smtps://账号:密码@邮件服务器:465（加密连接）或 smtp://账号:密码@邮件服务器:587，只能以 smtps:// 或 smtp:// 开头，' +
            '端口为 1–65535；账号或密码中的 @ : / 要分别写成 %40 %3A %2F',
          example: URL_EXAMPLE,
          log:
            'DUBAN_SMTP_URL is not an SMTP address: write smtps://user:password@mail.example.gov.cn:465 (TLS) or ' +
            'smtp://user:password@mail.example.gov.cn:587 (STARTTLS); percent-encode @ : / in the password (%40 %3A %2F).',
        }),
      );
      return undefined;
    };
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      return bad();
    }
    if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) return bad();
    const secure = url.protocol === 'smtps:';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (runtime === 'workers' && !ipLiteral.safeParse(host).success)
      fail(
        ctx,
        envProblem('DUBAN_SMTP_URL', runtime, {
          wrong: '须用 IP 地址指明邮件服务器',
          accepted: `${IP_ONLY}，证书上的域名写在 DUBAN_SMTP_SERVERNAME`,
          example: 'DUBAN_SMTP_URL=smtps://账号:授权码@203.0.113.25:465',
          log:
            'DUBAN_SMTP_URL must name the server by IP address on Cloudflare Workers (workerd has no dns.lookup); put ' +
            "the certificate's host name in DUBAN_SMTP_SERVERNAME.",
        }),
      );
    let user: string | undefined;
    let pass: string | undefined;
    try {
      user = url.username ? decodeURIComponent(url.username) : undefined;
      pass = url.password ? decodeURIComponent(url.password) : undefined;
    } catch {
      return bad();
    }
    return {
      host,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(user ? { user } : {}),
      ...(pass !== undefined ? { pass } : {}),
    };
  });
}

/** The SMTP keys as parsed, for the rules that join them. */
export interface SmtpKeys {
  DUBAN_SMTP_URL?: SmtpUrl;
  DUBAN_SMTP_HOST?: string;
  DUBAN_SMTP_PORT?: number;
  DUBAN_SMTP_USER?: string;
  DUBAN_SMTP_PASS?: string;
}

/**
 * SMTP keys that only make sense together: an account needs a server, a password an account, and DUBAN_SMTP_URL
 * stands alone.
 *
 * @example smtpPairProblems({ DUBAN_SMTP_USER: 'duban' }, 'local')[0].key // 'DUBAN_SMTP_HOST'
 */
export function smtpPairProblems(env: SmtpKeys, runtime: Runtime): EnvProblem[] {
  if (env.DUBAN_SMTP_URL !== undefined) return smtpUrlClashes(env, runtime);
  const { DUBAN_SMTP_HOST: host, DUBAN_SMTP_USER: user, DUBAN_SMTP_PASS: pass } = env;
  if (!host) {
    const stray = (['DUBAN_SMTP_PORT', 'DUBAN_SMTP_USER', 'DUBAN_SMTP_PASS'] as const).filter(
      (k) => env[k] !== undefined,
    );
    if (!stray.length) return [];
    return [
      envProblem('DUBAN_SMTP_HOST', runtime, {
        wrong: `未设置，但设置了 ${stray.join('、')}`,
        accepted:
          '请补上邮件服务器地址，或删去这几项邮件设置（未配置邮件服务器时通知不发出）；更简单的是只写一项 DUBAN_SMTP_URL',
        example: URL_EXAMPLE,
        log:
          `DUBAN_SMTP_HOST is missing while ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set: ` +
          'set the SMTP server too, or remove the SMTP keys (notices then stay 待发送 until mail is configured).',
      }),
    ];
  }
  if (user && pass === undefined)
    return [
      envProblem('DUBAN_SMTP_PASS', runtime, {
        wrong: '未设置，但设置了 DUBAN_SMTP_USER',
        accepted: '邮件账号和密码要一起设置（部分邮箱须用“客户端授权码”代替登录密码）',
        example: 'DUBAN_SMTP_PASS=授权码',
        log: `DUBAN_SMTP_PASS is missing while DUBAN_SMTP_USER is set: ${howToSet('DUBAN_SMTP_PASS', runtime)}.`,
      }),
    ];
  if (!user && pass !== undefined)
    return [
      envProblem('DUBAN_SMTP_USER', runtime, {
        wrong: '未设置，但设置了 DUBAN_SMTP_PASS',
        accepted: '邮件账号和密码要一起设置，请写上邮件账号',
        example: 'DUBAN_SMTP_USER=duban@example.gov.cn',
        log: 'DUBAN_SMTP_USER is missing while DUBAN_SMTP_PASS is set: set the SMTP account name.',
      }),
    ];
  return [];
}

/** DUBAN_SMTP_URL is the whole server setting: the separate keys beside it would be ambiguous. */
function smtpUrlClashes(env: SmtpKeys, runtime: Runtime): EnvProblem[] {
  const also = (['DUBAN_SMTP_HOST', 'DUBAN_SMTP_PORT', 'DUBAN_SMTP_USER', 'DUBAN_SMTP_PASS'] as const).filter(
    (k) => env[k] !== undefined,
  );
  if (!also.length) return [];
  return [
    envProblem('DUBAN_SMTP_URL', runtime, {
      wrong: `与 ${also.join('、')} 同时设置`,
      accepted: '只保留 DUBAN_SMTP_URL 一项（它已包含服务器、端口、账号和密码），删去其余几项',
      example: URL_EXAMPLE,
      log:
        `DUBAN_SMTP_URL is set together with ${also.join(', ')}: keep only DUBAN_SMTP_URL ` +
        '(smtps://user:password@host:465), which holds the server, port, account and password.',
    }),
  ];
}
