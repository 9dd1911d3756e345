/** `duban serve --workbook FILE [--port 8787] [--outbox DIR]`: the local web page, manual scans and the daily schedule. */
import { existsSync } from 'node:fs';
import { startServer } from '../local/serve';
import { describe } from './scan';
import { parseOptions } from './parse-options';

const USAGE = `用法：
  duban serve --workbook 文件.xlsx [--port 8787] [--host 127.0.0.1] [--outbox 目录] [--no-schedule]
    --host 0.0.0.0  对局域网提供服务（须先设置环境变量 DUBAN_ADMIN_TOKEN）
    --wait-open 秒  扫描时工作簿正被 Excel/WPS/LibreOffice 打开，等待关闭的秒数（默认 120），超时则本次不写入`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
    workbook: { type: 'string', short: 'w' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string' },
    outbox: { type: 'string' },
    'no-schedule': { type: 'boolean' },
    'wait-open': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in parsed) return fail(parsed.error);
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    return fail(`--port "${values.port}" 应为 1–65535 的整数`);
  const waitOpen = values['wait-open'] === undefined ? undefined : Number(values['wait-open']);
  if (waitOpen !== undefined && !(Number.isFinite(waitOpen) && waitOpen >= 0 && waitOpen <= 86_400))
    return fail(`--wait-open "${values['wait-open']}" 应为 0–86400 之间的秒数`);
  if (!values.workbook || !existsSync(values.workbook)) return fail(`找不到工作簿 ${values.workbook ?? ''}`);
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
    console.error(`duban serve：${(error as Error).message}`);
    return 1;
  }
  return 0;
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
  console.error(`duban serve：${message}\n${USAGE}`);
  return 2;
}
