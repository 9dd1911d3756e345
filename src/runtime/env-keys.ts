/**
 * Every environment key the product reads, each with one zod schema that turns the raw binding into its typed value
 * and says in one English sentence what is wrong and how to set it on the runtime at hand. Messages never quote a
 * value: the keys hold secrets (the service-account key, the admin token, the SMTP password).
 */
import { z } from 'zod';
import type { Address } from '../mail/port';
import { serviceAccountKeySchema, type ServiceAccountKey } from '../store/drivers/google/google-auth';
import { type LinkKeys, parseLinkKeys } from '../web/links/token';

/** Where the product runs: the serverless runtimes read their whole config from env; `local` only a few keys. */
export type Runtime = 'workers' | 'cloud-functions' | 'local';

const RUNTIME_NAMES: Record<Runtime, string> = {
  workers: 'Cloudflare Workers',
  'cloud-functions': 'Cloud Functions',
  local: 'duban serve',
};

export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** Where a key is set on each runtime, for the end of a message. */
function howToSet(key: string, runtime: Runtime, secret: boolean): string {
  if (runtime === 'workers')
    return secret ? `run \`wrangler secret put ${key}\`` : `set it under [vars] in wrangler.toml`;
  if (runtime === 'local') return `set the environment variable ${key} before starting duban`;
  return secret
    ? `pass it with --set-secrets ${key}=<secret>:latest (or --set-env-vars) when deploying`
    : `pass it with --set-env-vars ${key}=… when deploying`;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A trimmed text binding; blank (wrangler.toml's empty placeholders) is unset. */
const text = z.preprocess(blankToUndefined, z.string().trim().optional());
/** A secret kept as typed (passwords may end in spaces); blank is unset. */
const rawText = z.preprocess(blankToUndefined, z.string().optional());
const emailSchema = z.email();
const ipLiteral = z.union([z.ipv4(), z.ipv6()]);

type Ctx = z.core.$RefinementCtx;
const fail = (ctx: Ctx, message: string) => ctx.addIssue({ code: 'custom', message });

function spreadsheetId(runtime: Runtime) {
  return text.transform(function spreadsheetIdOf(value, ctx): string {
    if (!value) {
      fail(
        ctx,
        `DUBAN_SPREADSHEET_ID is missing: ${RUNTIME_NAMES[runtime]} needs the id of the Google spreadsheet ` +
          `(the part of its URL between /d/ and /edit); ${howToSet('DUBAN_SPREADSHEET_ID', runtime, false)}.`,
      );
      return '';
    }
    // The whole URL pasted from the browser is accepted: staff copy it more often than the bare id.
    const id = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? value;
    if (!/^[A-Za-z0-9_-]+$/.test(id))
      fail(
        ctx,
        'DUBAN_SPREADSHEET_ID is not a spreadsheet id: use the part of the spreadsheet URL between /d/ and /edit ' +
          '(letters, digits, - and _ only), or the whole URL.',
      );
    return id;
  });
}

function serviceAccountJson(runtime: Runtime) {
  return text.transform(function serviceAccountKeyOf(json, ctx): ServiceAccountKey | null {
    if (!json) {
      // Cloud Functions run as a service account of their own: Application Default Credentials need no key.
      if (runtime === 'workers')
        fail(
          ctx,
          'GOOGLE_SERVICE_ACCOUNT_JSON is missing: Cloudflare Workers have no Google identity of their own, so ' +
            'they need the JSON key of a service account the spreadsheet is shared with; run `wrangler secret put ' +
            'GOOGLE_SERVICE_ACCOUNT_JSON` and paste the whole key file.',
        );
      return null;
    }
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      // JSON.parse's own message quotes the text around the error, which could be part of the private key.
      fail(
        ctx,
        'GOOGLE_SERVICE_ACCOUNT_JSON is not valid JSON: paste the whole key file downloaded from Google Cloud ' +
          '(IAM → Service accounts → Keys → Add key → JSON), starting with { and ending with }.',
      );
      return null;
    }
    const parsed = serviceAccountKeySchema.safeParse(data);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.message).join('; ');
      fail(
        ctx,
        `GOOGLE_SERVICE_ACCOUNT_JSON is not a usable service-account key (${fields}): download a JSON key of a ` +
          'service account, not an OAuth client or API key.',
      );
      return null;
    }
    return { ...parsed.data, private_key: parsed.data.private_key.replace(/\\n/g, '\n') };
  });
}

function adminToken(runtime: Runtime) {
  return text.transform(function adminTokenOf(token, ctx): string {
    if (!token) {
      // `duban serve` makes a random token of its own and prints it.
      if (runtime !== 'local')
        fail(
          ctx,
          `DUBAN_ADMIN_TOKEN is missing: ${RUNTIME_NAMES[runtime]} needs the bearer token that guards POST ` +
            `/api/scan (make one with \`openssl rand -base64 24\`); ${howToSet('DUBAN_ADMIN_TOKEN', runtime, true)}.`,
        );
      return '';
    }
    if (token.length < MIN_ADMIN_TOKEN_LENGTH)
      fail(
        ctx,
        `DUBAN_ADMIN_TOKEN is too short: use at least ${MIN_ADMIN_TOKEN_LENGTH} random characters ` +
          '(e.g. `openssl rand -base64 24`), since it lets anyone start a scan that sends notices.',
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
        `DUBAN_VIEWER_TOKEN is too short: use at least ${MIN_ADMIN_TOKEN_LENGTH} random characters ` +
          `(e.g. \`openssl rand -base64 24\`), since it opens the board; ${howToSet('DUBAN_VIEWER_TOKEN', runtime, true)}.`,
      );
    return token;
  });
}

