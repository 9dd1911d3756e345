/**
 * `duban desk-link --workbook FILE [--to 邮箱] [--url 地址]`: print the 督查室 role's signed link to the desk, one per
 * 督查室 person in 通讯录 (or the one named by --to), signed with the keys `duban serve` uses for this workbook. The
 * link opens the desk for 7 days, and only while its person stays a 督查室 contact in 通讯录.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { localEnvFor } from '../local/config-file';
import { DEFAULT_PORT, opensOnThisPcOnly } from '../local/link-base';
import { localLinkKeys } from '../local/link-secret';
import { localTargets } from '../local/targets';
import { Directory } from '../workbook/directory';
import { tabSpec } from '../workbook/schema/tabs';
import { deskLink } from '../web/links/desk-link';
import { LINK_LIFETIME_DAYS } from '../web/links/link-deps';
import { commandError, commandOptions } from './parse-options';

export const USAGE = `用法：
  duban desk-link --workbook 文件.xlsx [--to 邮箱] [--url 地址]
    打印督查室工作台链接（签名、${LINK_LIFETIME_DAYS.desk}天内有效，只对通讯录中角色为“督查室”的人员有效），用手机或电脑打开即可进入工作台，不需要管理令牌。
    --workbook  工作簿文件（链接密钥与 duban serve 相同：DUBAN_LINK_SECRET 或工作簿旁的 .duban-link-secret）
    --to        只生成这位督查室人员的链接（通讯录中的邮箱）；默认为每位督查室人员各生成一条
    --url       duban serve 的访问地址，默认 DUBAN_PUBLIC_URL，未设置时为 http://localhost:${DEFAULT_PORT}（duban serve 的默认端口）
  退出码：0 已打印；2 参数或设置有误（如通讯录中没有督查室人员）`;
const COMMAND = { name: 'desk-link', usage: USAGE };

/** @example process.exitCode = await run(['--workbook', 'data/demo.xlsx']); */
export async function run(args: string[], now: () => Date = () => new Date()): Promise<number> {
  const parsed = commandOptions(COMMAND, args, {
    workbook: { type: 'string', short: 'w' },
    to: { type: 'string' },
    url: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.workbook) return fail('缺少 --workbook 文件.xlsx（督办工作簿）');
  if (!existsSync(values.workbook)) return fail(`找不到工作簿 ${values.workbook}：请核对路径`);
  const env = localEnvFor(values.workbook);
  if (!env.ok) return fail(env.message);
  const base = values.url ?? env.config.publicUrl ?? `http://localhost:${DEFAULT_PORT}`;
  if (!/^https?:\/\/[^/\s]+/.test(base)) return fail(`--url "${base}" 应为 http:// 或 https:// 开头的地址`);
  const { keys } = await localLinkKeys(values.workbook, env.config.linkKeys);
  const store = localTargets(values.workbook, undefined, env.config).store;
  const directory = Directory.fromTab((await store.read([tabSpec('通讯录')])).tabs['通讯录']);
  const wanted = values.to?.trim().toLowerCase();
  const people = directory
    .byRole('督查室')
    .filter((p) => p.email && (!wanted || p.email.trim().toLowerCase() === wanted));
  if (!people.length)
    return fail(
      wanted
        ? `通讯录中没有邮箱为 ${values.to} 的督查室人员：请核对 --to，或先在通讯录中把其角色设为“督查室”`
        : '通讯录中没有角色为“督查室”的人员：请先在通讯录中登记督查室人员及其邮箱',
    );
  const settings = { keys, office: basename(values.workbook), publicUrl: base };
  for (const p of people) console.log(`${p.name} <${p.email}>：${await deskLink(settings, p.email, now())}`);
  console.log(
    `以上链接${LINK_LIFETIME_DAYS.desk}天内有效，请只发给本人；泄露后请更换链接密钥或在通讯录中调整其角色。`,
  );
  if (opensOnThisPcOnly(base))
    console.log(
      `注意：链接指向 ${base}，只能在运行 duban serve 的这台电脑上打开；要在其他电脑或手机上打开，请用 --url 写 duban serve ` +
        '的局域网地址（如 http://192.168.1.20:8787，端口与 duban serve 的 --port 相同），或在 duban.env 中设置 DUBAN_PUBLIC_URL。',
    );
  return 0;
}

function fail(message: string): number {
  return commandError(COMMAND, message);
}
