/**
 * The environment of the serverless runtimes (Cloudflare Workers and Cloud Functions), parsed once at the edge into a
 * typed config. Every problem is one English sentence naming the key, what is wrong and which runtime needs it.
 * Messages never quote a value: the keys hold secrets (the service-account key, the admin token, the SMTP password).
 */
import { z } from 'zod';
import type { Address } from '../mail/port';
import { serviceAccountKeySchema, type ServiceAccountKey } from '../store/drivers/google/google-auth';

export type Runtime = 'workers' | 'cloud-functions';

const RUNTIME_NAMES: Record<Runtime, string> = {
  workers: 'Cloudflare Workers',
  'cloud-functions': 'Cloud Functions',
};

/** Default sender when DUBAN_MAIL_FROM is not set. */
export const DEFAULT_FROM: Address = { name: '督查室', address: 'duban@localhost' };
/** Implicit TLS, what Chinese government and enterprise mail hosts (腾讯企业邮、263、网易) expect. */
export const DEFAULT_SMTP_PORT = 465;
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); other ports upgrade with STARTTLS when offered. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** Name on the server's TLS certificate when `host` is an IP address (Workers). */
  servername?: string;
}

export interface RuntimeConfig {
  runtime: Runtime;
  spreadsheetId: string;
  /** null: Application Default Credentials (Cloud Functions' own service account). */
  serviceAccountKey: ServiceAccountKey | null;
  adminToken: string;
  from: Address;
  /** null: no mail transport; notices stay 待发送 until SMTP is configured (see scan-deps.ts). */
  smtp: SmtpConfig | null;
  /** Sheets API root ending in `/` (tests point it at the local Sheets server); undefined = Google's. */
  sheetsRootUrl?: string;
}

export type EnvResult = { ok: true; config: RuntimeConfig } | { ok: false; problems: string[] };

