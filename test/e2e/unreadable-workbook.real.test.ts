/** Issue 10: `duban scan` on a file it cannot use exits 1 with one Chinese answer, no stack trace, nothing written. */
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cfbFile } from '../local/cfb-fixture';
import { duban } from './cli';

const TEMPLATE = 'sheets-templates/duban-template.xlsx';
const fresh = () => mkdtempSync(join(tmpdir(), 'unreadable-'));

async function corruptInside(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(TEMPLATE));
  // Every sheet, so the ones the scan reads are broken too (a part it never reads is copied as it is).
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
    zip.file(name, '<worksheet><sheetData><row r="1"><c r="A1"></row></worksheet');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

const cases: Array<[string, string, (file: string) => void | Promise<void>, RegExp]> = [
  ['zero-byte', 'a.xlsx', (f) => writeFileSync(f, ''), /空文件/],
  ['plain text', 'a.xlsx', (f) => writeFileSync(f, '编号\tZD-2026-001\n'), /文本文件/],
  ['truncated', 'a.xlsx', (f) => writeFileSync(f, readFileSync(TEMPLATE).subarray(0, 30_000)), /不完整/],
  [
    'encrypted',
    'a.xlsx',
    (f) => writeFileSync(f, cfbFile(['EncryptionInfo', 'EncryptedPackage'])),
    /打开密码/,
  ],
  ['.xls', 'a.xls', (f) => writeFileSync(f, cfbFile(['Workbook'])), /旧版 Excel/],
  ['.csv', 'a.csv', (f) => writeFileSync(f, '编号,完成时限\n'), /CSV/],
  ['corrupt XML inside', 'a.xlsx', corruptInside, /已损坏/],
  [
    'read-only',
    'a.xlsx',
    (f) => {
      copyFileSync(TEMPLATE, f);
      chmodSync(f, 0o444);
    },
    /只读文件/,
  ],
];

describe('duban scan on a file it cannot use', () => {
  for (const [what, name, make, answer] of cases)
    it(`${what}: exit 1, one Chinese answer, nothing written`, async () => {
      const dir = fresh();
      const file = join(dir, name);
      await make(file);
      const before = readFileSync(file);
      const mode = statSync(file).mode;
      const r = duban(['scan', '--workbook', file, '--date', '2026-06-15']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(answer);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(statSync(file).mode).toBe(mode);
      expect(readdirSync(dir).sort()).toEqual([name]); // no outbox, no journal, no lease left behind
    });

  it('a folder: exit 1 and the answer says to point at the .xlsx inside', () => {
    const r = duban(['scan', '--workbook', fresh(), '--date', '2026-06-15']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/是一个文件夹/);
  });

  it('a workbook open in WPS: waits --wait-open seconds, then stops without writing', () => {
    const dir = fresh();
    const file = join(dir, '督办.xlsx');
    copyFileSync(TEMPLATE, file);
    writeFileSync(join(dir, '~$督办.xlsx'), '');
    const before = readFileSync(file);
    const started = Date.now();
    const r = duban(['scan', '--workbook', file, '--date', '2026-06-15', '--wait-open', '1']);
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(r.stderr).toMatch(/等待关闭，最多 1 秒/);
    expect(r.stderr).toMatch(/等待 1 秒仍未关闭，本次扫描未写入、未发送/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
