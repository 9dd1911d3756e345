/**
 * Google API errors rewritten once, at the driver's edge, into one readable English line for logs:
 * `[store:google] read 挂图作战表: 403 PERMISSION_DENIED The caller does not have permission — share …`.
 */
import { StoreError } from '../../errors';

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string } | string;
  error_description?: string;
}

export interface ErrorContext {
  spreadsheetId: string;
  /** Service-account e-mail to name when the spreadsheet is not shared with it. */
  clientEmail?: string;
}

/** HTTP status, Google status name and message of an error thrown by googleapis. */
export function describeGoogleError(error: unknown): { status?: number; name?: string; message: string } {
  const e = error as { response?: { status?: number; data?: unknown }; status?: number; message?: string };
  const status = e?.response?.status ?? (typeof e?.status === 'number' ? e.status : undefined);
  let data = e?.response?.data as GoogleErrorBody | string | undefined;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as GoogleErrorBody;
    } catch {
      /* not JSON: keep the error's own message */
    }
  }
  const body = typeof data === 'object' ? data : undefined;
  if (body && typeof body.error === 'object' && body.error)
    return { status, name: body.error.status, message: body.error.message ?? e?.message ?? 'unknown error' };
  if (body && typeof body.error === 'string')
    return { status, name: body.error, message: body.error_description ?? body.error };
  return { status, message: e?.message ?? String(error) };
}

/**
 * True for Google's refusal to write a protected range the caller may not edit (an editor of the spreadsheet, but not
 * of the protection: 文书登记 and 审计日志 are protected for the account that set the template up).
 */
export function isProtectedEdit(failure: { status?: number; message: string }): boolean {
  return failure.status === 400 && /protected cell or object/i.test(failure.message);
}

/**
 * A failed Sheets call in one Chinese sentence saying what to do, for the person who runs the office's deployment
 * (the answer of POST /api/scan, the scheduler's run, `duban scan --sheet`).
 * @example googleFailureText({ status: 404, message: 'Requested entity was not found.' }, { spreadsheetId: '1AbC' })
 * // '找不到表格 1AbC：请检查表格 ID（网址中 /d/ 与 /edit 之间的部分）'
 */
export function googleFailureText(
  failure: { status?: number; name?: string; message: string },
  ctx: Partial<ErrorContext>,
): string {
  const { status, name, message } = failure;
  const who = ctx.clientEmail ? `服务账号 ${ctx.clientEmail} ` : '服务账号';
  if (status === 401 || /invalid_grant|unauthorized_client|invalid_client/i.test(`${name} ${message}`))
    return 'Google 拒绝了凭据：请检查服务账号密钥是否有效、未被删除';
  if (status === 403 && ctx.spreadsheetId)
    return `没有访问表格 ${ctx.spreadsheetId} 的权限：请在该 Google 表格中点“共享”，把${who}添加为“编辑者”`;
  if (isProtectedEdit(failure))
    return (
      `表格${ctx.spreadsheetId ? ` ${ctx.spreadsheetId} ` : ''}中受保护的工作表（模板中为 文书登记、审计日志）不允许${who}编辑，` +
      `多因建表时用的是另一个服务账号：请在该 Google 表格的“数据”菜单打开受保护的工作表和范围（Data → Protected sheets and ranges），把${who}加为可编辑者`
    );
  if (status === 404 && ctx.spreadsheetId)
    return `找不到表格 ${ctx.spreadsheetId}：请检查表格 ID（网址中 /d/ 与 /edit 之间的部分）`;
  if (status === 429) return 'Google Sheets 调用次数超出配额，请稍后再试';
  if (status === undefined) return '无法连接 Google Sheets API，请检查网络或代理';
  return `Google Sheets 调用失败（${status}${name ? ` ${name}` : ''}）`;
}

/**
 * One StoreError for a failed Sheets call, with its Chinese userMessage (googleFailureText). A 403 says which account to share the spreadsheet with; a 404 says the
 * spreadsheet id is wrong.
 * @example throw toStoreError(err, 'apply', { spreadsheetId, clientEmail: 'duban@proj.iam.gserviceaccount.com' })
 */
export function toStoreError(error: unknown, operation: string, ctx: ErrorContext): StoreError {
  if (error instanceof StoreError) return error;
  const failure = describeGoogleError(error);
  const { status, name, message } = failure;
  const head = `${operation}: ${status ?? 'network error'}${name ? ` ${name}` : ''} ${message}`;
  let hint = '';
  if (status === 403 && (name === 'PERMISSION_DENIED' || !name)) {
    hint = ctx.clientEmail
      ? ` — share spreadsheet ${ctx.spreadsheetId} with ${ctx.clientEmail} as an Editor`
      : ` — share spreadsheet ${ctx.spreadsheetId} with the service account as an Editor`;
  } else if (isProtectedEdit(failure)) {
    hint = ` — add ${ctx.clientEmail ?? 'the service account'} to the editors of the protected tabs (文书登记, 审计日志)`;
  } else if (status === 404) {
    hint = ` — check the spreadsheet id ${ctx.spreadsheetId}`;
  } else if (status === 401) {
    hint = ' — the credentials were refused; check the service-account key';
  }
  return new StoreError('google', `${head}${hint}`, {
    cause: error,
    userMessage: googleFailureText(failure, ctx),
  });
}
