/** Issue 10: an unreadable workbook file is answered in Chinese with what to do, before the xlsx driver opens it. */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookFileProblem } from '../../src/local/workbook-file';
import { cfbFile } from './cfb-fixture';

const TEMPLATE = 'sheets-templates/duban-template.xlsx';
const dir = () => mkdtempSync(join(tmpdir(), 'wbfile-'));
const withFile = (name: string, bytes: Buffer | string) => {
  const file = join(dir(), name);
  writeFileSync(file, bytes);
  return file;
};
const problem = (file: string, write = true) => workbookFileProblem(file, { write });

describe('the workbook file check', () => {
  it('accepts the template, for a scan and for a dry run', async () => {
    const file = join(dir(), '督办-2026.xlsx');
    copyFileSync(TEMPLATE, file);
    expect(await problem(file)).toBeNull();
    expect(await problem(file, false)).toBeNull();
  });

  const cases: Array<[string, () => string, string, RegExp]> = [
    ['a missing file', () => join(dir(), 'none.xlsx'), 'missing', /找不到工作簿.*duban init/],
    ['a folder', () => dir(), 'directory', /是一个文件夹.*--workbook/],
    ['a zero-byte file', () => withFile('a.xlsx', ''), 'empty', /空文件（0 字节）.*备份/],
    [
      'plain text named .xlsx',
      () => withFile('a.xlsx', '编号,完成时限\nZD-2026-001,2026-03-31\n'),
      'text',
      /文本文件.*另存为/,
    ],
    ['a .csv export', () => withFile('a.csv', '编号,完成时限\n'), 'text', /CSV.*\.xlsx/],
    [
      'a workbook cut off half-way',
      () => withFile('a.xlsx', readFileSync(TEMPLATE).subarray(0, 20_000)),
      'truncated',
      /不完整.*打开并修复/,
    ],
    [
      'an encrypted workbook (OLE2 with EncryptionInfo)',
      () => withFile('a.xlsx', cfbFile(['EncryptionInfo', 'EncryptedPackage'])),
      'encrypted',
      /打开密码.*清空密码/,
    ],
    [
      'an .xls workbook',
      () => withFile('a.xls', cfbFile(['Workbook'])),
      'legacy-binary',
      /旧版 Excel（\.xls）.*另存为/,
    ],
    [
      'a WPS .et workbook',
      () => withFile('a.et', cfbFile(['Workbook'])),
      'legacy-binary',
      /WPS 表格（\.et）/,
    ],
    [
      'a .docx renamed .xlsx',
      () => withFile('a.xlsx', zipNamed('word/document.xml')),
      'not-xlsx',
      /不是 Excel 工作簿/,
    ],
    [
      'random bytes',
      () => withFile('a.xlsx', Buffer.from([0, 1, 2, 3, 0, 250, 251])),
      'not-xlsx',
      /不是 Excel 工作簿/,
    ],
  ];
  for (const [what, make, code, message] of cases)
    it(`answers ${what} in Chinese: ${code}`, async () => {
      const found = await problem(make());
      expect(found?.code).toBe(code);
      expect(found?.message).toMatch(message);
      expect(found?.message).not.toMatch(/Error|at \/|\n/);
    });

  it('refuses a read-only workbook for a scan (it would be replaced), and reads it for a dry run', async () => {
    const file = join(dir(), 'ro.xlsx');
    copyFileSync(TEMPLATE, file);
    chmodSync(file, 0o444);
    const found = await problem(file);
    expect(found?.code).toBe('read-only');
    expect(found?.message).toMatch(/只读文件.*不会替换.*--dry-run/);
    expect(await problem(file, false)).toBeNull();
  });

  it.skipIf(process.getuid?.() === 0)('answers a file it may not read', async () => {
    const file = join(dir(), 'secret.xlsx');
    copyFileSync(TEMPLATE, file);
    chmodSync(file, 0o000);
    expect((await problem(file))?.code).toBe('no-permission');
  });
});

/** A small, well-formed zip holding one empty file `name` (stored), like a .docx or .zip that is not a workbook. */
function zipNamed(name: string): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length, 16);
  return Buffer.concat([local, n, central, n, end]);
}
