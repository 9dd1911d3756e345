/**
 * The demo made on 1–7 December holds October's 通报 (November's 完成情况 are not due until the 5th working day), so
 * a leader trying the demo sees a 通报 and the board its 红黑榜; no scan writes it again, and the first scan after
 * November's deadline writes November's. On other days the first scan writes last month's, as before.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { cellText } from '../../src/store/grid/cell-text';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { run } from '../../sheets-templates/cli/init';
import { at830, FROM } from '../scan/demo-workbook';
import { readBack } from './read-back';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-demo-bulletin-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function demo(asOf: string) {
  const file = join(dir, `demo-${asOf}.xlsx`);
  expect(await run(['--demo', '--as-of', asOf, '--workbook', file])).toBe(0);
  const store = createXlsxPackageStore(file);
  const tabs = async () => {
    const snapshot = await store.read([...TAB_SPECS]);
    const bulletins = readBack(await readFile(file)).wb.SheetNames.filter((t) => t.endsWith('月通报'));
    const generated = snapshot.tabs['审计日志']!.rows.filter((r) => cellText(r.cells['动作'] ?? null) === '生成通报');
    return { bulletins, generated: generated.map((r) => cellText(r.cells['字段'] ?? null)) };
  };
  const scan = (day: string) => runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830(day) });
  return { tabs, scan };
}

describe('the demo’s latest 通报', () => {
  it('made on 3 December, holds October’s once; the scan after November’s deadline adds November’s', async () => {
    const d = await demo('2026-12-03');
    expect(await d.tabs()).toEqual({ bulletins: ['2026年10月通报'], generated: ['2026年10月通报'] });
    await d.scan('2026-12-03');
    await d.scan('2026-12-04');
    expect((await d.tabs()).generated).toEqual(['2026年10月通报']);
    await d.scan('2026-12-08');
    expect(await d.tabs()).toEqual({
      bulletins: ['2026年10月通报', '2026年11月通报'],
      generated: ['2026年10月通报', '2026年11月通报'],
    });
  });

  it('made after last month’s deadline, holds none: the first scan writes last month’s (and mails it on a server)', async () => {
    const d = await demo('2026-11-10');
    expect((await d.tabs()).bulletins).toEqual([]);
    await d.scan('2026-11-10');
    expect((await d.tabs()).bulletins).toEqual(['2026年10月通报']);
  });
});
