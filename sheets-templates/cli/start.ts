/**
 * `npm start`: the whole product on a fresh machine — data/demo.xlsx with a demo county (created if missing),
 * scanned as of today, then served on http://localhost:8787 (PORT overrides).
 */
import { existsSync } from 'node:fs';
import { isoOf, shanghaiDayOf } from '../../src/calendar/day';
import { createWorkbook } from './init';
import { serveForever } from '../../src/cli/serve';

const WORKBOOK = 'data/demo.xlsx';

export async function run(): Promise<number> {
  if (!existsSync(WORKBOOK)) {
    const today = isoOf(shanghaiDayOf(new Date()));
    await createWorkbook(WORKBOOK, today);
    console.log(`已创建演示工作簿 ${WORKBOOK}（演示数据截至 ${today}）`);
  }
  await serveForever({ workbook: WORKBOOK, port: Number(process.env.PORT ?? 8787), scanOnStart: true });
  return 0;
}
