/**
 * The scan of the new year's workbook opens the one its 规则配置 上年度工作簿 names: a full path as init writes it, or
 * a name typed by a clerk, found beside the new workbook; never written; a missing one is said in Chinese.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../sheets-templates/cli/init';
import { previousWorkbookOf } from '../../src/local/previous-workbook';
import { configValues } from '../../src/workbook/read-settings';
import { tabSpec } from '../../src/workbook/schema/tabs';
import { tempDir } from '../store/xlsx-harness';

let dir: string;
let cleanup: () => Promise<void>;
let old: string;
const hash = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  old = join(dir, '督办-2026.xlsx');
  await createWorkbook(old, null, { 工作年度: '2026' });
});
afterAll(() => cleanup());

describe('the 上年度工作簿 a scan opens', () => {
  const open = () => previousWorkbookOf(join(dir, '督办-2027.xlsx'));

  it('by its full path, or by a name beside the new workbook; read only', async () => {
    const before = await hash(old);
    for (const ref of [old, '督办-2026.xlsx']) {
      const opened = await open()(ref, [tabSpec('规则配置')]);
      expect('error' in opened ? opened.error : opened.file).toBe(old);
      if (!('error' in opened))
        expect(configValues(opened.snapshot.tabs['规则配置'])['工作年度']).toBe('2026');
    }
    expect(await hash(old)).toBe(before);
  });

  it('says in Chinese when it is not there', async () => {
    const gone = join(dir, '已移走.xlsx');
    expect(await open()(gone, [tabSpec('规则配置')])).toEqual({ error: `找不到上年度工作簿 ${gone}` });
  });
});
