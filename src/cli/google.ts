/**
 * Google options shared by `duban init --google` (sheets-templates/cli/init-google.ts) and `duban scan --sheet`: credentials from the environment only,
 * spreadsheet ids from ids or URLs, and Google failures explained in Chinese with what to do.
 */
import { readFileSync } from 'node:fs';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import {
  applicationDefaultAuth,
  serviceAccountAuth,
  type ServiceAccountKey,
} from '../store/drivers/google/google-auth';
import { describeGoogleError, googleFailureText } from '../store/drivers/google/google-errors';
import { createGoogleStore } from '../store/drivers/google/google';
import type { SheetStore } from '../store/port';
import { createOutboxMailer } from '../mail/outbox';
import { serviceAccountJson } from '../runtime/env-google-keys';
import { problemOf } from '../runtime/env-values';
import type { Mailer } from '../mail/port';

/** Environment variables read here, named in every message about credentials. */
export const GOOGLE_ENV = {
  keyJson: 'GOOGLE_SERVICE_ACCOUNT_JSON',
  keyFile: 'GOOGLE_APPLICATION_CREDENTIALS',
  rootUrl: 'DUBAN_SHEETS_ROOT_URL',
} as const;

export interface GoogleAccess {
  auth: sheets_v4.Options['auth'];
  /** The service account's e-mail, when the credentials say it (to be shared the spreadsheet with). */
  clientEmail?: string;
  /** API root override (a local Sheets server in tests). */
  rootUrl?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

const SHARE_HINT =
  '在 Google Cloud 控制台为服务账号创建密钥（JSON），并在 Google 表格中点“共享”，把服务账号邮箱（…@….iam.gserviceaccount.com）添加为“编辑者”。';

export const MISSING_CREDENTIALS =
  `未找到 Google 凭据：请设置环境变量 ${GOOGLE_ENV.keyJson}（服务账号密钥 JSON 的全文）` +
  `或 ${GOOGLE_ENV.keyFile}（密钥文件路径，或应用默认凭据）。${SHARE_HINT}`;

function fromKey(key: ServiceAccountKey, rootUrl: string | undefined): GoogleAccess {
  return { auth: serviceAccountAuth(key), clientEmail: key.client_email, ...(rootUrl ? { rootUrl } : {}) };
}

/**
 * Credentials from the environment: GOOGLE_SERVICE_ACCOUNT_JSON (the key's JSON text) first, then
 * GOOGLE_APPLICATION_CREDENTIALS (a key file; any other credential file goes to Application Default Credentials).
 *
 * @example
 * const access = googleAccessFromEnv(process.env);
 * if (!access.ok) console.error(access.message);
 */
export function googleAccessFromEnv(env: NodeJS.ProcessEnv = process.env): Result<GoogleAccess> {
  const rootUrl = env[GOOGLE_ENV.rootUrl]?.trim() || undefined;
  const json = env[GOOGLE_ENV.keyJson]?.trim();
  if (json) {
    // The runtimes' own check: a Chinese message per problem that never quotes the key (JSON.parse's would).
    const parsed = serviceAccountJson('local').safeParse(json);
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues.map((i) => problemOf(i, 'local').message).join('\n') };
    return { ok: true, value: fromKey(parsed.data!, rootUrl) };
  }
  const file = env[GOOGLE_ENV.keyFile]?.trim();
  if (!file) return { ok: false, message: MISSING_CREDENTIALS };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      message: `无法读取 ${GOOGLE_ENV.keyFile} 指向的文件 ${file}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  let type: unknown;
  try {
    type = (JSON.parse(text) as { type?: unknown }).type;
  } catch {
    return { ok: false, message: `${GOOGLE_ENV.keyFile} 指向的文件 ${file} 不是 JSON 凭据文件` };
  }
  if (type !== 'service_account')
    return { ok: true, value: { auth: applicationDefaultAuth(), ...(rootUrl ? { rootUrl } : {}) } };
  const parsed = serviceAccountJson('local').safeParse(text);
  if (!parsed.success)
    return {
      ok: false,
      message:
        `${GOOGLE_ENV.keyFile} 指向的文件 ${file} 不是可用的服务账号密钥：` +
        '应为从 Google Cloud 下载的服务账号 JSON 密钥文件（IAM → 服务账号 → 密钥 → 添加密钥 → JSON），含 client_email 和 private_key',
    };
  return { ok: true, value: fromKey(parsed.data!, rootUrl) };
}

/**
 * A spreadsheet id from an id or a pasted URL; null when it is neither.
 * @example spreadsheetIdOf('https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0') // '1AbC_d-9'
 */
export function spreadsheetIdOf(input: string): string | null {
  const text = input.trim();
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (fromUrl) return fromUrl;
  return /^[A-Za-z0-9_-]{10,}$/.test(text) ? text : null;
}

/**
 * A Google failure as a Chinese sentence saying what to do, with the English detail for the log.
 * @example explainGoogleFailure(error, { spreadsheetId: '1AbC', clientEmail: 'duban@p.iam.gserviceaccount.com' })
 */
export function explainGoogleFailure(
  error: unknown,
  ctx: { spreadsheetId?: string; clientEmail?: string },
): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const failure = describeGoogleError(cause);
  const { status, name, message } = failure;
  const who = ctx.clientEmail ? `服务账号 ${ctx.clientEmail} ` : '服务账号';
  const detail = `（${(error as Error)?.message ?? message}）`;
  if (status === 401 || /invalid_grant|unauthorized_client|invalid_client/i.test(`${name} ${message}`))
    return `Google 拒绝了凭据：请检查 ${GOOGLE_ENV.keyJson} 或 ${GOOGLE_ENV.keyFile} 中的服务账号密钥是否有效、未被删除${detail}`;
  if (status === 403 && !ctx.spreadsheetId)
    return `${who}无权创建表格：请确认项目已启用 Google Sheets API，或先自建空白表格并共享给${who}后用 --sheet 指定${detail}`;
  return `${googleFailureText(failure, ctx)}${detail}`;
}

export interface GoogleScanTargets {
  store: SheetStore;
  mailer: Mailer;
  outboxDir: string;
  spreadsheetId: string;
  clientEmail?: string;
}

/**
 * The store and mailer of `duban scan --sheet`: the google driver on that spreadsheet, notices as .eml files in
 * `outbox` (default ./outbox).
 * @example const targets = googleScanTargets('1AbC…', undefined, process.env);
 */
export function googleScanTargets(
  sheet: string,
  outbox: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Result<GoogleScanTargets> {
  const spreadsheetId = spreadsheetIdOf(sheet);
  if (!spreadsheetId)
    return {
      ok: false,
      message: `--sheet "${sheet}" 不是表格 ID 或表格网址（https://docs.google.com/spreadsheets/d/…）`,
    };
  const access = googleAccessFromEnv(env);
  if (!access.ok) return access;
  const { auth, rootUrl, clientEmail } = access.value;
  const outboxDir = outbox ?? 'outbox';
  return {
    ok: true,
    value: {
      store: createGoogleStore({
        spreadsheetId,
        auth,
        ...(rootUrl ? { rootUrl } : {}),
        ...(clientEmail ? { clientEmail } : {}),
      }),
      mailer: createOutboxMailer(outboxDir),
      outboxDir,
      spreadsheetId,
      ...(clientEmail ? { clientEmail } : {}),
    },
  };
}
