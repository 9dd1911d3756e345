/**
 * `duban.env` beside the workbook: the local runtime's settings (DUBAN_SMTP_URL, DUBAN_MAIL_FROM, DUBAN_ADMIN_TOKEN…)
 * as `KEY=value` lines — the format systemd's EnvironmentFile= and `docker run --env-file` read too, so one file serves
 * `duban serve` on a PC, the systemd unit and the container. Variables set in the environment win over the file.
 * Secrets live here or in the environment, never in the workbook (which is shared with every unit).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuntimeConfig } from '../runtime/env';
import { localEnv } from './targets';

export const CONFIG_FILE = 'duban.env';

/** The settings file of a workbook: `duban.env` in its folder. */
export const configFileOf = (workbook: string): string => join(dirname(workbook), CONFIG_FILE);

/**
 * Parse `KEY=value` lines: `#` comments and blank lines skipped, `export ` allowed, one pair of quotes removed.
 * A line that is not `KEY=value` is reported by its number (Chinese), never quoted (it may hold a password).
 *
 * @example
 * parseEnvFile('# 邮件\nDUBAN_SMTP_URL="smtps://u:p@mail.example.gov.cn"\n');
 * // { values: { DUBAN_SMTP_URL: 'smtps://u:p@mail.example.gov.cn' }, problems: [] }
 */
export function parseEnvFile(text: string): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      problems.push(`第${i + 1}行不是“名称=值”的格式`);
      return;
    }
    const value = m[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    values[m[1]!] = quoted ? quoted[2]! : value;
  });
  return { values, problems };
}

/**
 * The local runtime's config for a workbook: its `duban.env` (if any) under the process environment.
 *
 * @example
 * const env = localEnvFor('data/督办-2026.xlsx');
 * if (!env.ok) console.error(env.message);
 */
export function localEnvFor(
  workbook: string,
  env: Record<string, unknown> = process.env,
): { ok: true; config: RuntimeConfig; file?: string } | { ok: false; message: string } {
  const file = configFileOf(workbook);
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { ok: false, message: `无法读取配置文件 ${file}：${(error as Error).message}` };
  }
  if (text === null) return localEnv(env);
  const parsed = parseEnvFile(text);
  if (parsed.problems.length)
    return {
      ok: false,
      message: `配置文件 ${file} 有误，请修改后重试：\n- ${parsed.problems.join('\n- ')}（每行写一项，如 DUBAN_SMTP_URL=smtps://账号:密码@邮件服务器:465）`,
    };
  const merged = { ...parsed.values, ...definedOnly(env) };
  const result = localEnv(merged);
  return result.ok
    ? { ...result, file }
    : { ok: false, message: `${result.message}\n（配置取自 ${file} 和环境变量）` };
}

function definedOnly(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}
