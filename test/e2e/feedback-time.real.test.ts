/**
 * The 时间 a 反馈 link answer writes into the .xlsx workbook is a real date-time cell at Beijing time, as a clerk
 * sorts and filters it in Excel or WPS (read here with SheetJS), and the product reads it back: the same answer sent
 * again is recognised with its time, and the next scan still counts the report.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import type { RunningServer } from '../../src/local/serve';
import { serialOf } from '../../src/store/grid/date-cell';
import { outboxMails, scannedDemoServer } from './scanned-server';
import { readBook, readRows, rowWhere } from './sheet-reader';

const TASK = 'ZD-2026-013'; // 县工信局: 4月 unreported, 滞后 on 2026-06-15

let dir: string;
let workbook: string;
let server: RunningServer;

beforeAll(async () => {
  ({ dir, workbook, server } = await scannedDemoServer('duban-feedback-time-'));
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * GET a page; once more when the kept-alive connection the server had just closed was reused (ECONNRESET), as a
 * browser does.
 */
async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url);
  }
}

/** Open the link page and send its form as the browser would. */
async function answer(link: string, fields: Record<string, string>): Promise<string> {
  const page = await get(link);
  const html = await page.text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input\s+type="hidden"\s+name="([^"]+)"\s+value="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  const cookie = page.headers.get('set-cookie')?.split(';')[0];
  const res = await fetch(new URL(action, link), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(link).origin,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams({ ...hidden, ...fields }),
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The cell of `header` in the last row of `tab`, as SheetJS reads it with its number format. */
function lastCell(tab: string, header: string): XLSX.CellObject {
  const sheet = XLSX.read(readFileSync(workbook), { cellNF: true }).Sheets[tab]!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  let column = range.s.c;
  while (column <= range.e.c && sheet[XLSX.utils.encode_cell({ r: 0, c: column })]?.v !== header) column++;
  return sheet[XLSX.utils.encode_cell({ r: range.e.r, c: column })] as XLSX.CellObject;
}

const shown = (cell: XLSX.CellObject) => [cell.t, XLSX.SSF.format(String(cell.z), cell.v as number)];

const battleRow = () => rowWhere(readRows(readBook(workbook), '挂图作战表'), '编号', TASK);

describe('times the product writes into an .xlsx workbook', () => {
  it('the scan registers its notices and audits them with date-time cells', () => {
    expect(lastCell('文书登记', '类型').v).not.toBe('类型');
    expect(shown(lastCell('文书登记', '生成时间'))).toEqual(['n', '2026-06-15 08:30']);
    expect(shown(lastCell('审计日志', '时间'))).toEqual(['n', '2026-06-15 08:30']);
  });

  it('a 反馈 link answer: 时间 is a date-time cell showing 2026-06-15 08:30 (Beijing, not UTC), recognised again and read by the next scan', async () => {
    const notice = (await outboxMails(server)).find(
      (m) => m.headers.get('x-duban-kind') === 'cuiban' && m.headers.get('x-duban-item-id') === TASK,
    )!;
    const link = /反馈 (http:\/\/\S+)/.exec(notice.text ?? '')![1]!;
    const before = battleRow();
    expect(before.values['状态']).toBe('滞后');
    expect(before.values['最近反馈']).not.toBe('2026-06-15');

    const fields = { month: '4', done: '已完成，入规辅导企业15家', progress: '40' };
    expect(await answer(link, fields)).toContain('4月完成情况已记入反馈记录和本事项');

    const time = lastCell('反馈记录', '时间');
    expect(lastCell('反馈记录', '编号').v).toBe(TASK);
    expect(time.t).toBe('n');
    expect(time.v).toBeCloseTo(serialOf({ date: '2026-06-15', time: '08:30:00' }), 8);
    expect(shown(time)).toEqual(['n', '2026-06-15 08:30']);
    expect(shown(lastCell('审计日志', '时间'))).toEqual(['n', '2026-06-15 08:30']);

    // The page sent again (a reload): the product reads the time back from the date cell.
    expect(await answer(link, fields)).toContain('这条4月反馈已于今天08:30记入，没有重复记录');
    expect(readRows(readBook(workbook), '反馈记录').filter((r) => r.values['编号'] === TASK)).toHaveLength(1);

    const scan = await fetch(`${server.url}/api/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(scan.status).toBe(200);
    const after = battleRow();
    expect(after.values['状态']).not.toBe('滞后');
    expect(after.values['最近反馈']).toBe('2026-06-15');
  }, 180_000);
});
