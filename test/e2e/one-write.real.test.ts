/**
 * Issue 12: a scan of the local workbook is one read and one atomic write of the file — cells, fills, new 编号, the
 * 文书登记 rows of what it sent, every 审计日志 row and the monthly 通报 tab together — not a write per phase. It sends
 * first (journaled beside the workbook) and writes last, so: a workbook someone saves while it sends is read and
 * planned again, their change kept and nothing registered twice; a scan killed before its write loses nothing and
 * repeats nothing, the next one writes what the first sent.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { journalFileOf } from '../../src/local/targets';
import { createMemoryMailer, type MemoryMailer } from '../../src/mail/memory';
import type { Mailer } from '../../src/mail/port';
import { runScan } from '../../src/scan/run-scan';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';
import { createFileJournal } from '../../src/store/journal/file';
import { entryBytes, readZip } from '../../src/store/drivers/xlsx-package/zip';
import type { SheetStore } from '../../src/store/port';
import { readRegister } from '../../src/workbook/read-ledgers';
import { TAB_SPECS, tabSpec } from '../../src/workbook/schema/tabs';
import { tempDir } from '../store/xlsx-harness';

const FROM = { address: 'duban@demo.gov.cn' };
const at830 = (iso: string) => new Date(`${iso}T00:30:00Z`);

/** The store with its calls counted (what the scan asks of the file). */
function counted(store: SheetStore) {
  const calls = { read: 0, apply: 0, append: 0 };
  const wrapped: SheetStore = {
    read: (specs) => (calls.read++, store.read(specs)),
    apply: (plan, snapshot) => (calls.apply++, store.apply(plan, snapshot)),
    append: (tab, rows) => (calls.append++, store.append(tab, rows)),
  };
  return { store: wrapped, calls };
}

let dir: string;
let cleanup: () => Promise<void>;
let workbook: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  workbook = join(dir, '督办-2026.xlsx');
  await createWorkbook(workbook, '2026-06-04');
});
afterEach(() => cleanup());

const scanOn = (iso: string, store: SheetStore, mailer: Mailer) =>
  runScan({
    store,
    mailer,
    journal: createFileJournal(journalFileOf(workbook)),
    soleWriter: true,
    mailBulletin: true,
    from: FROM,
    now: at830(iso),
    runId: iso.replaceAll('-', ''),
  });

const registerOf = async () =>
  readRegister((await createXlsxPackageStore(workbook).read([tabSpec('文书登记')])).tabs['文书登记'], 2026);

/** The 去重键 of the notices a mailer delivered (not the 通报 mail, whose 文书登记 row is checked below). */
const keysOf = (mailer: MemoryMailer) =>
  mailer.sent.map((m) => m.headers?.['X-Duban-Dedupe-Key'] ?? '').filter((k) => !k.startsWith('通报|'));

