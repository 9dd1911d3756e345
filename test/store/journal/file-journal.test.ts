import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileJournal } from '../../../src/store/journal/file';

describe('the file journal', () => {
  it('keeps every entry across reopening, one JSON line each', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'demo.xlsx.notices.jsonl');
    expect(await createFileJournal(file).read()).toEqual([]);
    const entry = {
      key: 'ZD-2026-001|催办单|1|逾期@2026-06-10',
      docNo: '临政督催〔2026〕1号',
      state: 'sent' as const,
      at: '2026-06-15 08:30:00',
    };
    await createFileJournal(file).append([{ ...entry, state: 'sending' }]);
    await createFileJournal(file).append([entry]);
    expect(await createFileJournal(file).read()).toEqual([{ ...entry, state: 'sending' }, entry]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('skips a line cut off by a crash and keeps appending readable lines after it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.jsonl');
    const entry = {
      key: 'k1',
      docNo: '',
      state: 'registered' as const,
      at: '2026-06-15 08:30:00',
      row: { 编号: 'ZD-2026-001' },
    };
    await createFileJournal(file).append([entry]);
    appendFileSync(file, '{"key":"k2","docNo":"","sta'); // power lost mid-write
    await createFileJournal(file).append([{ ...entry, key: 'k3' }]);
    expect((await createFileJournal(file).read()).map((e) => e.key)).toEqual(['k1', 'k3']);
  });

  it('keeps a registered row with its 生成时间 date-time, so a row restored from it is a date cell again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.jsonl');
    const entry = {
      key: 'k1',
      docNo: '',
      state: 'registered' as const,
      at: '2026-06-15 08:30:00',
      row: { 编号: 'ZD-2026-001', 生成时间: { date: '2026-06-15', time: '08:30:00' } },
    };
    await createFileJournal(file).append([entry]);
    expect(await createFileJournal(file).read()).toEqual([entry]);
  });
});
