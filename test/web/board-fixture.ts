/** The demo county scanned on 2026-06-15 behind the one service, and its tasks as the scanned sheet shows them. */
import { createMemoryMailer } from '../../src/mail/memory';
import { createService } from '../../src/runtime/service';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import { SECTION_TITLES } from '../../src/workbook/schema/bulletin';
import { demoWorkbook, FROM } from '../scan/demo-workbook';

export const ADMIN = 'admin-token-0123456789abcdef';
export const VIEWER = 'viewer-token-0123456789abcdef';
export const NOW = new Date('2026-06-15T09:00:00+08:00');

export async function scannedDemo() {
  const store = createMemoryStore(demoWorkbook('2026-06-15'));
  const service = createService({
    name: 'test',
    targets: { store, mailer: createMemoryMailer(), mailTransport: 'outbox' },
    from: FROM,
    adminToken: ADMIN,
    viewerToken: VIEWER,
    clock: () => NOW,
  });
  await service.scan(new Date('2026-06-15T08:30:00+08:00'));
  return { store, service, app: service.app };
}

export interface SheetTask {
  id: string;
  title: string;
  leader: string;
  unit: string;
  status: string;
  card: string;
  /** 系统提示 as the scan wrote it (one hint a line). */
  hint: string;
}

/** The tasks of 挂图作战表 and 督办台账 as the scan left them, read by header. */
export function sheetTasks(store: MemoryStore): SheetTask[] {
  const out: SheetTask[] = [];
  for (const [name, headerRows, title] of [
    ['挂图作战表', 2, '工作任务'],
    ['督办台账', 1, '事项标题'],
  ] as const) {
    const rows = store.tab(name)!.rows;
    const col = (h: string) => rows[0]!.indexOf(h);
    const text = (row: unknown[], h: string) => String(row[col(h)] ?? '');
    for (const row of rows.slice(headerRows))
      if (text(row, '编号'))
        out.push({
          id: text(row, '编号'),
          title: text(row, title),
          leader: text(row, '分管领导'),
          unit: text(row, '牵头单位'),
          status: text(row, '状态'),
          card: text(row, '预警') || '无',
          hint: text(row, '系统提示'),
        });
  }
  return out;
}

/** 编号 of the rows a board page shows, in order. */
export const idsOn = (html: string) => [...html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]!);

/** The 逾期、滞后事项 rows of a 通报 tab the scan wrote (编号, 工作任务, 牵头单位, 逾期、滞后情况), without its header. */
export function lateRowsOfTab(store: MemoryStore, tab: string): string[][] {
  const rows = store.tab(tab)!.rows.map((r) => r.map((v) => String(v ?? '')));
  const at = rows.findIndex((r) => r[0] === SECTION_TITLES.lateTasks);
  const end = rows.findIndex((r, i) => i > at && /^[一二三四五六七八九十]、/.test(r[0]!));
  return rows
    .slice(at + 2, end)
    .filter((r) => r[0] && r[0] !== '……')
    .map((r) => r.slice(0, 4));
}
