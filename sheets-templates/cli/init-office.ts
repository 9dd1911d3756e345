/**
 * `duban init` for a real office: its 机关名称, 文号前缀, 督查室邮箱 and 工作年度 (from flags, or asked at a terminal),
 * written into 规则配置; a duban.env beside the workbook with the local settings commented out and no secret; and the
 * next three steps in Chinese.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { partsOf, type Day } from '../../src/calendar/day';
import { CONFIG_FILE } from '../../src/local/config-file';

/** How init talks to a person at a terminal (tests pass their own). */
export interface InitIo {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export interface OfficeSettings {
  /** 规则配置 values by key. */
  config: Record<string, string>;
  /** The keys left blank (not given, not typed): the scan reports them until someone fills them in. */
  missing: string[];
}

interface Flags {
  org?: string;
  prefix?: string;
  email?: string;
  year?: string;
}

const FIELDS = [
  {
    flag: 'org',
    key: '机关名称',
    question: '机关名称（通知落款，如 某某县人民政府办公室）：',
    check: checkOrg,
  },
  {
    flag: 'prefix',
    key: '文号前缀',
    question: '文号前缀（如 某政督，文号为 某政督催〔2026〕1号）：',
    check: checkPrefix,
  },
  {
    flag: 'email',
    key: '督查室邮箱',
    question: '督查室邮箱（通知的回复地址，如 duban@example.gov.cn）：',
    check: checkEmail,
  },
] as const;

/**
 * The office's 规则配置 values from the flags; at a terminal, each missing one is asked for (Enter skips it).
 *
 * @example
 * await officeSettings({ org: '某某县人民政府办公室', prefix: '某政督', email: 'd@x.gov.cn' }, 2026, io);
 * // { config: { 机关名称: '某某县人民政府办公室', 文号前缀: '某政督', 督查室邮箱: 'd@x.gov.cn', 工作年度: '2026' }, missing: [] }
 */
export async function officeSettings(
  flags: Flags,
  thisYear: number,
  io: InitIo,
): Promise<OfficeSettings | { error: string }> {
  const config: Record<string, string> = {};
  const missing: string[] = [];
  for (const field of FIELDS) {
    let value = flags[field.flag]?.trim();
    if (value !== undefined) {
      const problem = field.check(value);
      if (problem) return { error: `--${field.flag} ${problem}` };
    } else if (io.interactive) {
      value = await askUntilValid(io, field.question, field.check);
    }
    if (value) config[field.key] = value;
    else missing.push(field.key);
  }
  const year = flags.year?.trim() ?? String(thisYear);
  if (checkYear(year)) return { error: yearError(flags.year, thisYear) };
  config['工作年度'] = year;
  return { config, missing };
}

/**
 * The 工作年度 of a new workbook made without --year: this year's — but in December next year's, which is what a
 * clerk prepares then. Never silently: at a terminal the clerk is asked (Enter takes next year), otherwise `note`
 * says which year it took and how to make this year's instead.
 *
 * @example await defaultWorkYear(toDay('2026-12-03'), noTerminal);
 * // { year: '2027', note: '今天是2026年12月：新工作簿的工作年度定为下一年度（2027年）…' }
 */
export async function defaultWorkYear(today: Day, io: InitIo): Promise<{ year: string; note: string | null }> {
  const { year, month } = partsOf(today);
  if (month !== 12) return { year: String(year), note: null };
  const next = year + 1;
  if (io.interactive) {
    const question =
      `今天是${year}年12月。新工作簿的工作年度（挂图作战表 1月…12月 所属的年份）：` +
      `直接回车为 ${next} 年；要建本年度的工作簿请输入 ${year}：`;
    return { year: (await askUntilValid(io, question, checkYear)) || String(next), note: null };
  }
  return {
    year: String(next),
    note:
      `今天是${year}年12月：新工作簿的工作年度定为下一年度（${next}年），挂图作战表的 1月…12月 属于${next}年。` +
      `要建本年度（${year}年）的工作簿，请删除刚建的工作簿（Google 表格则删除刚建的表格），加 --year ${year} 重新运行。`,
  };
}

/**
 * The 工作年度 of a new workbook, local or Google alike: `--year` when given (checked), else defaultWorkYear's.
 *
 * @example await workYear(undefined, toDay('2026-12-03'), noTerminal); // { year: '2027', note: '今天是2026年12月：…' }
 * @example await workYear('27', toDay('2026-12-03'), noTerminal); // { error: '--year "27" 应为四位年份，如 2026' }
 */
export async function workYear(
  flag: string | undefined,
  today: Day,
  io: InitIo,
): Promise<{ year: string; note: string | null } | { error: string }> {
  if (flag === undefined) return defaultWorkYear(today, io);
  const year = flag.trim();
  return checkYear(year) ? { error: yearError(flag, partsOf(today).year) } : { year, note: null };
}

const yearError = (flag: string | undefined, thisYear: number) => `--year "${flag}" 应为四位年份，如 ${thisYear}`;

async function askUntilValid(
  io: InitIo,
  question: string,
  check: (v: string) => string | null,
): Promise<string> {
  for (;;) {
    const answer = (await io.ask(question)).trim();
    if (!answer) return '';
    const problem = check(answer);
    if (!problem) return answer;
    await io.ask(`${problem}；按回车后重新输入`);
  }
}

function checkYear(v: string): string | null {
  return /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100 ? null : `“${v}”不是四位年份，如 2027`;
}

function checkOrg(v: string): string | null {
  return v.length >= 2 && v.length <= 40
    ? null
    : `“${v}”不像机关全称：应为 2–40 个字，如 某某县人民政府办公室`;
}

function checkPrefix(v: string): string | null {
  return /^[\u4e00-\u9fffA-Za-z]{1,8}$/.test(v)
    ? null
    : `“${v}”不能作文号前缀：应为 1–8 个汉字或字母，不含〔〕、数字和空格，如 某政督`;
}

function checkEmail(v: string): string | null {
  return z.email().safeParse(v).success ? null : `“${v}”不是电子邮箱地址，如 duban@example.gov.cn`;
}

/** The duban.env a new office starts from: every line commented, no password. Null when one is already there. */
export function writeEnvTemplate(workbook: string): string | null {
  const file = join(dirname(workbook), CONFIG_FILE);
  if (existsSync(file)) return null;
  writeFileSync(
    file,
    [
      '# 督查督办系统的本机设置：与工作簿放在同一文件夹，由 duban scan / serve 读取；环境变量中的同名设置优先。',
      '# 这里可能写有邮箱密码：不要把本文件放进工作簿，也不要发给其他单位。',
      '#',
      '# 邮件服务器（去掉行首的 # 并填写）：465 端口用 smtps://，587 或 25 端口用 smtp://；',
      '# 密码中的 @ : / 请写成 %40 %3A %2F。未设置时通知只存入工作簿旁的 outbox 文件夹，不会发出。',
      '# DUBAN_SMTP_URL=smtps://账号:密码@mail.example.gov.cn:465',
      '#',
      '# 发件人（可选，默认为邮件账号）：',
      '# DUBAN_MAIL_FROM=县政府督查室 <duban@example.gov.cn>',
      '#',
      '# 在局域网提供服务（duban serve --host 0.0.0.0）时必须设置的管理令牌，至少16个随机字符：',
      '# DUBAN_ADMIN_TOKEN=',
      '#',
      '# 通知邮件中办理链接（签收、反馈、延期申请、签批）指向的地址，须是各单位的电脑和手机都能打开的地址，',
      '# 如本机的局域网地址或单位内网域名。不设置时为本机地址（--host 0.0.0.0 时为本机局域网地址）；',
      '# duban scan 发出的通知只有设置了它才带链接：',
      '# DUBAN_PUBLIC_URL=http://192.168.1.20:8787',
      '#',
      '# 领导看板的只读令牌（可选），至少16个随机字符：设置后把 地址/board?t=令牌 发给领导，',
      '# 分管领导每周的周报中也带此链接；只能查看，不能改动：',
      '# DUBAN_VIEWER_TOKEN=',
      '#',
      '# 办理链接的签名密钥（可选），写作 k1:至少16个随机字符：不设置时首次启动自动生成并保存在工作簿旁的',
      '# .duban-link-secret；几台电脑共用一个工作簿时，每台写同一个密钥。更换时写 k2:新密钥,k1:旧密钥，',
      '# 已发出的链接仍可打开：',
      '# DUBAN_LINK_SECRET=',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return file;
}

/** What `duban init` prints: what it made, what is still blank, and the next three steps. */
export function nextSteps(workbook: string, office: OfficeSettings, envFile: string | null): string {
  const { config, missing } = office;
  const env = join(dirname(workbook), CONFIG_FILE);
  const email = config['督查室邮箱'] ?? '您的邮箱';
  return [
    `已创建 ${workbook}（${config['机关名称'] ?? '机关名称未填写'}，${config['工作年度']}年度）`,
    ...(envFile ? [`已创建 ${envFile}（本机设置，不含密码）`] : []),
    ...(missing.length
      ? [
          `注意：规则配置中的 ${missing.join('、')} 尚未填写，扫描会一直提示，请打开工作簿在「规则配置」中补上。`,
        ]
      : []),
    '',
    '接下来三步：',
    `1. 用 Excel 或 WPS 打开 ${workbook}：在「通讯录」填写各单位负责人、联络员和领导的邮箱，在「挂图作战表」「督办台账」录入任务（可从原表格复制粘贴）。`,
    `2. 设置邮件服务器：编辑 ${env}，填写 DUBAN_SMTP_URL，再运行 npx duban mail test --to ${email} --workbook ${workbook} 检查能否发出。`,
    `3. 先试扫描（不写入、不发送）：npx duban scan --workbook ${workbook} --dry-run；无误后启动服务：npx duban serve --workbook ${workbook}（每个工作日 08:30 自动扫描）。`,
  ].join('\n');
}
