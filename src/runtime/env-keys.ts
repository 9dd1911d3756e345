/**
 * Every environment key the product reads, each with one zod schema that turns the raw binding into its typed value
 * and reports what is wrong as an EnvProblem (env-problem.ts): Chinese for whoever sets it, English for the log.
 * Problems never quote a value: the keys hold secrets (the service-account key, the admin token, the SMTP password).
 */
import { z } from 'zod';
import type { Address } from '../mail/port';
import { type LinkKeys, LinkKeysError, MIN_LINK_SECRET_LENGTH, parseLinkKeys } from '../web/links/token';
import { serviceAccountJson, spreadsheetId } from './env-google-keys';
import { envProblem, howToSet, RUNTIME_NAMES, type Runtime, type SettingKey } from './env-problem';
import { smtpHost, smtpPort, smtpUrl } from './env-smtp-keys';
import { fail, rawText, text } from './env-values';

export type { Runtime } from './env-problem';

export const MIN_ADMIN_TOKEN_LENGTH = 16;

const emailSchema = z.email();
const httpUrl = z.url({ protocol: /^https?$/ });

/** How to make a token, where the person setting it works: a Windows PC for `duban serve`, a shell for deploying. */
function tokenExample(key: SettingKey, runtime: Runtime): string {
  return runtime === 'local'
    ? `${key}=（在 Windows PowerShell 中运行 [guid]::NewGuid().ToString("N") 生成的 32 个字符；Linux 用 openssl rand -base64 24）`
    : `${key}=（运行 openssl rand -base64 24 生成的 32 个字符）`;
}

function adminToken(runtime: Runtime) {
  return text.transform(function adminTokenOf(token, ctx): string {
    if (!token) {
      // `duban serve` makes a random token of its own and prints it.
      if (runtime !== 'local')
        fail(
          ctx,
          envProblem('DUBAN_ADMIN_TOKEN', runtime, {
            wrong: '未设置',
            accepted: `${RUNTIME_NAMES[runtime]} 要用管理令牌保护“立即扫描”（POST /api/scan），请设置至少 ${MIN_ADMIN_TOKEN_LENGTH} 个随机字符`,
            example: tokenExample('DUBAN_ADMIN_TOKEN', runtime),
            log:
              `DUBAN_ADMIN_TOKEN is missing: ${RUNTIME_NAMES[runtime]} needs the bearer token that guards POST ` +
              `/api/scan (make one with \`openssl rand -base64 24\`); ${howToSet('DUBAN_ADMIN_TOKEN', runtime)}.`,
          }),
        );
      return '';
    }
    if (token.length < MIN_ADMIN_TOKEN_LENGTH)
      fail(
        ctx,
        envProblem('DUBAN_ADMIN_TOKEN', runtime, {
          wrong: '太短',
          accepted: `须为至少 ${MIN_ADMIN_TOKEN_LENGTH} 个随机字符（凭它可以启动一次会发出通知的扫描）`,
          example: tokenExample('DUBAN_ADMIN_TOKEN', runtime),
          log:
            `DUBAN_ADMIN_TOKEN is too short: use at least ${MIN_ADMIN_TOKEN_LENGTH} random characters ` +
            '(e.g. `openssl rand -base64 24`), since it lets anyone start a scan that sends notices.',
        }),
      );
    return token;
  });
}

/** DUBAN_VIEWER_TOKEN: optional; the read-only key of /board links (`/board?t=…`). */
function viewerToken(runtime: Runtime) {
  return text.transform(function viewerTokenOf(token, ctx): string | undefined {
    if (token && token.length < MIN_ADMIN_TOKEN_LENGTH)
      fail(
        ctx,
        envProblem('DUBAN_VIEWER_TOKEN', runtime, {
          wrong: '太短',
          accepted: `须为至少 ${MIN_ADMIN_TOKEN_LENGTH} 个随机字符（凭它可以打开督办看板）`,
          example: tokenExample('DUBAN_VIEWER_TOKEN', runtime),
          log:
            `DUBAN_VIEWER_TOKEN is too short: use at least ${MIN_ADMIN_TOKEN_LENGTH} random characters ` +
            `(e.g. \`openssl rand -base64 24\`), since it opens the board; ${howToSet('DUBAN_VIEWER_TOKEN', runtime)}.`,
        }),
      );
    return token;
  });
}

function mailFrom(runtime: Runtime) {
  return text.transform(function senderOf(value, ctx): Address | undefined {
    if (!value) return undefined;
    const m = /^(.*?)\s*<([^>]+)>$/.exec(value);
    const address = (m ? m[2]! : value).trim();
    if (!emailSchema.safeParse(address).success)
      fail(
        ctx,
        envProblem('DUBAN_MAIL_FROM', runtime, {
          wrong: '不是电子邮箱地址',
          accepted: '请写发件邮箱，可在前面加发件人名称，邮箱放在 < > 中',
          example: 'DUBAN_MAIL_FROM=县政府督查室 <duban@example.gov.cn>',
          log: 'DUBAN_MAIL_FROM is not an e-mail address: write `duban@example.gov.cn` or `县政府督查室 <duban@example.gov.cn>`.',
        }),
      );
    const name = m?.[1]?.trim().replace(/^"(.*)"$/, '$1');
    return name ? { name, address } : { address };
  });
}

