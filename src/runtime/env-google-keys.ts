/** The keys of the serverless runtimes' Google spreadsheet: its id and the service-account key that opens it. */
import { serviceAccountKeySchema, type ServiceAccountKey } from '../store/drivers/google/google-auth';
import { envProblem, howToSet, RUNTIME_NAMES, type Runtime } from './env-problem';
import { fail, text } from './env-values';

const ID_EXAMPLE = 'DUBAN_SPREADSHEET_ID=1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const KEY_EXAMPLE =
  'GOOGLE_SERVICE_ACCOUNT_JSON={"type": "service_account", "client_email": "duban@项目.iam.gserviceaccount.com", "private_key": "…", …}';

/**
 * DUBAN_SPREADSHEET_ID: the id, or the whole URL pasted from the browser.
 * @example spreadsheetId('workers').parse('https://docs.google.com/spreadsheets/d/1AbC/edit') // '1AbC'
 */
export function spreadsheetId(runtime: Runtime) {
  return text.transform(function spreadsheetIdOf(value, ctx): string {
    if (!value) {
      fail(
        ctx,
        envProblem('DUBAN_SPREADSHEET_ID', runtime, {
          wrong: '未设置',
          accepted: `${RUNTIME_NAMES[runtime]} 需要 Google 表格的 ID，即表格网址中 /d/ 与 /edit 之间的部分（也可粘贴整个网址）`,
          example: ID_EXAMPLE,
          log:
            `DUBAN_SPREADSHEET_ID is missing: ${RUNTIME_NAMES[runtime]} needs the id of the Google spreadsheet ` +
            `(the part of its URL between /d/ and /edit); ${howToSet('DUBAN_SPREADSHEET_ID', runtime)}.`,
        }),
      );
      return '';
    }
    // The whole URL pasted from the browser is accepted: staff copy it more often than the bare id.
    const id = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? value;
    if (!/^[A-Za-z0-9_-]+$/.test(id))
      fail(
        ctx,
        envProblem('DUBAN_SPREADSHEET_ID', runtime, {
          wrong: '不是表格 ID',
          accepted: '请写表格网址中 /d/ 与 /edit 之间的部分（只含字母、数字、- 和 _），或粘贴整个表格网址',
          example: ID_EXAMPLE,
          log:
            'DUBAN_SPREADSHEET_ID is not a spreadsheet id: use the part of the spreadsheet URL between /d/ and /edit ' +
            '(letters, digits, - and _ only), or the whole URL.',
        }),
      );
    return id;
  });
}

/**
 * GOOGLE_SERVICE_ACCOUNT_JSON: the key file's text; unset is Application Default Credentials, except on Workers.
 * @example serviceAccountJson('cloud-functions').parse(undefined) // null
 */
export function serviceAccountJson(runtime: Runtime) {
  const problem = (wrong: string, accepted: string, log: string) =>
    envProblem('GOOGLE_SERVICE_ACCOUNT_JSON', runtime, { wrong, accepted, example: KEY_EXAMPLE, log });
  return text.transform(function serviceAccountKeyOf(json, ctx): ServiceAccountKey | null {
    if (!json) {
      // Cloud Functions run as a service account of their own: Application Default Credentials need no key.
      if (runtime === 'workers')
        fail(
          ctx,
          problem(
            '未设置',
            'Cloudflare Workers 没有自己的 Google 身份，需要一个已被共享该表格的服务账号的 JSON 密钥，粘贴整个密钥文件',
            'GOOGLE_SERVICE_ACCOUNT_JSON is missing: Cloudflare Workers have no Google identity of their own, so ' +
              'they need the JSON key of a service account the spreadsheet is shared with; run `wrangler secret put ' +
              'GOOGLE_SERVICE_ACCOUNT_JSON` and paste the whole key file.',
          ),
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
        problem(
          '不是有效的 JSON',
          '请粘贴从 Google Cloud 下载的整个密钥文件（IAM → 服务账号 → 密钥 → 添加密钥 → JSON），以 { 开头、以 } 结尾',
          'GOOGLE_SERVICE_ACCOUNT_JSON is not valid JSON: paste the whole key file downloaded from Google Cloud ' +
            '(IAM → Service accounts → Keys → Add key → JSON), starting with { and ending with }.',
        ),
      );
      return null;
    }
    const parsed = serviceAccountKeySchema.safeParse(data);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'JSON'))].join('、');
      fail(
        ctx,
        problem(
          `不是可用的服务账号密钥（${fields} 缺少或有误）`,
          '请下载服务账号的 JSON 密钥，而不是 OAuth 客户端或 API 密钥',
          `GOOGLE_SERVICE_ACCOUNT_JSON is not a usable service-account key (${parsed.error.issues.map((i) => i.message).join('; ')}): ` +
            'download a JSON key of a service account, not an OAuth client or API key.',
        ),
      );
      return null;
    }
    return { ...parsed.data, private_key: parsed.data.private_key.replace(/\\n/g, '\n') };
  });
}
