/**
 * `npm start`: the whole product on a fresh machine — data/demo.xlsx with a demo county (created if missing),
 * scanned as of today, then served on http://localhost:8787 (PORT overrides).
 */
import { existsSync } from 'node:fs';
import { isoOf, shanghaiDayOf } from '../../src/calendar/day';
import { createWorkbook } from './init';
import { commandOptions } from '../../src/cli/parse-options';
import { DEFAULT_PORT } from '../../src/local/link-base';
import { startLog } from '../../src/local/log-file';
import { explainServeError, serveForever, settingError } from '../../src/cli/serve';

const WORKBOOK = 'data/demo.xlsx';

export const USAGE = `用法：
  duban start        （即 npm start）演示：若没有 ${WORKBOOK} 就新建一个虚构县的演示工作簿，按今天扫描，
                     再在 http://localhost:${DEFAULT_PORT} 启动状态网页（环境变量 PORT 可改端口），按 Ctrl+C 停止
  本机关正式使用请改用：duban init（新建工作簿）和 duban serve --workbook 文件.xlsx
  退出码：0 正常停止；1 服务无法启动（如端口被占用）；2 参数或设置有误`;

export async function run(args: string[] = []): Promise<number> {
  const parsed = commandOptions({ name: 'start', usage: USAGE }, args, {
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const port = portOf(process.env.PORT);
  if (typeof port === 'string') {
    console.error(`duban start：${port}`);
    return 2;
  }
  if (!existsSync(WORKBOOK)) {
    const today = isoOf(shanghaiDayOf(new Date()));
    await createWorkbook(WORKBOOK, today);
    console.log(`已创建演示工作簿 ${WORKBOOK}（演示数据截至 ${today}）`);
  }
  console.log(`日志写入 ${startLog(WORKBOOK).file}`);
  const setting = settingError(WORKBOOK);
  if (setting) {
    console.error(`duban start：${setting}`);
    return 2;
  }
  try {
    await serveForever({ workbook: WORKBOOK, port, scanOnStart: true });
  } catch (error) {
    console.error(`duban start：${explainServeError(error, port)}`);
    return 1;
  }
  return 0;
}

/** The port of `npm start`: PORT when set, else 8787; a PORT that is not a port is a Chinese message naming it. */
function portOf(value: string | undefined): number | string {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (Number.isInteger(port) && port >= 1 && port <= 65_535) return port;
  return (
    '设置 PORT（npm start 的端口）不是端口号：请写 1–65535 的整数，例如 PORT=8788。' +
    `修改方法：启动前设置环境变量 PORT（Windows PowerShell：$env:PORT=8788；Linux：PORT=8788 npm start），或删去它用默认的 ${DEFAULT_PORT}。`
  );
}
