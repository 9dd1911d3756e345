/**
 * The import rules of .dependency-cruiser.cjs (the check `npm test` runs on the whole tree) hold on main, and they
 * catch what they are for: an upward import, a cycle, src/ importing the template builders or the tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ruleSet = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, dirs = ['src', 'sheets-templates', 'functions', 'bin']) {
  const result = await cruise(dirs, {
    ruleSet,
    validate: true,
    baseDir,
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: join(root, 'tsconfig.json') },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  } as never);
  const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const planted = mkdtempSync(join(tmpdir(), 'duban-layers-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

/** A tiny tree with one file per layer and the imports given. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(planted, 't-'));
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

describe('the layer rules', () => {
  it('hold on the whole tree', async () => {
    expect(await violations(root)).toEqual([]);
  }, 30_000);

  it('refuse an upward import (calendar → scan), a cycle, and src/ importing sheets-templates/ or test/', async () => {
    const dir = tree({
      'src/calendar/day.ts': "import type { S } from '../scan/types';\nexport type D = S;\n",
      'src/scan/types.ts': 'export type S = number;\n',
      'src/domain/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/domain/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'src/workbook/read.ts': "import { demo } from '../../sheets-templates/demo';\nexport const r = demo;\n",
      'sheets-templates/demo.ts': 'export const demo = 1;\n',
      'src/store/fixture.ts': "import { t } from '../../test/helper';\nexport const f = t;\n",
      'test/helper.ts': 'export const t = 1;\n',
    });
    const found = await violations(dir, ['src', 'sheets-templates']);
    expect(found).toContain('no-upward-from-calendar: src/calendar/day.ts → src/scan/types.ts');
    expect(found.some((v) => v.startsWith('no-circular: src/domain/'))).toBe(true);
    expect(found).toContain('src-not-templates: src/workbook/read.ts → sheets-templates/demo.ts');
    expect(found).toContain('product-not-tests: src/store/fixture.ts → test/helper.ts');
  }, 30_000);
});
