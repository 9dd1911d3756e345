/**
 * A problem of one setting, said twice: in Chinese for whoever sets it (the CLI and `duban serve` print it, the
 * serverless runtimes answer it with a 500) — the setting and what it is, what is wrong, what is accepted, an example
 * and where to change it — and in English for the log. Neither quotes the value: settings hold secrets.
 */

/** Where the product runs: the serverless runtimes read their whole config from env; `local` only a few keys. */
export type Runtime = 'workers' | 'cloud-functions' | 'local';

export const RUNTIME_NAMES: Record<Runtime, string> = {
  workers: 'Cloudflare Workers',
  'cloud-functions': 'Cloud Functions',
  local: 'duban serve',
};

/** Every setting the product reads: what it is called in Chinese, and whether it holds a secret (set as one). */
export const SETTINGS = {
  DUBAN_SPREADSHEET_ID: { label: 'Google 表格 ID', secret: false },
  GOOGLE_SERVICE_ACCOUNT_JSON: { label: 'Google 服务账号密钥', secret: true },
  DUBAN_ADMIN_TOKEN: { label: '管理令牌', secret: true },
  DUBAN_VIEWER_TOKEN: { label: '领导看板令牌', secret: true },
  DUBAN_MAIL_FROM: { label: '发件人', secret: false },
  DUBAN_SMTP_URL: { label: '邮件服务器', secret: true },
  DUBAN_SMTP_HOST: { label: '邮件服务器地址', secret: false },
  DUBAN_SMTP_PORT: { label: '邮件服务器端口', secret: false },
  DUBAN_SMTP_USER: { label: '邮件账号', secret: false },
  DUBAN_SMTP_PASS: { label: '邮件密码', secret: true },
  DUBAN_SMTP_SERVERNAME: { label: '邮件服务器证书上的域名', secret: false },
  DUBAN_SHEETS_ROOT_URL: { label: 'Sheets API 地址', secret: false },
  DUBAN_LINK_SECRET: { label: '链接签名密钥', secret: true },
  DUBAN_PUBLIC_URL: { label: '通知中链接的地址', secret: false },
} as const satisfies Record<string, { label: string; secret: boolean }>;

export type SettingKey = keyof typeof SETTINGS;

export interface EnvProblem {
  /** The setting the problem is about (the one to change). */
  key: string;
  /** Chinese, for the clerk or administrator who sets it. */
  message: string;
  /** English, for the log. */
  log: string;
}

/** What a problem says; `example` is shown as is, after 例如. */
export interface ProblemText {
  /** What is wrong, after the setting's name: `太短`, `不是邮件服务器地址`. */
  wrong: string;
  /** What is accepted. */
  accepted: string;
  example?: string;
  /** The English sentence for the log. */
  log: string;
}

/**
 * One problem of `key` on `runtime`, the Chinese message ending with where that runtime takes the setting from.
 *
 * @example
 * envProblem('DUBAN_SMTP_PORT', 'local', { wrong: '不是端口号', accepted: '请写 1–65535 的整数', example: 'DUBAN_SMTP_PORT=465', log: 'DUBAN_SMTP_PORT is not a port number.' })
 * // { key: 'DUBAN_SMTP_PORT', message: '设置 DUBAN_SMTP_PORT（邮件服务器端口）不是端口号：请写 1–65535 的整数，例如 DUBAN_SMTP_PORT=465。修改位置：工作簿旁的 duban.env（…）。', log: … }
 */
export function envProblem(key: SettingKey, runtime: Runtime, text: ProblemText): EnvProblem {
  const example = text.example ? `，例如 ${text.example}` : '';
  return {
    key,
    message: `设置 ${key}（${SETTINGS[key].label}）${text.wrong}：${text.accepted}${example}。${whereToSet(key, runtime)}。`,
    log: text.log,
  };
}

/**
 * Where `key` is changed on `runtime`, in Chinese.
 * @example whereToSet('DUBAN_ADMIN_TOKEN', 'workers') // '修改方法：运行 wrangler secret put DUBAN_ADMIN_TOKEN'
 */
export function whereToSet(key: SettingKey, runtime: Runtime): string {
  const secret = SETTINGS[key].secret;
  if (runtime === 'local')
    return '修改位置：工作簿旁的 duban.env（若设置了同名环境变量，则改环境变量，它优先）';
  if (runtime === 'workers')
    return secret
      ? `修改方法：运行 wrangler secret put ${key}`
      : `修改位置：wrangler.toml 的 [vars]，改后运行 wrangler deploy`;
  return secret
    ? `修改方法：部署时用 --set-secrets ${key}=密钥名:latest（或 --set-env-vars）传入`
    : `修改方法：部署时用 --set-env-vars ${key}=… 传入`;
}

/**
 * Where `key` is set on `runtime`, in English, for the end of a log line.
 * @example howToSet('DUBAN_ADMIN_TOKEN', 'workers') // 'run `wrangler secret put DUBAN_ADMIN_TOKEN`'
 */
export function howToSet(key: SettingKey, runtime: Runtime): string {
  const secret = SETTINGS[key].secret;
  if (runtime === 'workers')
    return secret ? `run \`wrangler secret put ${key}\`` : `set it under [vars] in wrangler.toml`;
  if (runtime === 'local') return `set ${key} in duban.env beside the workbook or in the environment`;
  return secret
    ? `pass it with --set-secrets ${key}=<secret>:latest (or --set-env-vars) when deploying`
    : `pass it with --set-env-vars ${key}=… when deploying`;
}
