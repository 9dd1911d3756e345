/**
 * `duban scan` on a macro-enabled workbook from the corpus: the command line's default store is the package driver,
 * so the scan fills the tabs and the VBA project and the macro-enabled content type come through untouched.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageParts } from '../store/package-parts';
import { duban } from './cli';

it('scans an .xlsm from the command line and keeps its vbaProject part and content type', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-xlsm-'));
  const workbook = join(dir, '督办-2026.xlsm');
  copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'xlsx', 'macro.xlsm'), workbook);
  const before = await packageParts(workbook);
  const scan = duban([
    'scan',
    '--workbook',
    workbook,
    '--date',
    '2026-11-20',
    '--outbox',
    join(dir, 'outbox'),
    '--json',
  ]);
  expect(scan.stderr).toBe('');
  expect(scan.code).toBe(0);
  expect(JSON.parse(scan.stdout).cellsWritten).toBeGreaterThan(100);
  const after = await packageParts(workbook);
  const vba = 'xl/vbaProject.bin';
  expect(Buffer.from(after.entries.get(vba)!.raw).equals(Buffer.from(before.entries.get(vba)!.raw))).toBe(
    true,
  );
  expect(after.text('[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
}, 180_000);