describe('one scan, one write of the workbook file', () => {
  it('writes cells, register, audit and the 通报 tab in one save after sending', async () => {
    const { store, calls } = counted(createXlsxPackageStore(workbook));
    const mailer = createMemoryMailer();
    const before = new Set((await registerOf()).map((r) => r.key));
    const summary = await scanOn('2026-06-08', store, mailer);

    expect(calls).toEqual({ read: 1, apply: 1, append: 0 });
    expect(summary.notices.sent).toBeGreaterThan(3);
    expect(summary.cellsWritten).toBeGreaterThan(0);
    const after = await createXlsxPackageStore(workbook).read([...TAB_SPECS]);
    const parts = readZip(await readFile(workbook));
    expect(new TextDecoder().decode(entryBytes(parts.find((e) => e.name === 'xl/workbook.xml')!))).toContain(
      '2026年5月通报',
    );
    const register = readRegister(after.tabs['文书登记'], 2026).filter((r) => !before.has(r.key));
    // every mail the server took is registered once, numbered, as sent (a digest's items with it)
    expect(register.filter((r) => r.status !== '已发送' && r.status !== '待签发')).toEqual([]);
    const sentKeys = register.map((r) => r.key);
    expect(new Set(sentKeys).size).toBe(sentKeys.length);
    for (const key of keysOf(mailer)) expect(sentKeys).toContain(key);
    expect(register.some((r) => /〔2026〕\d+号$/.test(r.docNo))).toBe(true);
    const actions = after.tabs['审计日志']!.rows.map((r) => String(r.cells['动作'] ?? ''));
    // one 发文 per mail, and one per numbered item a digest delivered (a 约谈建议)
    const mailed = new Set(keysOf(mailer));
    const delivered = register.filter((r) => /谈〔2026〕\d+号$/.test(r.docNo) && !mailed.has(r.key));
    expect(actions.filter((a) => a === '发文')).toHaveLength(mailed.size + delivered.length);
    expect(actions).toContain('发送通报');
    expect(actions).toContain('生成通报');
    // The 通报's 文号, in its own series, registered in the same save.
    expect(register.filter((r) => r.type === '通报').map((r) => [r.docNo, r.key])).toEqual([
      ['临政督通报〔2026〕1号', '通报|2026年5月通报'],
    ]);
  });

  it('reads again and plans again when someone saves the workbook while it sends, keeping their change', async () => {
    const { store, calls } = counted(createXlsxPackageStore(workbook));
    const inner = createMemoryMailer();
    const before = new Set((await registerOf()).map((r) => r.key));
    let saved = false;
    const mailer: Mailer = {
      async send(message) {
        if (!saved) {
          saved = true; // a unit's 反馈 comes in through its link page meanwhile
          await createXlsxPackageStore(workbook).append('反馈记录', [
            {
              时间: '2026-06-08 08:31:00',
              编号: 'ZD-2026-001',
              月份: 6,
              完成情况: '已完成本月节点',
              渠道: '链接',
            },
          ]);
        }
        return inner.send(message);
      },
    };
    const summary = await scanOn('2026-06-08', store, mailer);

    expect(calls.apply).toBe(2); // the first save was refused as stale, the second landed
    expect(calls.append).toBe(0);
    expect(summary.problems.map((p) => p.code)).not.toContain('register-restored');
    const after = await createXlsxPackageStore(workbook).read([...TAB_SPECS]);
    expect(after.tabs['反馈记录']!.rows.map((r) => r.cells['完成情况'])).toContain('已完成本月节点');
    const register = readRegister(after.tabs['文书登记'], 2026).filter((r) => !before.has(r.key));
    const keys = register.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sentKeys = register.filter((r) => r.status === '已发送').map((r) => r.key);
    for (const key of keysOf(inner)) expect(sentKeys).toContain(key);
  });

  it('loses and repeats nothing when killed after sending, before its write', async () => {
    const first = createMemoryMailer();
    const before = await registerOf();
    const killing: SheetStore = {
      ...createXlsxPackageStore(workbook),
      apply: async () => {
        throw new Error('killed before the write');
      },
    };
    await expect(scanOn('2026-06-08', killing, first)).rejects.toThrow('killed');
    expect(first.sent.length).toBeGreaterThan(3);
    expect(await registerOf()).toEqual(before); // nothing reached the file

    const second = createMemoryMailer();
    const summary = await scanOn('2026-06-08', createXlsxPackageStore(workbook), second);
    expect(keysOf(second).filter((k) => keysOf(first).includes(k))).toEqual([]);
    expect(summary.problems.map((p) => p.code)).toContain('register-restored');
    const register = await registerOf();
    const sentKeys = register.filter((r) => r.status === '已发送').map((r) => r.key);
    for (const key of keysOf(first)) expect(sentKeys).toContain(key);
    const numbered = register.filter((r) => r.docNo && r.status !== '重复作废').map((r) => r.docNo);
    expect(new Set(numbered).size).toBe(numbered.length);
  });
});