/** Thrown by `loadRuntimeConfig`; the message lists every problem, one per line. */
export class RuntimeEnvError extends Error {
  override name = 'RuntimeEnvError';
  constructor(readonly problems: string[]) {
    super(`[runtime:env] the environment is not usable:\n- ${problems.join('\n- ')}`);
  }
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

function rawEnvSchema() {
  return z.object({
    DUBAN_SPREADSHEET_ID: optionalText,
    GOOGLE_SERVICE_ACCOUNT_JSON: optionalText,
    DUBAN_ADMIN_TOKEN: optionalText,
    DUBAN_MAIL_FROM: optionalText,
    DUBAN_SMTP_HOST: optionalText,
    DUBAN_SMTP_PORT: z.preprocess(
      (v) => (typeof v === 'number' ? String(v) : blankToUndefined(v)),
      z.string().trim().optional(),
    ),
    DUBAN_SMTP_USER: optionalText,
    DUBAN_SMTP_PASS: z.preprocess(blankToUndefined, z.string().optional()),
    DUBAN_SMTP_SERVERNAME: z.preprocess(blankToUndefined, z.string().optional()),
    DUBAN_SHEETS_ROOT_URL: optionalText,
  });
}

type RawEnv = z.infer<ReturnType<typeof rawEnvSchema>>;
type Report = (key: keyof RawEnv, message: string) => void;

/**
 * The env schema of one runtime: raw string bindings in, a RuntimeConfig out. Each bad or missing key adds one issue
 * whose message is a full sentence.
 *
 * @example
 * const parsed = runtimeEnvSchema('workers').safeParse(env);
 * if (parsed.success) parsed.data.spreadsheetId;
 */
export function runtimeEnvSchema(runtime: Runtime) {
  return rawEnvSchema().transform((raw, ctx): RuntimeConfig => {
    const report: Report = (key, message) => ctx.addIssue({ code: 'custom', path: [key], message });
    const config: RuntimeConfig = {
      runtime,
      spreadsheetId: spreadsheetIdOf(raw, runtime, report),
      serviceAccountKey: serviceAccountKeyOf(raw, runtime, report),
      adminToken: adminTokenOf(raw, runtime, report),
      from: senderOf(raw, report),
      smtp: smtpOf(raw, runtime, report),
      sheetsRootUrl: rootUrlOf(raw, report),
    };
    return config;
  });
}

/**
 * Parse the env of a runtime: the config, or every problem (one English sentence each, never quoting a value).
 *
 * @example
 * const result = parseRuntimeEnv(process.env, 'cloud-functions');
 * if (!result.ok) console.error(result.problems.join('\n'));
 */
export function parseRuntimeEnv(env: Record<string, unknown>, runtime: Runtime): EnvResult {
  const parsed = runtimeEnvSchema(runtime).safeParse(env ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
}

/**
 * Like parseRuntimeEnv, but throws a RuntimeEnvError listing every problem.
 * @example const config = loadRuntimeConfig(env, 'workers');
 */
export function loadRuntimeConfig(env: Record<string, unknown>, runtime: Runtime): RuntimeConfig {
  const result = parseRuntimeEnv(env, runtime);
  if (!result.ok) throw new RuntimeEnvError(result.problems);
  return result.config;
}

/** Where a key is set on each runtime, for the end of a message. */
function howToSet(key: string, runtime: Runtime, secret: boolean): string {
  if (runtime === 'workers')
    return secret ? `run \`wrangler secret put ${key}\`` : `set it under [vars] in wrangler.toml`;
  return secret
    ? `pass it with --set-secrets ${key}=<secret>:latest (or --set-env-vars) when deploying`
    : `pass it with --set-env-vars ${key}=… when deploying`;
}

function spreadsheetIdOf(raw: RawEnv, runtime: Runtime, report: Report): string {
  const value = raw.DUBAN_SPREADSHEET_ID;
  if (!value) {
    report(
      'DUBAN_SPREADSHEET_ID',
      `DUBAN_SPREADSHEET_ID is missing: ${RUNTIME_NAMES[runtime]} needs the id of the Google spreadsheet ` +
        `(the part of its URL between /d/ and /edit); ${howToSet('DUBAN_SPREADSHEET_ID', runtime, false)}.`,
    );
    return '';
  }
  // The whole URL pasted from the browser is accepted: staff copy it more often than the bare id.
  const id = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? value;
  if (!/^[A-Za-z0-9_-]+$/.test(id)) {
    report(
      'DUBAN_SPREADSHEET_ID',
      'DUBAN_SPREADSHEET_ID is not a spreadsheet id: use the part of the spreadsheet URL between /d/ and /edit ' +
        '(letters, digits, - and _ only), or the whole URL.',
    );
  }
  return id;
}

function serviceAccountKeyOf(raw: RawEnv, runtime: Runtime, report: Report): ServiceAccountKey | null {
  const json = raw.GOOGLE_SERVICE_ACCOUNT_JSON;
  if (!json) {
    // Cloud Functions run as a service account of their own: Application Default Credentials need no key.
    if (runtime === 'cloud-functions') return null;
    report(
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'GOOGLE_SERVICE_ACCOUNT_JSON is missing: Cloudflare Workers have no Google identity of their own, so they need ' +
        'the JSON key of a service account the spreadsheet is shared with; run `wrangler secret put ' +
        'GOOGLE_SERVICE_ACCOUNT_JSON` and paste the whole key file.',
    );
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    // JSON.parse's own message quotes the text around the error, which could be part of the private key.
    report(
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      'GOOGLE_SERVICE_ACCOUNT_JSON is not valid JSON: paste the whole key file downloaded from Google Cloud ' +
        '(IAM → Service accounts → Keys → Add key → JSON), starting with { and ending with }.',
    );
    return null;
  }
  const parsed = serviceAccountKeySchema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.message).join('; ');
    report(
      'GOOGLE_SERVICE_ACCOUNT_JSON',
      `GOOGLE_SERVICE_ACCOUNT_JSON is not a usable service-account key (${fields}): download a JSON key of a ` +
        'service account, not an OAuth client or API key.',
    );
    return null;
  }
  return { ...parsed.data, private_key: parsed.data.private_key.replace(/\\n/g, '\n') };
}

function adminTokenOf(raw: RawEnv, runtime: Runtime, report: Report): string {
  const token = raw.DUBAN_ADMIN_TOKEN;
  if (!token) {
    report(
      'DUBAN_ADMIN_TOKEN',
      `DUBAN_ADMIN_TOKEN is missing: ${RUNTIME_NAMES[runtime]} needs the bearer token that guards POST /api/scan ` +
        `(make one with \`openssl rand -base64 24\`); ${howToSet('DUBAN_ADMIN_TOKEN', runtime, true)}.`,
    );
    return '';
  }
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    report(
      'DUBAN_ADMIN_TOKEN',
      `DUBAN_ADMIN_TOKEN is too short: use at least ${MIN_ADMIN_TOKEN_LENGTH} random characters ` +
        '(e.g. `openssl rand -base64 24`), since it lets anyone start a scan that sends notices.',
    );
  }
  return token;
}

