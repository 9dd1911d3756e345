/**
 * `duban serve`'s daily scan: a failure — the workbook unreadable for a while (open in Excel past the wait, the shared
 * drive away) — never stops the service; it is logged in Chinese and tried again later the same day, once it works,
 * and the status page and the desk say so until a scan succeeds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailySchedule, RETRY_MINUTES } from '../../src/local/daily-schedule';
import { WorkbookFileError } from '../../src/local/workbook-file';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import type { SheetStore } from '../../src/store/port';
import { demoWorkbook } from '../scan/demo-workbook';
import { serviceOn } from '../web/links/fixture';

const ADMIN = 'admin-token-0123456789';

afterEach(() => vi.restoreAllMocks());

describe('the daily scan of duban serve', () => {
  it('retries a failed scan later the same day, and scans once when it works', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(String(m)));
    const memory = createMemoryStore(demoWorkbook('2026-11-20'));
    let away = true; // the shared drive is away at 08:30
    const store = {
      ...memory,
      read: (specs: Parameters<SheetStore['read']>[0]) =>
        away ? Promise.reject(new Error('工作簿「督办.xlsx」无法打开')) : memory.read(specs),
    } as SheetStore;
    const scans: string[] = [];
    const schedule = dailySchedule(store, async (now) => void scans.push(now.toISOString()));
    const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00+08:00`);

    await expect(schedule.tick(at('08:30'))).resolves.toBeUndefined(); // no throw: the service stays up
    expect(errors.at(-1)).toContain(
      `定时扫描未完成，${RETRY_MINUTES}分钟后重试：工作簿「督办.xlsx」无法打开`,
    );
    away = false;
    await schedule.tick(at('08:31'));
    expect(scans).toEqual([]); // waits its interval
    await schedule.tick(at('08:46'));
    expect(scans).toHaveLength(1);
    await schedule.tick(at('09:30'));
    expect(scans).toHaveLength(1); // once a day
  });
});

describe('a failed daily scan on the status page and the desk', () => {
  it('is shown in Chinese with its time, reason and next try, until a later scan succeeds', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const store = createMemoryStore(demoWorkbook('2026-11-20'));
    const { service } = serviceOn(store, '2026-11-20');
    // The workbook guard refuses the 08:30 scan (a clerk has the file open in Excel); the desk still reads it.
    let open = true;
    const refused = new WorkbookFileError(
      'open-in-editor',
      '督办.xlsx 正在 Excel 中打开，本次扫描未写入、未发送',
    );
    const schedule = dailySchedule(
      store,
      (now) => (open ? Promise.reject(refused) : service.scheduledScan(now)),
      service.scheduledScanFailed,
    );
    const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00+08:00`);
    const pages = async () => [
      await (await service.app.request('/')).text(),
      await (await service.app.request('/desk', { headers: { authorization: `Bearer ${ADMIN}` } })).text(),
    ];

    await schedule.tick(at('08:30'));
    for (const page of await pages())
      expect(page).toMatch(
        /定时扫描未完成（2026-11-20 08:30:00）：督办\.xlsx 正在 Excel 中打开，本次扫描未写入、未发送。将于 08:45 自动重试/,
      );

    open = false;
    await schedule.tick(at('08:45'));
    for (const page of await pages()) expect(page).not.toContain('定时扫描未完成');
    expect(await (await service.app.request('/')).text()).toContain('最近一次扫描：2026-11-20');
  });

  it('keeps an unexpected error readable: Chinese words around the technical message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const memory = createMemoryStore(demoWorkbook('2026-11-20'));
    const store = {
      ...memory,
      read: () => Promise.reject(new Error('[store:xlsx] cannot open /srv/督办.xlsx: EBUSY: resource busy or locked')),
    } as unknown as SheetStore;
    const { service } = serviceOn(store, '2026-11-20');
    await dailySchedule(store, async () => undefined, service.scheduledScanFailed).tick(
      new Date('2026-11-20T08:30:00+08:00'),
    );
    expect(await (await service.app.request('/')).text()).toMatch(
      /定时扫描未完成（2026-11-20 08:30:00）：扫描时出错（cannot open \/srv\/督办\.xlsx: EBUSY: resource busy or locked），详见日志。/,
    );
  });
});
