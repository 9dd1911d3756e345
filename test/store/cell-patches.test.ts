import { describe, expect, it } from 'vitest';
import { CellPatches, patchKey } from '../../src/store/drivers/xlsx-package/cell-patches';

describe('CellPatches (new cell XML of the package driver)', () => {
  it('gives back the last XML written for each cell, across many chunks and for XML longer than a chunk', () => {
    const patches = new CellPatches();
    const long = `<c r="A1" t="inlineStr"><is><t>${'x'.repeat(3 << 20)}</t></is></c>`;
    for (let r = 1; r <= 30_000; r++) patches.set(patchKey(r, 2), `<c r="B${r}"><v>${r}</v></c>`);
    patches.set(patchKey(1, 1), long);
    for (let r = 1; r <= 30_000; r += 2) patches.set(patchKey(r, 2), `<c r="B${r}" s="3"><v>${-r}</v></c>`);
    expect(patches.get(patchKey(1, 1))).toBe(long);
    expect(patches.get(patchKey(2, 2))).toBe('<c r="B2"><v>2</v></c>');
    expect(patches.get(patchKey(29_999, 2))).toBe('<c r="B29999" s="3"><v>-29999</v></c>');
    expect(patches.get(patchKey(3, 3))).toBeUndefined();
  });

  it('keeps UTF-8 text written as a binary string byte for byte', () => {
    const patches = new CellPatches();
    const binary = Buffer.from('<c r="J4" t="inlineStr"><is><t>逾期</t></is></c>', 'utf8').toString('latin1');
    patches.set(patchKey(4, 10), binary);
    expect(Buffer.from(patches.get(patchKey(4, 10))!, 'latin1').toString('utf8')).toContain('逾期');
  });
});