const mailFrom = text.transform(function senderOf(value, ctx): Address | undefined {
  if (!value) return undefined;
  const m = /^(.*?)\s*<([^>]+)>$/.exec(value);
  const address = (m ? m[2]! : value).trim();
  if (!emailSchema.safeParse(address).success)
    fail(
      ctx,
      'DUBAN_MAIL_FROM is not an e-mail address: write `duban@example.gov.cn` or `县政府督查室 <duban@example.gov.cn>`.',
    );
  const name = m?.[1]?.trim().replace(/^"(.*)"$/, '$1');
  return name ? { name, address } : { address };
});

function smtpHost(runtime: Runtime) {
  return text.transform(function smtpHostOf(host, ctx): string | undefined {
    if (!host) return undefined;
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    // workerd has no dns.lookup: a socket can only be opened to an address, never a name.
    if (runtime === 'workers' && !ipLiteral.safeParse(bare).success)
      fail(
        ctx,
        'DUBAN_SMTP_HOST must be an IP address on Cloudflare Workers (workerd has no dns.lookup, so nodemailer ' +
          "cannot resolve a host name there): use the mail server's IPv4 or IPv6 address, e.g. the result of " +
          '`dig +short smtp.example.gov.cn`.',
      );
    return bare;
  });
}

const smtpPort = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : blankToUndefined(v)), z.string().trim().optional())
  .transform(function smtpPortOf(value, ctx): number | undefined {
    if (value === undefined) return undefined;
    const port = Number(value);
    if (Number.isInteger(port) && port >= 1 && port <= 65_535) return port;
    fail(ctx, 'DUBAN_SMTP_PORT is not a port number: use 465 (TLS), 587 or 25.');
    return undefined;
  });

/** The SMTP server of DUBAN_SMTP_URL: `smtps://user:pass@host:465` (TLS) or `smtp://user:pass@host:587` (STARTTLS). */
export interface SmtpUrl {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

function smtpUrl(runtime: Runtime) {
  return rawText.transform(function smtpUrlOf(value, ctx): SmtpUrl | undefined {
    if (!value) return undefined;
    const bad = () => {
      fail(
        ctx,
        'DUBAN_SMTP_URL is not an SMTP address: write smtps://user:password@mail.example.gov.cn:465 (TLS) or ' +
          'smtp://user:password@mail.example.gov.cn:587 (STARTTLS); percent-encode @ : / in the password (%40 %3A %2F).',
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
        'DUBAN_SMTP_URL must name the server by IP address on Cloudflare Workers (workerd has no dns.lookup); put ' +
          "the certificate's host name in DUBAN_SMTP_SERVERNAME.",
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

const sheetsRootUrl = text.transform(function rootUrlOf(url, ctx): string | undefined {
  if (!url) return undefined;
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
    fail(
      ctx,
      'DUBAN_SHEETS_ROOT_URL is not an http(s) URL: leave it unset to use Google, or give the root of a Sheets API server.',
    );
    return undefined;
  }
  return url.endsWith('/') ? url : `${url}/`;
});

/** `DUBAN_LINK_SECRET`: the keys of the signed links; unset = no link pages and no links in notices. */
const linkSecret = rawText.transform(function linkKeysOf(value, ctx): LinkKeys | null {
  if (value === undefined) return null;
  try {
    return parseLinkKeys(value);
  } catch (error) {
    fail(ctx, (error as Error).message);
    return null;
  }
});

/** `DUBAN_PUBLIC_URL`: the address units open the links at, e.g. `https://duban.example.gov.cn`. */
const publicUrl = text.transform(function publicUrlOf(url, ctx): string | undefined {
  if (!url) return undefined;
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
    fail(
      ctx,
      'DUBAN_PUBLIC_URL is not an http(s) URL: give the address the links open at, e.g. https://duban.example.gov.cn.',
    );
    return undefined;
  }
  return url.replace(/\/+$/, '');
});

/**
 * The schema of every key, for a runtime. Adding a key is one entry here; `Env` and the parsed object follow.
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
    DUBAN_MAIL_FROM: mailFrom,
    DUBAN_SMTP_URL: smtpUrl(runtime),
    DUBAN_SMTP_HOST: smtpHost(runtime),
    DUBAN_SMTP_PORT: smtpPort,
    DUBAN_SMTP_USER: text,
    DUBAN_SMTP_PASS: rawText,
    DUBAN_SMTP_SERVERNAME: rawText,
    DUBAN_SHEETS_ROOT_URL: sheetsRootUrl,
    DUBAN_LINK_SECRET: linkSecret,
    DUBAN_PUBLIC_URL: publicUrl,
    DUBAN_VIEWER_TOKEN: viewerToken(runtime),
  };
}

export type EnvKey = keyof ReturnType<typeof envKeySchemas>;

/** The bindings as a runtime hands them over: every key optional, as text (wrangler [vars], secrets, process.env). */
export type Env = Partial<Record<EnvKey, string>>;

/** The keys parsed, before they are assembled into a config. */
export type ParsedEnv = { [K in EnvKey]: z.output<ReturnType<typeof envKeySchemas>[K]> };

export { howToSet };
