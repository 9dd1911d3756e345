/**
 * The environment of a runtime, parsed once at the edge into a typed config: each key by its own schema
 * (env-keys.ts), then the few rules that join keys (SMTP user and password together, no SMTP keys without a host).
 * Every problem is one English sentence naming the key, what is wrong and how to set it.
 */
import { z } from 'zod';
import type { Address } from '../mail/port';
import { DEFAULT_SENDER } from '../mail/sender';
import type { ServiceAccountKey } from '../store/drivers/google/google-auth';
import type { LinkKeys } from '../web/links/token';
import { envKeySchemas, howToSet, type ParsedEnv, type Runtime } from './env-keys';

export type { Env, Runtime } from './env-keys';
export { MIN_ADMIN_TOKEN_LENGTH } from './env-keys';

/** Default sender when DUBAN_MAIL_FROM is not set (the 督查室邮箱 of 规则配置 then takes its place, mail/sender.ts). */
export const DEFAULT_FROM: Address = DEFAULT_SENDER;
/** Implicit TLS, what Chinese government and enterprise mail hosts (腾讯企业邮、263、网易) expect. */
export const DEFAULT_SMTP_PORT = 465;

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
  /** Empty on `local` when unset (duban serve then makes one). */
  adminToken: string;
  /** Opens /board read-only (a link `/board?t=…` sets it as a cookie); unset: only the admin token opens it. */
  viewerToken?: string;
  from: Address;
  /** null: no mail transport; notices stay 待发送 until SMTP is configured (see targets.ts). */
  smtp: SmtpConfig | null;
  /** Sheets API root ending in `/` (tests point it at the local Sheets server); undefined = Google's. */
  sheetsRootUrl?: string;
  /** Keys of the signed links (DUBAN_LINK_SECRET); null = links off (local: duban serve makes a secret file). */
  linkKeys: LinkKeys | null;
  /** DUBAN_PUBLIC_URL without a trailing slash: the base of every link in a mail. */
  publicUrl?: string;
}

export type EnvResult = { ok: true; config: RuntimeConfig } | { ok: false; problems: string[] };

/** Thrown by `loadRuntimeConfig`; the message lists every problem, one per line. */
export class RuntimeEnvError extends Error {
  override name = 'RuntimeEnvError';
  constructor(readonly problems: string[]) {
    super(`[runtime:env] the environment is not usable:\n- ${problems.join('\n- ')}`);
  }
}

/**
 * The env schema of one runtime: raw bindings in, a RuntimeConfig out, one issue per problem.
 *
 * @example
 * const parsed = runtimeEnvSchema('workers').safeParse(env);
 * if (parsed.success) parsed.data.spreadsheetId;
 */
export function runtimeEnvSchema(runtime: Runtime) {
  const { DUBAN_SPREADSHEET_ID, GOOGLE_SERVICE_ACCOUNT_JSON, ...common } = envKeySchemas(runtime);
  // On `duban serve` the spreadsheet is a workbook file and Google is not involved.
  const schema =
    runtime === 'local'
      ? z.object(common)
      : z.object({ DUBAN_SPREADSHEET_ID, GOOGLE_SERVICE_ACCOUNT_JSON, ...common });
  return schema
    .superRefine((env, ctx) => {
      for (const message of smtpPairProblems(env as ParsedEnv, runtime))
        ctx.addIssue({ code: 'custom', message });
    })
    .transform((env) => configOf(env as ParsedEnv, runtime));
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

/** SMTP keys that only make sense together. */
function smtpPairProblems(env: ParsedEnv, runtime: Runtime): string[] {
  if (env.DUBAN_SMTP_URL !== undefined) return smtpUrlClashes(env);
  const { DUBAN_SMTP_HOST: host, DUBAN_SMTP_USER: user, DUBAN_SMTP_PASS: pass } = env;
  if (!host) {
    const stray = (
      [
        ['DUBAN_SMTP_PORT', env.DUBAN_SMTP_PORT],
        ['DUBAN_SMTP_USER', user],
        ['DUBAN_SMTP_PASS', pass],
      ] as const
    ).filter(([, v]) => v !== undefined);
    if (!stray.length) return [];
    return [
      `DUBAN_SMTP_HOST is missing while ${stray.map(([k]) => k).join(', ')} ${stray.length > 1 ? 'are' : 'is'} set: ` +
        'set the SMTP server too, or remove the SMTP keys (notices then stay 待发送 until mail is configured).',
    ];
  }
  if (user && pass === undefined)
    return [
      `DUBAN_SMTP_PASS is missing while DUBAN_SMTP_USER is set: ${howToSet('DUBAN_SMTP_PASS', runtime, true)}.`,
    ];
  if (!user && pass !== undefined)
    return ['DUBAN_SMTP_USER is missing while DUBAN_SMTP_PASS is set: set the SMTP account name.'];
  return [];
}

/** DUBAN_SMTP_URL is the whole server setting: the separate keys beside it would be ambiguous. */
function smtpUrlClashes(env: ParsedEnv): string[] {
  const also = (['DUBAN_SMTP_HOST', 'DUBAN_SMTP_PORT', 'DUBAN_SMTP_USER', 'DUBAN_SMTP_PASS'] as const).filter(
    (k) => env[k] !== undefined,
  );
  if (!also.length) return [];
  return [
    `DUBAN_SMTP_URL is set together with ${also.join(', ')}: keep only DUBAN_SMTP_URL ` +
      '(smtps://user:password@host:465), which holds the server, port, account and password.',
  ];
}

const emailSchema = z.email();

function configOf(env: ParsedEnv, runtime: Runtime): RuntimeConfig {
  const user = env.DUBAN_SMTP_URL?.user ?? env.DUBAN_SMTP_USER;
  // Without DUBAN_MAIL_FROM the SMTP account is the sender, so the server accepts the envelope.
  const from =
    env.DUBAN_MAIL_FROM ??
    (user && emailSchema.safeParse(user).success ? { name: DEFAULT_FROM.name, address: user } : DEFAULT_FROM);
  return {
    runtime,
    spreadsheetId: env.DUBAN_SPREADSHEET_ID ?? '',
    serviceAccountKey: env.GOOGLE_SERVICE_ACCOUNT_JSON ?? null,
    adminToken: env.DUBAN_ADMIN_TOKEN,
    ...(env.DUBAN_VIEWER_TOKEN ? { viewerToken: env.DUBAN_VIEWER_TOKEN } : {}),
    from,
    smtp: smtpOf(env),
    sheetsRootUrl: env.DUBAN_SHEETS_ROOT_URL,
    linkKeys: env.DUBAN_LINK_SECRET,
    ...(env.DUBAN_PUBLIC_URL ? { publicUrl: env.DUBAN_PUBLIC_URL } : {}),
  };
}

function smtpOf(env: ParsedEnv): SmtpConfig | null {
  const url = env.DUBAN_SMTP_URL;
  if (url) {
    const servername = env.DUBAN_SMTP_SERVERNAME;
    return { ...url, ...(servername ? { servername } : {}) };
  }
  const host = env.DUBAN_SMTP_HOST;
  if (!host) return null;
  const port = env.DUBAN_SMTP_PORT ?? DEFAULT_SMTP_PORT;
  const { DUBAN_SMTP_USER: user, DUBAN_SMTP_PASS: pass, DUBAN_SMTP_SERVERNAME: servername } = env;
  return {
    host,
    port,
    secure: port === 465,
    ...(user ? { user } : {}),
    ...(pass ? { pass } : {}),
    ...(servername ? { servername } : {}),
  };
}
