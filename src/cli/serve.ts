/** `duban serve --workbook FILE [--port 8787] [--outbox DIR]`: the local web page, manual scans and the daily schedule. */
import { existsSync } from 'node:fs';
import { localEnvFor } from '../local/config-file';
import { DEFAULT_PORT } from '../local/link-base';
import { startLog } from '../local/log-file';
import { lanWithoutToken, startServer } from '../local/serve';
import { describe } from './scan';
import { commandError, commandOptions } from './parse-options';

const USAGE = `用法：
  duban serve --workbook 文件.xlsx [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--outbox 目录] [--no-schedule]
    --workbook      工作簿文件（同一文件夹中的 duban.env 提供邮件服务器等设置）
    --port          端口，默认 ${DEFAULT_PORT}
    --host 0.0.0.0  对局域网提供服务（须先设置环境变量 DUBAN_ADMIN_TOKEN）
    --outbox        未配置邮件服务器时存放通知 .eml 文件的目录，默认工作簿旁的 outbox/
    --no-schedule   不在每个工作日定时扫描（只提供网页和手动扫描）
    --wait-open 秒  扫描时工作簿正被 Excel/WPS/LibreOffice 打开，等待关闭的秒数（默认 120），超时则本次不写入
    --log 文件      日志写入该文件（默认工作簿旁的 duban.log），超过 5 MB 轮换，保留 5 个旧文件
  退出码：0 正常停止；1 服务无法启动（如端口被占用）；2 参数或设置有误`;
const COMMAND = { name: 'serve', usage: USAGE };

export async function run(args: string[]): Promise<number> {
  const parsed = commandOptions(COMMAND, args, {
    workbook: { type: 'string', short: 'w' },
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string' },
    outbox: { type: 'string' },
    'no-schedule': { type: 'boolean' },
    'wait-open': { type: 'string' },
    log: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    return fail(`--port "${values.port}" 应为 1–65535 的整数`);
  const waitOpen = values['wait-open'] === undefined ? undefined : Number(values['wait-open']);
  if (waitOpen !== undefined && !(Number.isFinite(waitOpen) && waitOpen >= 0 && waitOpen <= 86_400))
    return fail(`--wait-open "${values['wait-open']}" 应为 0–86400 之间的秒数`);
  if (!values.workbook) return fail('缺少 --workbook 文件.xlsx（要服务的督办工作簿）');
  if (!existsSync(values.workbook))
    return fail(
      `找不到工作簿 ${values.workbook}：请核对路径；本单位还没有工作簿时，用 npx duban init --workbook ${values.workbook} --org 机关名称 --prefix 文号前缀 --email 督查室邮箱 新建（只想看演示：npx duban init --demo --workbook 演示.xlsx）`,
    );
  let log: string;
  try {
    log = startLog(values.workbook, values.log).file;
  } catch (error) {
    return fail(
      `无法写入日志文件 ${values.log ?? ''}：${(error as Error).message}；请用 --log 指定一个可写的文件`,
    );
  }
  console.log(`日志写入 ${log}`);
  const setting = settingError(values.workbook, values.host);
  if (setting) {
    console.error(`duban serve：${setting}`);
    return 2;
  }
  try {
    await serveForever({
      workbook: values.workbook,
      port,
      ...(values.host ? { host: values.host } : {}),
      schedule: !values['no-schedule'],
      ...(waitOpen !== undefined ? { openWaitMs: waitOpen * 1000 } : {}),
      ...(values.outbox ? { outbox: values.outbox } : {}),
    });
  } catch (error) {
    console.error(`duban serve：${explainServeError(error, port)}`);
    return 1;
  }
  return 0;
}

/**
 * What stops `duban serve` on `workbook` before it starts: a bad setting in duban.env or the environment, or a LAN
 * address without DUBAN_ADMIN_TOKEN; null when it may start. Callers exit 2, so a service manager does not restart
 * into it.
 *
 * @example const setting = settingError('data/demo.xlsx', '0.0.0.0'); if (setting) return 2;
 */
export function settingError(workbook: string, host = '127.0.0.1'): string | null {
  const env = localEnvFor(workbook);
  return env.ok ? lanWithoutToken(host, env.config.adminToken) : env.message;
}

/**
 * Why the server could not start, in Chinese with what to do; the port already taken is the usual one.
 * @example explainServeError(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }), 8787);
 */
export function explainServeError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `端口 ${port} 已被占用：可能已有一个 duban serve 或 npm start 在运行（请先按 Ctrl+C 关闭它），或用 --port（npm start 用环境变量 PORT）换一个端口，如 --port 8788。`;
  if (code === 'EACCES')
    return `没有权限使用端口 ${port}：1024 以下的端口需要管理员权限，请改用 ${DEFAULT_PORT} 等端口。`;
  if (code === 'EADDRNOTAVAIL')
    return '本机没有这个地址：--host 请写 127.0.0.1（仅本机）、0.0.0.0（局域网）或本机的一个 IP 地址。';
  return (error as Error).message;
}

/** Start the server and keep the process alive until Ctrl-C. */
export async function serveForever(options: Parameters<typeof startServer>[0]): Promise<void> {
  const server = await startServer(options);
  if (server.firstScan) {
    const stored = server.firstScan.mail.transport === 'outbox';
    console.log(describe(server.firstScan, { stored }));
    console.log(
      `${stored ? `通知已存入 ${server.outboxDir}/；` : ''}用 Excel、WPS 或 LibreOffice 打开 ${options.workbook} 查看着色和系统提示。`,
    );
  }
  console.log(
    `督办服务已启动：${server.url}  （立即扫描：curl -X POST -H "Authorization: Bearer ${server.token}" ${server.url}/api/scan）`,
  );
  await new Promise<void>((resolve) => process.once('SIGINT', () => void server.close().then(resolve)));
}

function fail(message: string): number {
  return commandError(COMMAND, message);
}
