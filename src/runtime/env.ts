/**
 * The environment of a runtime, parsed once at the edge into a typed config: each key by its own schema
 * (env-keys.ts), then the few rules that join keys (SMTP user and password together, no SMTP keys without a host).
 * Every problem is an EnvProblem: a Chinese message naming the setting, what is wrong, what is accepted, an example
 * and where to change it, and an English line for the log.
 */
import { z } from 'zod';
import type { Address } from '../mail/port';
import { DEFAULT_SENDER } from '../mail/sender';
import type { ServiceAccountKey } from '../store/drivers/google/google-auth';
import type { LinkKeys } from '../web/links/token';
import { envKeySchemas, type ParsedEnv, type Runtime } from './env-keys';
import type { EnvProblem } from './env-problem';
import { smtpPairProblems } from './env-smtp-keys';
import { fail, problemOf } from './env-values';

export type { Env, Runtime } from './env-keys';
export { MIN_ADMIN_TOKEN_LENGTH } from './env-keys';
export type { EnvProblem } from './env-problem';

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

export type EnvResult = { ok: true; config: RuntimeConfig } | { ok: false; problems: EnvProblem[] };

/**
 * The log line of an unusable environment: every problem, in English.
 * @example console.error(envLogLine(result.problems));
 */
export function envLogLine(problems: EnvProblem[]): string {
  return `[runtime:env] the environment is not usable:\n- ${problems.map((p) => p.log).join('\n- ')}`;
}

/** Thrown by `loadRuntimeConfig`; the message (for the log) lists every problem, one per line. */
export class RuntimeEnvError extends Error {
  override name = 'RuntimeEnvError';
  constructor(readonly problems: EnvProblem[]) {
    super(envLogLine(problems));
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
      for (const problem of smtpPairProblems(env as ParsedEnv, runtime)) fail(ctx, problem);
    })
    .transform((env) => configOf(env as ParsedEnv, runtime));
}

/**
 * Parse the env of a runtime: the config, or every problem (never quoting a value).
 *
 * @example
 * const result = parseRuntimeEnv(process.env, 'cloud-functions');
 * if (!result.ok) console.error(result.problems.map((p) => p.message).join('\n'));
 */
export function parseRuntimeEnv(env: Record<string, unknown>, runtime: Runtime): EnvResult {
  const parsed = runtimeEnvSchema(runtime).safeParse(env ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => problemOf(i, runtime)) };
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
