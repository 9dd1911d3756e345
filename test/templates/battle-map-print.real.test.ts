/**
 * The demo's 挂图作战表 (66 tasks) scanned as of 2026-10-31 and printed by a real LibreOffice: the first pages carry
 * 编号, 工作任务, 状态, 预警 and 系统提示 for every task, and a multi-line 系统提示 gets a row tall enough for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duban } from '../e2e/cli';
import { pdfPages, pdfText, toPdf } from '../report/soffice';
import { execFileSync } from 'node:child_process';

let dir: string;
let workbook: string;
let pdf: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duban-print-'));
  workbook = join(dir, 'demo.xlsx');
  expect(duban(['init', '--demo', '--as-of', '2026-10-31', '--workbook', workbook]).code).toBe(0);
  expect(
    duban(['scan', '--workbook', workbook, '--date', '2026-10-31', '--outbox', join(dir, 'outbox')]).code,
  ).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  for (const ws of [...wb.worksheets]) if (ws.name !== '挂图作战表') wb.removeWorksheet(ws.id);
  const map = join(dir, 'battle-map.xlsx');
  await wb.xlsx.writeFile(map);
  pdf = await toPdf(map, dir);
}, 240_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pageText = (n: number) =>
  execFileSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, '-layout', pdf, '-'], { encoding: 'utf8' });

describe('the printed 挂图作战表', () => {
  it('takes 15 A3 pages or fewer (27 before the print setup)', async () => {
    expect(await pdfPages(pdf)).toBeLessThanOrEqual(15);
  });

  it('shows 编号, 工作任务, 状态, 预警 and 系统提示 of all 66 tasks on the first three pages', async () => {
    const first = [1, 2, 3].map(pageText).join('\n');
    const header = first.split('\n').find((l) => l.includes('工作任务'))!;
    for (const h of ['编号', '工作任务', '完成时限', '状态', '预警', '系统提示', '原完成时限'])
      expect(header).toContain(h);
    for (let i = 1; i <= 63; i++) expect(first).toContain(`ZD-2026-${String(i).padStart(3, '0')}`);
    expect(first).toContain('9月应完成“推动企业达产入统，累计完成75%”未反馈');
    expect(first).not.toContain('应完成工作任务'); // the months come after
    expect(await pdfText(pdf)).toContain('应完成工作任务');
  });

  it('gives a row the height its multi-line 系统提示 needs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    const ws = wb.getWorksheet('挂图作战表')!;
    const hintColumn = (ws.getRow(1).values as unknown[]).indexOf('系统提示');
    let checked = 0;
    ws.eachRow((row, n) => {
      if (n < 3) return;
      const hint = String(row.getCell(hintColumn).value ?? '');
      const lines = hint.split('\n').length;
      if (lines < 2) return;
      expect(row.height, `row ${n}: ${hint}`).toBeGreaterThanOrEqual(lines * 13.5);
      checked++;
    });
    expect(checked).toBeGreaterThan(3);
  });
});