const emailSchema = z.email();

function senderOf(raw: RawEnv, report: Report): Address {
  const text = raw.DUBAN_MAIL_FROM;
  if (!text) {
    const user = raw.DUBAN_SMTP_USER;
    return user && emailSchema.safeParse(user).success
      ? { name: DEFAULT_FROM.name, address: user }
      : DEFAULT_FROM;
  }
  const m = /^(.*?)\s*<([^>]+)>$/.exec(text);
  const address = (m ? m[2]! : text).trim();
  if (!emailSchema.safeParse(address).success) {
    report(
      'DUBAN_MAIL_FROM',
      'DUBAN_MAIL_FROM is not an e-mail address: write `duban@example.gov.cn` or `县政府督查室 <duban@example.gov.cn>`.',
    );
  }
  const name = m?.[1]?.trim().replace(/^"(.*)"$/, '$1');
  return name ? { name, address } : { address };
}

const ipLiteral = z.union([z.ipv4(), z.ipv6()]);

function smtpOf(raw: RawEnv, runtime: Runtime, report: Report): SmtpConfig | null {
  const {
    DUBAN_SMTP_HOST: host,
    DUBAN_SMTP_PORT: portText,
    DUBAN_SMTP_USER: user,
    DUBAN_SMTP_PASS: pass,
  } = raw;
  if (!host) {
    const stray = (
      [
        ['DUBAN_SMTP_PORT', portText],
        ['DUBAN_SMTP_USER', user],
        ['DUBAN_SMTP_PASS', pass],
      ] as const
    ).filter(([, v]) => v !== undefined);
    if (stray.length)
      report(
        'DUBAN_SMTP_HOST',
        `DUBAN_SMTP_HOST is missing while ${stray.map(([k]) => k).join(', ')} ${stray.length > 1 ? 'are' : 'is'} set: ` +
          'set the SMTP server too, or remove the SMTP keys (notices then stay 待发送 until mail is configured).',
      );
    return null;
  }
  // workerd has no dns.lookup: a socket can only be opened to an address, never a name.
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  if (runtime === 'workers' && !ipLiteral.safeParse(bareHost).success) {
    report(
      'DUBAN_SMTP_HOST',
      'DUBAN_SMTP_HOST must be an IP address on Cloudflare Workers (workerd has no dns.lookup, so nodemailer ' +
        "cannot resolve a host name there): use the mail server's IPv4 or IPv6 address, e.g. the result of " +
        '`dig +short smtp.example.gov.cn`.',
    );
  }
  let port = DEFAULT_SMTP_PORT;
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      report('DUBAN_SMTP_PORT', 'DUBAN_SMTP_PORT is not a port number: use 465 (TLS), 587 or 25.');
      port = DEFAULT_SMTP_PORT;
    }
  }
  if (user && pass === undefined) {
    report(
      'DUBAN_SMTP_PASS',
      `DUBAN_SMTP_PASS is missing while DUBAN_SMTP_USER is set: ${howToSet('DUBAN_SMTP_PASS', runtime, true)}.`,
    );
  }
  if (!user && pass !== undefined) {
    report(
      'DUBAN_SMTP_USER',
      'DUBAN_SMTP_USER is missing while DUBAN_SMTP_PASS is set: set the SMTP account name.',
    );
  }
  const servername = raw.DUBAN_SMTP_SERVERNAME;
  return {
    host: bareHost,
    port,
    secure: port === 465,
    ...(user ? { user } : {}),
    ...(pass ? { pass } : {}),
    ...(servername ? { servername } : {}),
  };
}

function rootUrlOf(raw: RawEnv, report: Report): string | undefined {
  const url = raw.DUBAN_SHEETS_ROOT_URL;
  if (!url) return undefined;
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
    report(
      'DUBAN_SHEETS_ROOT_URL',
      'DUBAN_SHEETS_ROOT_URL is not an http(s) URL: leave it unset to use Google, or give the root of a Sheets API server.',
    );
    return undefined;
  }
  return url.endsWith('/') ? url : `${url}/`;
}