function sheetsRootUrl(runtime: Runtime) {
  return text.transform(function rootUrlOf(url, ctx): string | undefined {
    if (!url) return undefined;
    if (!httpUrl.safeParse(url).success) {
      fail(
        ctx,
        envProblem('DUBAN_SHEETS_ROOT_URL', runtime, {
          wrong: '不是 http(s) 网址',
          accepted:
            '使用 Google 表格时不要设置它；只有接入自建的 Sheets API 服务时才写其根地址，以 http:// 或 https:// 开头',
          example: 'DUBAN_SHEETS_ROOT_URL=http://127.0.0.1:8080/',
          log: 'DUBAN_SHEETS_ROOT_URL is not an http(s) URL: leave it unset to use Google, or give the root of a Sheets API server.',
        }),
      );
      return undefined;
    }
    return url.endsWith('/') ? url : `${url}/`;
  });
}

const LINK_SECRET_WRONG: Record<LinkKeysError['reason'], (key: string) => string> = {
  empty: () => '中没有密钥',
  'no-id': (key) => `中的第 ${key} 个密钥没有编号`,
  'too-short': (key) => `中的密钥 ${key} 太短`,
  'duplicate-id': (key) => `中的编号 ${key} 出现了两次`,
};

/** `DUBAN_LINK_SECRET`: the keys of the signed links; unset = no link pages and no links in notices. */
function linkSecret(runtime: Runtime) {
  const unset =
    runtime === 'local' ? '（不设置时 duban serve 自动生成并保存在工作簿旁的 .duban-link-secret）' : '';
  return rawText.transform(function linkKeysOf(value, ctx): LinkKeys | null {
    if (value === undefined) return null;
    try {
      return parseLinkKeys(value);
    } catch (error) {
      if (!(error instanceof LinkKeysError)) throw error;
      fail(
        ctx,
        envProblem('DUBAN_LINK_SECRET', runtime, {
          wrong: LINK_SECRET_WRONG[error.reason](error.key),
          accepted:
            `每个密钥写成“编号:密钥”，密钥至少 ${MIN_LINK_SECRET_LENGTH} 个随机字符，编号各不相同；多个密钥用逗号隔开，` +
            `第一个用于签发新链接${unset}`,
          example: 'DUBAN_LINK_SECRET=k2:新密钥,k1:旧密钥（密钥可运行 openssl rand -base64 32 生成）',
          log: error.message,
        }),
      );
      return null;
    }
  });
}

/** `DUBAN_PUBLIC_URL`: the address units open the links at, e.g. `https://duban.example.gov.cn`. */
function publicUrl(runtime: Runtime) {
  return text.transform(function publicUrlOf(url, ctx): string | undefined {
    if (!url) return undefined;
    if (!httpUrl.safeParse(url).success) {
      fail(
        ctx,
        envProblem('DUBAN_PUBLIC_URL', runtime, {
          wrong: '不是 http(s) 网址',
          accepted: '请写各单位打开通知中链接所用的地址，以 http:// 或 https:// 开头',
          example:
            runtime === 'local'
              ? 'DUBAN_PUBLIC_URL=http://192.168.1.20:8787'
              : 'DUBAN_PUBLIC_URL=https://duban.example.gov.cn',
          log: 'DUBAN_PUBLIC_URL is not an http(s) URL: give the address the links open at, e.g. https://duban.example.gov.cn.',
        }),
      );
      return undefined;
    }
    return url.replace(/\/+$/, '');
  });
}

/**
 * The schema of every key, for a runtime. Adding a key is one entry here (and its name in env-problem.ts SETTINGS);
 * `Env` and the parsed object follow.
 *
 * @example
 * const keys = envKeySchemas('workers');
 * keys.DUBAN_SMTP_PORT.parse('587'); // 587
 */
export function envKeySchemas(runtime: Runtime) {
  return {
    DUBAN_SPREADSHEET_ID: spreadsheetId(runtime),
    GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson(runtime),
    DUBAN_ADMIN_TOKEN: adminToken(runtime),
    DUBAN_MAIL_FROM: mailFrom(runtime),
    DUBAN_SMTP_URL: smtpUrl(runtime),
    DUBAN_SMTP_HOST: smtpHost(runtime),
    DUBAN_SMTP_PORT: smtpPort(runtime),
    DUBAN_SMTP_USER: text,
    DUBAN_SMTP_PASS: rawText,
    DUBAN_SMTP_SERVERNAME: rawText,
    DUBAN_SHEETS_ROOT_URL: sheetsRootUrl(runtime),
    DUBAN_LINK_SECRET: linkSecret(runtime),
    DUBAN_PUBLIC_URL: publicUrl(runtime),
    DUBAN_VIEWER_TOKEN: viewerToken(runtime),
  } satisfies Record<SettingKey, z.ZodType>;
}

export type EnvKey = keyof ReturnType<typeof envKeySchemas>;

/** The bindings as a runtime hands them over: every key optional, as text (wrangler [vars], secrets, process.env). */
export type Env = Partial<Record<EnvKey, string>>;

/** The keys parsed, before they are assembled into a config. */
export type ParsedEnv = { [K in EnvKey]: z.output<ReturnType<typeof envKeySchemas>[K]> };
